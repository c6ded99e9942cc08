import GRDB

/// How records are matched by what people and CRM exports call them. Shared by the commands that add one
/// record and by the importer, which calls these per row (they use cached prepared statements).
enum Lookup {
    static func personIDs(email: String, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM person WHERE email = ? COLLATE NOCASE"), arguments: [email])
    }

    static func personIDs(named name: String, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM person WHERE name = ? COLLATE NOCASE ORDER BY id"),
            arguments: [name])
    }

    static func accountIDs(externalID: String, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM account WHERE externalID = ?"), arguments: [externalID])
    }

    static func accountIDs(named name: String, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM account WHERE name = ? COLLATE NOCASE ORDER BY id"),
            arguments: [name])
    }

    static func contactIDs(accountID: Int64, email: String, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM contact WHERE accountID = ? AND email = ? COLLATE NOCASE"),
            arguments: [accountID, email])
    }

    static func contactIDs(accountID: Int64, named name: String, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db.cachedStatement(
                sql: "SELECT id FROM contact WHERE accountID = ? AND name = ? COLLATE NOCASE ORDER BY id"),
            arguments: [accountID, name])
    }

    /// A person by email when the key looks like one, else by name. Throws when none or several match.
    static func person(_ key: String, in db: Database) throws -> Person {
        let ids = key.contains("@") ? try personIDs(email: key, in: db) : try personIDs(named: key, in: db)
        guard ids.count <= 1 else {
            throw RequestError.ambiguous(
                kind: "person", key: key, count: ids.count, hint: .advice("use their email instead"))
        }
        guard let id = ids.first, let person = try person(id: id, in: db) else {
            throw RequestError.notFound(
                kind: "person", key: key,
                hint: .addOrListPeople)
        }
        return person
    }

    static func person(id: Int64, in db: Database) throws -> Person? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [id]).map(
            Person.init(row:))
    }

    /// An account by its CRM id, else by name. Throws when several accounts share the name.
    static func account(_ name: String, in db: Database) throws -> Account? {
        var ids = try accountIDs(externalID: name, in: db)
        if ids.isEmpty { ids = try accountIDs(named: name, in: db) }
        guard ids.count <= 1 else {
            throw RequestError.ambiguous(
                kind: "account", key: name, count: ids.count, hint: .advice("use the account's CRM id"))
        }
        return try ids.first.flatMap { try Account.fetchOne(db, key: $0) }
    }
}
