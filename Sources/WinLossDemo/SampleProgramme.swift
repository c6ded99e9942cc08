import Foundation
import WinLossKit

/// A deterministic, realistic sales history: accounts in several segments, reps, and decided and open deals,
/// written as the CSV exports Salesforce and HubSpot produce. `winloss demo` imports it, and the benchmark
/// uses it at scale.
public struct SampleProgramme: Sendable {
    public let deals: Int
    public let seed: UInt64
    /// The last day of the sample history: fixed, so that the same seed gives the same file whatever the date.
    public let anchor: CalendarDate

    /// 13 November 2026.
    public static let defaultAnchor = CalendarDate(uncheckedYear: 2026, month: 11, day: 13)

    public init(deals: Int, seed: UInt64, anchor: CalendarDate = SampleProgramme.defaultAnchor) {
        self.deals = deals
        self.seed = seed
        self.anchor = anchor
    }

    /// The sales team, to add before importing so that deal owners are matched to people with emails.
    public static let reps: [(name: String, email: String)] = [
        ("Ana Lima", "ana.lima@example.com"), ("Ben Carter", "ben.carter@example.com"),
        ("Chloé Martin", "chloe.martin@example.com"), ("Dev Patel", "dev.patel@example.com"),
        ("Erin O'Neill", "erin.oneill@example.com"), ("Farid Haddad", "farid.haddad@example.com"),
        ("Grace Kim", "grace.kim@example.com"), ("Hugo Berg", "hugo.berg@example.com"),
        ("Ines Duarte", "ines.duarte@example.com"), ("Jonas Weber", "jonas.weber@example.com"),
        ("Keiko Tanaka", "keiko.tanaka@example.com"), ("Liam Walsh", "liam.walsh@example.com"),
    ]

    /// The people who interview buyers and review themes: never the deals' reps.
    public static let programmeTeam: [(name: String, email: String, role: PersonRole)] = [
        ("Dana Reyes", "dana.reyes@example.com", .marketing),
        ("Marco Rossi", "marco.rossi@example.com", .marketing),
        ("Priya Nair", "priya.nair@example.com", .customerSuccess),
        ("Tom Lindqvist", "tom.lindqvist@example.com", .manager),
    ]

    // MARK: - One deal

    /// A generated deal, before it is written in some export's columns.
    public struct SampleDeal: Sendable {
        public var index: Int
        public var accountIndex: Int
        public var account: String
        public var industry: String
        public var region: String
        public var employees: Int
        public var rep: (name: String, email: String)
        public var name: String
        public var amount: Money
        public var created: CalendarDate
        public var decided: CalendarDate
        /// nil while the deal is open.
        public var outcome: Outcome?
        public var openStage: String
        public var reason: String?
        public var competitor: String?
        public var product: String
        public var contact: (name: String, title: String, email: String, phone: String)
        public var leadSource: String
        public var type: String
    }

    static let industries = [
        "Manufacturing", "Financial Services", "Healthcare", "Retail", "Software", "Logistics", "Education",
        "Public Sector",
    ]
    static let regions = ["North America", "EMEA", "APAC", "LATAM"]
    static let prefixes = [
        "Northwind", "Blue Harbor", "Cedar", "Summit", "Ironbridge", "Silverline", "Redwood", "Granite", "Brightwater",
        "Oakridge", "Lakeshore", "Pinecrest", "Starling", "Harborview", "Maple", "Falcon", "Riverbend", "Copperfield",
        "Westgate", "Evergreen", "Highland", "Bluebird", "Stonegate", "Clearwater", "Meridian", "Aurora", "Beacon",
        "Crescent", "Driftwood", "Elmstead", "Foxglove", "Goldcrest", "Hawthorn", "Ivybridge", "Juniper", "Kingsway",
        "Larkspur", "Moorfield", "Nettlebed", "Orchard",
    ]
    static let nouns = [
        "Logistics", "Foods", "Health", "Bank", "Retail", "Systems", "Freight", "Clinics", "Insurance", "Labs",
        "Outfitters", "Energy", "Media", "Academy", "Motors", "Pharma", "Textiles", "Robotics", "Analytics", "Capital",
    ]
    static let suffixes = ["", " Inc.", " Ltd", " GmbH", " Group", " & Co.", " SA", " Holdings"]
    static let firstNames = [
        "Sam", "Alex", "Maria", "Jordan", "Noor", "Kenji", "Lena", "Omar", "Priya", "Tariq", "Zoe", "Mateo", "Hana",
        "Ivan", "Amara", "Lucas",
    ]
    static let lastNames = [
        "Okafor", "Schmidt", "Nguyen", "García", "Johansson", "Rossi", "Kowalski", "Dubois", "Ito", "Mensah", "Silva",
        "Novak", "Murphy", "Haddad", "Larsen", "Costa",
    ]
    static let titles = [
        "VP Operations", "Head of Finance", "CIO", "Director of IT", "COO", "Procurement Manager", "Head of Sales Ops",
        "CFO",
    ]
    static let competitors = ["Stratos", "Corvid Systems", "Helix Analytics", "Brightline", "In-house build"]
    static let lossReasons = [
        "Price", "Missing capability", "Chose competitor", "Implementation risk", "Integration gaps", "Security review",
    ]
    static let noDecisionReasons = [
        "No Decision - status quo", "No decision: budget frozen", "No Decision - kept spreadsheets",
    ]
    static let winReasons = ["Product fit", "Implementation plan", "Relationship", "Price", "References"]
    static let openStages = ["Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review"]
    static let products = ["Core Platform", "Analytics", "Integrations"]

