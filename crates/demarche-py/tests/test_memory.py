"""A 100 MB corpus is coded in bounded memory: `code_many` over a lazily read file holds a few
chunks of 1,024 documents, never the corpus or its events. The run is a child process so its
peak RSS (`resource.getrusage`) is its own. Measured: 106 MB (the CLI: 76-87 MB on any size
of input; the interpreter and two chunks ahead add the rest); the bound, 200 MB, leaves room
for allocator noise but fails if memory grows with the input (the 100 MB corpus holds ~110k
events: kept as dicts they alone would take several times the bound)."""
import json
import resource
import subprocess
import sys
import textwrap

import pytest

from conftest import make_corpus

PEAK_RSS_BOUND_MB = 200

CHILD = textwrap.dedent("""
    import json, resource, sys, time
    import demarche
    def records(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)
    start = time.perf_counter()
    events = sum(1 for _ in demarche.Coder().code_many(records(sys.argv[1])))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"events": events, "seconds": seconds, "peak_mb": peak}))
""")


@pytest.fixture(scope="module")
def corpus_100mb(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "corpus-100mb.jsonl"
    return make_corpus(path, "--sentences", "0", "--min-mb", "100")


def test_a_100_mb_corpus_in_bounded_memory(corpus_100mb):
    assert corpus_100mb.stat().st_size >= 100e6
    out = subprocess.run([sys.executable, "-c", CHILD, str(corpus_100mb)], check=True,
                         capture_output=True, text=True)
    result = json.loads(out.stdout)
    print(f"\n100 MB corpus: {result}")
    assert result["events"] > 100_000
    assert result["peak_mb"] < PEAK_RSS_BOUND_MB, result
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 < PEAK_RSS_BOUND_MB
