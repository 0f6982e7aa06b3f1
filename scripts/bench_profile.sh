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
