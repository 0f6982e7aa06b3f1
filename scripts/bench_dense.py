#!/usr/bin/env python3
"""The event-dense benchmark corpus: real wire-style sentences that each code a non-statement event.

usage: bench_dense.py select DEMARCHE [--list scripts/bench_dense.tsv]
       bench_dense.py build OUT.jsonl [--sentences 45000] [--list scripts/bench_dense.tsv]

Candidates, one sentence each (read at benchmark time, never committed):
  * ABC news documents 64-299 of the gensim test data (bench_corpus.py reads them; documents
    0-63 are the development set and are never used), dated 2002-01-02;
  * the records of the TABARI validation suite (`validation/tabari/Validate.text`) and of the
    PETRARCH unit tests (`validation/petrarch/PETR.UnitTest.records.xml`), with their own dates;
  * the seed article (`seed/six-party-talks-2006.txt`), dated 2006-11-30.

`select` codes every candidate as a one-sentence document with DEMARCHE (`demarche code -j 1`)
and keeps those with at least one event whose CAMEO root is not 01 (statements) and which the
TABARI kit's splitter (`anchors/tabari/tabari-code --split-only`) also reads as one sentence. It
writes the selection as `key <TAB> sha1` lines (no text): the committed list pins the corpus, so
that later versions of the coder are measured on the same sentences.

`build` reads the candidates again, takes the listed ones (the sha1, first 10 hex digits of the
sentence's UTF-8 bytes, must match), and writes N one-sentence documents: the selection shuffled
with a fixed seed, then shuffled again for every further pass, until N sentences are written.
"""
import collections
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # importing bench_corpus leaves no __pycache__ in scripts/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_corpus import ROOT, SHARED, gensim_documents, split_sentences  # noqa: E402

KIT = os.path.join(SHARED, "anchors", "tabari")
DEFAULT_LIST = os.path.join(ROOT, "scripts", "bench_dense.tsv")


def sha(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def tabari_records():
    path = os.path.join(SHARED, "validation", "tabari", "Validate.text")
    if not os.path.exists(path):
        return
    text = open(path, encoding="latin-1").read()
    for m in re.finditer(r"^(\d{6})\s+(\S+)\n(.*?)\n/\*", text, re.S | re.M):
        d = m.group(1)
        year = ("19" if int(d[:2]) > 50 else "20") + d[:2]
        for k, s in enumerate(split_sentences(m.group(3))):
            yield f"tabari:{m.group(2)}:{k}", f"{year}-{d[2:4]}-{d[4:6]}", s


def petrarch_records():
    path = os.path.join(SHARED, "validation", "petrarch", "PETR.UnitTest.records.xml")
    if not os.path.exists(path):
        return
    for rec in ET.parse(path).getroot().iter("Sentence"):
        d = rec.get("date", "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 and d.isdigit() else "2000-01-01"
        for k, s in enumerate(split_sentences(rec.findtext("Text") or "")):
            yield f"petr:{rec.get('id')}:{k}", date, s


def candidates():
    """Every candidate sentence as (key, date, text), in a fixed order; keys are unique."""
    out = {}
    for i, text in gensim_documents():
        for k, s in enumerate(split_sentences(text)):
            out.setdefault(f"lee-{i:03d}:{k:02d}", ("2002-01-02", s))
    for key, date, s in list(tabari_records()) + list(petrarch_records()):
        out.setdefault(key, (date, s))
    seed = os.path.join(SHARED, "seed", "six-party-talks-2006.txt")
    if os.path.exists(seed):
        for n, line in enumerate(open(seed, encoding="utf-8")):
            for k, s in enumerate(split_sentences(line)):
                out.setdefault(f"seed:{n:02d}:{k}", ("2006-11-30", s))
    return [(key, date, text) for key, (date, text) in out.items()]


def write_docs(path, docs):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for doc_id, date, text in docs:
            f.write(json.dumps({"id": doc_id, "date": date, "text": text}, ensure_ascii=False) + "\n")


def non_statement_docs(demarche, corpus):
    out = subprocess.run([demarche, "code", corpus, "-q", "-j", "1"], check=True,
                         capture_output=True, text=True).stdout
    keep = set()
    for line in out.splitlines():
        ev = json.loads(line)
        if not str(ev.get("cameo", "")).startswith("01"):
            keep.add(ev["doc"])
    return keep


def one_sentence_for_kit(corpus):
    out = subprocess.run([sys.executable, os.path.join(KIT, "tabari-code"), "--split-only", corpus],
                         check=True, capture_output=True, text=True).stdout
    count = {}
    for line in out.splitlines():
        doc = json.loads(line)["doc"]
        count[doc] = count.get(doc, 0) + 1
    return {doc for doc, n in count.items() if n == 1}


def select(demarche, list_path):
    cands = candidates()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "candidates.jsonl")
        write_docs(corpus, cands)
        keep = non_statement_docs(demarche, corpus) & one_sentence_for_kit(corpus)
    chosen = [(key, text) for key, _, text in cands if key in keep]
    with open(list_path, "w", encoding="utf-8") as f:
        f.write("# event-dense benchmark sentences (scripts/bench_dense.py select): key, sha1[:10]\n")
        for key, text in chosen:
            f.write(f"{key}\t{sha(text)}\n")
    by_source = collections.Counter(re.match(r"[a-z]+", key).group(0) for key, _ in chosen)
    print(f"{list_path}: {len(chosen)} of {len(cands)} candidate sentences {dict(by_source)}")


def build(out_path, want, list_path):
    pool = {key: (date, text) for key, date, text in candidates()}
    chosen = []
    for line in open(list_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        key, digest = line.split()
        if key not in pool or sha(pool[key][1]) != digest:
            sys.exit(f"bench_dense.py: {key} is missing or changed in the source text")
        chosen.append((key, *pool[key]))
    rng = random.Random(45000)
    docs = []
    while len(docs) < want:
        order = chosen[:]
        rng.shuffle(order)
        docs.extend(order[: want - len(docs)])
    write_docs(out_path, [(f"dense-{n:06d}", date, text) for n, (_, date, text) in enumerate(docs)])
    size = os.path.getsize(out_path)
    print(f"{out_path}: {len(docs)} one-sentence documents, {size / 1e6:.1f} MB from {len(chosen)} distinct sentences")


def main(argv):
    opts = dict(zip(argv[2::2], argv[3::2]))
    list_path = opts.get("--list", DEFAULT_LIST)
    if len(argv) >= 2 and argv[0] == "select":
        select(argv[1], list_path)
    elif len(argv) >= 2 and argv[0] == "build":
        build(argv[1], int(opts.get("--sentences", 45000)), list_path)
    else:
        sys.exit(__doc__.strip())


if __name__ == "__main__":
    main(sys.argv[1:])
