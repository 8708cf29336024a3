"""Reads the tables that `dotnet run --project samples/export -- OUT` writes, with pandas.

    python3 samples/export/read_pandas.py OUT

Written for pandas 1.5 and 2.x. CSV and JSON Lines need nothing else; Parquet needs pyarrow (or
fastparquet) and is skipped, saying so, where neither is installed.
"""
import os
import sys

import pandas as pd

out = sys.argv[1] if len(sys.argv) > 1 else "export-out"

# Name the dialect and read every column as text, then convert: type sniffing guesses from early rows.
# keep_default_na=False with na_values=[""] keeps a quoted empty text apart from a null.
csv = lambda table: pd.read_csv(os.path.join(out, "csv", table + ".csv"), dtype=str, keep_default_na=False, na_values=[""])
jsonl = lambda table: pd.read_json(os.path.join(out, "jsonl", table + ".jsonl"), lines=True, dtype=False)

parties = csv("agreement_parties")
agreements = csv("agreements")
spending = csv("spending")
sources = csv("sources")

# Agreements per dyad: catalog.Agreements.Between(a, b).Count()
p = parties.dropna(subset=["country_code"])[["agreement_id", "country_code"]].drop_duplicates()
pairs = p.merge(p, on="agreement_id")
pairs = pairs[pairs.country_code_x < pairs.country_code_y]
print("Agreements per dyad (top 5):")
print(pairs.groupby(["country_code_x", "country_code_y"]).size().sort_values(ascending=False).head(5).to_string())

# Finland's NATO series: catalog.Spending.Of("FI").FromPublisher("NATO")
fi = spending.merge(sources[["source_id", "publisher"]], on="source_id")
fi = fi[(fi.country_code == "FI") & (fi.publisher == "NATO") & (fi.measure == "ShareOfGdp")]
fi = fi.assign(year=fi.year.astype(int), value=fi.value.astype(float), estimate=fi.estimate == "true")
print("\nFinland, NATO, share of GDP (%):")
print(fi[["year", "value", "estimate"]].sort_values("year").to_string(index=False))

# The same table from JSON Lines: numbers arrive as float64, nulls as NaN/None.
print("\nspending rows, CSV / JSON Lines:", len(spending), "/", len(jsonl("spending")))

# Which licence each row comes under: join a row's sources to the sources table.
cited = agreements.assign(source_id=agreements.sources.str.split(";")).explode("source_id")
print("\nAgreement rows per redistribution class of their sources:")
print(cited.merge(sources, on="source_id").groupby("redistribution").agreement_id.nunique().to_string())

try:
    parquet = pd.read_parquet(os.path.join(out, "parquet", "spending.parquet"))
    print("\nParquet spending rows:", len(parquet), "; value dtype:", parquet.value.dtype)
except ImportError as e:
    print("\nParquet skipped: pandas needs pyarrow or fastparquet to read it (" + str(e).splitlines()[0] + ")")
