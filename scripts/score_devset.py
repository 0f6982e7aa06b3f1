#!/usr/bin/env python3
"""Score demarche's events on the development set (tests/corpus/gold.tsv).

usage: score_devset.py SENTENCES.tsv GOLD.tsv EVENTS.jsonl [--min-recall R] [--min-precision P]
       score_devset.py --agreement GOLD_A.tsv GOLD_B.tsv   (inter-annotator agreement)

SENTENCES.tsv is written by scripts/devset.py; EVENTS.jsonl is `demarche code` output for its
docs.jsonl. An event belongs to the development-set sentence holding the start of its evidence
span. It matches a gold row of that sentence when its CAMEO root is among the row's codes' roots
and the source and target agree on country (first three letters; IGO/NGO/MNC codes in full, and
a bare `IGO`/`NGO` accepts any such code; `---` is an actor of no or unknown country, which
also covers IMG codes for transnational militant groups; `-` is no target).
Alternatives in a row are separated by `|`.

Recall counts the `core` rows matched; precision counts output events matching any row (core or
ok). Also printed: exact CAMEO code recall, source-actor recall, false alarms in sentences that
hold no event, a per-root table, and the coarse-class measure (five classes of roots: 01-02
statements and appeals, 03-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
conflict, 14-20 material conflict): a core row is found when some event of its sentence is in
its class, and with its source when that event's source also agrees. The last line is a
one-line summary.
"""
import json
import subprocess
import sys
from collections import Counter, defaultdict

GROUPS = ("IGO", "NGO", "IMG", "MNC")


def actor_key(code):
    code = (code or "-").strip().upper()
    if code == "-" or not code:
        return "-"
    if code.startswith("IMG"):
        return "---"  # a transnational militant group is an actor of no country
    return code if code[:3] in GROUPS else code[:3]


def actor_matches(gold_alts, code):
    key = actor_key(code)
    for alt in gold_alts.split("|"):
        g = actor_key(alt)
        if g == key or (g in GROUPS and key.startswith(g)):
            return True
    return False


def roots(codes):
    return {c.strip()[:2] for c in codes.split("|") if c.strip() not in ("", "-")}


CLASS_STARTS = (1, 3, 6, 9, 14)


def coarse_class(code):
    """The coarse class (0-4) of a CAMEO code, or None."""
    try:
        root = int(code.strip()[:2])
    except ValueError:
        return None
    return max((k for k, start in enumerate(CLASS_STARTS) if root >= start), default=None)


def classes(codes):
    return {coarse_class(c) for c in codes.split("|")} - {None}


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    return [dict(zip(header, r)) for r in body]


def read_gold(path):
    gold = defaultdict(list)
    for row in read_tsv(path):
        if row["cameo"] != "-":
            gold[row["sid"]].append(row)
        else:
            gold.setdefault(row["sid"], [])
    return gold


