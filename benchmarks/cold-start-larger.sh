#!/usr/bin/env bash
# Cold start against the size of the release: builds a copy of the benchmark program whose release
# assembly (DefenseCoop.Core.Data) holds a synthetic release TIMES the bundled one (default 10: every
# record but the countries repeated with its own id), then runs the cold-start report, which with that
# copy present also times `default-larger` and `tokenize-larger`. Usage: cold-start-larger.sh [TIMES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
times="${1:-10}"
rounds="${2:-11}"
out=benchmarks/DefenseCoop.Benchmarks/bin/Release/net10.0
dotnet build -c Release benchmarks/DefenseCoop.Benchmarks -nologo -v q
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet "$out/DefenseCoop.Benchmarks.dll" larger-release "$times" "$work/data"
# The release assembly again, from the larger release, into a folder of its own (with intermediate files
# of its own, so that the repository's Release build is untouched).
dotnet build -c Release src/DefenseCoop.Core.Data -nologo -v q -p:DefenseCoopReleaseDirectory="$work/data" \
  -p:IntermediateOutputPath=obj/larger-release/ -o "$work/bin"
rm -rf "$out/readytorun-larger"
cp -r "$out/readytorun" "$out/readytorun-larger"
cp "$work/bin/DefenseCoop.Core.Data.dll" "$out/readytorun-larger/"
dotnet "$out/DefenseCoop.Benchmarks.dll" cold-start-report "$rounds"
