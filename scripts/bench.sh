#!/usr/bin/env bash
# Whole-program benchmark of `demarche code`, side by side with TABARI 0.8.4b2.
#
# usage: scripts/bench.sh [--quick] [--profile]
#   (default)  event-dense corpus of 45,000 sentences and general news of ~45,000, 9 pairs each
#   --quick    5,000 sentences each, 3 pairs, 11 start-up runs (a few minutes on a loaded machine)
#   --profile  only the callgrind per-stage profile (scripts/bench_profile.sh)
#
# Builds the release binary, the corpora (scripts/bench_dense.py, scripts/bench_corpus.py), a
# dictionary 10x the bundled size, and TABARI with ../shared/anchors/tabari/build.sh; then
# scripts/bench_report.py measures and prints a Markdown table. Outputs stay in target/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=full
case "${1:-}" in
  --quick) MODE=quick ;;
  --profile) exec scripts/bench_profile.sh ;;
  "") ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
if [ "$MODE" = quick ]; then SENTENCES=5000 PAIRS=3 STARTUP=11; else SENTENCES=45000 PAIRS=9 STARTUP=21; fi
OUT=target/bench
KIT=../shared/anchors/tabari
mkdir -p "$OUT"
cargo build --release -q -p demarche-cli
BIN=$PWD/target/release/demarche

dense="$OUT/dense-$SENTENCES.jsonl"
[ -s "$dense" ] || python3 scripts/bench_dense.py build "$dense" --sentences "$SENTENCES"
general="$OUT/general-$SENTENCES.jsonl"
[ -s "$general" ] || python3 scripts/bench_corpus.py "$general" --sentences "$SENTENCES" --min-mb 0

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

TABARI_BIN=${TABARI_BIN:-${TMPDIR:-/tmp}/tabari-anchor/TABARI.0.8.4b2}
[ -x "$TABARI_BIN" ] || "$KIT/build.sh" "$(dirname "$TABARI_BIN")" >&2
export TABARI_BIN

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB; $(date -u +%F); uptime:$(uptime | sed 's/.*load average/ load average/')"
echo "demarche $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates dictionaries || echo '+changes'), mode $MODE"
python3 scripts/bench_report.py "$BIN" "$PWD/$OUT/$MODE" --dense "$dense" --general "$general" \
  --dict10x "$big" --pairs "$PAIRS" --startup-runs "$STARTUP"
echo "uptime at the end:$(uptime | sed 's/.*load average/ load average/')"
