import GRDB

/// The one writer of `contact`: the buyers at an account, added by hand, by an import or by the generator.
enum ContactTable {
    /// How to reach a buyer: what an import may update.
    struct Reach: Equatable {
        var title: String?
        var email: String?
        var phone: String?
    }

    static func insert(accountID: Int64, name: String, reach: Reach, at time: StoredTime, in db: Database) throws
        -> Int64
    {
        try db.cachedStatement(
            sql: """
                INSERT INTO contact (accountID, name, title, email, phone, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [accountID, name, reach.title, reach.email, reach.phone, time, time])
        return db.lastInsertedRowID
    }

    static func setReach(_ reach: Reach, id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE contact SET title = ?, email = ?, phone = ?, updatedAt = ? WHERE id = ?")
            .execute(arguments: [reach.title, reach.email, reach.phone, time, id])
    }
}
