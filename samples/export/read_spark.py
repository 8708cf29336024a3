"""Reads the Parquet tables that `dotnet run --project samples/export -- OUT` writes, with PySpark.

    spark-submit samples/export/read_spark.py OUT      (or: python3 samples/export/read_spark.py OUT with pyspark installed)

Written for Spark 3.5 (PySpark 3.5, Java 17). The same code runs on a cluster when OUT is a shared path
(s3a://, abfss://, hdfs://): this is the way past one machine.
"""
import sys

from pyspark.sql import SparkSession, functions as F

out = sys.argv[1] if len(sys.argv) > 1 else "export-out"
spark = SparkSession.builder.appName("defensecoop-export").getOrCreate()

parties = spark.read.parquet(f"{out}/parquet/agreement_parties.parquet")
spending = spark.read.parquet(f"{out}/parquet/spending.parquet")
sources = spark.read.parquet(f"{out}/parquet/sources.parquet")
flows = spark.read.parquet(f"{out}/parquet/trade_flows.parquet")

# Agreements per dyad: catalog.Agreements.Between(a, b).Count()
p = parties.where(F.col("country_code").isNotNull()).select("agreement_id", "country_code").distinct()
dyads = (p.alias("a").join(p.alias("b"), "agreement_id")
         .where(F.col("a.country_code") < F.col("b.country_code"))
         .groupBy(F.col("a.country_code").alias("a"), F.col("b.country_code").alias("b")).count()
         .orderBy(F.desc("count")))
dyads.show(5)

# Finland's NATO series; value is DECIMAL(38, 9), exact.
(spending.join(sources.select("source_id", "publisher"), "source_id")
 .where((F.col("country_code") == "FI") & (F.col("publisher") == "NATO") & (F.col("measure") == "ShareOfGdp"))
 .select("year", "value", "estimate").orderBy("year").show(20))

# Deals per supplier ordered 2015-2023 (with a SIPRI register exported acknowledging its terms).
(flows.where((F.col("kind") == "ArmsTransfer") & F.col("order_year").between(2015, 2023))
 .groupBy("exporter").agg(F.count("*").alias("deals"), F.sum("tiv_delivered").alias("tiv_delivered"))
 .orderBy(F.desc("deals")).show(10))

# The CSV files read the same way, with the dialect named:
csv = (spark.read.option("header", True).option("multiLine", True).option("escape", '"')
       .csv(f"{out}/csv/agreements.csv"))
print("agreements (CSV):", csv.count())

spark.stop()
