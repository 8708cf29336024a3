#!/usr/bin/env bash
# Every measure of every year of SIPRI's arms-trade network (1950–2023, one directed TIV-weighted graph a
# year), DefenseCoop.Core against networkx 2.8.8 (Debian's python3-networkx), as whole processes on the
# same file of graphs: each process reads it and computes degree, strength, betweenness (unweighted and
# 1/weight), eigenvector centrality, PageRank, clustering, density, components and Louvain communities for
# every graph. First both run once and the .NET side checks every value against networkx's (1e-9); then
# RUNS timed runs of each, alternating, CPU seconds (user + system) and wall seconds from bash's own clock.
#   benchmarks/network/run.sh [RUNS]        (default 5; needs /usr/bin/python3 with networkx and SciPy)
# Without the SIPRI register under ../shared/data/raw (or DEFENSECOOP_SIPRI_REGISTER), a synthetic register
# of the same shape is used, and the export says so.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python="${DEFENSECOOP_PYTHON:-/usr/bin/python3}"
script=tests/DefenseCoop.Core.Tests/Networks/networkx_measures.py

dotnet build -c Release -v q --nologo benchmarks/DefenseCoop.Benchmarks >/dev/null
dotnet=(dotnet benchmarks/DefenseCoop.Benchmarks/bin/Release/net10.0/DefenseCoop.Benchmarks.dll)
"${dotnet[@]}" network-export "$work/graphs.json"
"$python" -c 'import networkx; print("networkx", networkx.__version__)'
"$python" "$script" measures "$work/graphs.json" "$work/networkx.json"
"${dotnet[@]}" network-measures "$work/graphs.json" "$work/networkx.json"

TIMEFORMAT='%R %U %S'
for i in $(seq "$runs"); do
  { time "${dotnet[@]}" network-measures "$work/graphs.json" >/dev/null; } 2>> "$work/dotnet.times"
  { time "$python" "$script" measures "$work/graphs.json" "$work/out.json"; } 2>> "$work/networkx.times"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for side in dotnet networkx; do
  wall=$(awk '{ print $1 }' "$work/$side.times" | median)
  cpu=$(awk '{ print $2 + $3 }' "$work/$side.times" | median)
  printf '%-9s median of %s runs: %6.2f s CPU, %6.2f s wall\n' "$side" "$runs" "$cpu" "$wall"
  eval "${side}_cpu=$cpu ${side}_wall=$wall"
done
awk -v a="$networkx_cpu" -v b="$dotnet_cpu" -v c="$networkx_wall" -v d="$dotnet_wall" \
  'BEGIN { printf "networkx / DefenseCoop.Core: %.1fx CPU, %.1fx wall\n", a / b, c / d }'
