#!/usr/bin/env python3
"""Builds documents.jsonl and gold.tsv of the dedup evaluation set from spec.txt.

spec.txt (written by hand, every sentence invented):
  G <group> <base date> <SRC>TGT> <root>    a real-world event, the key its reports code to
  <outlet> <day offset> <text>              one report of it: a document dated base + offset
  N <kind> <SRC>TGT> <root> <outlet> <day offset> <text>
                                            a near-miss: its own event, which must stay apart
Keys use the first three letters of each actor code (`-` for no target). Run from this
directory: python3 build.py
"""
import datetime
import json

OUTLET_KEYS = ["source", "outlet", "publisher", "media", "domain"]


def main():
    docs, gold = [], []
    for line in open("spec.txt", encoding="utf-8"):
        f = line.split()
        if not f:
            continue
        if f[0] == "G":
            group, base, key, k = f[1], datetime.date.fromisoformat(f[2]), f"{f[3]} {f[4]}", 0
            continue
        if f[0] == "N":
            label, doc_key, outlet, offset, text = f"{group}~{f[1]}", f"{f[2]} {f[3]}", f[4], f[5], f[6:]
        else:
            label, doc_key, outlet, offset, text = group, key, f[0], f[1], f[2:]
        k += 1
        doc = {"id": f"{group}-{k}", "date": (base + datetime.timedelta(days=int(offset))).isoformat(),
               "text": " ".join(text)}
        doc[OUTLET_KEYS[len(docs) % len(OUTLET_KEYS)]] = outlet
        docs.append(doc)
        gold.append((doc["id"], label, doc_key))
    with open("documents.jsonl", "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc) + "\n")
    with open("gold.tsv", "w", encoding="utf-8") as out:
        out.write("# document\tevent (same value = same real-world event; ~kind = near-miss)\texpected key\n")
        for row in gold:
            out.write("\t".join(row) + "\n")


main()
