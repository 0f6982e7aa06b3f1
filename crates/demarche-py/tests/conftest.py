"""Shared fixtures: the CLI binary, the seed article, and generated corpora.

The CLI is `target/release/demarche` of this checkout (or $DEMARCHE_CLI); corpora are made by
`scripts/bench_corpus.py` (real news text; the gensim wheel is fetched with pip when not cached).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "six-party-talks-2006.txt"


def canonical(obj):
    """One JSON text per value, keys sorted: how events are compared byte for byte."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@pytest.fixture(scope="session")
def cli():
    path = Path(os.environ.get("DEMARCHE_CLI", ROOT / "target" / "release" / "demarche"))
    if not path.exists():
        pytest.fail(f"{path} is missing: run `cargo build --release -p demarche-cli` first")
    return path


def run_cli(cli, *args):
    """The CLI's JSON Lines events for `args` (`demarche code ... -q`), as parsed objects."""
    out = subprocess.run([str(cli), "code", "-q", *map(str, args)], check=False,
                         capture_output=True)
    assert out.returncode == 0, out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode().splitlines() if line]


@pytest.fixture(scope="session")
def seed():
    if not SEED.exists():
        pytest.skip(f"seed article {SEED} is absent: CLI parity on the seed not checked")
    return SEED


def make_corpus(path, *args):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_corpus.py"), str(path), *args],
                   check=True, stdout=subprocess.DEVNULL)
    return path


@pytest.fixture(scope="session")
def corpus_1k(tmp_path_factory):
    """About 1,000 documents, 10,000 sentences (~1 MB)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus-1k.jsonl"
    return make_corpus(path, "--sentences", "10000", "--min-mb", "1", "--doc-sentences", "10")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)
