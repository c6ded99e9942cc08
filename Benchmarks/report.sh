#!/usr/bin/env bash
# Generates a whole programme (deals, interviews, answers, codes) with `winloss demo generate` in a release build,
# then times the commands that read it end to end, each beside the sqlite3 CLI running the same SQL on the same
# file, and prints the figures BENCHMARKS.md records.
# Usage: Benchmarks/report.sh [DEALS] [SEED]   (default 100000 deals, seed 7)
set -euo pipefail
cd "$(dirname "$0")/.."

deals=${1:-100000}
seed=${2:-7}
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: sudo apt-get install -y sqlite3" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product winloss >"$work/build" 2>&1 || { cat "$work/build" >&2; exit 1; }
bin=$PWD/.build/release/winloss
db=$work/programme.sqlite

measure() {  # label, command…: wall time and peak memory of one run
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
    read -r seconds kilobytes <"$work/time"
    printf '%-50s %7.2f s  %6.1f MB peak\n' "$label" "$seconds" "$(echo "$kilobytes / 1024" | bc -l)"
}

# The same measure for the sqlite3 CLI running SQL (written to a file and read with .read) on the database.
measure_sql() {  # label, SQL
    local label=$1 sql=$2
    printf '%s\n' "$sql" >"$work/query.sql"
    measure "$label" sqlite3 -bail "$db" ".read $work/query.sql"
}

count() { sqlite3 "$db" "SELECT count(*) FROM $1"; }
grouped() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }

# The SQL of `winloss search` (WinLossStore+Search.swift): the best 20 answers, then the best 20 private notes,
# each joined to its interview, deal, account, rep and buyer; CONDITION is the deal filter's WHERE condition.
search_sql() {  # pattern, answer FTS table, note FTS table, condition
    local pattern=${1//\'/\'\'} answers=$2 notes=$3 condition=$4
    local columns="rank AS score, snippet(%s, 0, char(57344), char(57345), '…', 14) AS snippet,
        interview.id, item.questionID, deal.externalID, deal.name, deal.outcome, deal.decidedOn, account.name,
        account.industry, account.region, account.sizeBand, contact.name, contact.title, interview.quotePermission"
    local joins="JOIN interview ON interview.id = item.interviewID JOIN deal ON deal.id = interview.dealID
        JOIN account ON account.id = deal.accountID JOIN person ON person.id = deal.repID
        LEFT JOIN contact ON contact.id = interview.contactID"
    # shellcheck disable=SC2059
    printf "SELECT $columns FROM %s JOIN answer AS item ON item.id = %s.rowid $joins
        WHERE %s MATCH '%s' AND %s ORDER BY %s.rank LIMIT 20;
        SELECT $columns FROM %s JOIN interviewNote AS item ON item.id = %s.rowid $joins
        WHERE %s MATCH '%s' AND %s ORDER BY %s.rank LIMIT 20;\n" \
        "$answers" "$answers" "$answers" "$answers" "$pattern" "$condition" "$answers" \
        "$notes" "$notes" "$notes" "$notes" "$pattern" "$condition" "$notes"
}

echo "machine: $(nproc) cores, $(uname -m); $(swift --version 2>/dev/null | head -1); $(sqlite3 --version | cut -d' ' -f1-2)"
echo

# --- The programme -------------------------------------------------------------------------------------------------
measure "demo generate --deals $deals --seed $seed" "$bin" demo generate --deals "$deals" --seed "$seed" --db "$db"
sed 's/^/    /' "$work/out"
printf '    rows:     %s deals, %s interviews, %s answers, %s codes, %s interview themes, %s notes\n' \
    "$(grouped "$(count deal)")" "$(grouped "$(count interview)")" "$(grouped "$(count answer)")" \
    "$(grouped "$(count code)")" "$(grouped "$(count interviewTheme)")" "$(grouped "$(count interviewNote)")"
printf '    records:  %s accounts, %s contacts, %s people\n' \
    "$(grouped "$(count account)")" "$(grouped "$(count contact)")" "$(grouped "$(count person)")"
echo "    database: $(($(wc -c <"$db") / 1024 / 1024)) MiB"
echo

# --- Search --------------------------------------------------------------------------------------------------------
search() {  # label, query, answer table, note table, SQL condition, winloss options…
    local label=$1 query=$2 answers=$3 notes=$4 condition=$5; shift 5
    measure "search $label" "$bin" search "$query" "$@" --format csv --db "$db"
    echo "    $(($(wc -l <"$work/out") - 1)) passages"
    measure_sql "  sqlite3, same SQL" "$(search_sql "$query" "$answers" "$notes" "$condition")"
}
search "price" "price" answerSearch noteSearch "1"
search '"status quo" (phrase)' '"status quo"' answerSearch noteSearch "1"
search "integrat* (prefix, exact index)" "integrat*" answerSearchExact noteSearchExact "1"
search "price --outcome loss --industry Retail" "price" answerSearch noteSearch \
    "deal.outcome IN ('loss') AND account.industry COLLATE NOCASE IN ('Retail')" --outcome loss --industry Retail
measure_sql "count of answers matching price (sqlite3)" "SELECT count(*) FROM answerSearch WHERE answerSearch MATCH 'price';"
echo "    $(grouped "$(cat "$work/out")") answers"
echo

# --- Report and themes ---------------------------------------------------------------------------------------------
# PLACEHOLDER (to be filled in by the engineer who owns `winloss report` and `winloss themes`): time
# `winloss report --format json` and `winloss themes` on "$db" with `measure`, each followed by `measure_sql` with
# the SQL those commands run, as the search section does. Remove the two `echo`s when they are filled in.
bench_report() {
    # measure "report --format json" "$bin" report --format json --db "$db"
    # measure_sql "  sqlite3, same SQL" "SELECT …;"
    echo "report --format json                               (placeholder: not measured yet)"
}
bench_themes() {
    # measure "themes" "$bin" themes --db "$db"
    # measure_sql "  sqlite3, same SQL" "SELECT …;"
    echo "themes                                             (placeholder: not measured yet)"
}
bench_report
bench_themes
echo

# --- Import into a fresh database ----------------------------------------------------------------------------------
measure "demo export salesforce --deals $deals" "$bin" demo export salesforce --deals "$deals" --seed "$seed" \
    --output "$work/export.csv"
measure "deal import into a new database" "$bin" deal import "$work/export.csv" --db "$work/import.sqlite"
grep -E "deals:" "$work/out" | sed 's/^ */    /'
