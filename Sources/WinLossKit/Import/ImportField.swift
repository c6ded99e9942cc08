/// What a CSV column holds. `--map COLUMN=FIELD` names these by ``name``.
public enum ImportField: Hashable, Sendable, CustomStringConvertible {
    case externalID, name, account, accountExternalID, industry, region, size
    case rep, repEmail
    case amount, currency
    case created, decided
    case stage, outcome
    /// The reason whatever the outcome; `lossReason` and `winReason` apply to their own outcome only.
    case reason, lossReason, winReason
    /// The competitor that won a loss.
    case competitorWon
    /// One competitor: involved in the deal, and the winner if the deal was lost.
    case competitor
    /// Competitors involved, separated by `;`.
    case competitors
    case product
    case contact, contactFirstName, contactLastName, contactTitle, contactEmail, contactPhone
    /// A free attribute of the deal (`attr:KEY`) or of its account (`account_attr:KEY`).
    case dealAttribute(String)
    case accountAttribute(String)
    /// A column to leave out.
    case ignore

    /// The fixed fields, by the names `--map` and winloss's own CSV files use, in ``ordinal`` order.
    static let named: [(String, ImportField)] = [
        ("external_id", .externalID), ("name", .name), ("account", .account), ("account_id", .accountExternalID),
        ("industry", .industry), ("region", .region), ("size", .size), ("rep", .rep), ("rep_email", .repEmail),
        ("amount", .amount), ("currency", .currency), ("created", .created), ("decided", .decided),
        ("stage", .stage), ("outcome", .outcome), ("reason", .reason), ("loss_reason", .lossReason),
        ("win_reason", .winReason), ("competitor_won", .competitorWon), ("competitor", .competitor),
        ("competitors", .competitors), ("product", .product), ("contact", .contact),
        ("contact_first_name", .contactFirstName), ("contact_last_name", .contactLastName),
        ("contact_title", .contactTitle), ("contact_email", .contactEmail), ("contact_phone", .contactPhone),
        ("ignore", .ignore),
    ]

    /// Other names people reach for.
    private static let synonyms: [String: ImportField] = [
        "id": .externalID, "deal": .name, "deal_name": .name, "owner": .rep, "owner_email": .repEmail,
        "close_date": .decided, "closed": .decided, "decided_on": .decided, "created_on": .created,
        "create_date": .created, "product_line": .product, "contact_name": .contact, "title": .contactTitle,
        "email": .contactEmail, "phone": .contactPhone, "size_band": .size,
    ]

    /// Parses `external_id`, `attr:tier`, `account_attr:tier`…
    package init?(name text: String) {
        let trimmed = text.trimmed
        for (prefix, make) in [("attr:", ImportField.dealAttribute), ("account_attr:", ImportField.accountAttribute)]
        where trimmed.lowercased().hasPrefix(prefix) {
            let key = trimmed.dropFirst(prefix.count).trimmed
            guard !key.isEmpty else { return nil }
            self = make(key)
            return
        }
        let key = trimmed.lowercased()
        guard let field = ImportField.named.first(where: { $0.0 == key })?.1 ?? ImportField.synonyms[key] else {
            return nil
        }
        self = field
    }

    package var name: String {
        switch self {
        case .dealAttribute(let key): "attr:\(key)"
        case .accountAttribute(let key): "account_attr:\(key)"
        default: ImportField.named.first(where: { $0.1 == self })?.0 ?? "ignore"
        }
    }

    public var description: String { name }

    /// A dense number for each fixed field (nil for attributes and `ignore`), so that reading a row looks its
    /// columns up in an array instead of hashing the field thirty times a row.
    var ordinal: Int? {
        switch self {
        case .externalID: 0
        case .name: 1
        case .account: 2
        case .accountExternalID: 3
        case .industry: 4
        case .region: 5
        case .size: 6
        case .rep: 7
        case .repEmail: 8
        case .amount: 9
        case .currency: 10
        case .created: 11
        case .decided: 12
        case .stage: 13
        case .outcome: 14
        case .reason: 15
        case .lossReason: 16
        case .winReason: 17
        case .competitorWon: 18
        case .competitor: 19
        case .competitors: 20
        case .product: 21
        case .contact: 22
        case .contactFirstName: 23
        case .contactLastName: 24
        case .contactTitle: 25
        case .contactEmail: 26
        case .contactPhone: 27
        case .dealAttribute, .accountAttribute, .ignore: nil
        }
    }

    /// Every name `--map` accepts, for help and error messages.
    public static var allNames: String {
        (named.map(\.0) + ["attr:KEY", "account_attr:KEY"]).joined(separator: ", ")
    }
}

/// The kinds of CSV file `winloss deal import` reads.
public enum CRMFormat: String, Sendable, CaseIterable, Codable {
    /// A Salesforce opportunity report exported as CSV.
    case salesforce
    /// A HubSpot deals export.
    case hubspot
    /// winloss's own columns, as `winloss deal list --format csv` writes them.
    case winloss
    /// Any other CSV, read through `--map` options.
    case mapped

