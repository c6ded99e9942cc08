import Foundation
import GRDB

/// A theme of the programme's codebook, as the database keeps it.
public struct ThemeRecord: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    public var description: String
    public var keywords: [String]
    public var parentID: String?
    /// Set when the theme was merged into another: its codes moved there, and its id now means that theme.
    public var mergedInto: String?
    /// `codebook` (from the codebook file) or `added` (with `winloss codebook add`).
    public var source: String
    public var renamed: Bool
}

/// A theme the codebook's keywords suggest for an answer, with the words that matched.
public struct ThemeSuggestion: Sendable, Equatable, Codable {
    public var themeID: String
    public var label: String
    public var matched: [String]
}

/// How a buyer spoke of a theme.
public enum Sentiment: String, Sendable, Codable, CaseIterable {
    case positive
    case negative
    case neutral
}

/// A theme on an answer.
public struct ThemeCode: Sendable, Equatable, Codable {
    public var themeID: String
    public var sentiment: Sentiment
    public var isPrimary: Bool
    /// `coder` (coded with `winloss code`) or `tag` (typed inline as #name).
    public var source: String

    public init(themeID: String, sentiment: Sentiment, isPrimary: Bool, source: String = "coder") {
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
        var changed = false
        for (position, entry) in codebook.flattened.enumerated() {
            let theme = entry.theme
            let keywords = Self.encode(theme.keywords)
            if let existing = try Row.fetchOne(
                db, sql: "SELECT source, renamed FROM theme WHERE id = ?", arguments: [theme.id])
            {
                guard (existing["source"] as String) == "codebook" else { continue }
                let renamed: Bool = existing["renamed"]
                try db.execute(
                    sql: """
                        UPDATE theme SET description = :description, keywords = :keywords, parentID = :parent, position = :position,
                            label = CASE WHEN :renamed THEN label ELSE :label END
                        WHERE id = :id AND (description, keywords, parentID, position, label)
                            IS NOT (:description, :keywords, :parent, :position, CASE WHEN :renamed THEN label ELSE :label END)
                        """,
                    arguments: [
                        "description": theme.description, "keywords": keywords, "parent": entry.parent,
                        "position": position, "renamed": renamed, "label": theme.label, "id": theme.id,
                    ])
                changed = changed || db.changesCount > 0
            } else {
                changed = true
                try db.execute(
                    sql: """
                        INSERT INTO theme (id, label, description, keywords, parentID, source, position, createdAt)
                        VALUES (?, ?, ?, ?, ?, 'codebook', ?, ?)
                        """,
                    arguments: [theme.id, theme.label, theme.description, keywords, entry.parent, position, now])
            }
        }
        // A new theme may be what earlier tags named, and a new nesting changes what each theme rolls up into.
        guard changed else { return }
        try Self.codeTags(in: db, now: now)
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
                    kind: "theme", key: id, hint: "see the codebook with `winloss codebook show`")
            }
            if let parent {
                guard let found = try Self.theme(parent, in: db), found.mergedInto == nil else {
                    throw RequestError.notFound(
                        kind: "theme", key: parent, hint: "see the codebook with `winloss codebook show`")
                }
            }
            let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM theme") ?? 0) + 1
            try db.execute(
                sql:
                    "INSERT INTO theme (id, label, description, keywords, parentID, source, position, createdAt) VALUES (?, ?, ?, ?, ?, 'added', ?, ?)",
                arguments: [
                    id, label, Validate.optional(description) ?? "",
                    Self.encode(keywords.compactMap(Validate.optional)), parent, position, clock.now(),
                ])
            try Self.codeTags(in: db, now: clock.now())
            try Self.refreshInterviewThemes(in: db)
            guard let theme = try Self.theme(id, in: db) else {
                throw RequestError.notFound(kind: "theme", key: id, hint: "it was not added")
            }
            return theme
        }
    }

    /// Gives a theme a new label; its id, and every code, stay.
    public func renameTheme(_ id: String, label: String) throws {
        let label = try Validate.required(label, field: "label")
        try write { db in
            _ = try Self.liveTheme(id, in: db)
            try db.execute(sql: "UPDATE theme SET label = ?, renamed = 1 WHERE id = ?", arguments: [label, id])
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
            // Answers coded with both keep the target's code, primary if either was.
            try db.execute(
                sql: """
                    UPDATE code SET isPrimary = 1
                    WHERE themeID = ? AND answerID IN (SELECT answerID FROM code WHERE themeID = ? AND isPrimary = 1)
                    """, arguments: [into.id, from.id])
            try db.execute(
                sql: "DELETE FROM code WHERE themeID = ? AND answerID IN (SELECT answerID FROM code WHERE themeID = ?)",
                arguments: [from.id, into.id])
            try db.execute(sql: "UPDATE code SET themeID = ? WHERE themeID = ?", arguments: [into.id, from.id])
            let moved = db.changesCount
            try db.execute(sql: "UPDATE theme SET mergedInto = ? WHERE mergedInto = ?", arguments: [into.id, from.id])
            try db.execute(
                sql: "UPDATE theme SET parentID = ? WHERE parentID = ? AND id <> ?",
                arguments: [into.id, from.id, into.id])
            if into.parentID == from.id {
                try db.execute(sql: "UPDATE theme SET parentID = ? WHERE id = ?", arguments: [from.parentID, into.id])
            }
            let keywords = into.keywords + from.keywords.filter { !into.keywords.contains($0) }
            try db.execute(
                sql: "UPDATE theme SET keywords = ? WHERE id = ?", arguments: [Self.encode(keywords), into.id])
            try db.execute(
                sql: "UPDATE theme SET mergedInto = ?, parentID = NULL WHERE id = ?", arguments: [into.id, from.id])
            try Self.codeTags(in: db, now: clock.now())
            try Self.refreshInterviewThemes(in: db)
            return moved
        }
    }

    // MARK: - Codes

    /// Replaces the coder's themes on one answer (tag codes for the same themes become the coder's).
    public func codeAnswer(_ interviewID: Int64, questionID: String, codes: [ThemeCode], coder: String? = nil) throws {
        try write { db in
            guard
                let answerID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM answer WHERE interviewID = ? AND questionID = ? AND value IS NOT NULL",
                    arguments: [interviewID, questionID])
            else {
                throw RequestError.notFound(
                    kind: "answer to", key: questionID,
                    hint: "see the interview with `winloss interview show \(interviewID)`")
            }
            let coderID = try coder.map { try Lookup.person($0, in: db).id }
            guard codes.filter(\.isPrimary).count <= 1 else {
                throw RequestError.invalid(field: "primary", message: "one theme at most is the primary reason")
            }
            var resolved: [(String, ThemeCode)] = []
            for code in codes {
                let theme = try Self.liveTheme(code.themeID, in: db, followMerge: true)
                if !resolved.contains(where: { $0.0 == theme.id }) { resolved.append((theme.id, code)) }
            }
            try db.execute(sql: "DELETE FROM code WHERE answerID = ? AND source = 'coder'", arguments: [answerID])
            let now = clock.now()
            for (themeID, code) in resolved {
                try db.execute(
                    sql: """
                        INSERT INTO code (answerID, interviewID, themeID, sentiment, isPrimary, source, coderID, createdAt)
                        VALUES (?, ?, ?, ?, ?, 'coder', ?, ?)
                        ON CONFLICT (answerID, themeID) DO UPDATE SET sentiment = excluded.sentiment, isPrimary = excluded.isPrimary,
                            source = 'coder', coderID = excluded.coderID
                        """,
                    arguments: [answerID, interviewID, themeID, code.sentiment.rawValue, code.isPrimary, coderID, now])
            }
            try Self.refreshInterviewThemes(in: db, interviewID: interviewID)
        }
    }

    /// The themes coded on each answer of an interview, by question.
    public func codes(ofInterview interviewID: Int64) throws -> [String: [ThemeCode]] {
        try read { db in try Self.codes(interviewID: interviewID, in: db) }
    }

    /// Themes the codebook's keywords suggest for an answer, matched with stemming (so "pricing" finds a theme
    /// whose keyword is "price"), the most matched first, sub-themes before their parents.
    public func suggestThemes(_ interviewID: Int64, questionID: String, limit: Int = 5) throws -> [ThemeSuggestion] {
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
                hint: "see the codebook with `winloss codebook show`, or add it with `winloss codebook add`")
        }
        if let target = found.mergedInto {
            guard followMerge, let merged = try theme(target, in: db) else {
                throw RequestError.invalid(field: "theme", message: "\(id) was merged into \(target); use \(target)")
            }
            return merged
        }
        return found
    }

    /// Turns inline tags that name a theme (or an alias of one) into codes, and drops tag codes whose tag is gone.
    static func codeTags(in db: Database, answerID: Int64? = nil, now: Date) throws {
        if let answerID {
            try db.execute(
                sql: """
                    DELETE FROM code WHERE answerID = ? AND source = 'tag' AND themeID NOT IN (
                        SELECT coalesce(theme.mergedInto, theme.id) FROM answerTag JOIN theme ON theme.id = answerTag.tag
                        WHERE answerTag.answerID = ?)
                    """, arguments: [answerID, answerID])
        }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO code (answerID, interviewID, themeID, sentiment, isPrimary, source, createdAt)
                SELECT answerTag.answerID, answer.interviewID, coalesce(theme.mergedInto, theme.id), 'neutral', 0, 'tag', :now
                FROM answerTag JOIN answer ON answer.id = answerTag.answerID JOIN theme ON theme.id = answerTag.tag
                WHERE :answer IS NULL OR answerTag.answerID = :answer
                """,
            arguments: ["now": now, "answer": answerID])
    }

    /// Rebuilds what reports count from the codes: each interview's themes once each, with every theme above them
    /// in the codebook, primary if any code under it was, and whether the buyer spoke of it well or badly. For one
    /// interview, or for all when the codebook itself changed.
    static func refreshInterviewThemes(in db: Database, interviewID: Int64? = nil) throws {
        let arguments: StatementArguments = ["interview": interviewID]
        try db.execute(
            sql: "DELETE FROM interviewTheme WHERE :interview IS NULL OR interviewID = :interview",
            arguments: arguments)
        try db.execute(
            sql: """
                INSERT INTO interviewTheme (
                    interviewID, themeID, isPrimary, positive, negative, completed, outcome, decidedOn, quarter)
                WITH RECURSIVE lineage (themeID, ancestorID) AS (
                    SELECT id, id FROM theme WHERE mergedInto IS NULL
                    UNION
                    SELECT lineage.themeID, theme.parentID FROM lineage JOIN theme ON theme.id = lineage.ancestorID
                    WHERE theme.parentID IS NOT NULL
                )
                SELECT code.interviewID, lineage.ancestorID, max(code.isPrimary), max(code.sentiment = 'positive'),
                       max(code.sentiment = 'negative'), interview.status = 'completed', deal.outcome, deal.decidedOn,
                       CAST(substr(deal.decidedOn, 1, 4) AS INTEGER) * 10 + (CAST(substr(deal.decidedOn, 6, 2) AS INTEGER) + 2) / 3
                FROM code JOIN lineage ON lineage.themeID = code.themeID
                JOIN interview ON interview.id = code.interviewID
                JOIN deal ON deal.id = interview.dealID
                WHERE :interview IS NULL OR code.interviewID = :interview
                GROUP BY code.interviewID, lineage.ancestorID
                """,
            arguments: arguments)
        try db.execute(
            sql: """
                UPDATE interview SET coded = EXISTS (SELECT 1 FROM interviewTheme WHERE interviewID = interview.id)
                WHERE :interview IS NULL OR id = :interview
                """,
            arguments: arguments)
    }

    private static func theme(_ row: Row) -> ThemeRecord {
        let keywords = (try? JSONDecoder().decode([String].self, from: Data((row["keywords"] as String).utf8))) ?? []
        return ThemeRecord(
            id: row["id"], label: row["label"], description: row["description"], keywords: keywords,
            parentID: row["parentID"],
            mergedInto: row["mergedInto"], source: row["source"], renamed: row["renamed"])
    }

    static func encode(_ keywords: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(keywords), as: UTF8.self)) ?? "[]"
    }
}
