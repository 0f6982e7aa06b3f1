#!/usr/bin/env python3
"""The development set's text: real news read from a registry package, never committed.

usage: devset.py OUT_DIR [--docs N] [--first K]

Reads the 300 ABC news documents of the gensim test data (`test_data/lee_background.cor` inside
the gensim 4.4.0 wheel on PyPI, an LGPL package; the wheel is fetched with `pip download` into
~/.cache/demarche-bench if absent) and writes, for the first N documents (default 64), starting
at document K (default 0; a split's documents only, so that nobody sees the blind test split's
output while reading another split's):

  OUT_DIR/docs.jsonl       one document a line: {"id": "lee-007", "date": ..., "text": ...}
  OUT_DIR/sentences.tsv    sid, doc, start, end (byte offsets into the text), sha1, text

Sentence ids (`lee-007:03`) are what tests/corpus/gold.tsv refers to; the sha1 column (first 10
hex digits of the sentence's UTF-8 bytes) lets the scorer notice a changed source.
The stories are from late December 2001 / early January 2002; every document gets the date
2002-01-02 (the corpus carries no dates).
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile

CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "demarche-bench")
DOC_DATE = "2002-01-02"
SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def lee_documents():
    os.makedirs(CACHE, exist_ok=True)
    wheels = sorted(f for f in os.listdir(CACHE) if f.startswith("gensim-4.4.0") and f.endswith(".whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                        "-d", CACHE, "gensim==4.4.0"], check=True)
        wheels = sorted(f for f in os.listdir(CACHE) if f.startswith("gensim-4.4.0") and f.endswith(".whl"))
    with zipfile.ZipFile(os.path.join(CACHE, wheels[0])) as z:
        name = next(n for n in z.namelist() if n.endswith("lee_background.cor"))
        return z.read(name).decode("utf-8").splitlines()


def sentences(text):
    """(start, end) byte offsets of each sentence of `text`."""
    out, pos = [], 0
    for piece in SPLIT.split(text):
        start = text.index(piece, pos)
        end = start + len(piece.rstrip())
        pos = end
        if piece.strip():
            out.append((len(text[:start].encode()), len(text[:end].encode())))
    return out


def main(argv):
    out_dir = argv[0]
    n_docs = int(argv[argv.index("--docs") + 1]) if "--docs" in argv else 64
    os.makedirs(out_dir, exist_ok=True)
    first = int(argv[argv.index("--first") + 1]) if "--first" in argv else 0
    docs = [d.strip() for d in lee_documents()][:n_docs]
    with open(os.path.join(out_dir, "docs.jsonl"), "w", encoding="utf-8") as dj, \
         open(os.path.join(out_dir, "sentences.tsv"), "w", encoding="utf-8") as st:
        st.write("sid\tdoc\tstart\tend\tsha1\ttext\n")
        for i, text in enumerate(docs):
            if i < first:
                continue
            doc_id = f"lee-{i:03d}"
            dj.write(json.dumps({"id": doc_id, "date": DOC_DATE, "text": text}) + "\n")
            raw = text.encode()
            for k, (s, e) in enumerate(sentences(text)):
                sent = raw[s:e]
                sha = hashlib.sha1(sent).hexdigest()[:10]
                st.write(f"{doc_id}:{k:02d}\t{doc_id}\t{s}\t{e}\t{sha}\t{sent.decode()}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
