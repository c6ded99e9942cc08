import Foundation
import GRDB

extension WinLossStore {
    /// The manager's report over the deals `request.filter` keeps and their completed interviews. Counts and
    /// sums are taken in SQL, medians from the values as they stream past; only numbers are held, never rows.
    ///
    /// On a database file the deals are read on a second connection, on another thread, from the same snapshot
    /// as everything else (see ``SnapshotPartner``), so that a report uses both cores of a small machine.
    public func report(_ request: ReportRequest, now: Date? = nil) throws -> Report {
        let now = now ?? clock.now()
        let partner = ReportBuilder.needsDealFacts(request) && !isReadOnly ? SnapshotPartner(path: path) : nil
        return try read { db in
            try Self.withLargeCache(db) {
                let builder = ReportBuilder(db: db, request: request)
                guard let partner else { return try builder.build(now: now) }
                try partner.start(alongside: db) { db in
                    try Self.withLargeCache(db) { try ReportBuilder(db: db, request: request).dealFacts() }
                }
                return try builder.build(now: now) { try partner.result(as: ReportBuilder.DealFacts.self) }
            }
        }
    }

    /// Runs `body` with a page cache large enough to keep what a report reads several times in memory.
    private static func withLargeCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -32768")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        return try body()
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

    /// The quarter of the decided date, `20263` for 2026Q3.
    static let quarter: SQL = "quarter(deal.decidedOn)"

    var filter: SQL { request.filter.condition }

    /// The deals; their accounts and reps too when a filter or the dimension needs them.
    private func deals(_ dimension: ReportDimension?, withRep: Bool = false) -> SQL {
        let join: SQL = dimension?.join ?? ""
        guard request.filter == DealFilter(), dimension == nil || dimension == .quarter || dimension == .product,
            !withRep
        else {
            return """
                FROM deal JOIN account ON account.id = deal.accountID JOIN person ON person.id = deal.repID \(join)
                """
        }
        return "FROM deal"
    }

    /// The interviews and their deals; their accounts and reps too when a filter or the dimension needs them.
    func interviews(_ dimension: ReportDimension?) -> SQL {
        let join: SQL = dimension?.join ?? ""
        guard request.filter == DealFilter(), dimension == nil || dimension == .quarter else {
            return """
                FROM interview JOIN deal ON deal.id = interview.dealID JOIN account ON account.id = deal.accountID
                JOIN person ON person.id = deal.repID \(join)
                """
        }
        return "FROM interview JOIN deal ON deal.id = interview.dealID"
    }

    /// The group of a row: the dimension's value, or one group for everything.
    private func group(_ dimension: ReportDimension?) -> SQL {
        guard let dimension else { return "NULL" }
        return dimension.expression
    }

    /// Whether the report needs the pass over the deals.
    static func needsDealFacts(_ request: ReportRequest) -> Bool {
        request.sections.contains(.programme) || cycleSegment(request) != nil
    }

    /// The segment the deals' pass gathers the sales cycle by: none for competitors, which a deal may have several
    /// of (the cycle section counts those itself).
    static func cycleSegment(_ request: ReportRequest) -> ReportDimension? {
        request.sections.contains(.cycle) && request.cycleSegment != .competitor ? request.cycleSegment : nil
    }

    /// The pass over the deals this report needs.
    func dealFacts() throws -> DealFacts {
        try dealFacts(coverage: request.sections.contains(.programme), cycle: Self.cycleSegment(request))
    }

