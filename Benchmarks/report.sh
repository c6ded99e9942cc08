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

# The SQL of `winloss search` (WinLossStore+Search.swift): for answers, then for private notes, the number of
# matches, then the best 20 (or, past 10,000 matches, the latest 20), each joined to its interview, deal, account,
# rep and buyer; CONDITION is the deal filter's WHERE condition.
search_sql() {  # pattern, answer FTS table, note FTS table, condition
    local pattern=${1//\'/\'\'} answers=$2 notes=$3 condition=$4
    local answer_order="$answers.rank" note_order="$notes.rank"
    (($(sqlite3 "$db" "SELECT count(*) FROM $answers WHERE $answers MATCH '$pattern'") > 10000)) &&
        answer_order="$answers.rowid DESC"
    (($(sqlite3 "$db" "SELECT count(*) FROM $notes WHERE $notes MATCH '$pattern'") > 10000)) &&
        note_order="$notes.rowid DESC"
    local columns="rank AS score, snippet(%s, 0, char(57344), char(57345), '…', 14) AS snippet,
        interview.id, item.questionID, deal.externalID, deal.name, deal.outcome, deal.decidedOn, account.name,
        account.industry, account.region, account.sizeBand, contact.name, contact.title, interview.quotePermission"
    local joins="JOIN interview ON interview.id = item.interviewID JOIN deal ON deal.id = interview.dealID
        JOIN account ON account.id = deal.accountID JOIN person ON person.id = deal.repID
        LEFT JOIN contact ON contact.id = interview.contactID"
    # shellcheck disable=SC2059
    printf "SELECT count(*) FROM %s WHERE %s MATCH '%s';
        SELECT $columns FROM %s JOIN answer AS item ON item.id = %s.rowid $joins
        WHERE %s MATCH '%s' AND %s ORDER BY %s LIMIT 20;
        SELECT count(*) FROM %s WHERE %s MATCH '%s';
        SELECT $columns FROM %s JOIN interviewNote AS item ON item.id = %s.rowid $joins
        WHERE %s MATCH '%s' AND %s ORDER BY %s LIMIT 20;\n" \
        "$answers" "$answers" "$pattern" "$answers" "$answers" "$answers" "$answers" "$pattern" "$condition" \
        "$answer_order" "$notes" "$notes" "$pattern" "$notes" "$notes" "$notes" "$notes" "$pattern" "$condition" \
        "$note_order"
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
# The aggregate queries `winloss report` runs (WinLossStore+Report.swift, ReportFacts.swift), for the sqlite3 shell:
# theme mentions by outcome and quarter from the report index; one pass over the interviews with their gap
# answers; one over the deals with their segments, cycle and rep; and the quotes of one theme and outcome. The
# rows are counted, not printed, so that the shell's own printing is not timed.
themes_sql="SELECT count(*) FROM (SELECT theme.themeID, theme.outcome, theme.quarter, count(*), sum(theme.isPrimary),
        sum(theme.positive), sum(theme.negative) FROM interviewTheme AS theme WHERE theme.completed = 1
        GROUP BY theme.themeID, theme.outcome, theme.quarter);
    SELECT count(*) FROM (SELECT deal.outcome, count(*), sum(interview.coded) FROM interview
        JOIN deal ON deal.id = interview.dealID WHERE interview.status = 'completed' GROUP BY deal.outcome);"
measured_sql() {  # alias, metric: the answer to the question with that role, for each interview
    printf "LEFT JOIN templateQuestion AS %sQuestion ON %sQuestion.templateVersionID = interview.templateVersionID
        AND %sQuestion.metric = '%s' LEFT JOIN answer AS %s ON %s.interviewID = interview.id
        AND %s.questionID = %sQuestion.questionID" "$1" "$1" "$1" "$2" "$1" "$1" "$1" "$1"
}
yearly() { echo "(CASE $1.period WHEN 'year' THEN $1.amountMinor WHEN 'quarter' THEN $1.amountMinor * 4 WHEN 'month' THEN $1.amountMinor * 12 END)"; }
report_sql="$themes_sql
    SELECT count(*) FROM (SELECT deal.outcome, CAST(substr(deal.decidedOn, 1, 4) AS INTEGER) * 10
            + (CAST(substr(deal.decidedOn, 6, 2) AS INTEGER) + 2) / 3,
            CAST(julianday(date(interview.startedAt)) - julianday(deal.decidedOn) AS INTEGER), interview.coded,
            gap.currency, $(yearly gap), $(yearly gap) * years.number, cost.currency, $(yearly cost), preferred.flag,
            headStart.number
        FROM interview JOIN deal ON deal.id = interview.dealID
        $(measured_sql gap gap_value) $(measured_sql cost inaction_cost) $(measured_sql years ownership_years)
        $(measured_sql preferred preferred_vendor) $(measured_sql headStart first_contact_with_winner)
        WHERE interview.status = 'completed');
    SELECT count(*) FROM (SELECT deal.outcome, account.industry, account.region, account.sizeBand,
            deal.id IN (SELECT dealID FROM interview WHERE status = 'completed'), account.industry COLLATE NOCASE,
            CAST(julianday(deal.decidedOn) - julianday(deal.createdOn) AS INTEGER), person.assumedCycleDays
        FROM deal JOIN account ON account.id = deal.accountID JOIN person ON person.id = deal.repID);
    SELECT count(*) FROM (SELECT answer.displayText FROM interviewTheme AS mention
        JOIN code ON code.interviewID = mention.interviewID AND code.themeID = mention.themeID
        JOIN interview ON interview.id = mention.interviewID JOIN answer ON answer.id = code.answerID
        WHERE mention.themeID = 'price_level' AND mention.outcome = 'loss' AND mention.completed = 1
          AND mention.isPrimary = 1 AND code.isPrimary = 1 AND interview.quotePermission IN ('named', 'anonymous')
        ORDER BY mention.isPrimary DESC, mention.interviewID DESC LIMIT 3);"
measure "report --format json" "$bin" report --format json --db "$db"
echo "    $(wc -c <"$work/out") bytes of JSON"
measure_sql "  sqlite3, same aggregate queries" "$report_sql"
measure "report --quarter (the latest) --format json" "$bin" report --quarter "$(sqlite3 "$db" \
    "SELECT substr(max(decidedOn), 1, 4) || 'Q' || ((CAST(substr(max(decidedOn), 6, 2) AS INTEGER) + 2) / 3) FROM deal")" \
    --format json --db "$db"
measure "report --by industry --format html" "$bin" report --by industry --format html --output "$work/report.html" \
    --db "$db"
echo "    $(($(wc -c <"$work/report.html") / 1024)) KiB of HTML"
measure "themes" "$bin" themes --db "$db"
measure_sql "  sqlite3, same aggregate queries" "$themes_sql"
measure "terms --outcome no_decision" "$bin" terms --outcome no_decision --db "$db"
echo

# --- Callbacks -----------------------------------------------------------------------------------------------------
# The year before the latest decision, pulled in the following January, as a rep would.
year=$(($(sqlite3 "$db" "SELECT substr(max(decidedOn), 1, 4) FROM deal") - 1))
as_of="$((year + 1))-01-05"
measure "callbacks --year $year --include-losses --format csv" "$bin" callbacks --year "$year" --include-losses \
    --format csv --as-of "$as_of" --db "$db"
measure "callbacks --year $year --include-losses --format json" "$bin" callbacks --year "$year" --include-losses \
    --format json --as-of "$as_of" --db "$db"
echo "    $(grep -c '^  {' "$work/out") callbacks"
# The SQL of the list (WinLossStore+Callbacks.swift) for the built-in templates' question ids: each deal with its
# latest completed interview, buyer, latest call, the answers a callback shows, and its themes.
answer_join() { echo "LEFT JOIN answer AS $1 ON $1.interviewID = iv.id AND $1.questionID = '$2'"; }
callbacks_sql="SELECT count(*) FROM (SELECT deal.id, iv.id, contact.name, lastCall.result, current.displayText,
        measure.displayText, planned.displayText, reason.displayText, cost.amountMinor, cost.currency, cost.period,
        gap.amountMinor, gap.currency, gap.period, years.number, revisit.dateValue, revisit.number, reconsider.flag,
        openness.number, nextStep.flag,
        (SELECT group_concat(themeID || ':' || isPrimary, ' ')
         FROM (SELECT themeID, max(isPrimary) AS isPrimary FROM code WHERE interviewID = iv.id GROUP BY themeID))
    FROM deal JOIN account ON account.id = deal.accountID JOIN person ON person.id = deal.repID
    LEFT JOIN interview AS iv ON iv.id = (SELECT max(id) FROM interview WHERE dealID = deal.id AND status = 'completed')
    LEFT JOIN contact ON contact.id = iv.contactID
    LEFT JOIN callbackCall AS lastCall ON lastCall.id = (SELECT max(id) FROM callbackCall WHERE dealID = deal.id)
    $(answer_join current current_state) $(answer_join measure measurement) $(answer_join planned planned_state)
    $(answer_join reason gap_reason) $(answer_join cost inaction_cost) $(answer_join years ownership_years)
    $(answer_join gap gap_value) $(answer_join revisit revisit_when) $(answer_join reconsider look_again)
    $(answer_join openness openness) $(answer_join nextStep next_step_committed)
    WHERE (deal.outcome = 'no_decision' OR (deal.outcome = 'loss' AND (reconsider.flag = 1 OR revisit.value IS NOT NULL)))
      AND deal.decidedOn BETWEEN '$year-01-01' AND '$year-12-31');"
measure_sql "  sqlite3, same SQL" "$callbacks_sql"
rep=$(sqlite3 "$db" "SELECT person.email FROM deal JOIN person ON person.id = deal.repID
    WHERE deal.outcome = 'no_decision' AND deal.decidedOn LIKE '$year-%' GROUP BY person.id ORDER BY count(*) DESC LIMIT 1")
measure "callbacks --rep (the busiest) --format ics" "$bin" callbacks --year "$year" --rep "$rep" --format ics \
    --as-of "$as_of" --db "$db"
echo "    $(grep -c '^BEGIN:VEVENT' "$work/out") events"
echo

# --- Import into a fresh database ----------------------------------------------------------------------------------
measure "demo export salesforce --deals $deals" "$bin" demo export salesforce --deals "$deals" --seed "$seed" \
    --output "$work/export.csv"
measure "deal import into a new database" "$bin" deal import "$work/export.csv" --db "$work/import.sqlite"
grep -E "deals:" "$work/out" | sed 's/^ */    /'
