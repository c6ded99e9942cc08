#!/usr/bin/env bash
# Times `winloss deal import` on a large Salesforce export, in a release build, and prints the figures
# BENCHMARKS.md records. Usage: Benchmarks/import.sh [ROWS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-100000}
swift build -c release --product winloss >/dev/null
bin=$PWD/.build/release/winloss
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # label, command…: wall time and peak memory of one run
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
    read -r seconds kilobytes <"$work/time"
    printf '%-44s %6.2f s  %6.1f MB peak\n' "$label" "$seconds" "$(echo "$kilobytes / 1024" | bc -l)"
}

$bin demo export salesforce --deals "$rows" --seed 7 --output "$work/export.csv"
echo "machine: $(nproc) cores, $(uname -m); $(swift --version 2>/dev/null | head -1)"
echo "file:    $rows CRM rows, $(($(wc -c <"$work/export.csv") / 1024 / 1024)) MiB (Salesforce report export)"
echo

measure "import into a new database" $bin deal import "$work/export.csv" --db "$work/db.sqlite"
grep -E "deals:|records:" "$work/out" | sed 's/^ */    /'
measure "import the same file again (all unchanged)" $bin deal import "$work/export.csv" --db "$work/db.sqlite"
grep -E "deals:" "$work/out" | sed 's/^ */    /'
sed -e 's/,Closed Won,/,Closed Lost,/' "$work/export.csv" >"$work/changed.csv"
measure "import with every win turned into a loss" $bin deal import "$work/changed.csv" --db "$work/db.sqlite"
grep -E "deals:" "$work/out" | sed 's/^ */    /'
measure "dry run of the same file" $bin deal import "$work/export.csv" --db "$work/db.sqlite" --dry-run
measure "deal list --format csv (all deals)" $bin deal list --format csv --db "$work/db.sqlite"
echo "    $(($(wc -l <"$work/out") - 1)) deals listed"
measure "deal list --outcome no_decision --region EMEA" $bin deal list --outcome no_decision --region EMEA --format json --db "$work/db.sqlite"
echo "database: $(($(wc -c <"$work/db.sqlite") / 1024 / 1024)) MiB"
