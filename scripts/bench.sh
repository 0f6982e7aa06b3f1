#!/usr/bin/env bash
# Whole-program benchmark: throughput, peak memory and start-up time of `demarche code`.
#
# usage: scripts/bench.sh [SENTENCES] [RUNS]     (defaults: 1000000 sentences, 5 runs)
#
# Builds the release binary, a corpus of real news text (scripts/bench_corpus.py), and a
# dictionary 10x the bundled size; with ../shared present it also converts the full-size
# TABARI/Phoenix dictionaries (demarche dict convert). Prints a Markdown table of medians.
set -euo pipefail
cd "$(dirname "$0")/.."
SENTENCES=${1:-1000000}
RUNS=${2:-5}
OUT=target/bench
mkdir -p "$OUT"
cargo build --release -q -p demarche-cli
BIN=target/release/demarche

corpus="$OUT/corpus-$SENTENCES.jsonl"
[ -s "$corpus" ] || python3 scripts/bench_corpus.py "$corpus" --sentences "$SENTENCES" --min-mb $((SENTENCES / 10000))
small="$OUT/corpus-small.jsonl"
[ -s "$small" ] || python3 scripts/bench_corpus.py "$small" --sentences $((SENTENCES / 5)) --min-mb 1

# A dictionary directory ten times the bundled size: every actor and agent phrase also appears
# with nine invented suffix words, which never match real text but grow the automaton.
big="$OUT/dict-10x"
if [ ! -d "$big" ]; then
  mkdir -p "$big/actors"
  cp dictionaries/verbs.txt dictionaries/cameo.tsv dictionaries/discards.txt "$big/"
  for f in dictionaries/actors/*.txt dictionaries/agents.txt; do
    dest="$big/${f#dictionaries/}"
    python3 - "$f" "$dest" <<'PY'
import sys
src, dst = sys.argv[1], sys.argv[2]
out = []
for line in open(src, encoding="utf-8"):
    out.append(line.rstrip("\n"))
    body = line.split("#")[0]
    if ":" not in body:
        continue
    head, phrases = body.split(":", 1)
    ps = [p.strip() for p in phrases.split("|") if p.strip()]
    for k in range(1, 10):
        out.append(f"{head.strip()} : " + " | ".join(f"{p} Zq{k}x" for p in ps))
open(dst, "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
  done
fi

full=""
if [ -d ../shared/dictionaries/phoenix ]; then
  full="$OUT/dict-full"
  [ -d "$full" ] || $BIN dict convert --out "$full" ../shared/dictionaries/phoenix/*.txt >/dev/null 2>&1 || full=""
  [ -n "$full" ] && cp dictionaries/cameo.tsv "$full/" 2>/dev/null
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run LABEL INPUT THREADS [DICT]: prints one table row.
run() {
  local label=$1 input=$2 threads=$3 dict=${4:-}
  local args=(code "$input" -q -j "$threads")
  [ -n "$dict" ] && args+=(--dict "$dict")
  local times=() rss=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$BIN" "${args[@]}" > /dev/null
    read -r t m < "$OUT/time.txt"
    times+=("$t"); rss+=("$m")
  done
  local t m sentences bytes
  t=$(printf '%s\n' "${times[@]}" | median)
  m=$(printf '%s\n' "${rss[@]}" | median)
  local count_args=(code "$input" -j "$threads")
  [ -n "$dict" ] && count_args+=(--dict "$dict")
  sentences=$("$BIN" "${count_args[@]}" 2>&1 >/dev/null | sed -n 's/.*; \([0-9]*\) sentences.*/\1/p')
  bytes=$(stat -c %s "$input")
  awk -v l="$label" -v t="$t" -v m="$m" -v s="$sentences" -v b="$bytes" -v j="$threads" 'BEGIN {
    printf "| %s | %d | %d | %.2f | %.0f | %.0f | %.1f | %.0f |\n", l, j, s, t, s / t, s / t / j, b / t / 1e6, m / 1024 }'
}

startup() {
  local dict=${1:-} times=()
  local args=(code - -q)
  [ -n "$dict" ] && args+=(--dict "$dict")
  for _ in $(seq 11); do
    local s e
    s=$(date +%s%N); echo "" | "$BIN" "${args[@]}" > /dev/null || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | median
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB"
echo "corpus: $(wc -l < "$corpus") documents, $(du -m "$corpus" | cut -f1) MB"
echo
echo "| run | threads | sentences | seconds | sentences/s | sentences/s/core | MB/s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
run "bundled dictionaries" "$corpus" 1
run "bundled dictionaries" "$corpus" 2
run "10x dictionaries" "$small" 1 "$big"
run "bundled (same small corpus)" "$small" 1
[ -n "$full" ] && run "full-size converted dictionaries" "$small" 1 "$full"
for k in 1 10 100 1000; do
  f="$OUT/docs-$k.jsonl"
  [ -s "$f" ] || python3 scripts/bench_corpus.py "$f" --sentences 100000 --min-mb 1 --doc-sentences "$k" > /dev/null
  run "documents of ~$k sentences" "$f" 1
done
echo
echo "start-up (load + compile dictionaries, code an empty document), median of 11: bundled $(startup) ms, 10x $(startup "$big") ms${full:+, full-size $(startup "$full") ms}"
