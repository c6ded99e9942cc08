import Foundation
import GRDB

/// Where a deal record came from.
package enum DealSource: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case manual
    case salesforce
    case hubspot
    /// A CSV file read with a column map.
    case csv
    /// A CSV file in winloss's own format, such as `winloss deal list --format csv` writes.
    case winloss
}

/// One decided sales pursuit of one account. Interviews hang off deals.
public struct Deal: Codable, Sendable, Equatable, Identifiable, FetchableRecord, TableRecord {
    public var id: Int64?
    /// The CRM's id: the key that makes re-importing an export update deals instead of duplicating them.
    package var externalID: String
    package var name: String
    package var accountID: Int64
    /// The rep who worked the deal, who must not interview its buyer.
    package var repID: Int64
    package var amountMinor: Int64?
    package var currency: Currency?
    package var createdOn: CalendarDate?
    package var decidedOn: CalendarDate
    package var outcome: Outcome
    /// The CRM stage as exported, kept for reference.
    package var stage: String?
    /// The reason the CRM states (usually the rep's), as opposed to what the buyer says in the interview.
    package var reason: String?
    /// For a loss: the competitor the buyer chose.
    package var competitorWon: String?
    package var productLine: String?
    package var source: DealSource
    package var createdAt: Date
    package var updatedAt: Date

    public static let databaseTableName = "deal"

    package init(
        id: Int64? = nil, externalID: String, name: String, accountID: Int64, repID: Int64, amount: Money?,
        createdOn: CalendarDate?, decidedOn: CalendarDate, outcome: Outcome, stage: String? = nil,
        reason: String? = nil, competitorWon: String? = nil, productLine: String? = nil, source: DealSource,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.accountID = accountID
        self.repID = repID
        self.amountMinor = amount?.minorUnits
        self.currency = amount?.currency
        self.createdOn = createdOn
        self.decidedOn = decidedOn
        self.outcome = outcome
        self.stage = stage
        self.reason = reason
        self.competitorWon = competitorWon
        self.productLine = productLine
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    package var amount: Money? {
        guard let amountMinor, let currency else { return nil }
        return Money(minorUnits: amountMinor, currency: currency)
    }
}

extension Currency: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { code.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Currency? {
        String.fromDatabaseValue(dbValue).flatMap { Currency(code: $0) }
    }
}
