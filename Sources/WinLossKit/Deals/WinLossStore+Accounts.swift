import Foundation
import GRDB

/// An account with its free attributes and how many deals it has, for `winloss account list`.
public struct AccountSummary: Codable, Sendable, Equatable {
    package var externalID: String?
    package var name: String
    package var industry: String?
    package var region: String?
    package var sizeBand: String?
    package var attributes: [String: String]
    package var deals: Int
    package var contacts: Int
}

/// The segment fields of an account as given on the command line or in an import; nil leaves a field as is.
public struct AccountFields: Sendable, Equatable {
    package var industry: String?
    package var region: String?
    package var sizeBand: String?
    package var attributes: [String: String]

    public init(
        industry: String? = nil, region: String? = nil, sizeBand: String? = nil, attributes: [String: String] = [:]
    ) {
        self.industry = industry
        self.region = region
        self.sizeBand = sizeBand
        self.attributes = attributes
    }
}

// MARK: - Accounts and contacts

extension WinLossStore {
    /// Accounts by name, with their attributes and counts.
    public func accounts() throws -> [AccountSummary] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT account.*,
                           (SELECT count(*) FROM deal WHERE deal.accountID = account.id) AS dealCount,
                           (SELECT count(*) FROM contact WHERE contact.accountID = account.id) AS contactCount
                    FROM account ORDER BY name COLLATE NOCASE, id
                    """)
            var accounts: [AccountSummary] = []
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                accounts.append(
                    AccountSummary(
                        externalID: row["externalID"], name: row["name"], industry: row["industry"],
                        region: row["region"],
                        sizeBand: row["sizeBand"], attributes: try Attributes.ofAccount(id, in: db),
                        deals: row["dealCount"],
                        contacts: row["contactCount"]))
            }
            return accounts
        }
    }

    /// Adds a buyer at an account. The account must exist (deals and imports create accounts).
    @discardableResult
    public func addContact(account: String, name: String, title: String?, email: String?, phone: String?) throws
        -> ContactListing
    {
        let name = try Validate.required(name, field: "name")
        let email = try Validate.email(email)
        return try write { db in
            guard let account = try Lookup.account(account, in: db), let accountID = account.id else {
                throw RequestError.notFound(
                    kind: "account", key: account, hint: .listAccounts)
            }
            if let email, !(try Lookup.contactIDs(accountID: accountID, email: email, in: db).isEmpty) {
                throw RequestError.duplicate(
                    kind: "contact with email", key: email,
                    hint: .listContacts(account: account.name))
            }
            let now = clock.now()
            var contact = Contact(
                accountID: accountID, name: name, title: Validate.optional(title), email: email,
                phone: Validate.optional(phone), createdAt: now, updatedAt: now)
            contact.id = try ContactTable.insert(
                accountID: accountID, name: name,
                reach: ContactTable.Reach(title: contact.title, email: email, phone: contact.phone),
                at: StoredTime(now), in: db)
            return ContactListing(contact: contact, account: account.name)
        }
    }

    /// Contacts with their account's name, optionally of one account.
    public func contacts(account: String? = nil) throws -> [ContactListing] {
        try read { db in
            var accountID: Int64?
            if let account {
                guard let found = try Lookup.account(account, in: db) else {
                    throw RequestError.notFound(
                        kind: "account", key: account, hint: .listAccounts)
                }
                accountID = found.id
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT contact.*, account.name AS accountName FROM contact JOIN account ON account.id = contact.accountID
                    WHERE ?1 IS NULL OR contact.accountID = ?1
                    ORDER BY account.name COLLATE NOCASE, contact.name COLLATE NOCASE, contact.id
                    """, arguments: [accountID])
            return try rows.map { ContactListing(contact: try Contact(row: $0), account: $0["accountName"]) }
        }
    }

    /// Finds the account by CRM id or name, or creates it; fills in the segment fields that are given.
    func upsertAccount(name: String, fields: AccountFields, now: Date, in db: Database) throws -> Int64 {
        let time = StoredTime(now)
        if let account = try Lookup.account(name, in: db), let id = account.id {
            let current = AccountTable.Segment(
                industry: account.industry, region: account.region, sizeBand: account.sizeBand)
            let wanted = AccountTable.Segment(
                industry: fields.industry ?? current.industry, region: fields.region ?? current.region,
                sizeBand: fields.sizeBand ?? current.sizeBand)
            if wanted != current { try AccountTable.setSegment(wanted, id: id, at: time, in: db) }
            try AccountTable.setAttributes(fields.attributes, id: id, at: nil, in: db)
            return id
        }
        let id = try AccountTable.insert(
            externalID: nil, name: name,
            segment: AccountTable.Segment(industry: fields.industry, region: fields.region, sizeBand: fields.sizeBand),
            at: time, in: db)
        try AccountTable.setAttributes(fields.attributes, id: id, at: nil, in: db)
        return id
    }
}
