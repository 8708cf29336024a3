#!/usr/bin/env bash
# The full benchmark run behind benchmarks/README.md: about an hour on 2 cores.
#  - query benchmarks: BenchmarkDotNet's short job, in process, one process per catalog size, so that
#    each size is loaded once per benchmark class instead of once per benchmark;
#  - load benchmarks (warm and cold start): the short job and five cold launches, each benchmark in
#    its own process, as BenchmarkDotNet runs them by default.
# Results go to BenchmarkDotNet.Artifacts/ (or the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="${1:-BenchmarkDotNet.Artifacts}"
sizes="${DEFENSECOOP_BENCH_SIZES:-10000,100000,1000000}"
dotnet build -c Release benchmarks/DefenseCoop.Benchmarks
dotnet run -c Release --no-build --project benchmarks/DefenseCoop.Benchmarks -- generate ${sizes//,/ }
for size in ${sizes//,/ }; do
  DEFENSECOOP_BENCH_SIZES=$size dotnet run -c Release --no-build --project benchmarks/DefenseCoop.Benchmarks -- \
    --filter '*DyadBenchmarks*' '*FilterBenchmarks*' '*SpendingBenchmarks*' --job short --inProcess --artifacts "$artifacts/queries-$size"
done
DEFENSECOOP_BENCH_SIZES=$sizes dotnet run -c Release --no-build --project benchmarks/DefenseCoop.Benchmarks -- \
  --filter '*LoadBenchmarks*' --job short --artifacts "$artifacts/load"
DEFENSECOOP_BENCH_SIZES=$sizes dotnet run -c Release --no-build --project benchmarks/DefenseCoop.Benchmarks -- \
  --filter '*ColdStartBenchmarks*' --artifacts "$artifacts/coldstart"
dotnet run -c Release --no-build --project benchmarks/DefenseCoop.Benchmarks -- memory ${sizes//,/ }
