#!/usr/bin/env bash
# Fetch the ABC news text that the tagging test (crates/demarche/tests/tagging.rs), the
# benchmark corpus and the training script read: the gensim 4.4.0 wheel from PyPI (LGPL
# package, never committed) into ~/.cache/demarche-bench, and its test_data/lee_background.cor
# extracted beside it. Safe to rerun: does nothing when the file is there.
set -euo pipefail
cache="${XDG_CACHE_HOME:-$HOME/.cache}/demarche-bench"
mkdir -p "$cache"
if [ ! -f "$cache/lee_background.cor" ]; then
  if ! ls "$cache"/gensim-4.4.0-*.whl >/dev/null 2>&1; then
    python3 -m pip download --no-deps --only-binary=:all: -d "$cache" gensim==4.4.0 >/dev/null
  fi
  wheel=$(ls "$cache"/gensim-4.4.0-*.whl | head -n1)
  python3 - "$wheel" "$cache/lee_background.cor" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    name = next(n for n in z.namelist() if n.endswith("test_data/lee_background.cor"))
    open(sys.argv[2], "wb").write(z.read(name))
PY
fi
echo "$cache/lee_background.cor"
