"""The Python package codes exactly what the CLI codes: the seed article and a generated corpus
of about 1,000 documents, through `code`, `code_many` (1 and 2 threads), `code_arrow` and
`code_frame`. Events are compared as canonical JSON (keys sorted), byte for byte."""
import pytest

import demarche
from conftest import canonical, read_jsonl, run_cli


@pytest.fixture(scope="module")
def coder():
    return demarche.Coder()


def test_seed_article(cli, seed, coder):
    expected = run_cli(cli, seed)
    got = coder.code(seed.read_bytes(), doc_id=seed.name)
    assert len(expected) > 10
    assert [canonical(e) for e in got] == [canonical(e) for e in expected]


@pytest.fixture(scope="module")
def cli_events(cli, corpus_1k):
    return run_cli(cli, corpus_1k)


@pytest.mark.parametrize("threads", [1, 2])
def test_corpus_through_code_many(cli_events, corpus_1k, coder, threads):
    got = list(coder.code_many(read_jsonl(corpus_1k), threads=threads))
    assert len(cli_events) > 1000
    assert [canonical(e) for e in got] == [canonical(e) for e in cli_events]


def test_corpus_through_arrow(cli_events, corpus_1k, coder):
    pytest.importorskip("pyarrow")
    table = coder.code_arrow(read_jsonl(corpus_1k), threads=2)
    assert table.schema == demarche.arrow_schema()
    expected = [canonical(demarche.flatten_event(e)) for e in cli_events]
    assert [canonical(row) for row in table.to_pylist()] == expected


def test_corpus_through_code_frame(cli_events, corpus_1k, coder):
    pd = pytest.importorskip("pandas")
    frame = coder.code_frame(pd.read_json(corpus_1k, lines=True, dtype={"date": str}))
    assert len(frame) == len(cli_events)
    assert frame["cameo"].tolist() == [e["cameo"] for e in cli_events]
    assert frame["doc"].tolist() == [e["doc"] for e in cli_events]
