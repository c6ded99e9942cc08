import Foundation
import GRDB

/// Who said a quote, as far as the buyer agreed: by name, or as a role and a segment.
package enum QuoteAttribution {
    /// nil when the buyer may not be quoted (or never said).
    package static func describe(
        permission: QuotePermission?, name: String?, title: String?, account: String, industry: String?,
        region: String?, size: String?
    ) -> String? {
        switch permission {
        case .named?:
            return [name, title, account].compactMap { $0 }.joined(separator: ", ")
        case .anonymous?:
            var segment = "a"
            if let size { segment += " \(size)-employee" }
            segment += " " + (industry.map { "\($0) company" } ?? "company")
            if let region { segment += " in \(region)" }
            return (title.map { "\($0) at " } ?? "A buyer at ") + segment
        case .none?, nil:
            return nil
        }
    }
}

/// One place a search found its words.
///
/// A shareable hit (``WinLossStore/search(_:matching:shareable:limit:)``) says of its deal only what the report's
/// quotes say: the outcome and the quarter, and who spoke as the buyer agreed to be named. Its deal's CRM id, name
/// and decided day are nil, since any of them can name a company whose buyer asked to stay anonymous.
public struct SearchHit: Sendable, Codable, Equatable {
    /// `answer` or `note` (a private note).
    package var kind: String
    package var interviewID: Int64
    package var questionID: String?
    /// The matching passage, with matches between U+E000 and U+E001 (see ``Highlight``).
    package var snippet: String
    /// The deal's CRM id and name; nil in a shareable search.
    package var dealExternalID: String?
    package var deal: String?
    package var outcome: Outcome
    /// The day the deal was decided; nil in a shareable search.
    package var decidedOn: CalendarDate?
    /// The quarter the deal was decided in, `2026Q3`.
    package var quarter: String
    /// Who said it: the buyer (by name or by role and segment, as they agreed), or nil for a private note.
    package var speaker: String?

    /// The snippet with its matches between `open` and `close`, sanitised for a terminal.
    package func highlighted(open: String, close: String) -> String {
        Highlight.plain(TerminalText.singleLine(snippet), open: open, close: close)
    }
}

/// What a search found, as a document: each passage as a quote with who said it and where.
public struct SearchResults: Sendable {
    package var query: String
    package var hits: [SearchHit]

    public init(query: String, hits: [SearchHit]) {
        self.query = query
        self.hits = hits
    }

    public var document: ReportDocument {
        let blocks: [ReportDocument.Block] =
            hits.isEmpty
            ? [.paragraph("Nothing found.")]
            : hits.map { hit in
                let who = hit.kind == "note" ? "private note" : hit.speaker ?? "the buyer"
                var source = [who, "\(hit.outcome.label), \(hit.decidedOn?.description ?? hit.quarter)"]
                if let deal = hit.dealExternalID {
                    source.append("\(deal) #\(hit.interviewID)" + (hit.questionID.map { " \($0)" } ?? ""))
                }
                return .quote(text: hit.snippet, source: source.joined(separator: "; "))
            }
        return ReportDocument(title: "Search: \(query)", blocks: blocks)
    }
}

extension WinLossStore {
    /// Full-text search over answers and private notes: words, "phrases", prefix* terms and OR, best matches
    /// first, within the deals `filter` keeps. Words are stemmed ("priced" finds "pricing"); a search with a
    /// prefix* uses the exact words instead, so that "integrat*" finds "integration".
    ///
    /// - Parameter shareable: leave out private notes and buyers who may not be quoted, and name anonymous buyers
    ///   only by role and segment.
    public func search(
        _ query: String, matching filter: DealFilter = DealFilter(), shareable: Bool = false, limit: Int = 20
    ) throws -> [SearchHit] {
        try search(query, matching: filter, shareable: shareable, limit: limit, rankedUpTo: Self.rankedMatchesAtMost)
    }

