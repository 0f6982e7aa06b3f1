#!/usr/bin/env python3
"""Per-stage instruction counts from two callgrind runs, as a Markdown table.

usage: bench_profile.py CORPUS.callgrind.out STARTUP.callgrind.out SENTENCES

Reads `callgrind_annotate --inclusive=yes` of both runs (the corpus run and a one-short-document
run) and prints, for each stage, its inclusive instruction count (Ir) on the corpus, its share of
the whole process, and its Ir per sentence. Inlining splits a function into several
`file:function` entries (one per source file its code came from); the largest is taken as the
function's inclusive cost.
"""
import re
import subprocess
import sys

LINE = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S.*)$")

# (label, function, start-up?) in the order of the table; indented labels are parts of the one above.
STAGES = [
    ("start-up: dictionary compile (`dict::Dictionaries::compile`)", "demarche::dict::Dictionaries::compile", True),
    ("start-up: gazetteer parse (`resolve::gazetteer::Gazetteer::from_tsv`, 2nd thread)",
     "demarche::resolve::gazetteer::Gazetteer::from_tsv", True),
    ("JSONL input (`ingest::jsonl::JsonlRecords::next`)",
     "<demarche::ingest::jsonl::JsonlRecords as core::iter::traits::iterator::Iterator>::next", False),
    ("coding, all stages below (`code::Coder::run`)", "demarche::code::Coder::run", False),
    ("  text analysis (`text::analyze`)", "demarche::text::analyze", False),
    ("    tokenize (`text::token::tokenize`)", "demarche::text::token::tokenize", False),
    ("    tag (`text::tag::tag_sentence`)", "demarche::text::tag::tag_sentence", False),
    ("    clauses (`text::chunk::clauses`)", "demarche::text::chunk::clauses", False),
    ("  actor/agent phrases (`dict::Dictionaries::match_phrases`)", "demarche::dict::Dictionaries::match_phrases", False),
    ("  mentions (`code::mentions::find_mentions`)", "demarche::code::mentions::find_mentions", False),
    ("  verb patterns (`SentenceContext::code_patterns`)", "demarche::code::sentence::SentenceContext::code_patterns", False),
    ("    `code::patterns::match_at`", "demarche::code::patterns::match_at", False),
    ("    `dict::verbs::VerbDictionary::candidates`", "demarche::dict::verbs::VerbDictionary::candidates", False),
    ("  events (`code::events::events_for`)", "demarche::code::events::events_for", False),
    ("  dates (`dates::find`)", "demarche::dates::find", False),
    ("  place resolution (`SentenceContext::locate`)", "demarche::code::sentence::SentenceContext::locate", False),
    ("    `resolve::places::PlaceResolver::find_places_in`", "demarche::resolve::places::PlaceResolver::find_places_in", False),
    ("    `resolve::places::PlaceResolver::short_forms`", "demarche::resolve::places::PlaceResolver::short_forms", False),
    ("JSON output (`sink::EventSink::write_document`)", "demarche::sink::EventSink::write_document", False),
]


def inclusive(path):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path], check=True,
                         capture_output=True, text=True).stdout
    costs, total = {}, None
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        ir, rest = int(m.group(1).replace(",", "")), m.group(2)
        if rest.startswith("PROGRAM TOTALS"):
            total = ir
            continue
        func = re.sub(r" \[[^\]]*\]$", "", rest.split(":", 1)[1] if ":" in rest else rest)
        costs[func] = max(costs.get(func, 0), ir)
    return total, costs


def main(argv):
    corpus_out, startup_out, sentences = argv[0], argv[1], int(argv[2])
    total, costs = inclusive(corpus_out)
    s_total, s_costs = inclusive(startup_out)
    print(f"| stage | Ir, {sentences:,} event-dense sentences | share | Ir per sentence |")
    print("|---|---:|---:|---:|")
    print(f"| whole process | {total:,} | 100 % | {(total - s_total) / sentences:,.0f} (start-up excluded) |")
    print(f"| whole process, one short document (start-up) | {s_total:,} | {100 * s_total / total:.1f} % | |")
    for label, func, is_startup in STAGES:
        ir = costs.get(func, 0)
        per = "" if is_startup else f"{ir / sentences:,.0f}"
        print(f"| {label.replace('  ', '&nbsp;&nbsp;')} | {ir:,} | {100 * ir / total:.1f} % | {per} |")


if __name__ == "__main__":
    main(sys.argv[1:])
