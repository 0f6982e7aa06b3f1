#!/usr/bin/env python3
"""Count and list events whose CAMEO root matches a gold row but whose target (or source) differs.

usage: scripts/target_misses.py [--split dev|tune|fresh|wire-tune]... [--bin PATH] [--list]

For each chosen set (default: dev, tune and wire-tune; the blind `test` split and wire.tsv are
refused — they may only be scored) codes the sentences with the release CLI and, for every gold
row (devset `core` rows; every wire-tune row) with an output event of the same CAMEO root in its
sentence, classifies the best such event:

  ok       source and target both agree (country level, as scripts/score_devset.py matches)
  target   the source agrees, the target does not   (split by: gold has a target we left empty,
           we coded a target gold leaves empty, both have one but they differ)
  source   the target agrees, the source does not
  both     neither agrees

It prints one count line per set and, with `--list`, the rows of the `target`/`source`/`both`
kinds (gold source>target, what was coded, the sentence) so the general causes can be read.
The devset documents come from scripts/devset.py (cached under target/devset/SPLIT); a split
whose gold is not present (tune before its gold lands) is skipped with a note.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codebook  # noqa: E402
import score_devset as sd  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPLITS = {"dev": ("tests/corpus", 64), "tune": ("tests/corpus/tune", 192), "fresh": ("tests/corpus/fresh", 256)}


def classify(gold_src, gold_tgt, events):
    """The kind of the best event of `events` (src, tgt, code) against one gold row."""
    best = None
    for src, tgt in events:
        s, t = sd.actor_matches(gold_src, src), sd.actor_matches(gold_tgt, tgt)
        kind = "ok" if s and t else "target" if s else "source" if t else "both"
        rank = ("ok", "target", "source", "both").index(kind)
        if best is None or rank < best[0]:
            best = (rank, kind, src, tgt)
    return best[1:]


def target_detail(gold_tgt, tgt):
    if gold_tgt.strip() == "-":
        return "target-extra"
    return "target-missing" if tgt == "-" else "target-wrong"


def tally(items):
    """`items`: (id, gold_src, gold_tgt, gold_code, [(src, tgt, code)], text) → counts, listing."""
    counts, listing = Counter(), []
    for rid, gsrc, gtgt, gcode, evs, text in items:
        roots = {c.strip()[:2] for c in gcode.split("|") if c.strip() not in ("", "-")}
        same_root = [(s, t) for s, t, c in evs if c[:2] in roots]
        if not same_root:
            continue
        kind, src, tgt = classify(gsrc, gtgt, same_root)
        counts["root"] += 1
        counts[kind] += 1
        if kind == "target":
            counts[target_detail(gtgt, tgt)] += 1
        if kind != "ok":
            got = ", ".join(f"{s}>{t}:{c}" for s, t, c in evs)
            listing.append(f"{kind}\t{rid}\tgold {gsrc}>{gtgt}:{gcode}\tgot {got}\t{text}")
    return counts, listing


def devset_items(split, binary):
    gold_dir, docs = SPLITS[split]
    gold_path = os.path.join(ROOT, gold_dir, "gold.tsv")
    if not os.path.exists(gold_path):
        print(f"{split}: no {gold_dir}/gold.tsv yet, skipped")
        return None
    out = os.path.join(ROOT, "target", "devset", split)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "devset.py"), out, "--docs", str(docs)],
                   check=True)
    events_path = os.path.join(out, "events.jsonl")
    with open(events_path, "w", encoding="utf-8") as f:
        subprocess.run([binary, "code", "-q", os.path.join(out, "docs.jsonl")], stdout=f, check=False)
    sentences_path = os.path.join(out, "sentences.tsv")
    texts = {r["sid"]: r.get("text", "") for r in sd.read_tsv(sentences_path)}
    events = sd.read_events(sentences_path, events_path)
    items = []
    for sid, rows in sd.read_gold(gold_path).items():
        for row in rows:
            if row["kind"] == "core":
                items.append((sid, row["source"], row["target"], row["cameo"], events.get(sid, []),
                              texts.get(sid, "")))
    return items


def wire_items(binary):
    rows = codebook.read_rows(os.path.join(ROOT, "tests", "codebook", "wire-tune.tsv"))
    events = codebook.code_rows(rows, binary)
    return [(r["id"], r["source"], r["target"], r["code"],
             [(codebook.actor(e, "source"), codebook.actor(e, "target"), e["cameo"])
              for e in events.get(r["id"], [])], r["text"]) for r in rows]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", action="append", choices=("dev", "tune", "fresh", "wire-tune", "test", "test2", "wire"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "demarche"))
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    for split in args.split or ["dev", "tune", "wire-tune"]:
        if split in ("test", "test2", "wire"):
            sys.exit(f"target_misses: '{split}' is blind: score it with its own script, never list it")
        items = wire_items(args.bin) if split == "wire-tune" else devset_items(split, args.bin)
        if items is None:
            continue
        c, listing = tally(items)
        if args.list:
            print("\n".join(listing))
        print(f"{split}: {c['root']} gold rows with a same-root event: ok {c['ok']}, "
              f"target {c['target']} (missing {c['target-missing']}, wrong {c['target-wrong']}, "
              f"extra {c['target-extra']}), source {c['source']}, both {c['both']}")


if __name__ == "__main__":
    main()
