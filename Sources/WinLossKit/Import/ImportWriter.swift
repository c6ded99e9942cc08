import Foundation
import GRDB

/// Writes imported deals inside the import's transaction, with prepared statements and in-memory caches of
/// the people, accounts and contacts already resolved, so that a hundred thousand rows take seconds.
struct ImportWriter {
    private let db: Database
    private let mapping: ColumnMapping
    private let source: DealSource
    /// The time of the import, converted for SQLite once rather than for every row.
    private let now: DatabaseValue

    private let selectDeal: Statement
    private let insertDeal: Statement
    private let updateDeal: Statement
    private let selectCompetitors: Statement
    private let insertCompetitor: Statement
    private let selectAttributes: Statement
    private let upsertAttribute: Statement
    private let deleteAttribute: Statement
    private let linkContact: Statement
    private let insertPerson: Statement
    private let insertAccount: Statement
    private let updateAccountSegment: Statement
    private let touchAccount: Statement
    private let insertContact: Statement
    private let updateContact: Statement
    private let touchDeal: Statement

    /// No deal existed when the import began, so no row can match one in the database (only earlier rows).
    private let startedEmpty: Bool

    private var people: [String: Int64] = [:]
    private var accounts: [String: Int64] = [:]
    private var accountStates: [Int64: AccountState] = [:]
    private var contacts: [String: Int64] = [:]
    private var contactStates: [Int64: IncomingContact] = [:]
    /// Deals written so far in this file: their row id and what happened to them.
    private var written: [String: (id: Int64, change: Change)] = [:]
    private var createdAccounts = Set<Int64>()
    private var updatedAccounts = Set<Int64>()
    private var updatedContacts = Set<Int64>()

    enum Change { case inserted, updated, unchanged }

    private struct AccountState {
        var externalID: String?
        var industry: String?
        var region: String?
        var sizeBand: String?
        var attributes: [String: String]
    }

