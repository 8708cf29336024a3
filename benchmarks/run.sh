#!/usr/bin/env bash
# The full benchmark run behind benchmarks/README.md (one to two hours on 2 cores):
#  - query benchmarks: BenchmarkDotNet's short job (3 warm-up and 3 measured iterations), in process,
#    one process per catalog size, so that each size is loaded (and put into SQLite) once per process
#    instead of once per benchmark; at 1M agreements one warm-up iteration and no forced full GC between
#    iterations, since a scan there takes up to a second and a full GC of the 1M process's heap seconds;
#  - load benchmarks: the short job with one warm-up iteration, each benchmark in its own process, as
#    BenchmarkDotNet runs them by default; cold start: five fresh processes per benchmark;
#  - cold start of the bundled release: fresh processes of this program, timed from start to exit
#    (FreshProcessBenchmarks, and `cold-start-report`, which prints the ratios of one run);
#  - the memory a loaded catalog holds per agreement.
# Results go to BenchmarkDotNet.Artifacts/ (or the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="${1:-BenchmarkDotNet.Artifacts}"
sizes="${DEFENSECOOP_BENCH_SIZES:-10000,100000,1000000}"
bench() { dotnet run -c Release --no-build --project benchmarks/DefenseCoop.Benchmarks -- "$@"; }
dotnet build -c Release benchmarks/DefenseCoop.Benchmarks
bench generate ${sizes//,/ }
for size in ${sizes//,/ }; do
  extra=(); [ "$size" -ge 1000000 ] && extra=(--warmupCount 1 --noForcedGCs)
  DEFENSECOOP_BENCH_SIZES=$size bench --filter '*DyadBenchmarks*' '*FilterBenchmarks*' '*SpendingBenchmarks*' '*ComposedQueryBenchmarks*' \
    --job short --inProcess "${extra[@]}" --artifacts "$artifacts/queries-$size"
done
DEFENSECOOP_BENCH_SIZES=$sizes bench --filter '*LoadBenchmarks*' '*LoadPhaseBenchmarks*' --job short --warmupCount 1 --artifacts "$artifacts/load"
DEFENSECOOP_BENCH_SIZES=$sizes bench --filter '*ColdStartBenchmarks*' --artifacts "$artifacts/coldstart"
bench --filter '*FreshProcessBenchmarks*' --artifacts "$artifacts/freshprocess"
bench cold-start-report 11
bench memory ${sizes//,/ }
