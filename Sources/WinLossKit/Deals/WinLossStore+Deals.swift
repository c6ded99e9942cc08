import Foundation
import GRDB

/// One line of a deal list: the deal with its account's segment and its rep.
public struct DealSummary: Codable, Sendable, Equatable {
    public var externalID: String
    package var name: String
    package var account: String
    package var industry: String?
    package var region: String?
    package var sizeBand: String?
    package var rep: String
    package var repEmail: String?
    package var amount: Money?
    package var createdOn: CalendarDate?
    package var decidedOn: CalendarDate
    public var outcome: Outcome
    package var stage: String?
    package var reason: String?
    package var competitorWon: String?
    package var competitors: [String]
    package var productLine: String?

    /// Days from created to decided: the real sales cycle, when the CRM recorded both.
    package var cycleDays: Int? {
        createdOn.map { $0.days(until: decidedOn) }
    }

    /// The columns `init(row:)` reads, over the aliases `deal`, `account` and `person` (the rep).
    static let columns = """
        deal.id, deal.externalID, deal.name, account.name AS account, account.industry, account.region,
        account.sizeBand, person.name AS rep, person.email AS repEmail, deal.amountMinor, deal.currency,
        deal.createdOn, deal.decidedOn, deal.outcome, deal.stage, deal.reason, deal.competitorWon,
        deal.productLine,
        (SELECT group_concat(name, ';') FROM (SELECT name FROM dealCompetitor AS c
          WHERE c.dealID = deal.id ORDER BY name)) AS competitors
        """

    /// The tables those columns come from.
    static let joins = """
        FROM deal
        JOIN account ON account.id = deal.accountID
        JOIN person ON person.id = deal.repID
        """

    static let selection = "SELECT \(columns)\n\(joins)"

    init(row: Row) throws {
        externalID = row["externalID"]
        name = row["name"]
        account = row["account"]
        industry = row["industry"]
        region = row["region"]
        sizeBand = row["sizeBand"]
        rep = row["rep"]
        repEmail = row["repEmail"]
        if let minor: Int64 = row["amountMinor"], let currency: Currency = row["currency"] {
            amount = Money(minorUnits: minor, currency: currency)
        }
        createdOn = row["createdOn"]
        decidedOn = try row.decode(CalendarDate.self, forColumn: "decidedOn")
        outcome = try row.decode(Outcome.self, forColumn: "outcome")
        stage = row["stage"]
        reason = row["reason"]
        competitorWon = row["competitorWon"]
        productLine = row["productLine"]
        competitors = (row["competitors"] as String?)?.split(separator: ";").map(String.init) ?? []
    }
}

/// Everything recorded about one deal, for `winloss deal show`.
public struct DealDetail: Codable, Sendable, Equatable {
    public var deal: DealSummary
    package var accountExternalID: String?
    package var accountAttributes: [String: String]
    package var attributes: [String: String]
    package var contacts: [ContactSummary]
    package var source: DealSource
    package var cycleDays: Int?
    package var recordedAt: Date
    package var updatedAt: Date
}

/// A buyer as shown with a deal.
public struct ContactSummary: Codable, Sendable, Equatable {
    public var name: String
    package var title: String?
    package var email: String?
    package var phone: String?
}

/// A deal as typed on the command line (`winloss deal add`).
public struct NewDeal: Sendable {
    /// The CRM id; a `manual-N` id is made when there is none.
    package var externalID: String?
    package var name: String
    package var account: String
    public var accountFields = AccountFields()
    /// The rep's email or name: a person who already exists.
    package var rep: String
    public var amount: Money?
    public var createdOn: CalendarDate?
    package var decidedOn: CalendarDate
    package var outcome: Outcome
    public var reason: String?
    public var competitorWon: String?
    public var competitors: [String] = []
    public var productLine: String?
    public var attributes: [String: String] = [:]

    public init(
        externalID: String? = nil, name: String, account: String, rep: String, decidedOn: CalendarDate, outcome: Outcome
    ) {
        self.externalID = externalID
        self.name = name
        self.account = account
        self.rep = rep
        self.decidedOn = decidedOn
        self.outcome = outcome
    }
}

// MARK: - Deals

