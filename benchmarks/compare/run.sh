#!/usr/bin/env bash
# Usage: benchmarks/compare/run.sh BEFORE AFTER [FILTER ...]
#   Builds the benchmarks of two commits (BEFORE, AFTER: anything git rev-parse takes) in detached worktrees
#   and runs each FILTER (BenchmarkDotNet's --filter; default: the query, load and cold-start classes) on one
#   commit and then the other, alternating, so that both meet the machine in the same state. Then prints one
#   markdown table per class: each benchmark's median before and after, the change, and its ratio to its group's
#   baseline (as each side's sources mark it) before and after (the ratio is the figure that survives a noisy
#   machine), then the benchmarks whose ratio grew by more than 10 %.
#   DEFENSECOOP_BENCH_SIZES (default 100000) and BENCH_JOB (default short) are passed on; the synthetic
#   catalogs are generated once into $DEFENSECOOP_BENCH_CACHE and shared by both sides.
#   DEFENSECOOP_COMPARE_NO_BUILD=1 skips the builds (both sides already built), for one class at a time.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,11p "$0"; exit 2; }
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
before="$(git -C "$root" rev-parse "$1")" after="$(git -C "$root" rev-parse "$2")"
shift 2
filters=("$@")
[ ${#filters[@]} -gt 0 ] || filters=('*DyadBenchmarks*' '*FilterBenchmarks*' '*ComposedQueryBenchmarks*' '*SpendingBenchmarks*' '*.LoadBenchmarks*' '*FreshProcessBenchmarks*')
work="${DEFENSECOOP_COMPARE_DIR:-$(mktemp -d)}"
export DEFENSECOOP_BENCH_SIZES="${DEFENSECOOP_BENCH_SIZES:-100000}"
export DEFENSECOOP_BENCH_CACHE="${DEFENSECOOP_BENCH_CACHE:-$work/data}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for side in before after; do
  commit="${!side}"
  [ -d "$work/$side" ] || git -C "$root" worktree add -q --detach "$work/$side" "$commit"
  [ "${DEFENSECOOP_COMPARE_NO_BUILD:-0}" = 1 ] && continue
  echo "compare: building $side ($commit)" >&2
  dotnet build -c Release -v q -nologo "$work/$side/benchmarks/DefenseCoop.Benchmarks" >&2
done
for filter in "${filters[@]}"; do
  for side in before after; do
    echo "compare: $(date -u +%H:%M:%S) $side $filter, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    # In process, from the side's own folder: BenchmarkDotNet's out-of-process toolchain rebuilds the project it
    # finds from the working directory, which would measure the wrong commit.
    (cd "$work/$side" && dotnet run -c Release --no-build --project benchmarks/DefenseCoop.Benchmarks -- \
      --filter "$filter" --job "${BENCH_JOB:-short}" --inProcess --exporters json --artifacts "$work/$side-artifacts") >> "$work/$side.log" 2>&1 \
      || echo "compare: $side $filter failed (see $work/$side.log)" >&2
  done
done
python3 "$root/benchmarks/compare/table.py" "$work/before-artifacts/results" "$work/after-artifacts/results" \
  "$work/before/benchmarks/DefenseCoop.Benchmarks" "$work/after/benchmarks/DefenseCoop.Benchmarks"
