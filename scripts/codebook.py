#!/usr/bin/env python3
"""Score `demarche code` on the codebook-style test set (tests/codebook/codebook.tsv).

usage: scripts/codebook.py [--half tune|test|all] [--bin PATH] [--misses] [--min-exact R]

Writes the rows as JSON Lines documents, codes them with the release CLI and prints, for the
chosen half (odd data rows = tune, even = test): the share of sentences where some event has the
exact gold CAMEO code, where some event has the gold root, where such an exact event also has the
gold source country (first three letters), the share of sentences with any event at all, and
the share where some event has the gold root and both the gold source and target countries
(IGO/NGO codes in full; `-` = no target), as held-out wire sentences are scored.
`--misses` lists the sentences without an exact-code event and what was coded instead.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    rows = []
    for n, line in enumerate(lines):
        cols = line.split("\t")
        if len(cols) != 6:
            sys.exit(f"codebook: {path}: row {n + 1} has {len(cols)} columns, not 6")
        rid, date, text, source, target, code = cols
        half = "tune" if n % 2 == 0 else "test"
        rows.append(dict(id=rid, date=date, text=text, source=source, target=target, code=code, half=half))
    return rows


def code_rows(rows, binary):
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({"id": r["id"], "date": r["date"], "text": r["text"]}) + "\n")
        out = subprocess.run([binary, "code", "-q", docs], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"codebook: demarche failed ({out.returncode}): {out.stderr}")
    events = {}
    for line in out.stdout.splitlines():
        e = json.loads(line)
        events.setdefault(e["doc"], []).append(e)
    return events


def actor(e, side):
    a = e.get(side) or {}
    return a.get("code") or "-"


def score(rows, events):
    n = exact = root = exact_src = any_ev = dyad = 0
    misses = []
    for r in rows:
        evs = events.get(r["id"], [])
        n += 1
        any_ev += bool(evs)
        ex = [e for e in evs if e["cameo"] == r["code"]]
        exact += bool(ex)
        root += any(e["cameo"][:2] == r["code"][:2] for e in evs)
        gold_src = r["source"][:3] if r["source"][:3] not in ("IGO",) else r["source"]
        exact_src += any(r["source"] == "-" or actor(e, "source").startswith(gold_src) for e in ex)
        dyad += any(e["cameo"][:2] == r["code"][:2] and same_country(r["source"], actor(e, "source"))
                    and same_country(r["target"], actor(e, "target")) for e in evs)
        if not ex:
            got = ", ".join(f'{actor(e, "source")}>{actor(e, "target")}:{e["cameo"]}' for e in evs) or "nothing"
            misses.append(f'{r["id"]}\t{r["code"]}\t{got}\t{r["text"]}')
    return n, exact, root, exact_src, any_ev, dyad, misses


def same_country(gold, got):
    """Country-level agreement of a gold and a coded actor, as the wire set is scored: first
    three letters (IGO/NGO codes in full, `-` = no actor)."""
    key = lambda c: c if c == "-" or c[:3] in ("IGO", "NGO") else c[:3]
    return key(gold) == key(got)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("tune", "test", "all"), default="all")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "demarche"))
    ap.add_argument("--file", default=os.path.join(ROOT, "tests", "codebook", "codebook.tsv"))
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--min-exact", type=float, default=0.0)
    args = ap.parse_args()
    rows = [r for r in read_rows(args.file) if args.half in ("all", r["half"])]
    n, exact, root, exact_src, any_ev, dyad, misses = score(rows, code_rows(rows, args.bin))
    if args.misses:
        print("\n".join(misses))
    f = lambda k: f"{k / n:.2f} ({k}/{n})"
    print(f"codebook[{args.half}]: exact code {f(exact)}  root {f(root)}  "
          f"exact code + source {f(exact_src)}  any event {f(any_ev)}  "
          f"root + source + target {f(dyad)}")
    if exact / n < args.min_exact:
        sys.exit(f"codebook: exact-code share {exact / n:.2f} below --min-exact {args.min_exact}")


if __name__ == "__main__":
    main()