    public func deal(_ index: Int) -> SampleDeal {
        var random = SampleRandom.forItem(index, seed: seed, stream: 1)
        let accountCount = max(1, deals / 3)
        let accountIndex = Int(random.next() % UInt64(accountCount))
        var accountRandom = SampleRandom.forItem(accountIndex, seed: seed, stream: 2)
        let account = SampleProgramme.accountName(accountIndex)
        let industry = accountRandom.pick(SampleProgramme.industries)
        let region = accountRandom.pick(SampleProgramme.regions)
        let employees =
            [25, 80, 150, 420, 900, 2_400, 7_000, 18_000][accountRandom.int(in: 0...7)] + accountRandom.int(in: 0...20)
        let currency: Currency = region == "EMEA" ? (accountRandom.chance(0.4) ? .gbp : .eur) : .usd

        let rep = random.pick(SampleProgramme.reps)
        let created = anchor.adding(days: -random.int(in: 60...760))
        let cycle = random.int(in: 25...330)
        let decided = min(created.adding(days: cycle), anchor.adding(days: -1))
        // Amounts from 5,000 to 500,000, larger for larger accounts, in hundreds.
        let base = 5_000 + employees * random.int(in: 8...40)
        let major = min(500_000, base) / 100 * 100
        let amount = Money(minorUnits: Int64(major) * powerOfTen(currency.minorUnitDigits), currency: currency)

        var outcome: Outcome?
        var reason: String?
        var competitor: String?
        let roll = random.int(in: 0...99)
        switch roll {
        case 0..<12: outcome = nil
        case 12..<40:
            outcome = .win
            reason = random.pick(SampleProgramme.winReasons)
            competitor = random.chance(0.6) ? random.pick(SampleProgramme.competitors) : nil
        case 40..<76:
            outcome = .loss
            reason = random.pick(SampleProgramme.lossReasons)
            competitor = random.pick(SampleProgramme.competitors)
        default:
            outcome = .noDecision
            reason = random.pick(SampleProgramme.noDecisionReasons)
        }
        let first = random.pick(SampleProgramme.firstNames)
        let last = random.pick(SampleProgramme.lastNames)
        let domain = account.lowercased().filter { $0.isLetter && $0.isASCII }.prefix(18)
        let contact = (
            name: "\(first) \(last)", title: random.pick(SampleProgramme.titles),
            email: "\(first.lowercased()).\(last.lowercased().filter { $0.isASCII && $0.isLetter })@\(domain).example",
            phone:
                "+1 555 \(String(format: "%03d", random.int(in: 100...999))) \(String(format: "%04d", random.int(in: 0...9999)))"
        )
        let product = random.pick(SampleProgramme.products)
        return SampleDeal(
            index: index, accountIndex: accountIndex, account: account, industry: industry, region: region,
            employees: employees, rep: rep, name: "\(account) — \(product) \(decided.year)", amount: amount,
            created: created, decided: decided, outcome: outcome, openStage: random.pick(SampleProgramme.openStages),
            reason: reason, competitor: competitor, product: product, contact: contact,
            leadSource: random.pick(["Web", "Partner", "Outbound", "Event", "Referral"]),
            type: random.pick(["New Business", "Expansion", "Renewal"]))
    }

    static func accountName(_ index: Int) -> String {
        let p = prefixes.count, n = nouns.count, s = suffixes.count
        // Within each block of p × n accounts, every (prefix, noun) pair appears once, mixed so that neighbours differ.
        let name =
            prefixes[index % p] + " " + nouns[(index / p + 7 * (index % p)) % n] + suffixes[(index / (p * n)) % s]
        let round = index / (p * n * s)
        return round == 0 ? name : "\(name) \(round + 1)"
    }

