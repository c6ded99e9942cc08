import Foundation
import GRDB

extension ReportBuilder {
    struct ThemeTally {
        var mentions = ByOutcome<Int>.zero
        var primary = ByOutcome<Int>.zero
        var positive = ByOutcome<Int>.zero
        var negative = ByOutcome<Int>.zero

        /// The tallies of several groups added up, theme by theme.
        static func merged(_ groups: some Sequence<[String: ThemeTally]>) -> [String: ThemeTally] {
            var result: [String: ThemeTally] = [:]
            for group in groups {
                for (theme, tally) in group {
                    var sum = result[theme] ?? ThemeTally()
                    for outcome in Outcome.allCases {
                        sum.mentions[outcome] += tally.mentions[outcome]
                        sum.primary[outcome] += tally.primary[outcome]
                        sum.positive[outcome] += tally.positive[outcome]
                        sum.negative[outcome] += tally.negative[outcome]
                    }
                    result[theme] = sum
                }
            }
            return result
        }
    }

    /// Interviews mentioning each theme (or a theme under it), by outcome and by the dimension's value. Counted
    /// from `interviewTheme`'s report index, which holds each mention's outcome and quarter; other dimensions and
    /// filters look up the interview's deal once per interview, not once per mention.
    func themeCounts(by dimension: ReportDimension?) throws -> [String?: [String: ThemeTally]] {
        let sql: SQLRequest<Row>
        let totals: SQL = """
            count(*) AS mentions, sum(theme.isPrimary) AS isPrimary, sum(theme.positive) AS positive,
            sum(theme.negative) AS negative
            """
        switch dimension {
        case nil, .quarter?:
            let grp: SQL = dimension == nil ? "NULL" : "theme.quarter"
            let scope: SQL =
                request.filter == DealFilter()
                ? ""
                : """
                AND theme.interviewID IN (SELECT interview.id \(interviews(nil)) WHERE interview.status = \(InterviewStatus.completed) AND \(filter))
                """
            sql = """
                SELECT theme.themeID AS themeID, theme.outcome AS outcome, \(grp) AS grp, \(totals)
                FROM interviewTheme AS theme
                WHERE theme.completed = 1 \(scope)
                GROUP BY theme.themeID, theme.outcome, grp
                """
        case let dimension?:
            sql = """
                WITH scope AS MATERIALIZED (
                    SELECT interview.id AS interviewID, \(dimension.expression) AS grp
                    \(interviews(dimension))
                    WHERE interview.status = \(InterviewStatus.completed) AND \(filter)
                )
                SELECT theme.themeID AS themeID, theme.outcome AS outcome, scope.grp AS grp, \(totals)
                FROM scope JOIN interviewTheme AS theme ON theme.interviewID = scope.interviewID
                GROUP BY theme.themeID, theme.outcome, scope.grp
                """
        }
        var result: [String?: [String: ThemeTally]] = [:]
        let cursor = try sql.fetchCursor(db)
        while let row = try cursor.next() {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            let key = Self.groupName(row["grp"], dimension: dimension)
            let theme: String = row["themeID"]
            var tally = result[key]?[theme] ?? ThemeTally()
            tally.mentions[outcome] += row["mentions"] as Int
            tally.primary[outcome] += row["isPrimary"] as Int
            tally.positive[outcome] += row["positive"] as Int
            tally.negative[outcome] += row["negative"] as Int
            result[key, default: [:]][theme] = tally
        }
        return result
    }

    /// A group's name as reports show it: quarters as `2026Q3`, whether SQL gave them as text or as `20263`.
    static func groupName(_ value: DatabaseValue, dimension: ReportDimension?) -> String? {
        if dimension == .quarter, let number = Int.fromDatabaseValue(value) {
            return QuarterRange(number: number).description
        }
        return String.fromDatabaseValue(value)
    }

    /// The theme table from the counts: shares of the coded interviews, and log-odds scores among the themes of
    /// each depth (a parent and its sub-themes are never scored against each other).
    static func figures(themes: [ThemeRecord], counts: [String: ThemeTally], interviews: ByOutcome<Int>)
        -> ThemeFigures
    {
        let ordered = ThemeRecord.treeOrder(themes)
        var rows = ordered.map { theme, depth in
            let tally = counts[theme.id] ?? ThemeTally()
            return ThemeRow(
                id: theme.id, label: theme.label, parentID: theme.parentID, depth: depth,
                share: ByOutcome { Share(tally.mentions[$0], of: interviews[$0]) }, primary: tally.primary,
                positive: tally.positive, negative: tally.negative, z: ByOutcome { _ in nil },
                fewData: ByOutcome { _ in false })
        }
        for depth in Set(rows.map(\.depth)) {
            let indices = rows.indices.filter { rows[$0].depth == depth }
            let scores = LogOdds.zScores(
                indices.map { index in Outcome.allCases.map { rows[index].share[$0].count } })
            for (index, z) in zip(indices, scores) {
                rows[index].z = ByOutcome(win: z[0], loss: z[1], noDecision: z[2])
            }
        }
        for index in rows.indices {
            let mentions = rows[index].mentions
            rows[index].fewData = ByOutcome {
                interviews[$0] < Report.minimumInterviews || mentions < Report.minimumMentions
            }
        }
        return ThemeFigures(interviews: interviews, rows: rows)
    }

    static func trend(
        themes: [ThemeRecord], counts: [String?: [String: ThemeTally]],
        interviews: [String?: ByOutcome<InterviewTally>]
    ) -> ThemeTrend {
        let quarters = interviews.keys.compactMap { $0 }.sorted()
        return ThemeTrend(
            quarters: quarters,
            interviews: quarters.map { quarter in interviews[quarter]?.map(\.coded) ?? .zero },
            rows: ThemeRecord.treeOrder(themes).map { theme, depth in
                TrendRow(
                    id: theme.id, label: theme.label, depth: depth,
                    mentions: quarters.map { counts[$0]?[theme.id]?.mentions ?? .zero })
            })
    }

    func breakdown(_ dimension: ReportDimension, themes: [ThemeRecord]) throws -> Breakdown {
        let deals = try dealCounts(by: dimension)
        let interviews = try interviewCounts(by: dimension)
        let counts = try themeCounts(by: dimension)
        let ordered = Self.ordered(deals.keys, by: dimension, size: { deals[$0]?.deals.total ?? 0 })
        return Breakdown(
            dimension: dimension,
            groups: ordered.map { value in
                let tally = deals[value] ?? DealTally()
                return BreakdownGroup(
                    value: value, deals: tally.deals,
                    winRate: Share(tally.deals.win, of: tally.deals.win + tally.deals.loss),
                    themes: Self.figures(
                        themes: themes, counts: counts[value] ?? [:],
                        interviews: interviews[value]?.map(\.coded) ?? .zero))
            })
    }
}
