import Foundation
import GRDB

/// Writes imported deals inside the import's transaction, with prepared statements and in-memory caches of
/// the people, accounts and contacts already resolved, so that a hundred thousand rows take seconds.
struct ImportWriter {
    private let db: Database
    private let mapping: ColumnMapping
    private let source: DealSource
    /// The time of the import, converted for SQLite once rather than for every row.
    private let now: StoredTime

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
        self.now = StoredTime(now)
        self.db = db
        self.mapping = mapping
        self.source = mapping.format.source
        startedEmpty = try Int.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM deal)") == 0
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

        var incomingFields = DealTable.Fields(deal, accountID: accountID, repID: repID)
        let existingDeal = startedEmpty ? nil : try DealTable.find(externalID: deal.externalID, in: db)
        guard let (id, existing) = existingDeal else {
            let id = try DealTable.insert(incomingFields, externalID: deal.externalID, source: source, at: now, in: db)
            for name in deal.competitors { try DealTable.addCompetitor(name, dealID: id, in: db) }
            for case let (key, value?) in deal.attributes {
                try DealTable.setAttribute(key, to: value, dealID: id, in: db)
            }
            _ = try link(id, contactIDs)
            written[deal.externalID] = (id, .inserted)
            summary.inserted += 1
            return
        }

        incomingFields.keepUnmapped(from: existing, mapping: mapping)
        var changed = false
        if incomingFields != existing {
            try DealTable.update(incomingFields, id: id, at: now, in: db)
            changed = true
        }
        changed = try updateCompetitors(id, deal) || changed
        changed = try updateAttributes(id, deal) || changed
        changed = try link(id, contactIDs) || changed
        if changed {
            try DealTable.touch(id, at: now, in: db)
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
        written[deal.externalID] = (id, changed ? .updated : .unchanged)
    }

    // MARK: - Side tables

    private func updateCompetitors(_ id: Int64, _ deal: IncomingDeal) throws -> Bool {
        guard mapping.hasAny(.competitors, .competitor, .competitorWon) else { return false }
        let existing = try String.fetchAll(
            db.cachedStatement(sql: "SELECT name FROM dealCompetitor WHERE dealID = ?"), arguments: [id])
        let replacesList = mapping.hasAny(.competitors, .competitor)
        let wanted = replacesList ? deal.competitors : existing + deal.competitors
        guard Set(existing.map { $0.lowercased() }) != Set(wanted.map { $0.lowercased() }) else { return false }
        try DealTable.replaceCompetitors(wanted, dealID: id, in: db)
        return true
    }

    private func updateAttributes(_ id: Int64, _ deal: IncomingDeal) throws -> Bool {
        guard !deal.attributes.isEmpty else { return false }
        let existing = try Attributes.ofDeal(id, in: db)
        var changed = false
        for (key, value) in deal.attributes where existing[key] != value {
            try DealTable.setAttribute(key, to: value, dealID: id, in: db)
            changed = true
        }
        return changed
    }

    /// Links contacts to a deal; true if any link is new.
    private func link(_ dealID: Int64, _ contactIDs: [Int64]) throws -> Bool {
        var added = false
        for contactID in contactIDs where try DealTable.linkContact(contactID, dealID: dealID, in: db) {
            added = true
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
                    try PersonTable.setEmail(email, id: unnamed[0], in: db)
                }
            }
        } else if let name = deal.repName {
            let ids = try Lookup.personIDs(named: name, in: db)
            if ids.count > 1 {
                throw ImportProblem(
                    line: nil, column: mapping.columnName(.rep),
                    message:
                        "\(ids.count) people are named \(name.debugDescription); add the owner's email to the file",
                    remedy: .mapColumn(field: ImportField.repEmail.name)
                )
            }
            id = ids.first
        }
        if id == nil {
            id = try PersonTable.insert(
                name: deal.repName ?? deal.repEmail ?? "", email: deal.repEmail, role: .rep, at: now, in: db)
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
                        try AccountTable.setExternalID(externalID, id: adopted, in: db)
                    }
                }
            } else {
                let ids = try Lookup.accountIDs(named: deal.account, in: db)
                if ids.count > 1 {
                    throw ImportProblem(
                        line: nil, column: mapping.columnName(.account),
                        message:
                            "\(ids.count) accounts are named \(deal.account.debugDescription); add the account id to the file",
                        remedy: .mapColumn(field: ImportField.accountExternalID.name)
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
                id = try AccountTable.insert(
                    externalID: deal.accountExternalID, name: deal.account,
                    segment: AccountTable.Segment(
                        industry: deal.industry, region: deal.region, sizeBand: deal.sizeBand),
                    at: now, in: db)
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
            try AccountTable.setSegment(
                AccountTable.Segment(industry: state.industry, region: state.region, sizeBand: state.sizeBand), id: id,
                at: now, in: db)
        }
        let newAttributes = deal.accountAttributes.filter { state.attributes[$0.key] != $0.value }
        if !newAttributes.isEmpty {
            try AccountTable.setAttributes(newAttributes, id: id, at: now, in: db)
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
            id = try ContactTable.insert(
                accountID: accountID, name: incoming.name,
                reach: ContactTable.Reach(title: incoming.title, email: incoming.email, phone: incoming.phone), at: now,
                in: db)
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
                try ContactTable.setReach(
                    ContactTable.Reach(title: state.title, email: state.email, phone: state.phone), id: id, at: now,
                    in: db)
                contactStates[id] = state
                if updatedContacts.insert(id).inserted { summary.contactsUpdated += 1 }
            }
        }
        return id
    }
}

extension DealTable.Fields {
    init(_ deal: IncomingDeal, accountID: Int64, repID: Int64) {
        self.init(
            name: deal.name, accountID: accountID, repID: repID, amount: deal.amount, createdOn: deal.createdOn,
            decidedOn: deal.decidedOn, outcome: deal.outcome, stage: deal.stage, reason: deal.reason,
            competitorWon: deal.competitorWon, productLine: deal.productLine)
    }

    /// Keeps the existing value of every column the file does not carry.
    mutating func keepUnmapped(from existing: DealTable.Fields, mapping: ColumnMapping) {
        if !mapping.has(.amount) { amount = existing.amount }
        if !mapping.has(.created) { createdOn = existing.createdOn }
        if !mapping.has(.stage) { stage = existing.stage }
        if !mapping.hasAny(.reason, .lossReason, .winReason) { reason = existing.reason }
        if !mapping.hasAny(.competitorWon, .competitor) { competitorWon = existing.competitorWon }
        if !mapping.has(.product) { productLine = existing.productLine }
    }
}
