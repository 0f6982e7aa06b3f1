#!/usr/bin/env python3
"""Score `demarche code` on single-event sentences by PLOVER type, as the held-out PLOVER set is.

usage: scripts/plover_score.py --file TSV [--bin PATH] [--confusion] [--misses]
       scripts/plover_score.py --split dev|tune|fresh|test|test2 [--bin PATH] [--confusion] [--misses]

Each sentence holds one gold event with a PLOVER type. Only events with a PLOVER type count:
CAMEO 01x/02x (statements, appeals) have none in dictionaries/cameo.tsv and cost nothing.
Printed per set:
  type      record recall = sentences with an emitted event of the gold type / sentences;
            precision = the same count / emitted PLOVER-typed events: the gold record matches one
            event, so every further typed event, even of the right type, costs precision
  type+dyad the same, the event also agreeing with the gold source and target on country
            (first three letters; IGO/NGO/MNC in full; `-` = no target; `---` no country)
  extra     sentences with more than one PLOVER-typed event (each extra one costs precision)
`--confusion` prints gold type x emitted type (`none` = nothing typed); `--misses` the sentences
whose typed events are not exactly one of the gold type.

Inputs:
  --file  a codebook-style TSV (id, date, text, source, target, code): `code` is a CAMEO code,
          mapped to PLOVER with dictionaries/cameo.tsv, or a PLOVER type in capitals (as in
          tests/plover/plover.tsv); rows whose code has no PLOVER type are skipped.
  --split a development-set split (scripts/devset.sh); its single-event sentences are those with
          exactly one gold row (core), whose code (any `|` alternative) has a PLOVER type.
Held-out sets (--split test and test2, tests/codebook/wire.tsv) are only ever scored: the script refuses
--confusion and --misses on them.
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
from score_devset import actor_matches, code_events, read_tsv  # noqa: E402

SPLITS = {"dev": ("tests/corpus", 64, 0), "tune": ("tests/corpus/tune", 192, 128),
          "fresh": ("tests/corpus/fresh", 256, 192), "test": ("tests/corpus/test", 128, 64),
          "test2": ("tests/corpus/test2", 300, 256)}
HELD_OUT = ("split:test", "split:test2", "wire.tsv")


def plover_table():
    table = {}
    with open(os.path.join(ROOT, "dictionaries", "cameo.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 7 and not line.startswith(("#", "code\t")) and cols[4] != "-":
                table[cols[0]] = cols[4]
    return table


def gold_types(code, table):
    """The PLOVER types a gold code (CAMEO or PLOVER, `|` alternatives) allows."""
    out = set()
    for c in code.split("|"):
        c = c.strip()
        if c.isalpha() and c.isupper():
            out.add(c)
        elif c in table:
            out.add(table[c])
    return out


def run_demarche(binary, docs_path):
    return code_events(binary, docs_path, "plover_score")


def typed(e):
    src = (e.get("source") or {}).get("code", "-")
    tgt = (e.get("target") or {}).get("code", "-") if e.get("target") else "-"
    return (e.get("plover"), src, tgt, e["cameo"], (e.get("evidence") or {}).get("text", ""))


def file_records(path, binary, table):
    """(id, text, types, source, target) per row with a PLOVER type, and each row's events."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(l for l in f if l.strip() and not l.startswith("#")):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 6:
                sys.exit(f"plover_score: {path}: row {n + 1} has {len(cols)} columns, not 6")
            rows.append(cols)
    rows = [r for r in rows if gold_types(r[5], table)]
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            for rid, date, text, *_ in rows:
                f.write(json.dumps({"id": rid, "date": date, "text": text}) + "\n")
        events = defaultdict(list)
        for e in run_demarche(binary, docs):
            events[e["doc"]].append(typed(e))
    recs = [(r[0], r[2], gold_types(r[5], table), r[3], r[4]) for r in rows]
    return recs, events