    var label: String {
        switch self {
        case .salesforce: "Salesforce opportunity report"
        case .hubspot: "HubSpot deals export"
        case .winloss: "winloss deal file"
        case .mapped: "CSV file"
        }
    }

    var source: DealSource {
        switch self {
        case .salesforce: .salesforce
        case .hubspot: .hubspot
        case .winloss: .winloss
        case .mapped: .csv
        }
    }

    /// Recognises an export from its header row.
    static func detect(header: [String]) -> CRMFormat {
        let keys = Set(header.map(TextKey.squashed))
        if keys.contains("opportunityname") { return .salesforce }
        if keys.contains("dealname"), keys.contains("dealstage") || keys.contains("recordid") { return .hubspot }
        if keys.contains("externalid"), keys.contains("decided") { return .winloss }
        return .mapped
    }

    /// The column names each export uses for each field, most specific first. Matching ignores letter case,
    /// spaces and punctuation (`Opportunity ID` matches `Opportunity_Id`).
    var columnNames: [(ImportField, [String])] {
        switch self {
        case .salesforce:
            [
                (.externalID, ["Opportunity ID", "Opportunity ID (18)", "Opportunity 18 Digit ID", "Opp ID"]),
                (.name, ["Opportunity Name"]),
                (.account, ["Account Name", "Account"]),
                (.accountExternalID, ["Account ID"]),
                (.industry, ["Industry", "Account: Industry"]),
                (.region, ["Region", "Account: Region", "Billing Country", "Account: Billing Country"]),
                (.size, ["Size Band", "Segment", "Employees", "Account: Employees", "Number of Employees"]),
                (.rep, ["Opportunity Owner", "Owner", "Owner Name", "Opportunity Owner: Full Name"]),
                (.repEmail, ["Opportunity Owner: Email", "Owner Email", "Opportunity Owner Email"]),
                (.amount, ["Amount", "Amount (converted)"]),
                (.currency, ["Opportunity Currency", "Amount Currency", "Currency"]),
                (.created, ["Created Date", "Create Date"]),
                (.decided, ["Close Date"]),
                (.stage, ["Stage", "Stage Name"]),
                (.lossReason, ["Loss Reason", "Closed Lost Reason", "Reason Lost", "Lost Reason"]),
                (.winReason, ["Win Reason", "Closed Won Reason"]),
                (.reason, ["Win/Loss Reason", "Win Loss Reason", "Reason"]),
                (.competitorWon, ["Lost To", "Competitor Won", "Winning Competitor", "Won By"]),
                (.competitor, ["Competitor", "Primary Competitor", "Competitor Name"]),
                (.competitors, ["Main Competitor(s)", "Main Competitors", "Competitors"]),
                (.product, ["Product Line", "Product Family", "Product", "Product Name"]),
                (.contact, ["Contact Name", "Contact: Full Name", "Primary Contact", "Contact"]),
                (.contactFirstName, ["First Name", "Contact: First Name"]),
                (.contactLastName, ["Last Name", "Contact: Last Name"]),
                (.contactTitle, ["Title", "Contact: Title", "Contact Title"]),
                (.contactEmail, ["Email", "Contact: Email", "Contact Email"]),
                (.contactPhone, ["Phone", "Contact: Phone", "Contact Phone"]),
                (.dealAttribute("type"), ["Type", "Opportunity Type"]),
                (.dealAttribute("lead_source"), ["Lead Source"]),
            ]
        case .hubspot:
            [
                (.externalID, ["Record ID", "Deal ID"]),
                (.name, ["Deal Name"]),
                (.account, ["Associated Company (Primary)", "Associated Company", "Company Name", "Company"]),
                (.accountExternalID, ["Associated Company ID (Primary)", "Associated Company IDs", "Company ID"]),
                (.industry, ["Industry"]),
                (.region, ["Region", "Country/Region", "Country"]),
                (.size, ["Size Band", "Company size", "Number of Employees", "Employees"]),
                (.rep, ["Deal owner", "Deal Owner", "HubSpot Owner", "Owner"]),
                (.repEmail, ["Deal owner email", "Owner Email"]),
                (.amount, ["Amount", "Amount in company currency"]),
                (.currency, ["Currency", "Deal currency code"]),
                (.created, ["Create Date", "Created Date"]),
                (.decided, ["Close Date"]),
                (.stage, ["Deal Stage"]),
                (.lossReason, ["Closed Lost Reason"]),
                (.winReason, ["Closed Won Reason"]),
                (.competitorWon, ["Lost To", "Competitor Won", "Winning Competitor"]),
                (.competitor, ["Competitor"]),
                (.competitors, ["Competitors"]),
                (.product, ["Product Line", "Product"]),
                (.contact, ["Associated Contact", "Contact Name", "Contact"]),
                (.contactTitle, ["Job Title", "Contact Title"]),
                (.contactEmail, ["Contact Email", "Email"]),
                (.contactPhone, ["Contact Phone", "Phone Number", "Phone"]),
                (.dealAttribute("type"), ["Deal Type"]),
                (.dealAttribute("pipeline"), ["Pipeline"]),
            ]
        case .winloss, .mapped:
            ImportField.named.filter { $0.1 != .ignore }.map { ($0.1, [$0.0]) }
        }
    }
}