extension WinLossStore {
    /// Records a deal typed by hand. The account is created if it is new; the rep must exist.
    @discardableResult
    public func addDeal(_ new: NewDeal) throws -> DealDetail {
        let name = try Validate.required(new.name, field: "name")
        let accountName = try Validate.required(new.account, field: "account")
        if let createdOn = new.createdOn, createdOn > new.decidedOn {
            throw RequestError.invalid(
                field: "created", message: "\(createdOn) is after the decided date \(new.decidedOn)")
        }
        if new.competitorWon != nil, new.outcome != .loss {
            throw RequestError.invalid(field: "competitor-won", message: "only a loss has a competitor that won it")
        }
        let externalID = try new.externalID.map { try Validate.required($0, field: "id") }
        let detailID = try write { db -> String in
            let rep = try Lookup.person(new.rep, in: db)
            let externalID = try externalID ?? nextManualID(in: db)
            if try Deal.filter(sql: "externalID = ?", arguments: [externalID]).fetchCount(db) > 0 {
                throw RequestError.duplicate(
                    kind: "deal", key: externalID, hint: .showDeal(externalID: externalID))
            }
            let now = clock.now()
            let accountID = try upsertAccount(name: accountName, fields: new.accountFields, now: now, in: db)
            let fields = DealTable.Fields(
                name: name, accountID: accountID, repID: rep.id ?? 0, amount: new.amount, createdOn: new.createdOn,
                decidedOn: new.decidedOn, outcome: new.outcome, stage: nil, reason: Validate.optional(new.reason),
                competitorWon: Validate.optional(new.competitorWon), productLine: Validate.optional(new.productLine))
            let dealID = try DealTable.insert(
                fields, externalID: externalID, source: .manual, at: StoredTime(now), in: db)
            var competitors = new.competitors.compactMap(Validate.optional)
            if let won = fields.competitorWon { competitors.append(won) }
            try DealTable.replaceCompetitors(competitors, dealID: dealID, in: db)
            for (key, value) in new.attributes { try DealTable.setAttribute(key, to: value, dealID: dealID, in: db) }
            return externalID
        }
        return try deal(externalID: detailID)
    }

    /// Deals matching `filter`, most recently decided first.
    package func deals(matching filter: DealFilter = DealFilter(), limit: Int? = nil) throws -> [DealSummary] {
        var deals: [DealSummary] = []
        try forEachDeal(matching: filter, limit: limit) { deals.append($0) }
        return deals
    }

    /// Streams the deals matching `filter`, most recently decided first, without holding them all in memory.
    public func forEachDeal(
        matching filter: DealFilter = DealFilter(), limit: Int? = nil, _ body: (DealSummary) throws -> Void
    ) throws {
        try read { db in
            let limitClause: SQL = limit.map { "LIMIT \($0)" } ?? ""
            let request: SQLRequest<Row> = """
                \(sql: DealSummary.selection)
                WHERE \(filter.condition)
                ORDER BY deal.decidedOn DESC, deal.id DESC
                \(limitClause)
                """
            let rows = try request.fetchCursor(db)
            while let row = try rows.next() { try body(try DealSummary(row: row)) }
        }
    }

    /// How many deals match `filter`, by outcome.
    public func dealCounts(matching filter: DealFilter = DealFilter()) throws -> [Outcome: Int] {
        try read { db in
            let request: SQLRequest<Row> = """
                SELECT deal.outcome, count(*) AS n FROM deal
                JOIN account ON account.id = deal.accountID
                JOIN person ON person.id = deal.repID
                WHERE \(filter.condition)
                GROUP BY deal.outcome
                """
            var counts: [Outcome: Int] = [:]
            for row in try request.fetchAll(db) {
                if let outcome = Outcome(rawValue: row["outcome"]) { counts[outcome] = row["n"] }
            }
            return counts
        }
    }

    /// One deal by its CRM id.
    public func deal(externalID: String) throws -> DealDetail {
        try read { db in
            let request: SQLRequest<Row> = "\(sql: DealSummary.selection) WHERE deal.externalID = \(externalID)"
            guard let row = try request.fetchOne(db), let deal = try Deal.fetchOne(db, key: row["id"] as Int64) else {
                throw RequestError.notFound(
                    kind: "deal", key: externalID, hint: .listDeals)
            }
            let summary = try DealSummary(row: row)
            let dealID = deal.id ?? 0
            let contacts = try Row.fetchAll(
                db,
                sql: """
                    SELECT contact.name, contact.title, contact.email, contact.phone FROM dealContact
                    JOIN contact ON contact.id = dealContact.contactID
                    WHERE dealContact.dealID = ? ORDER BY contact.name COLLATE NOCASE
                    """, arguments: [dealID]
            ).map { ContactSummary(name: $0["name"], title: $0["title"], email: $0["email"], phone: $0["phone"]) }
            return DealDetail(
                deal: summary,
                accountExternalID: try String.fetchOne(
                    db, sql: "SELECT externalID FROM account WHERE id = ?", arguments: [deal.accountID]),
                accountAttributes: try Attributes.ofAccount(deal.accountID, in: db),
                attributes: try Attributes.ofDeal(dealID, in: db),
                contacts: contacts, source: deal.source, cycleDays: summary.cycleDays, recordedAt: deal.createdAt,
                updatedAt: deal.updatedAt)
        }
    }

    /// `manual-N`, one past the highest such id so far.
    private func nextManualID(in db: Database) throws -> String {
        let taken = try String.fetchAll(db, sql: "SELECT externalID FROM deal WHERE externalID LIKE 'manual-%'")
        let highest = taken.compactMap { Int($0.dropFirst("manual-".count)) }.max() ?? 0
        return "manual-\(highest + 1)"
    }
}
