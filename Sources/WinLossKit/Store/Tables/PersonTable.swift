import GRDB

/// The one writer of `person`: the team, added by hand, by an import (the deals' reps) or by the generator.
package enum PersonTable {
    package static func insert(
        name: String, email: String?, role: PersonRole, assumedCycleDays: Int? = nil, at time: StoredTime,
        in db: Database
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: "INSERT INTO person (name, email, role, assumedCycleDays, createdAt) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [name, email, role, assumedCycleDays, time])
        return db.lastInsertedRowID
    }

    /// Gives a person known only by name the email a later file has for them.
    package static func setEmail(_ email: String, id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE person SET email = ? WHERE id = ?").execute(arguments: [email, id])
    }

    /// How long a rep says their sales cycle is, or nil to forget it.
    package static func setAssumedCycle(_ days: Int?, id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE person SET assumedCycleDays = ? WHERE id = ?").execute(arguments: [
            days, id,
        ])
    }
}