    /// ``search(_:matching:shareable:limit:)`` that ranks the matches of a table only when it has at most
    /// `rankedUpTo` of them, and otherwise lists the latest first.
    func search(
        _ query: String, matching filter: DealFilter, shareable: Bool, limit: Int, rankedUpTo: Int
    ) throws -> [SearchHit] {
        let exact = query.contains("*")
        return try read { db in
            var hits = try Self.searchRows(
                db, query: query, table: exact ? "answerSearchExact" : "answerSearch", column: "displayText",
                kind: "answer",
                filter: filter, shareable: shareable, limit: limit, rankedUpTo: rankedUpTo)
            if !shareable {
                hits += try Self.searchRows(
                    db, query: query, table: exact ? "noteSearchExact" : "noteSearch", column: "text", kind: "note",
                    filter: filter, shareable: shareable, limit: limit, rankedUpTo: rankedUpTo)
            }
            // Scores are comparable only when both lists were ranked by relevance; otherwise the latest interview
            // comes first, its answers before its notes, each list keeping its own order.
            let byRelevance = hits.allSatisfy(\.byRelevance)
            func latest(_ hit: SearchHit, _ position: Int) -> (Int64, Int, Int) {
                (hit.interviewID, hit.kind == "answer" ? 1 : 0, -position)
            }
            return hits.enumerated().sorted { first, second in
                byRelevance
                    ? (first.element.score, first.offset) < (second.element.score, second.offset)
                    : latest(first.element.hit, first.offset) > latest(second.element.hit, second.offset)
            }.prefix(limit).map(\.element.hit)
        }
    }

    /// Above this many matching passages, a search lists the latest first instead of ranking them all: ranking
    /// scores every match, which takes longer than a search should for a word that is in every other answer,
    /// while the latest passages come straight from the index.
    static let rankedMatchesAtMost = 10_000

    private static func searchRows(
        _ db: Database, query: String, table: String, column: String, kind: String, filter: DealFilter, shareable: Bool,
        limit: Int, rankedUpTo: Int
    ) throws -> [(hit: SearchHit, score: Double, byRelevance: Bool)] {
        let pattern: FTS5Pattern
        do {
            pattern = try db.makeFTS5Pattern(rawPattern: query, forTable: table)
        } catch {
            throw RequestError.invalid(
                field: "search",
                message:
                    "\(query.debugDescription) is not a search: write words, \"a phrase\", a prefix* or word OR word")
        }
        let source: SQL =
            kind == "answer"
            ? "JOIN answer AS item ON item.id = \(sql: table).rowid"
            : "JOIN interviewNote AS item ON item.id = \(sql: table).rowid"
        // Shareable: only buyers who may be quoted, and only what they said, not the interviewer's assessment.
        let consent: SQL =
            shareable
            ? """
            AND interview.quotePermission IN ('named', 'anonymous')
            AND EXISTS (SELECT 1 FROM templateQuestion AS asked
                        WHERE asked.templateVersionID = interview.templateVersionID
                          AND asked.questionID = item.questionID AND asked.audience = 'buyer')
            """ : ""
        let matches =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", arguments: [pattern]) ?? 0
        let byRelevance = matches <= rankedUpTo
        let order: SQL = byRelevance ? "\(sql: table).rank" : "\(sql: table).rowid DESC"
        let request: SQLRequest<Row> = """
            SELECT \(sql: table).rank AS score, snippet(\(sql: table), 0, char(57344), char(57345), '…', 14) AS snippet,
                   interview.id AS interviewID, item.questionID, deal.externalID, deal.name, deal.outcome, deal.decidedOn,
                   account.name AS account, account.industry, account.region, account.sizeBand,
                   contact.name AS contactName, contact.title AS contactTitle, interview.quotePermission
            FROM \(sql: table)
            \(source)
            JOIN interview ON interview.id = item.interviewID
            JOIN deal ON deal.id = interview.dealID
            JOIN account ON account.id = deal.accountID
            JOIN person ON person.id = deal.repID
            LEFT JOIN contact ON contact.id = interview.contactID
            WHERE \(sql: table) MATCH \(pattern) AND \(filter.condition) \(consent)
            ORDER BY \(order)
            LIMIT \(limit)
            """
        return try request.fetchAll(db).map { row in
            let permission = (row["quotePermission"] as String?).flatMap(QuotePermission.init(rawValue:))
            let speaker = QuoteAttribution.describe(
                permission: shareable ? permission : .named, name: row["contactName"], title: row["contactTitle"],
                account: row["account"],
                industry: row["industry"], region: row["region"], size: row["sizeBand"])
            let decidedOn = try row.decode(CalendarDate.self, forColumn: "decidedOn")
            let hit = SearchHit(
                kind: kind, interviewID: row["interviewID"], questionID: row["questionID"], snippet: row["snippet"],
                dealExternalID: shareable ? nil : row["externalID"], deal: shareable ? nil : row["name"],
                outcome: Outcome(rawValue: row["outcome"]) ?? .loss, decidedOn: shareable ? nil : decidedOn,
                quarter: QuarterRange(decidedOn).description, speaker: kind == "note" ? nil : speaker)
            return (hit, row["score"], byRelevance)
        }
    }
}
