import Foundation
import GRDB

extension WinLossStore {
    /// The manager's report over the deals `request.filter` keeps and their completed interviews. Every count,
    /// sum and median is taken in SQL; only the grouped results come back.
    public func report(_ request: ReportRequest, now: Date = Date()) throws -> Report {
        try read { db in try ReportBuilder(db: db, request: request).build(now: now) }
    }
}

extension ReportDimension {
    /// The value a deal has, over the aliases `deal`, `account` and `person` (and `competitor`, joined by
    /// ``join``), compared without letter case.
    var expression: SQL {
        switch self {
        case .industry: "account.industry COLLATE NOCASE"
        case .region: "account.region COLLATE NOCASE"
        case .size: "account.sizeBand COLLATE NOCASE"
        case .rep: "person.name COLLATE NOCASE"
        case .product: "deal.productLine COLLATE NOCASE"
        case .competitor: "competitor.name COLLATE NOCASE"
        case .quarter: ReportBuilder.quarter
        }
    }

    /// A deal is in each competitor's group it met: those recorded on it and the one that won it.
    var join: SQL {
        guard self == .competitor else { return "" }
        return """
            LEFT JOIN (SELECT dealID, name FROM dealCompetitor
                       UNION SELECT id, competitorWon FROM deal WHERE competitorWon IS NOT NULL) AS competitor
                ON competitor.dealID = deal.id
            """
    }
}

/// The queries behind a report, over one read transaction.
struct ReportBuilder {
    let db: Database
    let request: ReportRequest

    /// `2026Q3`, from the decided date.
    static let quarter: SQL =
        "(substr(deal.decidedOn, 1, 4) || 'Q' || ((CAST(substr(deal.decidedOn, 6, 2) AS INTEGER) + 2) / 3))"

    private var filter: SQL { request.filter.condition }

    private func deals(_ dimension: ReportDimension?) -> SQL {
        let join: SQL = dimension?.join ?? ""
        return """
            FROM deal JOIN account ON account.id = deal.accountID JOIN person ON person.id = deal.repID \(join)
            """
    }

    private func interviews(_ dimension: ReportDimension?) -> SQL {
        let join: SQL = dimension?.join ?? ""
        return """
            FROM interview JOIN deal ON deal.id = interview.dealID JOIN account ON account.id = deal.accountID
            JOIN person ON person.id = deal.repID \(join)
            """
    }

    /// The group of a row: the dimension's value, or one group for everything.
    private func group(_ dimension: ReportDimension?) -> SQL {
        guard let dimension else { return "NULL" }
        return dimension.expression
    }

    func build(now: Date) throws -> Report {
        let sections = request.sections
        let themes = try WinLossStore.themes(in: db)
        var report = Report(generatedAt: now, scope: request.filter.summary)
        let needsThemes = !sections.isDisjoint(with: [.themes, .quotes])
        if sections.contains(.programme) { report.programme = try programme() }
        var figures: ThemeFigures?
        if needsThemes || sections.contains(.trend) {
            let byQuarter = try themeCounts(by: .quarter)
            let interviewsByQuarter = try interviewCounts(by: .quarter)
            let all = ThemeTally.merged(byQuarter.values)
            let coded = interviewsByQuarter.values.reduce(ByOutcome<Int>.zero) { sum, tally in
                ByOutcome { sum[$0] + tally[$0].coded }
            }
            figures = Self.figures(themes: themes, counts: all, interviews: coded)
            if sections.contains(.themes) { report.themes = figures }
            if sections.contains(.trend) {
                report.trend = Self.trend(themes: themes, counts: byQuarter, interviews: interviewsByQuarter)
            }
        }
        if sections.contains(.breakdown), let dimension = request.breakdown {
            report.breakdown = try breakdown(dimension, themes: themes)
        }
        if sections.contains(.quotes), let figures { report.quotes = try quotes(figures) }
        if sections.contains(.value) { report.valueAtStake = try valueAtStake() }
        if sections.contains(.fodder) { report.columnFodder = try columnFodder() }
        if sections.contains(.cycle) { report.salesCycle = try salesCycle() }
        return report
    }

    // MARK: - Programme