    init(db: Database, mapping: ColumnMapping, now: Date) throws {
        self.now = now.databaseValue
        self.db = db
        self.mapping = mapping
        self.source = mapping.format.source
        startedEmpty = try Int.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM deal)") == 0
        selectDeal = try db.makeStatement(
            sql: "SELECT \(DealColumns.names.joined(separator: ", ")), id FROM deal WHERE externalID = ?")
        insertDeal = try db.makeStatement(
            sql:
                "INSERT INTO deal (\(DealColumns.names.joined(separator: ", ")), externalID, source, createdAt, updatedAt) "
                + "VALUES (\(Array(repeating: "?", count: DealColumns.names.count + 4).joined(separator: ", ")))")
        updateDeal = try db.makeStatement(
            sql:
                "UPDATE deal SET \(DealColumns.names.map { "\($0) = ?" }.joined(separator: ", ")), updatedAt = ? WHERE id = ?"
        )
        selectCompetitors = try db.makeStatement(sql: "SELECT name FROM dealCompetitor WHERE dealID = ?")
        insertCompetitor = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO dealCompetitor (dealID, name) VALUES (?, ?)")
        selectAttributes = try db.makeStatement(sql: "SELECT key, value FROM dealAttribute WHERE dealID = ?")
        upsertAttribute = try db.makeStatement(
            sql: "INSERT INTO dealAttribute (dealID, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (dealID, key) DO UPDATE SET value = excluded.value")
        deleteAttribute = try db.makeStatement(sql: "DELETE FROM dealAttribute WHERE dealID = ? AND key = ?")
        linkContact = try db.makeStatement(sql: "INSERT OR IGNORE INTO dealContact (dealID, contactID) VALUES (?, ?)")
        insertPerson = try db.makeStatement(
            sql: "INSERT INTO person (name, email, role, createdAt) VALUES (?, ?, 'rep', ?)")
        insertAccount = try db.makeStatement(
            sql:
                "INSERT INTO account (externalID, name, industry, region, sizeBand, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        updateAccountSegment = try db.makeStatement(
            sql: "UPDATE account SET industry = ?, region = ?, sizeBand = ?, updatedAt = ? WHERE id = ?")
        touchAccount = try db.makeStatement(sql: "UPDATE account SET updatedAt = ? WHERE id = ?")
        insertContact = try db.makeStatement(
            sql:
                "INSERT INTO contact (accountID, name, title, email, phone, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        updateContact = try db.makeStatement(
            sql: "UPDATE contact SET title = ?, email = ?, phone = ?, updatedAt = ? WHERE id = ?")
        touchDeal = try db.makeStatement(sql: "UPDATE deal SET updatedAt = ? WHERE id = ?")
    }

    /// Inserts or updates one deal. `firstSighting` is false for a repeat of a deal earlier in the file (one row
    /// per contact), which only adds its contacts.
    mutating func apply(
        _ deal: IncomingDeal, contacts incoming: [IncomingContact], firstSighting: Bool, summary: inout ImportSummary
    ) throws {
        let repID = try rep(for: deal, summary: &summary)
        let accountID = try account(for: deal, summary: &summary)
        let contactIDs = try incoming.map { try contact($0, accountID: accountID, summary: &summary) }

        if !firstSighting, let earlier = written[deal.externalID] {
            if try link(earlier.id, contactIDs), earlier.change == .unchanged {
                written[deal.externalID] = (earlier.id, .updated)
                summary.unchanged -= 1
                summary.updated += 1
            }
            return
        }

        var incomingColumns = DealColumns(deal, accountID: accountID, repID: repID)
        let existingRow = startedEmpty ? nil : try Row.fetchOne(selectDeal, arguments: [deal.externalID])
        guard let row = existingRow else {
            try insertDeal.execute(arguments: incomingColumns.arguments + [deal.externalID, source, now, now])
            let id = db.lastInsertedRowID
            for name in deal.competitors { try insertCompetitor.execute(arguments: [id, name]) }
            for case let (key, value?) in deal.attributes { try upsertAttribute.execute(arguments: [id, key, value]) }
            _ = try link(id, contactIDs)
            written[deal.externalID] = (id, .inserted)
            summary.inserted += 1
            return
        }

        let id: Int64 = row["id"]
        let existing = DealColumns(row: row)
        incomingColumns.keepUnmapped(from: existing, mapping: mapping)
        var changed = false
        if incomingColumns != existing {
            try updateDeal.execute(arguments: incomingColumns.arguments + [now, id])
            changed = true
        }
        changed = try updateCompetitors(id, deal) || changed
        changed = try updateAttributes(id, deal) || changed
        changed = try link(id, contactIDs) || changed
        if changed {
            try touchDeal.execute(arguments: [now, id])
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
        written[deal.externalID] = (id, changed ? .updated : .unchanged)
    }

    // MARK: - Side tables

    private func updateCompetitors(_ id: Int64, _ deal: IncomingDeal) throws -> Bool {
        guard mapping.hasAny(.competitors, .competitor, .competitorWon) else { return false }
        let existing = try String.fetchAll(selectCompetitors, arguments: [id])
        let replacesList = mapping.hasAny(.competitors, .competitor)
        let wanted = replacesList ? deal.competitors : existing + deal.competitors
        guard Set(existing.map { $0.lowercased() }) != Set(wanted.map { $0.lowercased() }) else { return false }
        try DealWrites.replaceCompetitors(wanted, dealID: id, in: db)
        return true
    }

    private func updateAttributes(_ id: Int64, _ deal: IncomingDeal) throws -> Bool {
        guard !deal.attributes.isEmpty else { return false }
        var existing: [String: String] = [:]
        for row in try Row.fetchAll(selectAttributes, arguments: [id]) { existing[row[0]] = row[1] }
        var changed = false
        for (key, value) in deal.attributes where existing[key] != value {
            if let value {
                try upsertAttribute.execute(arguments: [id, key, value])
            } else {
                try deleteAttribute.execute(arguments: [id, key])
            }
            changed = true
        }
        return changed
    }

    /// Links contacts to a deal; true if any link is new.
    private func link(_ dealID: Int64, _ contactIDs: [Int64]) throws -> Bool {
        var added = false
        for contactID in contactIDs {
            try linkContact.execute(arguments: [dealID, contactID])
            if db.changesCount > 0 { added = true }
        }
        return added
    }

    // MARK: - People, accounts, contacts

    private mutating func rep(for deal: IncomingDeal, summary: inout ImportSummary) throws -> Int64 {
        let key = deal.repEmail.map { "e:" + $0.lowercased() } ?? "n:" + TextKey.folded(deal.repName ?? "")
        if let id = people[key] { return id }
        var id: Int64?
        if let email = deal.repEmail {
            id = try Lookup.personIDs(email: email, in: db).first
            if id == nil, let name = deal.repName {
                // Known by name from an earlier file without emails: give them this email.
                let unnamed = try Int64.fetchAll(
                    db, sql: "SELECT id FROM person WHERE name = ? COLLATE NOCASE AND email IS NULL", arguments: [name])
                if unnamed.count == 1 {
                    id = unnamed[0]
                    try db.execute(sql: "UPDATE person SET email = ? WHERE id = ?", arguments: [email, unnamed[0]])
                }
            }
        } else if let name = deal.repName {
            let ids = try Lookup.personIDs(named: name, in: db)
            if ids.count > 1 {
                throw ImportProblem(
                    line: nil, column: mapping.columnName(.rep),
                    message:
                        "\(ids.count) people are named \(name.debugDescription); add the owner's email to the file (--map \"COLUMN=rep_email\")"
                )
            }
            id = ids.first
        }
        if id == nil {
            try insertPerson.execute(arguments: [deal.repName ?? deal.repEmail ?? "", deal.repEmail, now])
            id = db.lastInsertedRowID
            summary.peopleCreated += 1
        }
        let found = id ?? 0
        people[key] = found
        return found
    }

    private mutating func account(for deal: IncomingDeal, summary: inout ImportSummary) throws -> Int64 {
        let key = deal.accountExternalID.map { "i:" + $0 } ?? "n:" + TextKey.folded(deal.account)
        let id: Int64
        if let cached = accounts[key] {
            id = cached
        } else {
            var found: Int64?
            if let externalID = deal.accountExternalID {
                found = try Lookup.accountIDs(externalID: externalID, in: db).first
                if found == nil {
                    // An account made by hand or from a file without ids takes this id.
                    found = try Int64.fetchOne(
                        db,
                        sql: "SELECT id FROM account WHERE name = ? COLLATE NOCASE AND externalID IS NULL ORDER BY id",
                        arguments: [deal.account])
                    if let adopted = found {
                        try db.execute(
                            sql: "UPDATE account SET externalID = ? WHERE id = ?", arguments: [externalID, adopted])
                    }
                }
            } else {
                let ids = try Lookup.accountIDs(named: deal.account, in: db)
                if ids.count > 1 {
                    throw ImportProblem(
                        line: nil, column: mapping.columnName(.account),
                        message:
                            "\(ids.count) accounts are named \(deal.account.debugDescription); add the account id to the file (--map \"COLUMN=account_id\")"
                    )
                }
                found = ids.first
            }
            if let found {
                id = found
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT externalID, industry, region, sizeBand FROM account WHERE id = ?"),
                    arguments: [found])
                accountStates[found] = AccountState(
                    externalID: row?["externalID"], industry: row?["industry"], region: row?["region"],
                    sizeBand: row?["sizeBand"],
                    attributes: try Attributes.ofAccount(found, in: db))
            } else {
                try insertAccount.execute(arguments: [
                    deal.accountExternalID, deal.account, deal.industry, deal.region, deal.sizeBand, now, now,
                ])
                id = db.lastInsertedRowID
                accountStates[id] = AccountState(
                    externalID: deal.accountExternalID, industry: deal.industry, region: deal.region,
                    sizeBand: deal.sizeBand, attributes: [:])
                createdAccounts.insert(id)
                summary.accountsCreated += 1
            }
            accounts[key] = id
        }
        try updateAccount(id, with: deal, summary: &summary)
        return id
    }

    private mutating func updateAccount(_ id: Int64, with deal: IncomingDeal, summary: inout ImportSummary) throws {
        guard var state = accountStates[id] else { return }
        var changed = false
        if let industry = deal.industry, industry != state.industry { state.industry = industry; changed = true }
        if let region = deal.region, region != state.region { state.region = region; changed = true }
        if let sizeBand = deal.sizeBand, sizeBand != state.sizeBand { state.sizeBand = sizeBand; changed = true }
        if changed {
            try updateAccountSegment.execute(arguments: [state.industry, state.region, state.sizeBand, now, id])
        }
        let newAttributes = deal.accountAttributes.filter { state.attributes[$0.key] != $0.value }
        if !newAttributes.isEmpty {
            try touchAccount.execute(arguments: [now, id])
            try Attributes.setOnAccount(newAttributes, accountID: id, in: db)
            state.attributes.merge(newAttributes) { $1 }
            changed = true
        }
        accountStates[id] = state
        if changed, !createdAccounts.contains(id), updatedAccounts.insert(id).inserted {
            summary.accountsUpdated += 1
        }
    }

    private mutating func contact(_ incoming: IncomingContact, accountID: Int64, summary: inout ImportSummary) throws
        -> Int64
    {
        let key =
            "\(accountID)|" + (incoming.email.map { "e:" + $0.lowercased() } ?? "n:" + TextKey.folded(incoming.name))
        let id: Int64
        if let cached = contacts[key] {
            id = cached
        } else if !createdAccounts.contains(accountID),
            let found = try incoming.email.flatMap({
                try Lookup.contactIDs(accountID: accountID, email: $0, in: db).first
            })
                ?? Lookup.contactIDs(accountID: accountID, named: incoming.name, in: db).first
        {
            id = found
            let current = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT name, title, email, phone FROM contact WHERE id = ?"),
                arguments: [found])
            contactStates[found] = IncomingContact(
                name: current?["name"] ?? incoming.name, title: current?["title"], email: current?["email"],
                phone: current?["phone"])
        } else {
            try insertContact.execute(arguments: [
                accountID, incoming.name, incoming.title, incoming.email, incoming.phone, now, now,
            ])
            id = db.lastInsertedRowID
            contactStates[id] = incoming
            summary.contactsCreated += 1
        }
        contacts[key] = id
        if var state = contactStates[id] {
            var changed = false
            if let title = incoming.title, title != state.title { state.title = title; changed = true }
            if let email = incoming.email, email != state.email { state.email = email; changed = true }
            if let phone = incoming.phone, phone != state.phone { state.phone = phone; changed = true }
            if changed {
                try updateContact.execute(arguments: [state.title, state.email, state.phone, now, id])
                contactStates[id] = state
                if updatedContacts.insert(id).inserted { summary.contactsUpdated += 1 }
            }
        }
        return id
    }
}

