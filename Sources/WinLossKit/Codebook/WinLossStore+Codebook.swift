import Foundation
import GRDB

/// A theme of the programme's codebook, as the database keeps it.
public struct ThemeRecord: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    package var description: String
    package var keywords: [String]
    package var parentID: String?
    /// Set when the theme was merged into another: its codes moved there, and its id now means that theme.
    package var mergedInto: String?
    /// `codebook` (from the codebook file) or `added` (with `winloss codebook add`).
    package var source: String
    package var renamed: Bool
}

/// A theme the codebook's keywords suggest for an answer, with the words that matched.
package struct ThemeSuggestion: Sendable, Equatable, Codable {
    package var themeID: String
    package var label: String
    package var matched: [String]
}

/// How a buyer spoke of a theme.
package enum Sentiment: String, Sendable, Codable, CaseIterable {
    case positive
    case negative
    case neutral
}

/// A theme on an answer.
package struct ThemeCode: Sendable, Equatable, Codable {
    package var themeID: String
    package var sentiment: Sentiment
    package var isPrimary: Bool
    /// `coder` (coded with `winloss code`) or `tag` (typed inline as #name).
    package var source: String

    package init(themeID: String, sentiment: Sentiment, isPrimary: Bool, source: String = "coder") {
        self.themeID = themeID
        self.sentiment = sentiment
        self.isPrimary = isPrimary
        self.source = source
    }
}

// MARK: - The codebook

extension WinLossStore {
    /// Brings the programme's codebook in step with the codebook file: adds its new themes and takes its
    /// descriptions, keywords, nesting and labels (a label renamed in the database stays). Themes the file no
    /// longer has are kept, with their codes. Inline tags naming a theme become codes.
    public func syncCodebook(_ codebook: Codebook, now: Date? = nil) throws {
        let now = now ?? clock.now()
        try write { db in try Self.syncCodebook(codebook, now: now, in: db) }
    }

    /// ``syncCodebook(_:now:)`` inside a transaction of the caller's: the one writer of the codebook's themes.
    static func syncCodebook(_ codebook: Codebook, now: Date, in db: Database) throws {
        let time = StoredTime(now)
        var changed = false
        for (position, entry) in codebook.flattened.enumerated() {
            let theme = entry.theme
            if let existing = try Row.fetchOne(
                db, sql: "SELECT source, renamed FROM theme WHERE id = ?", arguments: [theme.id])
            {
                guard (existing["source"] as String) == ThemeTable.Source.codebook.rawValue else { continue }
                let updated = try ThemeTable.update(
                    id: theme.id, label: theme.label, description: theme.description, keywords: theme.keywords,
                    parentID: entry.parent, position: position, keepingLabel: existing["renamed"], in: db)
                changed = changed || updated
            } else {
                changed = true
                try ThemeTable.insert(
                    id: theme.id, label: theme.label, description: theme.description, keywords: theme.keywords,
                    parentID: entry.parent, source: .codebook, position: position, at: time, in: db)
            }
        }
        // A new theme may be what earlier tags named, and a new nesting changes what each theme rolls up into.
        guard changed else { return }
        try CodeTable.codeTags(answerID: nil, at: time, in: db)
        try Self.refreshInterviewThemes(in: db)
    }

    /// Every theme, in codebook order, those added later after; merged themes included.
    public func themes() throws -> [ThemeRecord] {
        try read { db in try Self.themes(in: db) }
    }

    /// Adds a theme to the programme's codebook.
    @discardableResult
    public func addTheme(
        id: String, label: String, parent: String? = nil, description: String? = nil, keywords: [String] = []
    ) throws -> ThemeRecord {
        let label = try Validate.required(label, field: "label")
        guard TemplateLinter.isIdentifier(id) else {
            throw RequestError.invalid(
                field: "theme id", message: "\"\(id)\" must be lower-case letters and digits, joined by - or _")
        }
        return try write { db in
            if try Self.theme(id, in: db) != nil {
                throw RequestError.duplicate(
                    kind: "theme", key: id, hint: .showCodebook)
            }
            if let parent {
                guard let found = try Self.theme(parent, in: db), found.mergedInto == nil else {
                    throw RequestError.notFound(
                        kind: "theme", key: parent, hint: .showCodebook)
                }
            }
            let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM theme") ?? 0) + 1
            let now = StoredTime(clock.now())
            try ThemeTable.insert(
                id: id, label: label, description: Validate.optional(description) ?? "",
                keywords: keywords.compactMap(Validate.optional), parentID: parent, source: .added, position: position,
                at: now, in: db)
            try CodeTable.codeTags(answerID: nil, at: now, in: db)
            try Self.refreshInterviewThemes(in: db)
            guard let theme = try Self.theme(id, in: db) else {
                throw RequestError.notFound(kind: "theme", key: id, hint: .advice("it was not added"))
            }
            return theme
        }
    }

