import Foundation
import GRDB

extension ReportBuilder {
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
}