/// The columns of the `deal` table an import sets, in one order for SELECT, INSERT and UPDATE.
struct DealColumns: Equatable {
    static let names = [
        "name", "accountID", "repID", "amountMinor", "currency", "createdOn", "decidedOn", "outcome", "stage", "reason",
        "competitorWon", "productLine",
    ]

    var name: String
    var accountID: Int64
    var repID: Int64
    var amountMinor: Int64?
    var currency: String?
    var createdOn: String?
    var decidedOn: String
    var outcome: String
    var stage: String?
    var reason: String?
    var competitorWon: String?
    var productLine: String?

    init(_ deal: IncomingDeal, accountID: Int64, repID: Int64) {
        name = deal.name
        self.accountID = accountID
        self.repID = repID
        amountMinor = deal.amount?.minorUnits
        currency = deal.amount?.currency.code
        createdOn = deal.createdOn?.description
        decidedOn = deal.decidedOn.description
        outcome = deal.outcome.rawValue
        stage = deal.stage
        reason = deal.reason
        competitorWon = deal.competitorWon
        productLine = deal.productLine
    }

    init(row: Row) {
        name = row["name"]
        accountID = row["accountID"]
        repID = row["repID"]
        amountMinor = row["amountMinor"]
        currency = row["currency"]
        createdOn = row["createdOn"]
        decidedOn = row["decidedOn"]
        outcome = row["outcome"]
        stage = row["stage"]
        reason = row["reason"]
        competitorWon = row["competitorWon"]
        productLine = row["productLine"]
    }

    /// Keeps the existing value of every column the file does not carry.
    mutating func keepUnmapped(from existing: DealColumns, mapping: ColumnMapping) {
        if !mapping.has(.amount) {
            amountMinor = existing.amountMinor
            currency = existing.currency
        }
        if !mapping.has(.created) { createdOn = existing.createdOn }
        if !mapping.has(.stage) { stage = existing.stage }
        if !mapping.hasAny(.reason, .lossReason, .winReason) { reason = existing.reason }
        if !mapping.hasAny(.competitorWon, .competitor) { competitorWon = existing.competitorWon }
        if !mapping.has(.product) { productLine = existing.productLine }
    }

    var arguments: StatementArguments {
        [
            name, accountID, repID, amountMinor, currency, createdOn, decidedOn, outcome, stage, reason, competitorWon,
            productLine,
        ]
    }
}
