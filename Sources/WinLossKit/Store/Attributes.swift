import GRDB

/// The free key/value attributes of accounts and deals, kept in their own tables so that filters such as
/// `--account-attr tier=gold` use an index. (``AccountTable`` and ``DealTable`` write them.)
enum Attributes {
    static func ofAccount(_ accountID: Int64, in db: Database) throws -> [String: String] {
        try fetch(db.cachedStatement(sql: "SELECT key, value FROM accountAttribute WHERE accountID = ?"), accountID)
    }

    static func ofDeal(_ dealID: Int64, in db: Database) throws -> [String: String] {
        try fetch(db.cachedStatement(sql: "SELECT key, value FROM dealAttribute WHERE dealID = ?"), dealID)
    }

    private static func fetch(_ statement: Statement, _ id: Int64) throws -> [String: String] {
        var result: [String: String] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [id])
        while let row = try rows.next() { result[row[0]] = row[1] }
        return result
    }
}
