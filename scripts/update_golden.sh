#!/usr/bin/env bash
# Regenerates tests/golden/output.jsonl, the byte-for-byte output that
# crates/demarche/tests/golden_output.rs compares against.
#
# usage: scripts/update_golden.sh
#
# Only for a deliberate coding change: an optimization must leave the file as it is. Commit the
# new file together with a CHANGELOG.md line that names the coding change, and look at
# `git diff --stat tests/golden` (and the diff itself) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMARCHE_UPDATE_GOLDEN=1 cargo test --release -q -p demarche --test golden_output
cargo test --release -q -p demarche --test golden_output
git diff --stat -- tests/golden || true
