import GRDB

/// The one writer of `contact`: the buyers at an account, added by hand, by an import or by the generator.
package enum ContactTable {
    /// How to reach a buyer: what an import may update.
    package struct Reach: Equatable {
        package var title: String?
        package var email: String?
        package var phone: String?

        package init(title: String?, email: String?, phone: String?) {
            self.title = title
            self.email = email
            self.phone = phone
        }
    }

    package static func insert(accountID: Int64, name: String, reach: Reach, at time: StoredTime, in db: Database)
        throws
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

    package static func setReach(_ reach: Reach, id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE contact SET title = ?, email = ?, phone = ?, updatedAt = ? WHERE id = ?")
            .execute(arguments: [reach.title, reach.email, reach.phone, time, id])
    }
}
