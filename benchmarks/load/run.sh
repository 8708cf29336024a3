#!/usr/bin/env bash
# Load test of the web sample: wrk (Debian's package) against the sample in Release on loopback, each
# endpoint in turn, beside a trivial endpoint with a fixed JSON body (/api/about) as the baseline.
# Prints a markdown table (throughput, ratio to the baseline, latency percentiles, errors) and the
# server's working set after each round, and writes them to WORK/results.md.
# Usage: benchmarks/load/run.sh [work-folder]
# Settings (environment): CONNECTIONS (64), DURATION (30s), THREADS (2), ROUNDS (5), PORT (5391), and
# OUTPUT_CACHE (true; false measures every answer computed, as the first request for a query is).
set -euo pipefail
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
connections="${CONNECTIONS:-64}" duration="${DURATION:-30s}" threads="${THREADS:-2}" rounds="${ROUNDS:-5}" port="${PORT:-5391}"
base="http://127.0.0.1:$port"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# name|path: the baseline first.
endpoints=(
  "baseline: fixed JSON|/api/about"
  "country search|/api/countries?q=turk"
  "partners|/api/countries/TR/partners"
  "dyad timeline|/api/dyads/TR/FI/timeline"
  "agreements with filters|/api/agreements?country=TR&kind=MemorandumOfUnderstanding,DefenseCooperationAgreement,ProcurementContract&signedFrom=2015&order=desc&take=20"
  "spending|/api/spending?country=FI&measure=ShareOfGdp&publisher=NATO&from=2014&to=2024"
)

echo "Publishing the sample in Release ..."
dotnet publish "$root/samples/DefenseCoop.Samples.Web" -c Release -o "$work/app" > "$work/publish.log" 2>&1 || { tail -n 30 "$work/publish.log"; exit 1; }

ASPNETCORE_ENVIRONMENT=Production dotnet "$work/app/DefenseCoop.Samples.Web.dll" --urls "$base" --Logging:LogLevel:Default=Warning --OutputCache="${OUTPUT_CACHE:-true}" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "$base/api/about" > /dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$base/api/about" > /dev/null || { echo "The sample did not start:"; cat "$work/server.log"; exit 1; }

working_set() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }

# One wrk run: prints "requests/s p50 p90 p99 errors" (latencies in ms).
measure() {
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$base$1")"
  echo "$out" >> "$work/wrk.log"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %.2f %d\n", rps, p50, p90, p99, errors }' <<< "$out"
}

for path in "${endpoints[@]#*|}"; do curl -fs "$base$path" > /dev/null || { echo "GET $path failed before the test" >&2; exit 1; }; done
: > "$work/rounds.tsv"
echo "| endpoint | requests/s | × baseline | p50 ms | p90 ms | p99 ms | errors |" > "$work/results.md"
echo "|---|---:|---:|---:|---:|---:|---:|" >> "$work/results.md"
sets=()
for round in $(seq 1 "$rounds"); do
  baseline=0
  for entry in "${endpoints[@]}"; do
    name="${entry%%|*}" path="${entry#*|}"
    read -r rps p50 p90 p99 errors < <(measure "$path")
    [ "$baseline" -eq 0 ] && baseline="$rps"
    ratio="$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.2f", a / b }')"
    echo "round $round: | $name | $rps | $ratio | $p50 | $p90 | $p99 | $errors |"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$ratio" "$p50" "$p90" "$p99" "$errors" >> "$work/rounds.tsv"
  done
  sets+=("$(working_set)")
  echo "round $round: working set $(working_set) MiB"
done
# Each endpoint's median over the rounds (the machine's cores are shared, so single runs vary), and its
# errors summed over all rounds.
awk -F'\t' '
  { n[$1]++; order[$1] = order[$1] ? order[$1] : ++count; for (i = 2; i <= 6; i++) v[$1, i, n[$1]] = $i; e[$1] += $7 }
  function median(k, i,   m, j, a, t) { m = n[k]; for (j = 1; j <= m; j++) a[j] = v[k, i, j] + 0
    for (j = 2; j <= m; j++) { t = a[j]; for (x = j - 1; x >= 1 && a[x] > t; x--) a[x + 1] = a[x]; a[x + 1] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
  END { for (k in order) name[order[k]] = k
        for (j = 1; j <= count; j++) { k = name[j]
          printf "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d |\n", k, median(k, 2), median(k, 3), median(k, 4), median(k, 5), median(k, 6), e[k] } }' \
  "$work/rounds.tsv" >> "$work/results.md"
echo "" >> "$work/results.md"
echo "Medians of $rounds rounds of $duration per endpoint, $connections connections, $threads wrk threads; errors summed over the rounds." >> "$work/results.md"
echo "Working set after each round (MiB): ${sets[*]}; the last is $(awk -v a="${sets[-1]}" -v b="${sets[0]}" 'BEGIN { printf "%+.1f", (a - b) * 100 / b }') % from the first." >> "$work/results.md"
cat "$work/results.md"
