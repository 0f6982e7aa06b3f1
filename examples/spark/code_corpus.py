"""Code a JSON Lines corpus (`id`, `text`, `date` per line) into Parquet with Spark.

    spark-submit --master 'local[*]' examples/spark/code_corpus.py CORPUS.jsonl OUT.parquet

On a cluster, ship the `demarche` wheel to the executors (see "Python" in the README), e.g.
with a packed virtual environment:

    spark-submit --master yarn --archives demarche-env.tar.gz#env \\
        --conf spark.pyspark.python=./env/bin/python \\
        examples/spark/code_corpus.py hdfs:///news/*.jsonl hdfs:///events.parquet

The output has the schema of `demarche.spark.event_schema()`, one row per event.
"""
import argparse
import time

from pyspark.sql import SparkSession

from demarche.spark import code_dataframe


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSON Lines input (a path or glob Spark can read)")
    parser.add_argument("out", help="Parquet output directory (overwritten)")
    parser.add_argument("--partitions", type=int, default=0,
                        help="repartition the input first (default: as read)")
    args = parser.parse_args()
    spark = SparkSession.builder.appName("demarche-code").getOrCreate()
    docs = spark.read.schema("id STRING, text STRING, date STRING").json(args.corpus)
    if args.partitions:
        docs = docs.repartition(args.partitions)
    start = time.perf_counter()
    events = code_dataframe(docs)
    events.write.mode("overwrite").parquet(args.out)
    seconds = time.perf_counter() - start
    count = spark.read.parquet(args.out).count()
    print(f"demarche: {count} event(s) written to {args.out} in {seconds:.1f}s")
    spark.stop()


if __name__ == "__main__":
    main()
