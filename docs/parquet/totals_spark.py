"""Tradecheck: the audit workbook's Summary and Totals tables in Spark.

Runs the query of totals.sql (everything after its "-- query" line, plain
SQL that Spark SQL accepts) over shipments.parquet (schema version 1), on a
laptop or a cluster:

    spark-submit docs/parquet/totals_spark.py /path/to/parquet-folder [out.csv]

or paste the body into a notebook cell with `folder` set. The folder may be
local, HDFS or object storage (s3a://bucket/run-2024/), wherever Spark reads
Parquet. Output: table_name, key, label, shipments, tonnes, value_usd, the
same rows DuckDB gives for totals.sql.
"""

import os
import sys

from pyspark.sql import SparkSession


def totals_query() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "totals.sql"), encoding="utf-8") as f:
        sql = f.read()
    return sql.split("\n-- query\n", 1)[1].strip().rstrip(";")


def main() -> None:
    folder = sys.argv[1]
    spark = SparkSession.builder.appName("tradecheck-totals").getOrCreate()
    spark.read.parquet(folder.rstrip("/") + "/shipments.parquet").createOrReplaceTempView("shipments")
    result = spark.sql(totals_query())
    if len(sys.argv) > 2:
        result.coalesce(1).write.mode("overwrite").option("header", True).csv(sys.argv[2])
    else:
        result.show(n=1000, truncate=False)
    spark.stop()


if __name__ == "__main__":
    main()
