import Foundation
import GRDB

/// The one writer of `theme`: the programme's codebook, from the codebook file and as it is changed by hand.
package enum ThemeTable {
    package enum Source: String, DatabaseValueConvertible {
        /// From the codebook file: later files update it.
        case codebook
        /// Added by hand: no file changes it.
        case added
    }

    package static func insert(
        id: String, label: String, description: String, keywords: [String], parentID: String?, source: Source,
        position: Int, at time: StoredTime, in db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO theme (id, label, description, keywords, parentID, source, position, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [id, label, description, encode(keywords), parentID, source, position, time])
    }

    /// Takes a codebook file's description, keywords, nesting, place and label (unless the label was renamed
    /// by hand); true if anything changed.
    package static func update(
        id: String, label: String, description: String, keywords: [String], parentID: String?, position: Int,
        keepingLabel: Bool, in db: Database
    ) throws -> Bool {
        try db.cachedStatement(
            sql: """
                UPDATE theme SET description = :description, keywords = :keywords, parentID = :parent, position = :position,
                    label = CASE WHEN :renamed THEN label ELSE :label END
                WHERE id = :id AND (description, keywords, parentID, position, label)
                    IS NOT (:description, :keywords, :parent, :position, CASE WHEN :renamed THEN label ELSE :label END)
                """
        ).execute(arguments: [
            "description": description, "keywords": encode(keywords), "parent": parentID, "position": position,
            "renamed": keepingLabel, "label": label, "id": id,
        ])
        return db.changesCount > 0
    }

    /// A new label, which later codebook files leave as it is.
    package static func rename(_ id: String, label: String, in db: Database) throws {
        try db.execute(sql: "UPDATE theme SET label = ?, renamed = 1 WHERE id = ?", arguments: [label, id])
    }

    /// Makes `source` an alias of `target`: its sub-themes, keywords and aliases go to the target.
    package static func merge(_ source: ThemeRecord, into target: ThemeRecord, in db: Database) throws {
        try db.execute(sql: "UPDATE theme SET mergedInto = ? WHERE mergedInto = ?", arguments: [target.id, source.id])
        try db.execute(
            sql: "UPDATE theme SET parentID = ? WHERE parentID = ? AND id <> ?",
            arguments: [target.id, source.id, target.id])
        if target.parentID == source.id {
            try db.execute(sql: "UPDATE theme SET parentID = ? WHERE id = ?", arguments: [source.parentID, target.id])
        }
        let keywords = target.keywords + source.keywords.filter { !target.keywords.contains($0) }
        try db.execute(sql: "UPDATE theme SET keywords = ? WHERE id = ?", arguments: [encode(keywords), target.id])
        try db.execute(
            sql: "UPDATE theme SET mergedInto = ?, parentID = NULL WHERE id = ?", arguments: [target.id, source.id])
    }

    /// Keywords as the column keeps them: a JSON array.
    package static func encode(_ keywords: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(keywords), as: UTF8.self)) ?? "[]"
    }
}
