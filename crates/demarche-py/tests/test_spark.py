"""Spark `local[2]`: `demarche.spark.code_dataframe` codes what the CLI codes (with -j 2) on the
same corpus — every event, compared as canonical JSON rows after sorting, byte for byte — and
the `examples/spark` job writes them to Parquet through `spark-submit`. Skipped (with the
reason) when pyspark is not installed."""
import os
import subprocess
import sys

import pytest

import demarche
from conftest import ROOT, canonical, run_cli

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("demarche-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


def sorted_rows(rows):
    return sorted(canonical(r) for r in rows)


@pytest.fixture(scope="module")
def cli_rows(cli, corpus_1k):
    return sorted_rows(demarche.flatten_event(e) for e in run_cli(cli, "-j", "2", corpus_1k))


def test_code_dataframe_equals_the_cli(spark, corpus_1k, cli_rows):
    from demarche.spark import code_dataframe, event_schema

    docs = spark.read.schema("id STRING, text STRING, date STRING").json(str(corpus_1k))
    events = code_dataframe(docs.repartition(4))
    assert events.schema == event_schema()
    got = sorted_rows(row.asDict() for row in events.collect())
    assert len(got) == len(cli_rows) > 1000
    assert got == cli_rows


def test_spark_submit_example_writes_parquet(tmp_path, corpus_1k, cli_rows):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    submit = os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit")
    subprocess.run([submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                    str(ROOT / "examples" / "spark" / "code_corpus.py"), str(corpus_1k),
                    str(out)], check=True, env=env, capture_output=True)
    assert sorted_rows(pq.read_table(out).to_pylist()) == cli_rows
