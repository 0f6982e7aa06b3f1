#!/usr/bin/env bash
# End-to-end test of `demarche serve` in headless Chromium: builds the CLI, codes the seed
# article, the example story and a short non-ASCII story into an event store, serves it on a
# free loopback port and runs tests/e2e/serve.mjs (playwright-core driving Debian's chromium).
# (the reprint becomes clusters). Screenshots of every view: target/e2e/screenshots/. Needs node, npm and /usr/bin/chromium
# (.ci/run installs chromium); prints SKIPPED and exits 0 when chromium is absent, except under
# CI=true, where its absence is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/e2e
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
    if [ "${CI:-}" = true ]; then echo "e2e: chromium not found" >&2; exit 1; fi
    echo "SKIPPED: e2e serve test (no chromium; apt-get install -y chromium)"
    exit 0
fi
mkdir -p "$work"
if [ ! -d "$work/node_modules/playwright-core" ]; then
    (cd "$work" && npm install --no-audit --no-fund --silent playwright-core@1.65.1)
fi
cargo build --release -q -p demarche-cli
bin=target/release/demarche
rm -rf "$work/store" "$work/screenshots" && mkdir -p "$work/store"
db="$work/store/events.sqlite"
python3 scripts/e2e_corpus.py > "$work/store/corpus.jsonl"
"$bin" code "$work/store/corpus.jsonl" --db "$db" -q
if "$bin" --help | grep -q '^ *dedup'; then
    "$bin" dedup "$db"
else
    # Until `demarche dedup` lands: group events by source, target and CAMEO root across documents.
    python3 scripts/e2e_corpus.py --cluster "$db"
fi
"$bin" serve "$db" --port 0 > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 100); do
    url=$(grep -o 'http://[0-9.:]*/' "$work/serve.log" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "e2e: demarche serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
node tests/e2e/serve.mjs "$url" "$work/screenshots" "$chromium"
