#!/usr/bin/env bash
# Per-stage profile by instruction counts (stable on a loaded machine): callgrind on event-dense
# sentences and on one short document (start-up alone), then a table of inclusive costs.
#
# usage: scripts/bench_profile.sh [SENTENCES]      (default 3000; about a minute under callgrind)
# Needs valgrind (Debian package `valgrind`). Outputs in target/bench/profile.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3000}
OUT=target/bench/profile
mkdir -p "$OUT"
cargo build --release -q -p demarche-cli
BIN=target/release/demarche
corpus="target/bench/dense-$N.jsonl"
[ -s "$corpus" ] || python3 scripts/bench_dense.py build "$corpus" --sentences "$N"
short="$OUT/short.jsonl"
echo '{"id": "startup", "date": "2006-11-30", "text": "Israeli troops attacked Palestinian militants in Gaza on Tuesday."}' > "$short"
echo "uptime:$(uptime | sed 's/.*load average/ load average/')"
valgrind --tool=callgrind --callgrind-out-file="$OUT/dense.callgrind.out" "$BIN" code "$corpus" -q -j 1 > /dev/null 2> "$OUT/dense.valgrind.log"
valgrind --tool=callgrind --callgrind-out-file="$OUT/startup.callgrind.out" "$BIN" code "$short" -q -j 1 > /dev/null 2> "$OUT/startup.valgrind.log"
callgrind_annotate --inclusive=yes "$OUT/dense.callgrind.out" > "$OUT/dense.inclusive.txt"
python3 scripts/bench_profile.py "$OUT/dense.callgrind.out" "$OUT/startup.callgrind.out" "$N"

# 10x dictionaries (built by scripts/bench.sh): the same corpus, instruction count ratio.
big=target/bench/dict-10x
if [ -d "$big" ]; then
  valgrind --tool=callgrind --callgrind-out-file="$OUT/dense10x.callgrind.out" "$BIN" code "$corpus" -q -j 1 --dict "$big" > /dev/null 2> "$OUT/dense10x.valgrind.log"
  valgrind --tool=callgrind --callgrind-out-file="$OUT/startup10x.callgrind.out" "$BIN" code "$short" -q -j 1 --dict "$big" > /dev/null 2> "$OUT/startup10x.valgrind.log"
  ir() { sed -n 's/^summary: //p' "$1"; }
  awk -v a="$(ir "$OUT/dense.callgrind.out")" -v b="$(ir "$OUT/dense10x.callgrind.out")" \
      -v sa="$(ir "$OUT/startup.callgrind.out")" -v sb="$(ir "$OUT/startup10x.callgrind.out")" -v n="$N" 'BEGIN {
    printf "\n10x dictionaries, %d sentences: %.2fx the instructions of the bundled (%.0f vs %.0f Ir); start-up %.2fx (%.0f vs %.0f); per sentence, start-up excluded, %.2fx\n",
      n, b / a, b, a, sb / sa, sb, sa, (b - sb) / (a - sa) }'
fi