    // MARK: - Exports

    /// The header of a Salesforce opportunity report exported as CSV.
    public static let salesforceHeader = [
        "Opportunity ID", "Opportunity Name", "Account Name", "Industry", "Billing Country", "Employees",
        "Opportunity Owner", "Amount", "Opportunity Currency", "Created Date", "Close Date", "Stage", "Loss Reason",
        "Competitor", "Product Family", "Contact Name", "Title", "Email", "Phone", "Lead Source", "Type",
    ]

    public func salesforceRow(_ deal: SampleDeal) -> [String] {
        func us(_ date: CalendarDate) -> String { "\(date.month)/\(date.day)/\(date.year)" }
        let stage: String
        switch deal.outcome {
        case .win?: stage = "Closed Won"
        case .loss?, .noDecision?: stage = "Closed Lost"
        case nil: stage = deal.openStage
        }
        return [
            SampleProgramme.salesforceID(deal.index), deal.name, deal.account, deal.industry, deal.region,
            String(deal.employees), deal.rep.name, deal.amount.decimalText, deal.amount.currency.code, us(deal.created),
            us(deal.decided), stage, deal.reason ?? "", deal.competitor ?? "", deal.product, deal.contact.name,
            deal.contact.title, deal.contact.email, deal.contact.phone, deal.leadSource, deal.type,
        ]
    }

    /// A Salesforce report's footer, which report exports add after the data.
    public static let salesforceFooter = [
        "", "\"Northwind Demo Org\"", "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"",
        "\"Confidential Information - Do Not Distribute\"", "\"Generated By:  Demo Admin  11/13/2026 9:00 AM\"",
    ]

    /// The header of a HubSpot deals export.
    public static let hubspotHeader = [
        "Record ID", "Deal Name", "Deal Stage", "Pipeline", "Close Date", "Create Date", "Deal owner", "Amount",
        "Currency", "Associated Company", "Industry", "Country/Region", "Company size", "Closed Lost Reason",
        "Closed Won Reason", "Competitor", "Associated Contact", "Deal Type",
    ]

    public func hubspotRow(_ deal: SampleDeal) -> [String] {
        let stage: String
        switch deal.outcome {
        case .win?: stage = "Closed won"
        case .loss?, .noDecision?: stage = "Closed lost"
        case nil:
            stage =
                ["Appointment scheduled", "Qualified to buy", "Presentation scheduled", "Contract sent"][deal.index % 4]
        }
        return [
            String(9_000_000_000 + deal.index), deal.name, stage, "Sales Pipeline", "\(deal.decided) 17:00",
            "\(deal.created) 09:30", deal.rep.name, deal.amount.decimalText, deal.amount.currency.code, deal.account,
            deal.industry, deal.region, String(deal.employees), deal.outcome == .win ? "" : deal.reason ?? "",
            deal.outcome == .win ? deal.reason ?? "" : "", deal.competitor ?? "",
            "\(deal.contact.name) (\(deal.contact.email))", deal.type,
        ]
    }

    public static func salesforceID(_ index: Int) -> String {
        let digits = String(index, radix: 36, uppercase: true)
        return "006Dm" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    public enum Export: String, Sendable, CaseIterable {
        case salesforce, hubspot
    }

    /// Writes deals `range` in an export's columns, as the CRM writes them (no spreadsheet guard), streaming, so that a million rows need little memory.
    public func writeCSV(
        _ export: Export, deals range: Range<Int>, footer: Bool = false, to write: (String) throws -> Void
    ) rethrows {
        var chunk = ""
        switch export {
        case .salesforce:
            chunk += CSVWriter.record(SampleProgramme.salesforceHeader)
            for index in range {
                chunk += CSVWriter.record(salesforceRow(deal(index)), guarded: false)
                if chunk.utf8.count > 1 << 16 { try write(chunk); chunk = "" }
            }
            if footer { chunk += SampleProgramme.salesforceFooter.joined(separator: "\r\n") + "\r\n" }
        case .hubspot:
            chunk += CSVWriter.record(SampleProgramme.hubspotHeader)
            for index in range {
                chunk += CSVWriter.record(hubspotRow(deal(index)), guarded: false)
                if chunk.utf8.count > 1 << 16 { try write(chunk); chunk = "" }
            }
        }
        try write(chunk)
    }
}
