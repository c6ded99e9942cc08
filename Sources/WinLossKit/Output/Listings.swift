/// How each kind of record appears in `list` commands.

extension Person: Listable {
    public static let tableColumns = [
        TableColumn("Name", maximumWidth: 32), TableColumn("Email"), TableColumn("Role"),
        TableColumn("Assumed cycle", alignment: .right),
    ]
    public var tableRow: [TableCell] {
        [
            TableCell(name), TableCell(email ?? "—"), TableCell(role.rawValue),
            TableCell(assumedCycleDays.map { "\($0) days" } ?? "—"),
        ]
    }
    public static let csvHeader = ["name", "email", "role", "assumed_cycle_days"]
    public var csvRow: [String] { [name, email ?? "", role.rawValue, assumedCycleDays.map(String.init) ?? ""] }
}

extension AccountSummary: Listable {
    public static let tableColumns = [
        TableColumn("Account", maximumWidth: 32), TableColumn("Industry", maximumWidth: 20), TableColumn("Region"),
        TableColumn("Size"), TableColumn("Deals", alignment: .right), TableColumn("Contacts", alignment: .right),
    ]
    public var tableRow: [TableCell] {
        [
            TableCell(name), TableCell(industry ?? "—"), TableCell(region ?? "—"), TableCell(sizeBand ?? "—"),
            TableCell(String(deals)), TableCell(String(contacts)),
        ]
    }
    public static let csvHeader = [
        "account_id", "account", "industry", "region", "size", "deals", "contacts", "attributes",
    ]
    public var csvRow: [String] {
        [
            externalID ?? "", name, industry ?? "", region ?? "", sizeBand ?? "", String(deals), String(contacts),
            attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
        ]
    }
}

/// A contact with the name of its account, for `winloss contact list`.
public struct ContactListing: Codable, Sendable, Equatable, Listable {
    package var account: String
    public var name: String
    package var title: String?
    package var email: String?
    package var phone: String?

    init(contact: Contact, account: String) {
        self.account = account
        self.name = contact.name
        self.title = contact.title
        self.email = contact.email
        self.phone = contact.phone
    }

    public static let tableColumns = [
        TableColumn("Account", maximumWidth: 28), TableColumn("Name", maximumWidth: 28),
        TableColumn("Title", maximumWidth: 28),
        TableColumn("Email"), TableColumn("Phone"),
    ]
    public var tableRow: [TableCell] {
        [
            TableCell(account), TableCell(name), TableCell(title ?? "—"), TableCell(email ?? "—"),
            TableCell(phone ?? "—"),
        ]
    }
    public static let csvHeader = ["account", "name", "title", "email", "phone"]
    public var csvRow: [String] { [account, name, title ?? "", email ?? "", phone ?? ""] }
}

extension DealSummary: Listable {
    public static let tableColumns = [
        TableColumn("ID"), TableColumn("Deal", maximumWidth: 34), TableColumn("Account", maximumWidth: 26),
        TableColumn("Rep", maximumWidth: 20), TableColumn("Amount", alignment: .right), TableColumn("Decided"),
        TableColumn("Outcome"),
    ]
    public var tableRow: [TableCell] {
        [
            TableCell(externalID), TableCell(name), TableCell(account), TableCell(rep),
            TableCell(amount?.formatted ?? "—"), TableCell(decidedOn.description),
            TableCell(outcome.label, tint: Tint.of(outcome)),
        ]
    }
    /// The field names `winloss deal import` reads, so that a listing can be edited and imported again.
    public static let csvHeader = [
        "external_id", "name", "account", "industry", "region", "size", "rep", "rep_email", "amount", "currency",
        "created", "decided", "outcome", "stage", "reason", "competitor_won", "competitors", "product",
    ]
    public var csvRow: [String] {
        [
            externalID, name, account, industry ?? "", region ?? "", sizeBand ?? "", rep, repEmail ?? "",
            amount?.decimalText ?? "", amount?.currency.code ?? "", createdOn?.description ?? "", decidedOn.description,
            outcome.rawValue, stage ?? "", reason ?? "", competitorWon ?? "", competitors.joined(separator: ";"),
            productLine ?? "",
        ]
    }
}

extension SearchHit: Listable {
    public static let tableColumns = [
        TableColumn("Deal"), TableColumn("Outcome"), TableColumn("Decided"), TableColumn("Where", maximumWidth: 26),
        TableColumn("Said by", maximumWidth: 40), TableColumn("Passage", maximumWidth: 90),
    ]

    public var tableRow: [TableCell] {
        [
            TableCell(dealExternalID ?? "—"), TableCell(outcome.label, tint: Tint.of(outcome)),
            TableCell(decidedOn?.description ?? quarter),
            TableCell("#\(interviewID) " + (kind == "note" ? "private note" : questionID ?? "")),
            TableCell(speaker ?? "—"),
            TableCell(highlighted(open: "«", close: "»")),
        ]
    }

    public static let csvHeader = [
        "deal_id", "deal", "outcome", "decided", "interview", "question", "kind", "said_by", "passage", "quarter",
    ]

    public var csvRow: [String] {
        [
            dealExternalID ?? "", deal ?? "", outcome.rawValue, decidedOn?.description ?? "", String(interviewID),
            questionID ?? "", kind, speaker ?? "", highlighted(open: "«", close: "»"), quarter,
        ]
    }
}
