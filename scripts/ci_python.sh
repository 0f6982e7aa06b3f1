#!/usr/bin/env bash
# CI for the Python package (crates/demarche-py): a fresh virtual environment, the package
# built and installed from this checkout with pip (maturin as its build backend), then pytest.
#
#   scripts/ci_python.sh            # everything, Spark included (pip installs pyspark, ~456 MB)
#   scripts/ci_python.sh --no-spark # without pyspark: the Spark tests are skipped
#
# Needs Rust, Python >= 3.9 with venv, network access to PyPI, and Java 17 for Spark. The CLI
# is built too: the tests compare the package's events with `demarche code`. VENV (default
# target/ci-python-venv) is reused between runs when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

spark=1
[[ "${1:-}" == "--no-spark" ]] && spark=0
venv="${VENV:-target/ci-python-venv}"
python="${PYTHON:-python3}"

echo "== python: virtual environment ($venv)"
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
py="$(cd "$venv" && pwd)/bin/python"
"$py" -m pip install -q --upgrade pip
packages=(maturin pytest pandas pyarrow)
((spark)) && packages+=(pyspark)
"$py" -m pip install -q "${packages[@]}"

echo "== python: the CLI (reference for the parity tests)"
cargo build --release -q -p demarche-cli

echo "== python: pip install ./crates/demarche-py"
CARGO_TARGET_DIR="$PWD/target" "$py" -m pip install -q --force-reinstall --no-deps ./crates/demarche-py

echo "== python: pytest"
export DEMARCHE_CLI="$PWD/target/release/demarche"
export PYSPARK_PYTHON="$py"
set +e
# Run from the tests directory against the installed package (not the source tree).
(cd crates/demarche-py/tests && "$py" -m pytest -q -rs .)
status=$?
set -e
if [[ $status -eq 5 ]]; then
    echo "python: no tests were collected" >&2
    exit 1
fi
[[ $status -eq 0 ]] || exit $status

echo "== python: pyarrow reads demarche's Parquet (crates/demarche-cli/tests/store.rs)"
log="$(PATH="$(dirname "$py"):$PATH" cargo test --release -q -p demarche-cli --test store pyarrow -- --nocapture 2>&1)"
echo "$log"
if grep -q "SKIPPED" <<<"$log"; then
    echo "python: pyarrow is in $venv but the Parquet test skipped" >&2
    exit 1
fi
