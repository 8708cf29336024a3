#!/usr/bin/env bash
# Usage: benchmarks/compare/probe.sh BEFORE_DIR AFTER_DIR CATALOG_JSON [PROCESSES [SHAPES]]
#   Times the shapes of probe/Program.cs in PROCESSES fresh processes a side (default 7), alternating sides, and
#   prints for each shape the median of the per-process medians with their range, and the bytes allocated per
#   call, before and after. BEFORE_DIR and AFTER_DIR are worktrees (as run.sh makes them); BEFORE_DIR is taken
#   to be the commit before the redesign (b94366c), whose ranges had other names. CATALOG_JSON: a synthetic
#   catalog from `-- generate 10k`. SHAPES: names of the program's shapes, "|"-separated, to run only those, in that order.
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,7p "$0"; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)" before="$(cd "$1" && pwd)" after="$(cd "$2" && pwd)" catalog="$3" processes="${4:-7}" shapes=("${@:5}")
out="$(mktemp -d)"
for side in before after; do
  dir="${!side}"
  dotnet build -c Release -v q -nologo "$here/probe" -o "$out/$side" --artifacts-path "$out/$side-obj" \
    -p:CoreProject="$dir/src/DefenseCoop.Core/DefenseCoop.Core.csproj" -p:Before=$([ $side = before ] && echo true || echo false) >&2
done
for i in $(seq "$processes"); do
  for side in before after; do dotnet "$out/$side/probe.dll" "$catalog" "${shapes[@]}" >> "$out/$side.tsv"; done
done
python3 - "$out" <<'PY'
import statistics, sys
rows, bytes_per_call = {}, {}
for side in ("before", "after"):
    for line in open(f"{sys.argv[1]}/{side}.tsv"):
        name, ns, allocated = line.rstrip("\n").split("\t")
        rows.setdefault(name, {"before": [], "after": []})[side].append(float(ns))
        bytes_per_call.setdefault(name, {})[side] = allocated
print("| shape | processes a side | before: median (range) | after: median (range) | change | bytes per call, before / after |")
print("|---|---:|---:|---:|---:|---:|")
for name, sides in rows.items():
    b, a = sides["before"], sides["after"]
    mb, ma = statistics.median(b), statistics.median(a)
    print(f"| {name} | {len(b)} | {mb:.1f} ns ({min(b):.0f}–{max(b):.0f}) | {ma:.1f} ns ({min(a):.0f}–{max(a):.0f}) | {100 * (ma / mb - 1):+.1f} % | {bytes_per_call[name]['before']} / {bytes_per_call[name]['after']} |")
PY
