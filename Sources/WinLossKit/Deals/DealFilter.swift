import GRDB

/// Which deals a command looks at: by outcome, rep, decided date and segment. Shared by every command that
/// lists or counts deals, so that `--industry Retail` means the same everywhere.
///
/// Conditions are SQL over the aliases `deal`, `account` and `person` (the rep), with bound arguments only.
public struct DealFilter: Sendable, Equatable {
    /// Any of these outcomes; empty means all.
    public var outcomes: Set<Outcome> = []
    /// The rep's email, or name.
    public var rep: String?
    /// Decided on or after this day.
    public var decidedFrom: CalendarDate?
    /// Decided on or before this day.
    public var decidedTo: CalendarDate?
    /// The account's name or CRM id.
    public var account: String?
    /// Any of these industries (letter case ignored); empty means all. Likewise regions and size bands.
    public var industries: [String] = []
    public var regions: [String] = []
    public var sizeBands: [String] = []
    /// Free account attributes that must all match (value letter case ignored).
    public var accountAttributes: [String: String] = [:]
    /// Free deal attributes that must all match.
    public var dealAttributes: [String: String] = [:]
    /// The competitor that won the deal or was involved in it.
    public var competitor: String?
    public var productLine: String?
    /// At least this amount, in the same currency (deals in other currencies are left out).
    public var minimumAmount: Money?
    /// At most this amount, in the same currency: with ``minimumAmount``, an amount band.
    public var maximumAmount: Money?

    public init() {}

    /// The `WHERE` condition for this filter.
    var condition: SQL {
        var parts: [SQL] = ["1"]
        if !outcomes.isEmpty { parts.append("deal.outcome IN \(outcomes.sorted().map(\.rawValue))") }
        if let rep {
            parts.append(
                rep.contains("@")
                    ? "person.email = \(rep) COLLATE NOCASE" : "person.name = \(rep) COLLATE NOCASE")
        }
        if let decidedFrom { parts.append("deal.decidedOn >= \(decidedFrom)") }
        if let decidedTo { parts.append("deal.decidedOn <= \(decidedTo)") }
        if let account {
            parts.append("(account.externalID = \(account) OR account.name = \(account) COLLATE NOCASE)")
        }
        for (column, values) in [("industry", industries), ("region", regions), ("sizeBand", sizeBands)]
        where !values.isEmpty {
            parts.append("account.\(sql: column) COLLATE NOCASE IN \(values)")
        }
        for (key, value) in accountAttributes.sorted(by: { $0.key < $1.key }) {
            parts.append(
                """
                EXISTS (SELECT 1 FROM accountAttribute AS a WHERE a.accountID = account.id
                        AND a.key = \(key) AND a.value = \(value) COLLATE NOCASE)
                """)
        }
        for (key, value) in dealAttributes.sorted(by: { $0.key < $1.key }) {
            parts.append(
                """
                EXISTS (SELECT 1 FROM dealAttribute AS a WHERE a.dealID = deal.id
                        AND a.key = \(key) AND a.value = \(value) COLLATE NOCASE)
                """)
        }
        if let competitor {
            parts.append(
                """
                (deal.competitorWon = \(competitor) COLLATE NOCASE
                 OR EXISTS (SELECT 1 FROM dealCompetitor AS c WHERE c.dealID = deal.id AND c.name = \(competitor)))
                """)
        }
        if let productLine { parts.append("deal.productLine = \(productLine) COLLATE NOCASE") }
        if let maximumAmount {
            parts.append(
                "(deal.currency = \(maximumAmount.currency) AND deal.amountMinor <= \(maximumAmount.minorUnits))")
        }
        if let minimumAmount {
            parts.append(
                "(deal.currency = \(minimumAmount.currency) AND deal.amountMinor >= \(minimumAmount.minorUnits))")
        }
        return parts.joined(separator: " AND ")
    }
}