    struct DealTally {
        var deals = ByOutcome<Int>.zero
        var interviewed = ByOutcome<Int>.zero
    }

    /// Deals, and deals with a completed interview, by outcome and by the dimension's value.
    func dealCounts(by dimension: ReportDimension?) throws -> [String?: DealTally] {
        let request: SQLRequest<Row> = """
            SELECT deal.outcome AS outcome, \(group(dimension)) AS grp, count(*) AS deals,
                   sum(deal.id IN (SELECT dealID FROM interview WHERE status = 'completed')) AS interviewed
            \(deals(dimension))
            WHERE \(filter)
            GROUP BY deal.outcome, grp
            """
        var result: [String?: DealTally] = [:]
        for row in try request.fetchAll(db) {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            let key: String? = row["grp"]
            result[key, default: DealTally()].deals[outcome] += row["deals"] as Int
            result[key, default: DealTally()].interviewed[outcome] += row["interviewed"] as Int
        }
        return result
    }

    struct InterviewTally {
        var interviews = 0
        var coded = 0
    }

    /// Completed interviews, and those with a theme coded, by outcome and by the dimension's value.
    func interviewCounts(by dimension: ReportDimension?) throws -> [String?: ByOutcome<InterviewTally>] {
        let request: SQLRequest<Row> = """
            SELECT deal.outcome AS outcome, \(group(dimension)) AS grp, count(*) AS interviews,
                   sum(EXISTS (SELECT 1 FROM interviewTheme WHERE interviewTheme.interviewID = interview.id)) AS coded
            \(interviews(dimension))
            WHERE interview.status = 'completed' AND \(filter)
            GROUP BY deal.outcome, grp
            """
        var result: [String?: ByOutcome<InterviewTally>] = [:]
        let empty = ByOutcome { _ in InterviewTally() }
        for row in try request.fetchAll(db) {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            let key: String? = row["grp"]
            result[key, default: empty][outcome].interviews += row["interviews"] as Int
            result[key, default: empty][outcome].coded += row["coded"] as Int
        }
        return result
    }

    func programme() throws -> ProgrammeFigures {
        let total = try dealCounts(by: nil).values.first ?? DealTally()
        let tally = try interviewCounts(by: nil).values.first ?? ByOutcome { _ in InterviewTally() }
        var segments: [SegmentCoverage] = []
        for dimension in [ReportDimension.industry, .region, .size] {
            let counts = try dealCounts(by: dimension)
            for value in Self.ordered(counts.keys, by: dimension, size: { counts[$0]?.deals.total ?? 0 }) {
                let tally = counts[value] ?? DealTally()
                segments.append(
                    SegmentCoverage(
                        dimension: dimension, value: value,
                        coverage: ByOutcome { Share(tally.interviewed[$0], of: tally.deals[$0]) }))
            }
        }
        let days = try medians(
            of: """
                SELECT deal.outcome AS outcome, NULL AS grp,
                       CAST(julianday(date(interview.startedAt)) - julianday(deal.decidedOn) AS INTEGER) AS v
                \(interviews(nil))
                WHERE interview.status = 'completed' AND interview.startedAt IS NOT NULL AND \(filter)
                """)
        let deals = total.deals
        return ProgrammeFigures(
            deals: deals, winRate: Share(deals.win, of: deals.win + deals.loss),
            winRateWithNoDecisions: Share(deals.win, of: deals.total),
            interviews: tally.map(\.interviews), codedInterviews: tally.map(\.coded),
            coverage: ByOutcome { Share(total.interviewed[$0], of: deals[$0]) }, segments: segments,
            daysToInterview: ByOutcome { days[MedianKey(outcome: $0, group: nil)]?.median ?? Median(value: nil, n: 0) },
            daysToInterviewAll: days[MedianKey(outcome: nil, group: nil)]?.median ?? Median(value: nil, n: 0))
    }

    /// Groups in reading order: size bands and quarters in their natural order, other values with the most
    /// deals first; those that do not say last.
    static func ordered(_ groups: some Collection<String?>, by dimension: ReportDimension?, size: (String?) -> Int)
        -> [String?]
    {
        let natural = dimension == .size || dimension == .quarter
        return groups.sorted { a, b in
            switch (a, b) {
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                let (m, n) = (size(a), size(b))
                if natural || m == n { return x.localizedStandardCompare(y) == .orderedAscending }
                return m > n
            }
        }
    }