    /// - Parameter deals: the pass over the deals, when another connection makes it.
    func build(now: Date, deals: (() throws -> DealFacts)? = nil) throws -> Report {
        let sections = request.sections
        let themes = try WinLossStore.themes(in: db)
        var report = Report(generatedAt: now, scope: request.filter.summary)
        let needsThemes = !sections.isDisjoint(with: [.themes, .quotes, .trend])
        // Two passes, one over the interviews and one over the deals, give every figure that is not a theme's.
        var interviewFacts = InterviewFacts()
        if needsThemes || !sections.isDisjoint(with: [.programme, .value, .fodder]) {
            interviewFacts = try self.interviewFacts(
                money: sections.contains(.value), fodder: sections.contains(.fodder))
        }
        var figures: ThemeFigures?
        if needsThemes {
            let byQuarter = try themeCounts(by: .quarter)
            let interviewsByQuarter = interviewFacts.byQuarter
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
        if sections.contains(.quotes), let figures {
            let inScope = interviewFacts.byQuarter.values.reduce(0) {
                $0 + $1.win.interviews + $1.loss.interviews + $1.noDecision.interviews
            }
            report.quotes = try quotes(figures, interviewsInScope: inScope)
        }
        if sections.contains(.value) { report.valueAtStake = try valueAtStake(interviewFacts) }
        if sections.contains(.fodder) {
            report.columnFodder = ColumnFodder(
                preferredVendor: interviewFacts.preferred,
                headStartMonths: ByOutcome { interviewFacts.months.median(outcome: $0, group: nil) })
        }
        // Last, so that a partner connection has had all the time above to read the deals.
        var dealFacts = DealFacts()
        if Self.needsDealFacts(request) { dealFacts = try deals?() ?? self.dealFacts() }
        if sections.contains(.programme) { report.programme = programme(dealFacts, interviewFacts) }
        if sections.contains(.cycle) { report.salesCycle = try salesCycle(dealFacts) }
        return report
    }

    // MARK: - Programme

    struct DealTally {
        var deals = ByOutcome<Int>.zero
        var interviewed = ByOutcome<Int>.zero

        mutating func add(_ outcome: Outcome, deals count: Int, interviewed: Bool) {
            deals[outcome] += count
            if interviewed { self.interviewed[outcome] += count }
        }
    }

    /// Deals, and deals with a completed interview, by outcome and by the dimension's value.
    func dealCounts(by dimension: ReportDimension?) throws -> [String?: DealTally] {
        let request: SQLRequest<Row> = """
            SELECT deal.outcome AS outcome, \(group(dimension)) AS grp, count(*) AS deals,
                   sum(deal.id IN (SELECT dealID FROM interview WHERE status = \(InterviewStatus.completed))) AS interviewed
            \(deals(dimension))
            WHERE \(filter)
            GROUP BY deal.outcome, grp
            """
        var result: [String?: DealTally] = [:]
        for row in try request.fetchAll(db) {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            let key = Self.groupName(row["grp"], dimension: dimension)
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
                   sum(interview.coded) AS coded
            \(interviews(dimension))
            WHERE interview.status = \(InterviewStatus.completed) AND \(filter)
            GROUP BY deal.outcome, grp
            """
        var result: [String?: ByOutcome<InterviewTally>] = [:]
        let empty = ByOutcome { _ in InterviewTally() }
        for row in try request.fetchAll(db) {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            let key = Self.groupName(row["grp"], dimension: dimension)
            result[key, default: empty][outcome].interviews += row["interviews"] as Int
            result[key, default: empty][outcome].coded += row["coded"] as Int
        }
        return result
    }

    func programme(_ deals: DealFacts, _ interviews: InterviewFacts) -> ProgrammeFigures {
        var segments: [SegmentCoverage] = []
        for dimension in [ReportDimension.industry, .region, .size] {
            let counts = deals.segments[dimension] ?? [:]
            for value in Self.ordered(counts.keys, by: dimension, size: { counts[$0]?.deals.total ?? 0 }) {
                let tally = counts[value] ?? DealTally()
                segments.append(
                    SegmentCoverage(
                        dimension: dimension, value: value,
                        coverage: ByOutcome { Share(tally.interviewed[$0], of: tally.deals[$0]) }))
            }
        }
        let tally = interviews.byQuarter.values.reduce(ByOutcome { _ in InterviewTally() }) { sum, quarter in
            ByOutcome {
                InterviewTally(
                    interviews: sum[$0].interviews + quarter[$0].interviews, coded: sum[$0].coded + quarter[$0].coded)
            }
        }
        let days = interviews.days
        let total = deals.total
        return ProgrammeFigures(
            deals: total.deals, winRate: Share(total.deals.win, of: total.deals.win + total.deals.loss),
            winRateWithNoDecisions: Share(total.deals.win, of: total.deals.total),
            interviews: tally.map(\.interviews), codedInterviews: tally.map(\.coded),
            coverage: ByOutcome { Share(total.interviewed[$0], of: total.deals[$0]) }, segments: segments,
            daysToInterview: ByOutcome { days.median(outcome: $0, group: nil) },
            daysToInterviewAll: days.median(outcome: nil, group: nil))
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

    // MARK: - Quotes

    /// A quote found for a theme, with what ranks it.
    private struct Candidate {
        var quote: Quote
        var themeID: String
        var wellSized: Bool
        var interviewID: Int64
        var answerID: Int64

        /// Primary reasons first, then answers of a readable length, then the latest interviews.
        static func < (a: Candidate, b: Candidate) -> Bool {
            (a.quote.isPrimary ? 0 : 1, a.wellSized ? 0 : 1, b.interviewID, b.answerID)
                < (b.quote.isPrimary ? 0 : 1, b.wellSized ? 0 : 1, a.interviewID, a.answerID)
        }
    }

    /// The best few of each theme's quotes from each outcome: answers to the buyer's questions (never the
    /// interviewer's assessment), from buyers who agreed to be quoted, attributed as they agreed. The primary
    /// reasons of a readable length come first, then any readable answer, then any at all, the latest interviews
    /// first; each pass reads a theme's codes in index order and stops as soon as it has enough.
    func quotes(_ figures: ThemeFigures, interviewsInScope: Int) throws -> [ThemeQuotes] {
        let limit = request.quotesPerTheme
        guard limit > 0 else { return [] }
        var found: [String: [Outcome: [Candidate]]] = [:]
        if interviewsInScope <= request.rankQuotesUpTo {
            // Few interviews: rank every code of theirs at once.
            for candidate in try rankedCandidates(limit: limit) {
                found[candidate.themeID, default: [:]][candidate.quote.outcome, default: []].append(candidate)
            }
        } else {
            // Many: read each theme's latest mentions in index order, and stop as soon as there are enough.
            let passes: [(primaryOnly: Bool, wellSized: Bool)] = [(true, true), (false, true), (false, false)]
            for row in figures.rows {
                for outcome in Outcome.allCases where row.share[outcome].count > 0 {
                    var list: [Candidate] = []
                    for pass in passes where list.count < limit {
                        list += try candidates(
                            theme: row.id, outcome: outcome, primaryOnly: pass.primaryOnly,
                            wellSized: pass.wellSized, limit: limit - list.count, excluding: list.map(\.answerID))
                    }
                    found[row.id, default: [:]][outcome] = list
                }
            }
        }
        // A parent's quotes come from it and every theme under it.
        var descendants: [String: [String]] = [:]
        let parents = Dictionary(figures.rows.map { ($0.id, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        for row in figures.rows {
            var theme: String? = row.id
            while let id = theme {
                descendants[id, default: []].append(row.id)
                theme = parents[id] ?? nil
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

    /// What every quote query selects, over the aliases `code`, `answer`, `interview`, `deal`, `account` and
    /// `contact`.
    private static let quoteColumns: SQL = """
        code.themeID, code.sentiment, code.isPrimary, deal.outcome, \(quarter) AS quarter,
        answer.id AS answerID, answer.questionID, answer.displayText, interview.id AS interviewID,
        interview.quotePermission, contact.name AS contactName, contact.title AS contactTitle,
        account.name AS account, account.industry, account.region, account.sizeBand,
        length(answer.displayText) BETWEEN 40 AND 400 AS wellSized
        """

    /// Only buyers who agreed to be quoted, only their answers (not the interviewer's assessment).
    private static let quotable: SQL = """
        interview.quotePermission IN ('named', 'anonymous') AND question.audience = 'buyer'
        AND answer.displayText IS NOT NULL
        """

    /// The outcome and date conditions of the filter, on an `interviewTheme` row, so that a mention outside them
    /// is passed over without reading its deal.
    private var mentionCondition: SQL {
        var parts: [SQL] = []
        if !request.filter.outcomes.isEmpty {
            parts.append("mention.outcome IN \(request.filter.outcomes.sorted().map(\.rawValue))")
        }
        if let from = request.filter.decidedFrom { parts.append("mention.decidedOn >= \(from)") }
        if let to = request.filter.decidedTo { parts.append("mention.decidedOn <= \(to)") }
        return parts.isEmpty ? "1" : parts.joined(separator: " AND ")
    }

    /// The best few codes of each theme and outcome among the interviews in scope, ranked in SQL.
    private func rankedCandidates(limit: Int) throws -> [Candidate] {
        let request: SQLRequest<Row> = """
            WITH scope AS MATERIALIZED (
                SELECT interview.id AS id
                FROM interview JOIN deal ON deal.id = interview.dealID JOIN account ON account.id = deal.accountID
                JOIN person ON person.id = deal.repID
                WHERE interview.status = \(InterviewStatus.completed) AND \(filter)
            )
            SELECT * FROM (
                SELECT \(Self.quoteColumns),
                       row_number() OVER (
                           PARTITION BY code.themeID, deal.outcome
                           ORDER BY code.isPrimary DESC, length(answer.displayText) BETWEEN 40 AND 400 DESC,
                                    code.interviewID DESC, answer.id DESC) AS rank
                FROM scope
                CROSS JOIN code ON code.interviewID = scope.id
                JOIN interview ON interview.id = code.interviewID
                JOIN deal ON deal.id = interview.dealID
                JOIN answer ON answer.id = code.answerID
                JOIN templateQuestion AS question
                    ON question.templateVersionID = interview.templateVersionID AND question.questionID = answer.questionID
                JOIN account ON account.id = deal.accountID
                LEFT JOIN contact ON contact.id = interview.contactID
                WHERE \(Self.quotable)
            )
            WHERE rank <= \(limit)
            """
        return try request.fetchAll(db).compactMap(Self.candidate)
    }

    /// The latest quotable codes of one theme in one outcome: the interviews where it came up, newest first
    /// (primary reasons first when asked), from the quotes index, joined in that order so that the first rows
    /// that pass the filter are the answer.
    private func candidates(
        theme: String, outcome: Outcome, primaryOnly: Bool, wellSized: Bool, limit: Int, excluding: [Int64]
    ) throws -> [Candidate] {
        let primary: SQL = primaryOnly ? "AND mention.isPrimary = 1 AND code.isPrimary = 1" : ""
        let size: SQL = wellSized ? "AND length(answer.displayText) BETWEEN 40 AND 400" : ""
        let seen: SQL = excluding.isEmpty ? "" : "AND answer.id NOT IN \(excluding)"
        let request: SQLRequest<Row> = """
            SELECT \(Self.quoteColumns)
            FROM interviewTheme AS mention INDEXED BY interviewTheme_for_quotes
            CROSS JOIN code ON code.interviewID = mention.interviewID AND code.themeID = mention.themeID
            CROSS JOIN interview ON interview.id = mention.interviewID
            CROSS JOIN deal ON deal.id = interview.dealID
            CROSS JOIN answer ON answer.id = code.answerID
            CROSS JOIN templateQuestion AS question
                ON question.templateVersionID = interview.templateVersionID AND question.questionID = answer.questionID
            CROSS JOIN account ON account.id = deal.accountID
            CROSS JOIN person ON person.id = deal.repID
            LEFT JOIN contact ON contact.id = interview.contactID
            WHERE mention.themeID = \(theme) AND mention.outcome = \(outcome.rawValue) AND mention.completed = 1
              AND \(mentionCondition) \(primary) AND \(Self.quotable) \(size) \(seen) AND \(filter)
            ORDER BY mention.isPrimary DESC, mention.interviewID DESC
            LIMIT \(limit)
            """
        return try request.fetchAll(db).compactMap(Self.candidate)
    }

    private static func candidate(_ row: Row) -> Candidate? {
        guard let outcome = Outcome(rawValue: row["outcome"]),
            let attribution = QuoteAttribution.describe(
                permission: (row["quotePermission"] as String?).flatMap(QuotePermission.init(rawValue:)),
                name: row["contactName"], title: row["contactTitle"], account: row["account"],
                industry: row["industry"], region: row["region"], size: row["sizeBand"])
        else { return nil }
        let quote = Quote(
            text: row["displayText"], attribution: attribution, outcome: outcome,
            quarter: QuarterRange(number: row["quarter"]).description,
            interviewID: row["interviewID"], questionID: row["questionID"],
            sentiment: Sentiment(rawValue: row["sentiment"]) ?? .neutral, isPrimary: row["isPrimary"])
        return Candidate(
            quote: quote, themeID: row["themeID"], wellSized: row["wellSized"], interviewID: row["interviewID"],
            answerID: row["answerID"])
    }

    // MARK: - Numbers from the gap questions

    /// The values `values` selects (`outcome`, `grp` and `v`), counted by outcome, group and value in SQL.
    func histograms<Value: Comparable & DatabaseValueConvertible>(
        of values: SQL, as: Value.Type, dimension: ReportDimension? = nil
    ) throws
        -> Samples<Value>
    {
        let request: SQLRequest<Row> = """
            SELECT outcome, grp, v, count(*) AS n FROM (\(values)) WHERE v IS NOT NULL GROUP BY outcome, grp, v
            """
        var result = Samples<Value>()
        let cursor = try request.fetchCursor(db)
        while let row = try cursor.next() {
            guard let outcome = Outcome(rawValue: row["outcome"]), let value = Value.fromDatabaseValue(row["v"])
            else { continue }
            result.add(
                value, count: row["n"], outcome: outcome, group: Self.groupName(row["grp"], dimension: dimension))
        }
        return result
    }

    /// The answer to the question that a template gives a metric role, for each interview in scope (NULL where
    /// the template has no such question or the buyer did not answer).
    func measured(_ metric: MetricRole, as alias: String, kind: String? = nil) throws -> SQL {
        try WinLossStore.metricAnswerJoin(metric, as: alias, interview: "interview", kind: kind, in: db)
    }

    /// Sums and medians of the three money measures, by outcome and currency.
    func valueAtStake(_ facts: InterviewFacts) throws -> [MoneyFigure] {
        var figures: [MoneyFigure] = []
        for measure in MoneyFigure.Measure.allCases {
            guard let histograms = facts.money[measure] else { continue }
            let currencies = histograms.groups.compactMap { $0 }.sorted()
            for outcome in Outcome.allCases {
                for code in currencies {
                    guard let currency = Currency(code: code),
                        let middle = histograms.middle(outcome: outcome, group: code)
                    else { continue }
                    guard let sum = histograms.sum(outcome: outcome, group: code) else {
                        throw RequestError.invalid(
                            field: "value at stake",
                            message:
                                "the \(outcome.label) amounts in \(code) add up to more than can be counted exactly; narrow the report with filters"
                        )
                    }
                    figures.append(
                        MoneyFigure(
                            measure: measure, outcome: outcome, sum: Money(minorUnits: sum, currency: currency),
                            median: Money(minorUnits: Money.midpoint(middle.low, middle.high), currency: currency),
                            n: middle.n))
                }
            }
        }
        return figures
    }

    func salesCycle(_ facts: DealFacts) throws -> SalesCycle {
        let segment = request.cycleSegment
        var actual = facts.cycle
        var assumed = facts.assumed
        var dimensions: [ReportDimension?] = []
        if segment == .competitor {
            // A deal may meet several competitors, so all segments are counted apart, not added up.
            dimensions = [nil, segment]
        }
        var rows: [CycleRow] = []
        var allRows: [CycleRow] = []
        for dimension in dimensions {
            actual = try histograms(
                of: """
                    SELECT deal.outcome AS outcome, \(group(dimension)) AS grp,
                           CAST(julianday(deal.decidedOn) - julianday(deal.createdOn) AS INTEGER) AS v
                    \(deals(dimension))
                    WHERE deal.createdOn IS NOT NULL AND deal.createdOn <= deal.decidedOn AND \(filter)
                    """, as: Int64.self, dimension: dimension)
            assumed = try histograms(
                of: """
                    SELECT deal.outcome AS outcome, \(group(dimension)) AS grp, person.assumedCycleDays AS v
                    \(deals(dimension, withRep: true))
                    WHERE \(filter)
                    """, as: Int64.self, dimension: dimension)
            if dimension == nil {
                allRows = Self.cycleRows(group: nil, isAllSegments: true, actual: actual, assumed: assumed)
            }
        }
        let groups = actual.groups.union(assumed.groups)
        for group in Self.ordered(groups, by: segment, size: { actual.count(outcome: nil, group: $0) }) {
            rows += Self.cycleRows(group: group, isAllSegments: false, actual: actual, assumed: assumed)
        }
        if segment != .competitor {
            allRows = Self.cycleRows(
                group: nil, isAllSegments: true, actual: actual.mergingGroups(), assumed: assumed.mergingGroups())
        }
        return SalesCycle(segment: segment, rows: allRows + rows)
    }

    private static func cycleRows(
        group: String?, isAllSegments: Bool, actual: Samples<Int64>, assumed: Samples<Int64>
    ) -> [CycleRow] {
        ([nil] + Outcome.allCases.map(Optional.some)).compactMap { outcome in
            let actualDays = actual.median(outcome: outcome, group: group)
            let assumedDays = assumed.median(outcome: outcome, group: group)
            guard actualDays.n > 0 || assumedDays.n > 0 else { return nil }
            return CycleRow(
                segmentValue: group, isAllSegments: isAllSegments, outcome: outcome, actualDays: actualDays,
                assumedDays: assumedDays)
        }
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
