#!/usr/bin/env bash
# Score `demarche code` on the development set (tests/corpus, see its README.md).
#
# usage: scripts/devset.sh [--split dev|tune|fresh|test|test2] [--min-recall R] [--min-precision P]
#
#   --split dev   (default) documents lee-000..063, gold tests/corpus/gold.tsv: the split whose
#                 misses may be read to find general causes
#   --split tune  documents lee-128..191, gold tests/corpus/tune/gold.tsv: coded blind in the fifth
#                 session, after the test split; readable like the first split
#   --split fresh documents lee-192..255, gold tests/corpus/fresh/gold.tsv: coded blind in the sixth
#                 session; readable
#   --split test  documents lee-064..127, gold tests/corpus/test/gold.tsv: coded blind later and
#                 only ever scored (never read for misses), to check that gains generalize
#   --split test2 documents lee-256..299, gold tests/corpus/test2/gold.tsv: coded blind in the
#                 seventh session; score only, like the test split
#
# Builds the release CLI, writes the documents from the gensim wheel (scripts/devset.py, cached
# in ~/.cache/demarche-bench), checks that each sentence is the one that was coded (the split's
# sentences.sha1), codes them and prints recall/precision.
set -euo pipefail
cd "$(dirname "$0")/.."
SPLIT=dev
if [ "${1:-}" = --split ]; then SPLIT=$2; shift 2; fi
case "$SPLIT" in
  dev) GOLD=tests/corpus; DOCS=64; FIRST=0 ;;
  test) GOLD=tests/corpus/test; DOCS=128; FIRST=64 ;;
  tune) GOLD=tests/corpus/tune; DOCS=192; FIRST=128 ;;
  fresh) GOLD=tests/corpus/fresh; DOCS=256; FIRST=192 ;;
  test2) GOLD=tests/corpus/test2; DOCS=300; FIRST=256 ;;
  *) echo "devset: --split must be dev, tune, fresh, test or test2, not '$SPLIT'" >&2; exit 2 ;;
esac
OUT=target/devset/$SPLIT
cargo build --release -q -p demarche-cli
python3 scripts/devset.py "$OUT" --docs "$DOCS" --first "$FIRST"
pinned=$(grep -v '^#' "$GOLD/sentences.sha1")
if ! diff <(echo "$pinned") <(cut -f1,5 "$OUT/sentences.tsv" | grep -F -f <(echo "$pinned" | cut -f1)) >/dev/null; then
  echo "devset: the source sentences differ from those that were coded ($GOLD/sentences.sha1)" >&2
  exit 1
fi
target/release/demarche code -q "$OUT/docs.jsonl" > "$OUT/events.jsonl"
echo "split: $SPLIT ($GOLD/gold.tsv)"
python3 scripts/score_devset.py "$OUT/sentences.tsv" "$GOLD/gold.tsv" "$OUT/events.jsonl" "$@"
