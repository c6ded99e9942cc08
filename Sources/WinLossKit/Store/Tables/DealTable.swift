import GRDB

/// The one writer of `deal` and the tables that hang off it (`dealCompetitor`, `dealContact`, `dealAttribute`):
/// deals typed by hand, imported from a CRM, or generated.
package enum DealTable {
    /// The columns of a deal that its source sets, in one order for INSERT and UPDATE.
    package struct Fields: Equatable {
        package static let names = [
            "name", "accountID", "repID", "amountMinor", "currency", "createdOn", "decidedOn", "outcome", "stage",
            "reason", "competitorWon", "productLine",
        ]

        package var name: String
        package var accountID: Int64
        package var repID: Int64
        package var amount: Money?
        package var createdOn: CalendarDate?
        package var decidedOn: CalendarDate
        package var outcome: Outcome
        package var stage: String?
        package var reason: String?
        package var competitorWon: String?
        package var productLine: String?

        package init(
            name: String, accountID: Int64, repID: Int64, amount: Money?, createdOn: CalendarDate?,
            decidedOn: CalendarDate, outcome: Outcome, stage: String?, reason: String?, competitorWon: String?,
            productLine: String?
        ) {
            self.name = name
            self.accountID = accountID
            self.repID = repID
            self.amount = amount
            self.createdOn = createdOn
            self.decidedOn = decidedOn
            self.outcome = outcome
            self.stage = stage
            self.reason = reason
            self.competitorWon = competitorWon
            self.productLine = productLine
        }

        package var arguments: StatementArguments {
            [
                name, accountID, repID, amount?.minorUnits, amount?.currency.code, createdOn, decidedOn, outcome,
                stage, reason, competitorWon, productLine,
            ]
        }
    }

    /// The deal with this CRM id, if there is one.
    package static func find(externalID: String, in db: Database) throws -> (id: Int64, fields: Fields)? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM deal WHERE externalID = ?")
        guard let deal = try Deal.fetchOne(statement, arguments: [externalID]), let id = deal.id else { return nil }
        return (id, Fields(deal))
    }

    package static func insert(
        _ fields: Fields, externalID: String, source: DealSource, at time: StoredTime, in db: Database
    ) throws -> Int64 {
        let columns = Fields.names + ["externalID", "source", "createdAt", "updatedAt"]
        try db.cachedStatement(
            sql: """
                INSERT INTO deal (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                """
        ).execute(arguments: fields.arguments + [externalID, source.rawValue, time, time])
        return db.lastInsertedRowID
    }

    package static func update(_ fields: Fields, id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(
            sql:
                "UPDATE deal SET \(Fields.names.map { "\($0) = ?" }.joined(separator: ", ")), updatedAt = ? WHERE id = ?"
        ).execute(arguments: fields.arguments + [time, id])
    }

    /// Marks a deal changed when only the tables around it changed.
    package static func touch(_ id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE deal SET updatedAt = ? WHERE id = ?").execute(arguments: [time, id])
    }

    // MARK: - Competitors, buyers, attributes

    /// Adds a competitor to the deal's list; the same name again (in any letter case) is not added twice.
    package static func addCompetitor(_ name: String, dealID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO dealCompetitor (dealID, name) VALUES (?, ?)")
            .execute(arguments: [dealID, name])
    }

    package static func replaceCompetitors(_ names: [String], dealID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM dealCompetitor WHERE dealID = ?").execute(arguments: [dealID])
        for name in names { try addCompetitor(name, dealID: dealID, in: db) }
    }

    /// Links a buyer to the deal; true if the link is new.
    @discardableResult
    package static func linkContact(_ contactID: Int64, dealID: Int64, in db: Database) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO dealContact (dealID, contactID) VALUES (?, ?)")
            .execute(arguments: [dealID, contactID])
        return db.changesCount > 0
    }

    /// Sets one free attribute of the deal, or removes it when `value` is nil.
    package static func setAttribute(_ key: String, to value: String?, dealID: Int64, in db: Database) throws {
        guard let value else {
            try db.cachedStatement(sql: "DELETE FROM dealAttribute WHERE dealID = ? AND key = ?").execute(arguments: [
                dealID, key,
            ])
            return
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO dealAttribute (dealID, key, value) VALUES (?, ?, ?)
                ON CONFLICT (dealID, key) DO UPDATE SET value = excluded.value
                """
        ).execute(arguments: [dealID, key, value])
    }
}

extension DealTable.Fields {
    /// A stored deal's fields.
    package init(_ deal: Deal) {
        self.init(
            name: deal.name, accountID: deal.accountID, repID: deal.repID, amount: deal.amount,
            createdOn: deal.createdOn, decidedOn: deal.decidedOn, outcome: deal.outcome, stage: deal.stage,
            reason: deal.reason, competitorWon: deal.competitorWon, productLine: deal.productLine)
    }
}
