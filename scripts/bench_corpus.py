#!/usr/bin/env python3
"""Build a benchmark corpus of real news text as JSON Lines.

usage: bench_corpus.py OUT.jsonl [--sentences N] [--min-mb M] [--doc-sentences K]

Sources (read at benchmark time, never committed):
  * ABC news documents 64-299 of the gensim test data (`test_data/lee_background.cor` inside
    the gensim 4.4.0 wheel on PyPI, LGPL package: the wheel is downloaded with `pip download`
    into a cache directory if not present); documents 0-63 are the development set
    (scripts/devset.py) and are never benchmarked;
  * the seed article and the sentences of the TABARI and PETRARCH validation suites in
    ../shared (when present).
Sentences are shuffled deterministically and packed into documents with varied ids and dates
until the corpus holds at least N sentences and M megabytes.
"""
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "demarche-bench")
DEV_DOCS = 64  # lee_background.cor documents 0..63 are the development set: never benchmarked


def split_sentences(text):
    text = re.sub(r"\s+", " ", text).strip()
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text) if len(s) > 20]


def gensim_documents():
    """The ABC news documents after the development set, as (document number, text)."""
    os.makedirs(CACHE, exist_ok=True)
    wheels = sorted(f for f in os.listdir(CACHE) if f.startswith("gensim-4.4.0") and f.endswith(".whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                        "-d", CACHE, "gensim==4.4.0"], check=False, stdout=subprocess.DEVNULL)
        wheels = sorted(f for f in os.listdir(CACHE) if f.startswith("gensim-4.4.0") and f.endswith(".whl"))
    if not wheels:
        return []
    with zipfile.ZipFile(os.path.join(CACHE, wheels[0])) as z:
        name = next(n for n in z.namelist() if n.endswith("lee_background.cor"))
        docs = z.read(name).decode("utf-8", "replace").splitlines()
    return [(i, text) for i, text in enumerate(docs) if i >= DEV_DOCS]


def gensim_news():
    return [s for _, text in gensim_documents() for s in split_sentences(text)]


def shared_sentences():
    out = []
    seed = os.path.join(SHARED, "seed", "six-party-talks-2006.txt")
    if os.path.exists(seed):
        for line in open(seed, encoding="utf-8"):
            out.extend(split_sentences(line))
    val = os.path.join(SHARED, "validation", "tabari", "Validate.text")
    if os.path.exists(val):
        text = open(val, encoding="latin-1").read()
        for m in re.finditer(r"^\d{6}\s+\S+\n(.*?)\n/\*", text, re.S | re.M):
            out.extend(split_sentences(m.group(1)))
    xml = os.path.join(SHARED, "validation", "petrarch", "PETR.UnitTest.records.xml")
    if os.path.exists(xml):
        for m in re.finditer(r"<Text>(.*?)</Text>", open(xml, encoding="utf-8").read(), re.S):
            out.extend(split_sentences(m.group(1)))
    return out


def main(argv):
    out_path = argv[0]
    opts = dict(zip(argv[1::2], argv[2::2]))
    want = int(opts.get("--sentences", 1_000_000))
    min_bytes = float(opts.get("--min-mb", 100)) * 1e6
    per_doc = int(opts.get("--doc-sentences", 12))
    pool = gensim_news() + shared_sentences()
    if not pool:
        sys.exit("no source text found (no network for pip and no ../shared)")
    rng = random.Random(42)
    n = size = doc = 0
    start = date(1995, 1, 1)
    with open(out_path, "w", encoding="utf-8") as f:
        while n < want or size < min_bytes:
            k = rng.randint(1, 2 * per_doc - 1)
            text = " ".join(rng.choice(pool) for _ in range(k))
            rec = {"id": f"bench-{doc:08d}", "date": (start + timedelta(days=doc % 10000)).isoformat(), "text": text}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            n += k
            size += len(line.encode("utf-8"))
            doc += 1
    print(f"{out_path}: {doc} documents, {n} sentences, {size / 1e6:.1f} MB from {len(pool)} distinct sentences")


if __name__ == "__main__":
    main(sys.argv[1:])
