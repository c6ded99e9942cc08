import GRDB

/// The one writer of `account` and `accountAttribute`: buyers' companies, made by `deal add`, an import or the
/// generator.
package enum AccountTable {
    /// A company's segment: what reports break themes down by.
    package struct Segment: Equatable {
        package var industry: String?
        package var region: String?
        package var sizeBand: String?

        package init(industry: String?, region: String?, sizeBand: String?) {
            self.industry = industry
            self.region = region
            self.sizeBand = sizeBand
        }
    }

    package static func insert(
        externalID: String?, name: String, segment: Segment, at time: StoredTime, in db: Database
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO account (externalID, name, industry, region, sizeBand, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [externalID, name, segment.industry, segment.region, segment.sizeBand, time, time])
        return db.lastInsertedRowID
    }

    package static func setSegment(_ segment: Segment, id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(
            sql: "UPDATE account SET industry = ?, region = ?, sizeBand = ?, updatedAt = ? WHERE id = ?"
        ).execute(arguments: [segment.industry, segment.region, segment.sizeBand, time, id])
    }

    /// Gives an account made by hand, or from a file without ids, the CRM id a later file has for it.
    package static func setExternalID(_ externalID: String, id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE account SET externalID = ? WHERE id = ?").execute(arguments: [
            externalID, id,
        ])
    }

    /// Sets (or replaces) the account's free attributes, such as `tier = gold`, and marks the account changed.
    package static func setAttributes(_ attributes: [String: String], id: Int64, at time: StoredTime?, in db: Database)
        throws
    {
        guard !attributes.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO accountAttribute (accountID, key, value) VALUES (?, ?, ?)
                ON CONFLICT (accountID, key) DO UPDATE SET value = excluded.value
                """)
        for (key, value) in attributes { try statement.execute(arguments: [id, key, value]) }
        if let time {
            try db.cachedStatement(sql: "UPDATE account SET updatedAt = ? WHERE id = ?").execute(arguments: [time, id])
        }
    }
}
