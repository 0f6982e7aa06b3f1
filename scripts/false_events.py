#!/usr/bin/env python3
"""Classify demarche's false events: output events that match no gold row.

usage: scripts/false_events.py [--split dev|tune|fresh|wire-tune] [--bin PATH] [--list] [--root RR]

For the readable splits only (the first development split, the tune split and the wire-tune
codebook set; never the blind test split, which this script refuses), codes the split with the
release CLI and puts every output event that matches no gold row (CAMEO root + source and target
country, as scripts/score_devset.py and scripts/codebook.py match them) into one class:

  no-gold-event   the sentence holds no gold event at all (nothing should have been coded)
  wrong-root      the sentence has gold events, none with this event's root
  wrong-source    a gold row has the root, but none of those rows has the source's country
  wrong-target    a gold row has the root and the source, but not the target

It prints the counts by class, by CAMEO root and by rule (`rules` field; `none` when empty) and
by the `via` of the source (how the source was found when not named), with `dup` counting false
events whose evidence span is shared with another event of the sentence (one act coded twice).
`--list` prints each false event with its sentence and the gold rows; `--root` keeps one root.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import score_devset as sd  # noqa: E402

SPLITS = {"dev": ("tests/corpus/gold.tsv", 64), "tune": ("tests/corpus/tune/gold.tsv", 192), "fresh": ("tests/corpus/fresh/gold.tsv", 256)}
WIRE_TUNE = "tests/codebook/wire-tune.tsv"


def run_coder(binary, docs):
    return sd.code_events(binary, docs, "false_events")


def event_key(e):
    src = (e.get("source") or {}).get("code", "-")
    tgt = (e.get("target") or {}).get("code", "-") if e.get("target") else "-"
    return (src, tgt, e["cameo"])


def devset_split(split, binary, tmp):
    gold_path, ndocs = SPLITS[split]
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "devset.py"), tmp, "--docs", str(ndocs)],
                   check=True, stdout=subprocess.DEVNULL)
    gold = sd.read_gold(os.path.join(ROOT, gold_path))
    sentences, texts = defaultdict(list), {}
    for row in sd.read_tsv(os.path.join(tmp, "sentences.tsv")):
        if row["sid"] in gold:  # only the split's own sentences: never those of another split
            sentences[row["doc"]].append((row["sid"], int(row["start"]), int(row["end"])))
            texts[row["sid"]] = row["text"]
    events = defaultdict(list)
    for e in run_coder(binary, os.path.join(tmp, "docs.jsonl")):
        span = (e.get("evidence") or {}).get("span") or e.get("sentence_span")
        sid = sd.sentence_of(sentences, e["doc"], span[0])
        if sid is not None:
            events[sid].append(e)
    return gold, events, texts


def wire_split(binary, tmp):
    gold, texts = {}, {}
    docs = os.path.join(tmp, "docs.jsonl")
    with open(os.path.join(ROOT, WIRE_TUNE), encoding="utf-8") as f, open(docs, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            rid, date, text, source, target, code = line.rstrip("\n").split("\t")
            gold[rid] = [dict(cameo=code, source=source, target=target, kind="core")]
            texts[rid] = text
            out.write(json.dumps({"id": rid, "date": date, "text": text}) + "\n")
    events = defaultdict(list)
    for e in run_coder(binary, docs):
        events[e["doc"]].append(e)
    return gold, events, texts


def classify(rows, key):
    src, tgt, code = key
    if not rows:
        return "no-gold-event"
    same_root = [r for r in rows if code[:2] in sd.roots(r["cameo"])]
    if not same_root:
        return "wrong-root"
    if not any(sd.actor_matches(r["source"], src) for r in same_root):
        return "wrong-source"
    return "wrong-target"


def false_events(gold, events):
    for sid, evs in sorted(events.items()):
        rows = gold.get(sid, [])
        spans = Counter(tuple((e.get("evidence") or {}).get("span") or ()) for e in evs)
        for e in evs:
            key = event_key(e)
            if any(sd.row_matches(r, key) for r in rows):
                continue
            dup = spans[tuple((e.get("evidence") or {}).get("span") or ())] > 1
            yield sid, e, key, classify(rows, key), dup


def describe(e, key):
    ev = e.get("evidence") or {}
    src_via = (e.get("source") or {}).get("via", "")
    return (f'{key[0]}>{key[1]}:{key[2]} "{ev.get("text", "")}" ({ev.get("entry", "")}) '
            f'rules={",".join(e.get("rules") or []) or "none"}' + (f" via={src_via}" if src_via else ""))


def report(found, total, gold, texts, listing):
    by_class, by_root, by_rule, by_via = Counter(), Counter(), Counter(), Counter()
    dups = 0
    for sid, e, key, cls, dup in found:
        by_class[cls] += 1
        by_root[key[2][:2]] += 1
        for rule in e.get("rules") or ["none"]:
            by_rule[rule] += 1
        by_via[((e.get("source") or {}).get("via") or "named").split(" ")[0]] += 1
        dups += dup
        if listing:
            gold_rows = "; ".join(f'{r["source"]}>{r["target"]}:{r["cameo"]}' for r in gold.get(sid, [])) or "none"
            print(f"{sid}\t{cls}{' dup' if dup else ''}\t{describe(e, key)}\tgold: {gold_rows}\t{texts.get(sid, '')}")
    n = sum(by_class.values())
    print(f"false events: {n} of {total} output events; {dups} share their evidence span with another event")
    for name, counter in (("class", by_class), ("root", by_root), ("rule", by_rule), ("source via", by_via)):
        print(f"by {name}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "demarche"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--root")
    args = ap.parse_args()
    if args.split not in ("dev", "tune", "fresh", "wire-tune"):
        print(f"false_events: --split must be dev, tune, fresh or wire-tune, not '{args.split}' "
              "(the test split is scored only, never read)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if args.split == "wire-tune":
            gold, events, texts = wire_split(args.bin, tmp)
        else:
            gold, events, texts = devset_split(args.split, args.bin, tmp)
    found = [f for f in false_events(gold, events) if not args.root or f[2][2][:2] == args.root]
    total = sum(len(v) for v in events.values())
    report(found, total, gold, texts, args.list)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output cut short by a pager or `head`
        sys.stderr.close()
        sys.exit(0)
