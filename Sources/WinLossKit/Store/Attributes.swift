import GRDB

/// The free key/value attributes of accounts and deals, kept in their own tables so that filters such as
/// `--account-attr tier=gold` use an index.
enum Attributes {
    static func ofAccount(_ accountID: Int64, in db: Database) throws -> [String: String] {
        try fetch(db.cachedStatement(sql: "SELECT key, value FROM accountAttribute WHERE accountID = ?"), accountID)
    }

    static func ofDeal(_ dealID: Int64, in db: Database) throws -> [String: String] {
        try fetch(db.cachedStatement(sql: "SELECT key, value FROM dealAttribute WHERE dealID = ?"), dealID)
    }

    static func setOnAccount(_ attributes: [String: String], accountID: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO accountAttribute (accountID, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (accountID, key) DO UPDATE SET value = excluded.value")
        for (key, value) in attributes { try statement.execute(arguments: [accountID, key, value]) }
    }

    static func setOnDeal(_ attributes: [String: String], dealID: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO dealAttribute (dealID, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (dealID, key) DO UPDATE SET value = excluded.value")
        for (key, value) in attributes { try statement.execute(arguments: [dealID, key, value]) }
    }

    private static func fetch(_ statement: Statement, _ id: Int64) throws -> [String: String] {
        var result: [String: String] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [id])
        while let row = try rows.next() { result[row[0]] = row[1] }
        return result
    }
}