def code_events(binary, docs, who):
    """Runs `BINARY code -q DOCS` and returns its events; exits with a message naming `who` when
    demarche fails (exit 1, some records rejected, still has events)."""
    out = subprocess.run([binary, "code", "-q", docs], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{who}: demarche failed ({out.returncode}): {out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def sentence_of(sentences, doc, offset):
    for s in sentences.get(doc, []):
        if s[1] <= offset < s[2]:
            return s[0]
    return None


def read_events(sentences_path, events_path):
    sentences = defaultdict(list)
    for row in read_tsv(sentences_path):
        sentences[row["doc"]].append((row["sid"], int(row["start"]), int(row["end"])))
    events = defaultdict(list)
    with open(events_path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            span = (e.get("evidence") or {}).get("span") or e.get("sentence_span")
            sid = sentence_of(sentences, e["doc"], span[0])
            if sid is not None:
                src = (e.get("source") or {}).get("code", "-")
                tgt = (e.get("target") or {}).get("code", "-") if e.get("target") else "-"
                events[sid].append((src, tgt, e["cameo"]))
    return events


def row_matches(row, event, exact=False):
    src, tgt, code = event
    if exact:
        code_ok = code in {c.strip() for c in row["cameo"].split("|")}
    else:
        code_ok = code[:2] in roots(row["cameo"])
    return code_ok and actor_matches(row["source"], src) and actor_matches(row["target"], tgt)


def score(gold, events):
    m = Counter()
    per_root = defaultdict(Counter)
    for sid, rows in gold.items():
        out = events.get(sid, [])
        if not rows and out:
            m["false_alarm_sentences"] += 1
        m["empty_sentences"] += not rows
        for row in rows:
            if row["kind"] != "core":
                continue
            found = any(row_matches(row, e) for e in out)
            r = sorted(roots(row["cameo"]))[0]
            m["core"] += 1
            m["found"] += found
            m["exact"] += any(row_matches(row, e, exact=True) for e in out)
            m["source"] += any(actor_matches(row["source"], e[0]) for e in out)
            in_class = [e for e in out if coarse_class(e[2]) in classes(row["cameo"])]
            m["class"] += bool(in_class)
            m["class_source"] += any(actor_matches(row["source"], e[0]) for e in in_class)
            per_root[r]["gold"] += 1
            per_root[r]["found"] += found
        for e in out:
            ok = any(row_matches(row, e) for row in rows)
            m["class_correct"] += any(coarse_class(e[2]) in classes(row["cameo"]) for row in rows)
            m["events"] += 1
            m["correct"] += ok
            per_root[e[2][:2]]["output"] += 1
            per_root[e[2][:2]]["correct"] += ok
    return m, per_root


def ratio(a, b):
    return a / b if b else 0.0


def report(m, per_root):
    print(f"sentences: {len(per_root) and m['empty_sentences']} without events in gold; "
          f"false alarms in {m['false_alarm_sentences']} of them")
    print("root  gold found  output correct")
    for r in sorted(per_root):
        c = per_root[r]
        print(f"{r:>4}  {c['gold']:4d} {c['found']:5d}  {c['output']:6d} {c['correct']:7d}")
    print(f"exact CAMEO code recall {ratio(m['exact'], m['core']):.2f} ({m['exact']}/{m['core']}); "
          f"source-actor recall {ratio(m['source'], m['core']):.2f} ({m['source']}/{m['core']})")
    print(f"coarse class recall {ratio(m['class'], m['core']):.2f} ({m['class']}/{m['core']}), "
          f"with the gold source {ratio(m['class_source'], m['core']):.2f} "
          f"({m['class_source']}/{m['core']}); class precision "
          f"{ratio(m['class_correct'], m['events']):.2f} ({m['class_correct']}/{m['events']})")
    recall, precision = ratio(m["found"], m["core"]), ratio(m["correct"], m["events"])
    print(f"devset: recall {recall:.2f} ({m['found']}/{m['core']} core) "
          f"precision {precision:.2f} ({m['correct']}/{m['events']})")
    return recall, precision


def agreement(path_a, path_b):
    a, b = read_gold(path_a), read_gold(path_b)
    sids = sorted(set(a) & set(b))
    for first, second, name in ((a, b, "A rows found in B"), (b, a, "B rows found in A")):
        core = found = 0
        for sid in sids:
            for row in first[sid]:
                if row["kind"] != "core":
                    continue
                core += 1
                found += any(
                    any(row_matches(other, (s, t, c))
                        for s in row["source"].split("|") for t in row["target"].split("|")
                        for c in row["cameo"].split("|"))
                    for other in second[sid])
        print(f"{name}: {found}/{core} core rows = {ratio(found, core):.2f}")
    same_empty = sum((not a[s]) == (not b[s]) for s in sids)
    print(f"sentences with/without events agreed: {same_empty}/{len(sids)}")


def main(argv):
    if argv and argv[0] == "--agreement":
        agreement(argv[1], argv[2])
        return 0
    opts, args, i = {}, [], 0
    while i < len(argv):
        if argv[i] in ("--min-recall", "--min-precision") and i + 1 < len(argv):
            opts[argv[i][2:]] = float(argv[i + 1])
            i += 2
        elif argv[i].startswith("--") or len(args) == 3:
            print(__doc__.strip().splitlines()[0], file=sys.stderr)
            print("usage: score_devset.py SENTENCES_TSV GOLD_TSV EVENTS_JSONL "
                  "[--min-recall R] [--min-precision P]", file=sys.stderr)
            return 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 3:
        print("usage: score_devset.py SENTENCES_TSV GOLD_TSV EVENTS_JSONL "
              "[--min-recall R] [--min-precision P]", file=sys.stderr)
        return 2
    gold = read_gold(args[1])
    events = read_events(args[0], args[2])
    recall, precision = report(*score(gold, events))
    ok = recall >= opts.get("min-recall", 0) and precision >= opts.get("min-precision", 0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