def split_records(split, binary, table):
    gold_dir, docs, first = SPLITS[split]
    out = os.path.join(ROOT, "target", "plover", split)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "devset.py"), out,
                    "--docs", str(docs), "--first", str(first)], check=True, stdout=subprocess.DEVNULL)
    sentences = {r["sid"]: r for r in read_tsv(os.path.join(out, "sentences.tsv"))}
    gold = defaultdict(list)
    for row in read_tsv(os.path.join(ROOT, gold_dir, "gold.tsv")):
        if row["cameo"] != "-":
            gold[row["sid"]].append(row)
    recs = []
    for sid, rows in sorted(gold.items()):
        if len(rows) == 1 and rows[0]["kind"] == "core" and gold_types(rows[0]["cameo"], table):
            r = rows[0]
            recs.append((sid, sentences[sid]["text"], gold_types(r["cameo"], table), r["source"], r["target"]))
    bounds = defaultdict(list)
    for s in sentences.values():
        bounds[s["doc"]].append((s["sid"], int(s["start"]), int(s["end"])))
    events = defaultdict(list)
    for e in run_demarche(binary, os.path.join(out, "docs.jsonl")):
        at = ((e.get("evidence") or {}).get("span") or e["sentence_span"])[0]
        sid = next((s for s, a, b in bounds[e["doc"]] if a <= at < b), None)
        events[sid].append(typed(e))
    return recs, events


def score(recs, events):
    m, confusion, misses = Counter(), Counter(), []
    for rid, text, types, src, tgt in recs:
        out = [e for e in events.get(rid, []) if e[0]]
        ok = lambda e: e[0] in types
        dyad = lambda e: ok(e) and actor_matches(src, e[1]) and actor_matches(tgt, e[2])
        m["n"] += 1
        m["found"] += any(map(ok, out))
        m["found_dyad"] += any(map(dyad, out))
        m["events"] += len(out)
        m["correct"] += any(map(ok, out))
        m["correct_dyad"] += any(map(dyad, out))
        m["extra"] += len(out) > 1
        gold = "|".join(sorted(types))
        for e in out or [("none",)]:
            confusion[(gold, e[0])] += 1
        if not (len(out) == 1 and ok(out[0])):
            got = ", ".join(f"{e[0]}:{e[3]} {e[1]}>{e[2]} [{e[4]}]" for e in out) or "nothing"
            misses.append(f"{rid}\t{gold}\t{got}\t{text}")
    return m, confusion, misses


def print_confusion(confusion):
    golds = sorted({g for g, _ in confusion})
    got = sorted({e for _, e in confusion})
    print("gold \\ emitted  " + " ".join(f"{e[:5]:>5}" for e in got))
    for g in golds:
        print(f"{g[:15]:<15} " + " ".join(f"{confusion[(g, e)] or '.':>5}" for e in got))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file")
    ap.add_argument("--split", choices=sorted(SPLITS))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "demarche"))
    ap.add_argument("--confusion", action="store_true")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    if bool(args.file) == bool(args.split):
        sys.exit("plover_score: give one of --file or --split")
    name = f"split:{args.split}" if args.split else os.path.basename(args.file)
    if name in HELD_OUT and (args.confusion or args.misses):
        sys.exit(f"plover_score: {name} is held out: only its summary line may be printed")
    table = plover_table()
    recs, events = (split_records(args.split, args.bin, table) if args.split
                    else file_records(args.file, args.bin, table))
    m, confusion, misses = score(recs, events)
    if args.misses:
        print("\n".join(misses))
    if args.confusion:
        print_confusion(confusion)
    r = lambda a, b: f"{a / b if b else 0:.2f} ({a}/{b})"
    print(f"plover[{name}]: {m['n']} single-event sentences; type recall {r(m['found'], m['n'])} "
          f"precision {r(m['correct'], m['events'])}; type+dyad recall {r(m['found_dyad'], m['n'])} "
          f"precision {r(m['correct_dyad'], m['events'])}; extra-event sentences {m['extra']}")


if __name__ == "__main__":
    main()
