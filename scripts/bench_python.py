#!/usr/bin/env python3
"""Throughput of the Python package and of Spark against the CLI, on the same corpus.

usage: bench_python.py CORPUS.jsonl [--runs N] [--threads T] [--spark]

Needs the package installed (`pip install ./crates/demarche-py`) and the release CLI
(`target/release/demarche`, or $DEMARCHE_CLI). Runs alternate between the contenders and the
median of N runs is printed: `demarche code -q -j T` to /dev/null; `Coder.code_many` (dicts)
and `Coder.code_arrow` (a pyarrow Table) with T threads over records read from the file; with
--spark, `demarche.spark.code_dataframe` on `local[T]` counting the events (Spark start-up
excluded; the first, warm-up job is not timed).
"""
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def records(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv):
    corpus = argv[0]
    opts = dict(zip(argv[1::2], argv[2::2]))
    runs, threads = int(opts.get("--runs", 3)), int(opts.get("--threads", 2))
    cli = os.environ.get("DEMARCHE_CLI", os.path.join(ROOT, "target", "release", "demarche"))
    import demarche

    coder = demarche.Coder()
    contenders = {
        f"CLI -j {threads}": lambda: subprocess.run([cli, "code", "-q", "-j", str(threads), corpus],
                                                    check=True, stdout=subprocess.DEVNULL),
        f"code_many threads={threads}": lambda: sum(1 for _ in coder.code_many(records(corpus),
                                                                                threads)),
        f"code_arrow threads={threads}": lambda: coder.code_arrow(records(corpus), threads),
    }
    if "--spark" in argv:
        contenders[f"Spark local[{threads}]"] = spark_job(corpus, threads)
    times = {name: [] for name in contenders}
    for _ in range(runs):
        for name, fn in contenders.items():
            times[name].append(timed(fn))
    size = os.path.getsize(corpus) / 1e6
    n_docs = sum(1 for _ in open(corpus, encoding="utf-8"))
    print(f"corpus: {corpus}, {n_docs} documents, {size:.1f} MB; median of {runs} runs")
    base = statistics.median(times[f"CLI -j {threads}"])
    for name, ts in times.items():
        m = statistics.median(ts)
        print(f"| {name} | {m:.2f} s | {size / m:.2f} MB/s | {m / base:.2f}x CLI |")


def spark_job(corpus, threads):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from demarche.spark import code_dataframe

    spark = (SparkSession.builder.master(f"local[{threads}]").config("spark.ui.enabled", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")

    def job():
        docs = spark.read.schema("id STRING, text STRING, date STRING").json(corpus)
        return code_dataframe(docs).count()

    job()  # warm-up: starts the Python workers and builds their coders
    return job


if __name__ == "__main__":
    main(sys.argv[1:])