    // MARK: - Themes

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

    /// Interviews mentioning each theme (or a theme under it), by outcome and by the dimension's value.
    func themeCounts(by dimension: ReportDimension?) throws -> [String?: [String: ThemeTally]] {
        let request: SQLRequest<Row> = """
            SELECT theme.themeID AS themeID, deal.outcome AS outcome, \(group(dimension)) AS grp,
                   count(*) AS mentions, sum(theme.isPrimary) AS isPrimary, sum(theme.positive) AS positive,
                   sum(theme.negative) AS negative
            \(interviews(dimension))
            JOIN interviewTheme AS theme ON theme.interviewID = interview.id
            WHERE interview.status = 'completed' AND \(filter)
            GROUP BY theme.themeID, deal.outcome, grp
            """
        var result: [String?: [String: ThemeTally]] = [:]
        let cursor = try request.fetchCursor(db)
        while let row = try cursor.next() {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            let key: String? = row["grp"]
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

    // MARK: - Quotes

    /// A quote found for a theme, with what ranks it.
    private struct Candidate {
        var quote: Quote
        var themeID: String
        var wellSized: Bool
        var decidedOn: String
        var answerID: Int64

        /// Primary reasons first, then answers of a readable length, then the most recent.
        static func < (a: Candidate, b: Candidate) -> Bool {
            (a.quote.isPrimary ? 0 : 1, a.wellSized ? 0 : 1, b.decidedOn, b.answerID)
                < (b.quote.isPrimary ? 0 : 1, b.wellSized ? 0 : 1, a.decidedOn, a.answerID)
        }
    }

    /// The best few of each theme's quotes from each outcome: answers to the buyer's questions (never the
    /// interviewer's assessment), from buyers who agreed to be quoted, attributed as they agreed.
    func quotes(_ figures: ThemeFigures) throws -> [ThemeQuotes] {
        let limit = request.quotesPerTheme
        guard limit > 0 else { return [] }
        var found = try candidates(primaryOnly: true, themes: nil, limit: limit)
        // Themes that are nobody's primary reason yet still have words behind them.
        let leaves = Set(figures.rows.map(\.id))
        let short = leaves.filter { theme in Outcome.allCases.contains { found[theme]?[$0]?.count ?? 0 < limit } }
        if !short.isEmpty {
            let more = try candidates(primaryOnly: false, themes: Array(short).sorted(), limit: limit)
            for (theme, byOutcome) in more {
                for (outcome, list) in byOutcome {
                    var merged = found[theme]?[outcome] ?? []
                    for candidate in list where !merged.contains(where: { $0.answerID == candidate.answerID }) {
                        merged.append(candidate)
                    }
                    found[theme, default: [:]][outcome] = Array(merged.sorted(by: <).prefix(limit))
                }
            }
        }
        // A parent's quotes come from it and every theme under it.
        var descendants: [String: [String]] = [:]
        for row in figures.rows {
            descendants[row.id, default: []].append(row.id)
            var parent = row.parentID
            while let id = parent {
                descendants[id, default: []].append(row.id)
                parent = figures.rows.first { $0.id == id }?.parentID
            }
        }
        return figures.rows.compactMap { row in
            // Outcomes where the theme is most distinctive first, taking turns.
            let outcomes = Outcome.allCases.sorted { (row.z[$0] ?? -.infinity) > (row.z[$1] ?? -.infinity) }
            var queues = outcomes.map { outcome -> [Candidate] in
                var seen: Set<Int64> = []
                return (descendants[row.id] ?? []).flatMap { found[$0]?[outcome] ?? [] }.sorted(by: <).filter {
                    seen.insert($0.answerID).inserted
                }
            }
            var chosen: [Quote] = []
            while chosen.count < limit, queues.contains(where: { !$0.isEmpty }) {
                for index in queues.indices where !queues[index].isEmpty && chosen.count < limit {
                    chosen.append(queues[index].removeFirst().quote)
                }
            }
            return chosen.isEmpty ? nil : ThemeQuotes(themeID: row.id, label: row.label, quotes: chosen)
        }
    }

    private func candidates(primaryOnly: Bool, themes: [String]?, limit: Int) throws
        -> [String: [Outcome: [Candidate]]]
    {
        let primary: SQL = primaryOnly ? "AND code.isPrimary = 1" : ""
        let only: SQL = themes.map { "AND code.themeID IN \($0)" } ?? ""
        let request: SQLRequest<Row> = """
            SELECT * FROM (
                SELECT code.themeID, code.sentiment, code.isPrimary, deal.outcome, deal.decidedOn, \(Self.quarter) AS quarter,
                       answer.id AS answerID, answer.questionID, answer.displayText, interview.id AS interviewID,
                       interview.quotePermission, contact.name AS contactName, contact.title AS contactTitle,
                       account.name AS account, account.industry, account.region, account.sizeBand,
                       length(answer.displayText) BETWEEN 40 AND 400 AS wellSized,
                       row_number() OVER (
                           PARTITION BY code.themeID, deal.outcome
                           ORDER BY code.isPrimary DESC, length(answer.displayText) BETWEEN 40 AND 400 DESC,
                                    deal.decidedOn DESC, answer.id DESC) AS rank
                FROM code
                JOIN interview ON interview.id = code.interviewID
                JOIN answer ON answer.id = code.answerID
                JOIN templateQuestion AS question
                    ON question.templateVersionID = interview.templateVersionID AND question.questionID = answer.questionID
                JOIN deal ON deal.id = interview.dealID
                JOIN account ON account.id = deal.accountID
                JOIN person ON person.id = deal.repID
                LEFT JOIN contact ON contact.id = interview.contactID
                WHERE interview.status = 'completed' AND interview.quotePermission IN ('named', 'anonymous')
                  AND question.audience = 'buyer' AND answer.displayText IS NOT NULL AND \(filter) \(primary) \(only)
            )
            WHERE rank <= \(limit)
            """
        var result: [String: [Outcome: [Candidate]]] = [:]
        for row in try request.fetchAll(db) {
            guard let outcome = Outcome(rawValue: row["outcome"]),
                let attribution = QuoteAttribution.describe(
                    permission: (row["quotePermission"] as String?).flatMap(QuotePermission.init(rawValue:)),
                    name: row["contactName"], title: row["contactTitle"], account: row["account"],
                    industry: row["industry"], region: row["region"], size: row["sizeBand"])
            else { continue }
            let quote = Quote(
                text: row["displayText"], attribution: attribution, outcome: outcome, quarter: row["quarter"],
                interviewID: row["interviewID"], questionID: row["questionID"],
                sentiment: Sentiment(rawValue: row["sentiment"]) ?? .neutral, isPrimary: row["isPrimary"])
            let theme: String = row["themeID"]
            result[theme, default: [:]][outcome, default: []].append(
                Candidate(
                    quote: quote, themeID: theme, wellSized: row["wellSized"], decidedOn: row["decidedOn"],
                    answerID: row["answerID"]))
        }
        return result
    }

    // MARK: - Numbers from the gap questions

    struct MedianKey: Hashable {
        /// nil: all outcomes.
        var outcome: Outcome?
        var group: String?
    }

    struct Middle {
        var low: DatabaseValue
        var high: DatabaseValue
        var n: Int
        var sum: DatabaseValue

        var median: Median {
            guard let low = Double.fromDatabaseValue(low), let high = Double.fromDatabaseValue(high) else {
                return Median(value: nil, n: n)
            }
            return Median(value: (low + high) / 2, n: n)
        }
    }

    /// The middle values (and the sum) of `values`, which selects `outcome`, `grp` and `v`, for each outcome and
    /// group and for each group over all outcomes.
    func medians(of values: SQL) throws -> [MedianKey: Middle] {
        let request: SQLRequest<Row> = """
            WITH value AS MATERIALIZED (\(values)),
            everything AS (SELECT outcome, grp, v FROM value UNION ALL SELECT NULL, grp, v FROM value),
            ranked AS (
                SELECT outcome, grp, v, row_number() OVER (PARTITION BY outcome, grp ORDER BY v) AS r,
                       count(*) OVER (PARTITION BY outcome, grp) AS n
                FROM everything WHERE v IS NOT NULL
            )
            SELECT outcome, grp, n, min(v) FILTER (WHERE r = (n + 1) / 2) AS low,
                   max(v) FILTER (WHERE r = n / 2 + 1) AS high, sum(v) AS total
            FROM ranked GROUP BY outcome, grp
            """
        var result: [MedianKey: Middle] = [:]
        for row in try request.fetchAll(db) {
            let outcome = (row["outcome"] as String?).flatMap(Outcome.init(rawValue:))
            result[MedianKey(outcome: outcome, group: row["grp"])] = Middle(
                low: row["low"], high: row["high"], n: row["n"], sum: row["total"])
        }
        return result
    }

    /// The answers to the question a template gives a metric role, for the interviews in scope.
    private func measured(_ metric: MetricRole, as alias: String) -> SQL {
        """
        JOIN templateQuestion AS \(sql: alias)Question
            ON \(sql: alias)Question.templateVersionID = interview.templateVersionID AND \(sql: alias)Question.metric = \(metric.rawValue)
        JOIN answer AS \(sql: alias) ON \(sql: alias).interviewID = interview.id AND \(sql: alias).questionID = \(sql: alias)Question.questionID
        """
    }

    func valueAtStake() throws -> [MoneyFigure] {
        let yearly: SQL = """
            (CASE gap.period WHEN 'year' THEN gap.amountMinor WHEN 'quarter' THEN gap.amountMinor * 4
                             WHEN 'month' THEN gap.amountMinor * 12 END)
            """
        // Whole years multiply exactly; a fraction of a year rounds to the minor unit.
        let lifetime: SQL = """
            (CASE WHEN gap.period = 'one_time' THEN gap.amountMinor
                  WHEN years.number = CAST(years.number AS INTEGER) THEN \(yearly) * CAST(years.number AS INTEGER)
                  ELSE CAST(round(\(yearly) * years.number) AS INTEGER) END)
            """
        let measures: [(MoneyFigure.Measure, MetricRole, SQL, SQL)] = [
            (.gapValuePerYear, .gapValue, yearly, ""),
            (.inactionCostPerYear, .inactionCost, yearly, ""),
            (
                .gapValueOverOwnership, .gapValue, lifetime,
                "\(measured(.ownershipYears, as: "years")) AND years.number > 0"
            ),
        ]
        var figures: [MoneyFigure] = []
        for (measure, metric, amount, extra) in measures {
            let middles = try medians(
                of: """
                    SELECT deal.outcome AS outcome, gap.currency AS grp, \(amount) AS v
                    \(interviews(nil))
                    \(measured(metric, as: "gap"))
                    \(extra)
                    WHERE interview.status = 'completed' AND gap.amountMinor IS NOT NULL AND \(filter)
                    """)
            for outcome in Outcome.allCases {
                let rows = middles.filter { $0.key.outcome == outcome }.sorted {
                    ($0.key.group ?? "") < ($1.key.group ?? "")
                }
                for (key, middle) in rows {
                    guard let code = key.group, let currency = Currency(code: code),
                        let low = Int64.fromDatabaseValue(middle.low), let high = Int64.fromDatabaseValue(middle.high),
                        let sum = Int64.fromDatabaseValue(middle.sum)
                    else { continue }
                    figures.append(
                        MoneyFigure(
                            measure: measure, outcome: outcome, sum: Money(minorUnits: sum, currency: currency),
                            median: Money(minorUnits: Money.midpoint(low, high), currency: currency), n: middle.n))
                }
            }
        }
        return figures
    }

    func columnFodder() throws -> ColumnFodder {
        let request: SQLRequest<Row> = """
            SELECT deal.outcome AS outcome, count(*) AS answered, sum(preferred.flag) AS yes
            \(interviews(nil))
            \(measured(.preferredVendor, as: "preferred"))
            WHERE interview.status = 'completed' AND preferred.flag IS NOT NULL AND \(filter)
            GROUP BY deal.outcome
            """
        var preferred = ByOutcome { _ in Share(0, of: 0) }
        for row in try request.fetchAll(db) {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            preferred[outcome] = Share(row["yes"], of: row["answered"])
        }
        let months = try medians(
            of: """
                SELECT deal.outcome AS outcome, NULL AS grp, headStart.number AS v
                \(interviews(nil))
                \(measured(.firstContactWithWinner, as: "headStart"))
                WHERE interview.status = 'completed' AND headStartQuestion.kind = 'months' AND \(filter)
                """)
        return ColumnFodder(
            preferredVendor: preferred,
            headStartMonths: ByOutcome {
                months[MedianKey(outcome: $0, group: nil)]?.median ?? Median(value: nil, n: 0)
            })
    }

    func salesCycle() throws -> SalesCycle {
        let segment = request.cycleSegment
        var rows: [CycleRow] = []
        for dimension in [nil, segment] {
            let actual = try medians(
                of: """
                    SELECT deal.outcome AS outcome, \(group(dimension)) AS grp,
                           CAST(julianday(deal.decidedOn) - julianday(deal.createdOn) AS INTEGER) AS v
                    \(deals(dimension))
                    WHERE deal.createdOn IS NOT NULL AND deal.createdOn <= deal.decidedOn AND \(filter)
                    """)
            let assumed = try medians(
                of: """
                    SELECT deal.outcome AS outcome, \(group(dimension)) AS grp, person.assumedCycleDays AS v
                    \(deals(dimension))
                    WHERE \(filter)
                    """)
            let keys = Set(actual.keys).union(assumed.keys)
            let groups = Set(keys.map(\.group))
            let ordered = Self.ordered(groups, by: dimension) { actual[MedianKey(outcome: nil, group: $0)]?.n ?? 0 }
            for group in ordered {
                for outcome in [nil] + Outcome.allCases.map(Optional.some) {
                    let key = MedianKey(outcome: outcome, group: group)
                    guard actual[key] != nil || assumed[key] != nil else { continue }
                    rows.append(
                        CycleRow(
                            segmentValue: group, isAllSegments: dimension == nil, outcome: outcome,
                            actualDays: actual[key]?.median ?? Median(value: nil, n: 0),
                            assumedDays: assumed[key]?.median ?? Median(value: nil, n: 0)))
                }
            }
        }
        return SalesCycle(segment: segment, rows: rows)
    }
}

extension DealFilter {
    /// The filter in words, for a report's heading: "decided 2026-07-01 to 2026-09-30", "industry Retail".
    public var summary: [String] {
        var parts: [String] = []
        switch (decidedFrom, decidedTo) {
        case (let from?, let to?):
            let quarter = QuarterRange(from)
            parts.append(
                quarter.first == from && quarter.last == to ? "decided in \(quarter)" : "decided \(from) to \(to)")
        case (let from?, nil): parts.append("decided from \(from)")
        case (nil, let to?): parts.append("decided up to \(to)")
        case (nil, nil): break
        }
        if !outcomes.isEmpty { parts.append("outcome " + outcomes.sorted().map(\.label).joined(separator: " or ")) }
        if !industries.isEmpty { parts.append("industry " + industries.joined(separator: " or ")) }
        if !regions.isEmpty { parts.append("region " + regions.joined(separator: " or ")) }
        if !sizeBands.isEmpty { parts.append("size " + sizeBands.joined(separator: " or ")) }
        if let rep { parts.append("rep \(rep)") }
        if let account { parts.append("account \(account)") }
        if let competitor { parts.append("competitor \(competitor)") }
        if let productLine { parts.append("product \(productLine)") }
        switch (minimumAmount, maximumAmount) {
        case (let low?, let high?): parts.append("amount \(low.formatted) to \(high.formatted)")
        case (let low?, nil): parts.append("amount at least \(low.formatted)")
        case (nil, let high?): parts.append("amount at most \(high.formatted)")
        case (nil, nil): break
        }
        for (key, value) in accountAttributes.sorted(by: { $0.key < $1.key }) {
            parts.append("account \(key) \(value)")
        }
        for (key, value) in dealAttributes.sorted(by: { $0.key < $1.key }) { parts.append("\(key) \(value)") }
        return parts
    }
}