    /// Gives a theme a new label; its id, and every code, stay.
    public func renameTheme(_ id: String, label: String) throws {
        let label = try Validate.required(label, field: "label")
        try write { db in
            _ = try Self.liveTheme(id, in: db)
            try ThemeTable.rename(id, label: label, in: db)
        }
    }

    /// Merges one theme into another: its codes move (an answer coded with both keeps one code, primary if either
    /// was), its sub-themes and keywords follow, and its id stays as an alias, so that old tags still count.
    /// Returns how many codes moved.
    @discardableResult
    public func mergeTheme(_ source: String, into target: String) throws -> Int {
        guard source != target else {
            throw RequestError.invalid(field: "merge", message: "a theme cannot be merged into itself")
        }
        return try write { db in
            let from = try Self.liveTheme(source, in: db)
            let into = try Self.liveTheme(target, in: db)
            let moved = try CodeTable.moveTheme(from.id, to: into.id, in: db)
            try ThemeTable.merge(from, into: into, in: db)
            try CodeTable.codeTags(answerID: nil, at: StoredTime(clock.now()), in: db)
            try Self.refreshInterviewThemes(in: db)
            return moved
        }
    }

    // MARK: - Codes

    /// Replaces the coder's themes on one answer (tag codes for the same themes become the coder's).
    package func codeAnswer(_ interviewID: Int64, questionID: String, codes: [ThemeCode], coder: String? = nil) throws {
        try write { db in
            guard
                let answerID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM answer WHERE interviewID = ? AND questionID = ? AND value IS NOT NULL",
                    arguments: [interviewID, questionID])
            else {
                throw RequestError.notFound(
                    kind: "answer to", key: questionID,
                    hint: .showInterview(id: interviewID))
            }
            let coderID = try coder.flatMap { try Lookup.person($0, in: db).id }
            guard codes.filter(\.isPrimary).count <= 1 else {
                throw RequestError.invalid(field: "primary", message: "one theme at most is the primary reason")
            }
            var resolved: [(String, ThemeCode)] = []
            for code in codes {
                let theme = try Self.liveTheme(code.themeID, in: db, followMerge: true)
                if !resolved.contains(where: { $0.0 == theme.id }) { resolved.append((theme.id, code)) }
            }
            try CodeTable.removeCoderCodes(answerID: answerID, in: db)
            let now = StoredTime(clock.now())
            for (themeID, code) in resolved {
                try CodeTable.insert(
                    themeID: themeID, sentiment: code.sentiment, isPrimary: code.isPrimary, source: .coder,
                    coderID: coderID, answerID: answerID, interviewID: interviewID, at: now, in: db)
            }
            try Self.refreshInterviewThemes(in: db, interviewID: interviewID)
        }
    }

    /// The themes coded on each answer of an interview, by question.
    package func codes(ofInterview interviewID: Int64) throws -> [String: [ThemeCode]] {
        try read { db in try Self.codes(interviewID: interviewID, in: db) }
    }

    /// Themes the codebook's keywords suggest for an answer, matched with stemming (so "pricing" finds a theme
    /// whose keyword is "price"), the most matched first, sub-themes before their parents.
    package func suggestThemes(_ interviewID: Int64, questionID: String, limit: Int = 5) throws -> [ThemeSuggestion] {
        try read { db in
            guard
                let answerID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM answer WHERE interviewID = ? AND questionID = ?",
                    arguments: [interviewID, questionID])
            else { return [] }
            var suggestions: [(ThemeSuggestion, Int, Int)] = []
            let themes = try Self.themes(in: db).filter { $0.mergedInto == nil && !$0.keywords.isEmpty }
            let depth = Dictionary(uniqueKeysWithValues: themes.map { ($0.id, $0.parentID == nil ? 0 : 1) })
            let statement = try db.makeStatement(
                sql:
                    "SELECT highlight(answerSearch, 0, char(57344), char(57345)) FROM answerSearch WHERE answerSearch MATCH ? AND rowid = ?"
            )
            for (position, theme) in themes.enumerated() {
                let query = theme.keywords.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(
                    separator: " OR ")
                guard let highlighted = try? String.fetchOne(statement, arguments: [query, answerID]) else { continue }
                let matched = Self.marked(in: highlighted)
                guard !matched.isEmpty else { continue }
                suggestions.append(
                    (
                        ThemeSuggestion(themeID: theme.id, label: theme.label, matched: matched), depth[theme.id] ?? 0,
                        position
                    ))
            }
            return suggestions.sorted { ($1.0.matched.count, $1.1, $0.2) < ($0.0.matched.count, $0.1, $1.2) }.prefix(
                limit
            ).map(\.0)
        }
    }

    /// The words between the private-use markers `highlight()` put around matches, each once, in lower case.
    static func marked(in text: String) -> [String] {
        var words: [String] = []
        var current: String?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{E000}": current = ""
            case "\u{E001}":
                if let word = current?.lowercased(), !word.isEmpty, !words.contains(word) { words.append(word) }
                current = nil
            default: current?.unicodeScalars.append(scalar)
            }
        }
        return words
    }

    // MARK: - Helpers

    static func themes(in db: Database) throws -> [ThemeRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY position, id").map(theme)
    }

    static func theme(_ id: String, in db: Database) throws -> ThemeRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM theme WHERE id = ?", arguments: [id]).map(theme)
    }

    /// A theme that is not merged away; with `followMerge`, an alias leads to the theme it was merged into.
    static func liveTheme(_ id: String, in db: Database, followMerge: Bool = false) throws -> ThemeRecord {
        guard let found = try theme(id, in: db) else {
            throw RequestError.notFound(
                kind: "theme", key: id,
                hint: .addOrShowCodebook)
        }
        if let target = found.mergedInto {
            guard followMerge, let merged = try theme(target, in: db) else {
                throw RequestError.invalid(field: "theme", message: "\(id) was merged into \(target); use \(target)")
            }
            return merged
        }
        return found
    }

    /// Rebuilds what reports count from the codes: each interview's themes once each, with every theme above them
    /// in the codebook, primary if any code under it was, and whether the buyer spoke of it well or badly. For one
    /// interview, or for all when the codebook itself changed.
    package static func refreshInterviewThemes(in db: Database, interviewID: Int64? = nil) throws {
        try db.execute(
            literal: "DELETE FROM interviewTheme WHERE \(interviewID) IS NULL OR interviewID = \(interviewID)")
        try db.execute(
            literal: """
                INSERT INTO interviewTheme (
                    interviewID, themeID, isPrimary, positive, negative, completed, outcome, decidedOn, quarter)
                WITH RECURSIVE lineage (themeID, ancestorID) AS (
                    SELECT id, id FROM theme WHERE mergedInto IS NULL
                    UNION
                    SELECT lineage.themeID, theme.parentID FROM lineage JOIN theme ON theme.id = lineage.ancestorID
                    WHERE theme.parentID IS NOT NULL
                )
                SELECT code.interviewID, lineage.ancestorID, max(code.isPrimary),
                       max(code.sentiment = \(Sentiment.positive)), max(code.sentiment = \(Sentiment.negative)),
                       interview.status = \(InterviewStatus.completed), deal.outcome, deal.decidedOn,
                       quarter(deal.decidedOn)
                FROM code JOIN lineage ON lineage.themeID = code.themeID
                JOIN interview ON interview.id = code.interviewID
                JOIN deal ON deal.id = interview.dealID
                WHERE \(interviewID) IS NULL OR code.interviewID = \(interviewID)
                GROUP BY code.interviewID, lineage.ancestorID
                """)
        try db.execute(
            literal: """
                UPDATE interview SET coded = EXISTS (SELECT 1 FROM interviewTheme WHERE interviewID = interview.id)
                WHERE \(interviewID) IS NULL OR id = \(interviewID)
                """)
    }

    private static func theme(_ row: Row) -> ThemeRecord {
        let keywords = (try? JSONDecoder().decode([String].self, from: Data((row["keywords"] as String).utf8))) ?? []
        return ThemeRecord(
            id: row["id"], label: row["label"], description: row["description"], keywords: keywords,
            parentID: row["parentID"],
            mergedInto: row["mergedInto"], source: row["source"], renamed: row["renamed"])
    }
}
