#!/usr/bin/env bash
# Proves the packages, not the project references:
#  1. packs DefenseCoop.Core.Data, DefenseCoop.Core, DefenseCoop.Importers and DefenseCoop.Export.Parquet
#     from this working tree, failing on any warning, and checks each package's metadata, README, NOTICE,
#     icon and symbols, and that the data release is in exactly one assembly of them all;
#  2. packs them again from a fresh clone of HEAD in another folder and checks that the two packs are
#     identical apart from what NuGet stamps (zip entry times); skipped when the working tree has
#     uncommitted changes, since the clone would then hold other sources;
#  3. restores DefenseCoop.Consumer from the packed folder alone (the registry only for dependencies),
#     into an empty package cache, checks that the restored packages are the packed files, runs it and
#     checks what it prints.
# Usage: run.sh [version] [work-folder], in either order: a version (1.1.0, 1.1.0-preview.1 ...) packs
# and consumes that version instead of the repository's own (Directory.Build.props); a version without a
# published baseline packs with a message that package validation was skipped. Writes one line per check
# ("packages passed", "reproducible skipped", ...) to work-folder/checks, prints what it checked, and exits
# non-zero when a check failed.
set -uo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
requested_version="" work=""
for arg in "$@"; do
  if [[ "$arg" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then requested_version="$arg"
  elif [ -z "$work" ]; then work="$arg"
  else echo "Usage: run.sh [version] [work-folder]" >&2; exit 2
  fi
done
work="${work:-$(mktemp -d)}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
: > "$work/checks"
status=0
projects=(src/DefenseCoop.Core.Data/DefenseCoop.Core.Data.csproj src/DefenseCoop.Core/DefenseCoop.Core.csproj
          src/DefenseCoop.Importers/DefenseCoop.Importers.csproj src/DefenseCoop.Export.Parquet/DefenseCoop.Export.Parquet.csproj)
ids=(DefenseCoop.Core.Data DefenseCoop.Core DefenseCoop.Importers DefenseCoop.Export.Parquet)

record() { echo "$1 $2" >> "$work/checks"; [ "$2" = failed ] && status=1; echo "Consumer: $1 $2"; }
fail() { echo "Consumer: FAILED: $*"; problems=$((problems + 1)); }

# pack SOURCE-ROOT OUTPUT-FOLDER LOG: packs the three packages, failing on any warning.
pack() {
  local src="$1" out="$2" log="$3" project
  rm -rf "$out"; mkdir -p "$out"
  for project in "${projects[@]}"; do
    dotnet pack "$src/$project" -c Release -o "$out" ${requested_version:+"-p:Version=$requested_version"} >> "$log" 2>&1 || return 1
  done
  ! grep -E ': warning [A-Z]+[0-9]+' "$log"
}

version="${requested_version:-$(dotnet msbuild "$root/src/DefenseCoop.Core/DefenseCoop.Core.csproj" -getProperty:Version)}"
data_version="$(grep -m 1 -o '"dataVersion": *"[^"]*"' "$root/data/defensecoop.json" | sed 's/.*: *"\(.*\)"/\1/')"
commit="$(git -C "$root" rev-parse HEAD)"
clean=true
[ -n "$(git -C "$root" status --porcelain)" ] && clean=false
echo "Consumer: packing $version (data release $data_version, commit $commit$($clean || echo ', uncommitted changes'))"

# 1. The packages and what they carry.
problems=0
if ! pack "$root" "$work/packed" "$work/pack.log"; then
  fail "dotnet pack failed or warned; its log:"; tail -n 60 "$work/pack.log"
else
  for id in "${ids[@]}"; do
    nupkg="$work/packed/$id.$version.nupkg" snupkg="$work/packed/$id.$version.snupkg"
    [ -f "$nupkg" ] && [ -f "$snupkg" ] || { fail "$id: no .nupkg and .snupkg"; continue; }
    entries="$(unzip -Z1 "$nupkg")"
    for entry in README.md NOTICE.md icon.png "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
      grep -qx "$entry" <<< "$entries" || fail "$id: the package has no $entry"
    done
    nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
    for element in '<readme>README.md</readme>' '<icon>icon.png</icon>' '<license type="expression">MIT</license>' \
                   '<authors>' '<description>' '<tags>' '<releaseNotes>' \
                   "<repository type=\"git\" url=\"https://github.com/defensecoop/defensecoop-core\" commit=\"$commit\" />"; do
      grep -qF "$element" <<< "$nuspec" || fail "$id: the nuspec lacks $element"
    done
    readme="$(unzip -p "$nupkg" README.md)"
    # The data package comes with DefenseCoop.Core: its README says to install that.
    install="$id"; [ "$id" = DefenseCoop.Core.Data ] && install=DefenseCoop.Core
    grep -qF "dotnet add package $install" <<< "$readme" || fail "$id: README has no install line"
    grep -qE "^\| Package version \| $version \|$" <<< "$readme" || fail "$id: README does not show package version $version"
    grep -qE "DataVersion\`?\) \| $data_version \|$" <<< "$readme" || fail "$id: README does not show data release $data_version"
    if grep -qE '\]\((\.|/)?[A-Za-z0-9_-]+[/.][^):]*\)' <<< "$(grep -oE '\]\([^)]*\)' <<< "$readme" | grep -v '](https://')"; then
      fail "$id: README has relative links: $(grep -oE '\]\([^)]*\)' <<< "$readme" | grep -v '](https://' | tr '\n' ' ')"
    fi
    rm -rf "$work/symbols"; unzip -q -o "$snupkg" -d "$work/symbols"
    pdb="$work/symbols/lib/net10.0/$id.pdb"
    [ -f "$pdb" ] || { fail "$id: the symbol package has no PDB"; continue; }
    grep -aqF "https://raw.githubusercontent.com/defensecoop/defensecoop-core/$commit/*" "$pdb" || fail "$id: the PDB has no SourceLink to the commit"
    grep -aqF "$root" "$pdb" "$work/packed/$id.$version.nupkg" && fail "$id: the package embeds the local path $root"
  done
fi
# The release once: of every assembly in the packages (IL and ReadyToRun images), exactly one holds it.
if [ -d "$work/packed" ]; then
  copies=0
  for nupkg in "$work/packed"/*.nupkg; do
    while read -r entry; do
      # grep -c reads to the end: with -q, unzip could die of SIGPIPE and fail the pipeline (pipefail).
      [ "$(unzip -p "$nupkg" "$entry" | grep -acF "\"dataVersion\": \"$data_version\"")" -gt 0 ] && copies=$((copies + 1))
    done < <(unzip -Z1 "$nupkg" | grep '\.dll$')
  done
  [ "$copies" -eq 1 ] || fail "the packages hold the data release $copies times, not once"
fi
if [ "$problems" -eq 0 ]; then record packages passed; else record packages failed; fi

# 2. Reproducible: a second pack, from a clone of HEAD in another folder.
problems=0
if ! $clean; then
  echo "Consumer: the working tree has uncommitted changes; the reproducibility check needs a clean tree."
  record reproducible skipped
elif [ ! -d "$work/packed" ]; then
  record reproducible failed
else
  rm -rf "$work/clone"
  git clone -q --no-hardlinks "$root" "$work/clone" && git -C "$work/clone" checkout -q "$commit"
  if ! pack "$work/clone" "$work/packed-again" "$work/pack-again.log"; then
    fail "the second pack failed or warned; its log:"; tail -n 60 "$work/pack-again.log"
  else
    for file in "$work/packed"/*; do
      name="$(basename "$file")" a="$work/unzipped/a/$(basename "$file")" b="$work/unzipped/b/$(basename "$file")"
      [ -f "$work/packed-again/$name" ] || { fail "the second pack has no $name"; continue; }
      # The zip entries' times are NuGet's stamp; every entry's content must be the same.
      diff <(unzip -Z1 "$file" | sort) <(unzip -Z1 "$work/packed-again/$name" | sort) > /dev/null || fail "$name: the two packs hold different files"
      mkdir -p "$a" "$b"; unzip -q -o "$file" -d "$a"; unzip -q -o "$work/packed-again/$name" -d "$b"
      diff -r "$a" "$b" > "$work/reproducible.diff" 2>&1 || { fail "$name: the two packs differ:"; head -n 20 "$work/reproducible.diff"; }
    done
  fi
  if [ "$problems" -eq 0 ]; then record reproducible passed; else record reproducible failed; fi
fi

# 3. The consumer, from the packed folder alone.
problems=0
app="$here/DefenseCoop.Consumer"
rm -rf "$here/feed" "$app/bin" "$app/obj" "$work/packages"
mkdir -p "$here/feed"
cp "$work/packed"/*.nupkg "$here/feed/" 2>/dev/null || fail "nothing was packed"
if [ "$problems" -eq 0 ] && dotnet restore "$app" --packages "$work/packages" -p:DefenseCoopVersion="$version" > "$work/consumer-restore.log" 2>&1; then
  for id in DefenseCoop.Core.Data DefenseCoop.Core DefenseCoop.Importers; do
    lower="$(tr 'A-Z' 'a-z' <<< "$id")"
    restored="$work/packages/$lower/$version/$lower.$version.nupkg.sha512"
    packed="$(openssl dgst -sha512 -binary "$here/feed/$id.$version.nupkg" | base64 -w0)"
    [ -f "$restored" ] && [ "$(cat "$restored")" = "$packed" ] || fail "$id $version was not restored from the packed file"
  done
  if grep -q '"type": "project"' "$app/obj/project.assets.json"; then fail "the consumer restored a project reference"; fi
  if dotnet run --no-restore --project "$app" -p:DefenseCoopVersion="$version" > "$work/consumer.out" 2>&1; then
    out="$(cat "$work/consumer.out")"
    for expected in "^DefenseCoop.Core $version\+$commit$" "^DefenseCoop.Importers $version\+$commit$" \
                    "^Data release $data_version$" \
                    "^2025-06-02 MemorandumOfUnderstanding: .*Finland.* \[.+\]$" \
                    "^[0-9,]+ USD \[nato-defence-expenditure-2024\]$" \
                    "^Parsed: 2026.2 early 2023 FI$" \
                    "^Imported: 2010 CurrentUsd 17,000,000,000 \[cow-nmc-6\]$" \
                    "^Imported: 2011 MilitaryPersonnel 612,000 \[cow-nmc-6\]$"; do
      $clean || expected="${expected/\\+$commit/\\+[0-9a-f]+}"
      grep -qE "$expected" <<< "$out" || fail "the consumer's output has no line matching $expected"
    done
    grep -q "^Imported: 2010 MilitaryPersonnel" <<< "$out" && fail "a figure COW marks missing (-9) was imported"
    [ "$problems" -eq 0 ] || { echo "Consumer: its output:"; cat "$work/consumer.out"; }
  else
    fail "the consumer did not run:"; tail -n 40 "$work/consumer.out"
  fi
else
  fail "the consumer did not restore from the packed folder:"; tail -n 40 "$work/consumer-restore.log"
fi
if [ "$problems" -eq 0 ]; then record consumer passed; else record consumer failed; fi
exit $status
