import Foundation
import GRDB

extension Sentiment: DatabaseValueConvertible {}

/// The one writer of `code`: themes put on answers by a coder, by an inline `#tag` that names a theme, or by the
/// generator. (`interviewTheme`, what reports count, is rebuilt from these by the codebook.)
package enum CodeTable {
    package enum Source: String, DatabaseValueConvertible {
        /// Coded with `code` or a coding session: replaces a tag's code for the same theme.
        case coder
        /// From an inline tag: never replaces a code already on the answer.
        case tag
    }

    /// One theme on one answer. A coder's code replaces any code of the same theme on the answer; a tag's code
    /// is added only where the answer has none of that theme.
    package static func insert(
        themeID: String, sentiment: Sentiment, isPrimary: Bool, source: Source, coderID: Int64?, answerID: Int64,
        interviewID: Int64, at time: StoredTime, in db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO code (answerID, interviewID, themeID, sentiment, isPrimary, source, coderID, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (answerID, themeID) DO UPDATE SET sentiment = excluded.sentiment,
                    isPrimary = excluded.isPrimary, source = excluded.source, coderID = excluded.coderID
                WHERE excluded.source = 'coder'
                """
        ).execute(arguments: [answerID, interviewID, themeID, sentiment, isPrimary, source, coderID, time])
    }

    /// Turns inline tags that name a theme (or an alias of one) into codes, for one answer or for all, and drops
    /// an answer's tag codes whose tag is gone.
    package static func codeTags(answerID: Int64?, at time: StoredTime, in db: Database) throws {
        if let answerID {
            try db.cachedStatement(
                sql: """
                    DELETE FROM code WHERE answerID = ? AND source = 'tag' AND themeID NOT IN (
                        SELECT coalesce(theme.mergedInto, theme.id) FROM answerTag JOIN theme ON theme.id = answerTag.tag
                        WHERE answerTag.answerID = ?)
                    """
            ).execute(arguments: [answerID, answerID])
        }
        let tagged = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT answerTag.answerID, answer.interviewID, coalesce(theme.mergedInto, theme.id) AS themeID
                    FROM answerTag JOIN answer ON answer.id = answerTag.answerID JOIN theme ON theme.id = answerTag.tag
                    WHERE ?1 IS NULL OR answerTag.answerID = ?1
                    """), arguments: [answerID])
        for row in tagged {
            try insert(
                themeID: row["themeID"], sentiment: .neutral, isPrimary: false, source: .tag, coderID: nil,
                answerID: row["answerID"], interviewID: row["interviewID"], at: time, in: db)
        }
    }

    /// Removes the coder's codes from an answer, before it is coded again.
    package static func removeCoderCodes(answerID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM code WHERE answerID = ? AND source = 'coder'").execute(arguments: [
            answerID
        ])
    }

    /// Removes every code from an answer: a skipped answer has no words left to code.
    package static func removeAll(answerID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM code WHERE answerID = ?").execute(arguments: [answerID])
    }

    /// Moves every code of a theme to another, when the first is merged into it. An answer coded with both keeps
    /// one code (the target's), primary if either was. Returns how many codes moved.
    package static func moveTheme(_ source: String, to target: String, in db: Database) throws -> Int {
        try db.execute(
            sql: """
                UPDATE code SET isPrimary = 1
                WHERE themeID = ? AND answerID IN (SELECT answerID FROM code WHERE themeID = ? AND isPrimary = 1)
                """, arguments: [target, source])
        try db.execute(
            sql: "DELETE FROM code WHERE themeID = ? AND answerID IN (SELECT answerID FROM code WHERE themeID = ?)",
            arguments: [source, target])
        try db.execute(sql: "UPDATE code SET themeID = ? WHERE themeID = ?", arguments: [target, source])
        return db.changesCount
    }
}
