#!/usr/bin/env bash
# Score `demarche code` on the development set (tests/corpus, see its README.md).
#
# usage: scripts/devset.sh [--min-recall R] [--min-precision P]
#
# Builds the release CLI, writes the development set's documents from the gensim wheel
# (scripts/devset.py, cached in ~/.cache/demarche-bench), checks that each sentence is the one
# that was coded (tests/corpus/sentences.sha1), codes them and prints recall/precision.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/devset
cargo build --release -q -p demarche-cli
python3 scripts/devset.py "$OUT"
if ! diff <(grep -v '^#' tests/corpus/sentences.sha1) <(cut -f1,5 "$OUT/sentences.tsv") >/dev/null; then
  echo "devset: the source sentences differ from those that were coded (tests/corpus/sentences.sha1)" >&2
  exit 1
fi
target/release/demarche code -q "$OUT/docs.jsonl" > "$OUT/events.jsonl"
python3 scripts/score_devset.py "$OUT/sentences.tsv" tests/corpus/gold.tsv "$OUT/events.jsonl" "$@"
