import Foundation
import GRDB
import WinLossKit

/// What ``BulkProgramme/generate(into:progress:)`` wrote.
public struct BulkSummary: Sendable, Equatable, Codable {
    public var deals = 0
    public var accounts = 0
    public var contacts = 0
    public var people = 0
    public var interviews = 0
    public var answers = 0
    public var codes = 0
    public var notes = 0

    public init() {}
}

/// A whole win-loss programme at scale, deterministic for a seed: decided deals with their accounts, buyers, reps
/// and competitors, and for each deal one completed interview from the built-in template for its outcome, with
/// answers of every kind and themes coded on them. For benchmarks and for trying reports on realistic volumes.
///
/// The data has a shape worth reporting on: outcomes vary by industry, region, size, rep and quarter, and improve
/// over the two years; losses talk of price, missing capabilities and competitors, no-decisions of the status quo,
/// budgets and timing, wins of ease of use and trust; reps believe their sales cycle is shorter than it is; buyers
/// who lost to a competitor often favoured it before we were engaged.
///
/// Every deal and interview draws from a random generator of its own (``SampleRandom/forItem(_:seed:stream:)``),
/// and every stored timestamp is derived from ``anchor``, so the same deals, seed and anchor give byte-identical
/// rows. (The built-in codebook's themes are stamped by the store when it starts the programme, with its
/// ``WinLossStore/clock``.)
public struct BulkProgramme: Sendable {
    public let deals: Int
    public let seed: UInt64
    /// The last day of the history: "today" for the sample. Every interview took place before it.
    public let anchor: CalendarDate

    public init(deals: Int, seed: UInt64, anchor: CalendarDate = SampleProgramme.defaultAnchor) {
        self.deals = deals
        self.seed = seed
        self.anchor = anchor
    }

    /// How often `progress` is called, in deals.
    public static let progressInterval = 2_000

    /// Fills an empty database (one without deals) with the programme, in one transaction: all of it or nothing.
    /// `progress` receives the number of deals written so far, every ``progressInterval`` deals and at the end.
    ///
    /// The codebook is brought in step with the built-in one first (as `winloss codebook show` does), so that
    /// codes can refer to its themes.
    @discardableResult
    public func generate(into store: WinLossStore, progress: ((Int) -> Void)? = nil) throws -> BulkSummary {
        guard deals >= 1 else { throw RequestError.invalid(field: "deals", message: "generate at least one deal") }
        try store.read { db in try refuseNonEmpty(db, path: store.path) }
        let catalog = try TemplateCatalog.load(userDirectory: nil)
        guard let codebook = catalog.codebook else {
            throw RequestError.notFound(
                kind: "codebook", key: "built-in", hint: .advice("the built-in codebook does not read"))
        }
        var templates: [Outcome: LoadedTemplate] = [:]
        for outcome in Outcome.allCases {
            guard let template = catalog.template(for: outcome) else {
                throw RequestError.notFound(
                    kind: "template for", key: outcome.label, hint: .advice("the built-in templates do not cover it"))
            }
            templates[outcome] = template
        }
        // Stamped with the anchor, like every other row, so that the same seed gives the same file.
        let stamp =
            Calendar(identifier: .gregorian).date(
                from: DateComponents(
                    timeZone: TimeZone(identifier: "UTC"), year: anchor.year, month: anchor.month, day: anchor.day))
            ?? Date(timeIntervalSince1970: 0)
        try store.syncCodebook(codebook.codebook, now: stamp)

        return try store.writeWithoutTransaction { db in
            // A larger page cache while the one transaction runs, so that SQLite spills fewer pages before the
            // commit; put back afterwards.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            var summary = BulkSummary()
            try db.inTransaction(.immediate) {
                // Again inside the transaction: another process may have written deals since the check above.
                try refuseNonEmpty(db, path: store.path)
                summary = try write(in: db, templates: templates, stamp: stamp, progress: progress)
                return .commit
            }
            return summary
        }
    }

    private func refuseNonEmpty(_ db: Database, path: String?) throws {
        let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM deal") ?? 0
        guard existing == 0 else {
            throw RequestError.invalid(
                field: "database",
                message:
                    "\(path ?? "the database") already holds \(existing.counted("deal")); generate a programme only into a new database (choose another --db)"
            )
        }
    }

    private func write(
        in db: Database, templates: [Outcome: LoadedTemplate], stamp: Date, progress: ((Int) -> Void)?
    ) throws -> BulkSummary {
        var writer = try BulkWriter(db: db, anchor: anchor)
        let staff = self.staff()
        var personIDs: [Int64] = []
        for member in staff.all {
            personIDs.append(try writer.person(member))
        }
        let repIDs = Array(personIDs[staff.repRange])
        let interviewerIDs = Array(personIDs[staff.interviewerRange])

        let liveThemes = try String.fetchSet(db, sql: "SELECT id FROM theme WHERE mergedInto IS NULL")
        var plans: [Outcome: InterviewTemplatePlan] = [:]
        for outcome in Outcome.allCases {
            guard let loaded = templates[outcome] else { continue }
            let version = try WinLossStore.storeTemplateVersion(loaded, in: db, now: stamp)
            plans[outcome] = InterviewTemplatePlan(
                template: loaded.template, outcome: outcome, versionID: version.id, themes: liveThemes)
        }
        let themeSet = BulkThemeSet(live: liveThemes)

        let accountCount = max(1, deals / 3)
        var accountIDs = [Int64](repeating: 0, count: accountCount)
        var contactIDs = [[Int64]](repeating: [], count: accountCount)
        for index in 0..<deals {
            let deal = self.deal(index, accountCount: accountCount, staff: staff)
            if accountIDs[deal.accountIndex] == 0 {
                let account = self.account(deal.accountIndex, profile: deal.profile)
                accountIDs[deal.accountIndex] = try writer.account(account)
                contactIDs[deal.accountIndex] = try account.contacts.map {
                    try writer.contact($0, accountID: accountIDs[deal.accountIndex])
                }
            }
            let contacts = deal.contactPicks.map { contactIDs[deal.accountIndex][$0] }
            let dealID = try writer.deal(
                deal, accountID: accountIDs[deal.accountIndex], repID: repIDs[deal.repIndex], contactIDs: contacts)
            guard let plan = plans[deal.outcome] else { continue }
            var maker = BulkInterviewMaker(programme: self, deal: deal, plan: plan, themes: themeSet)
            try writer.interview(
                maker.make(), deal: deal, plan: plan, dealID: dealID, contactID: contacts[0],
                interviewerID: interviewerIDs[deal.interviewerIndex])
            if (index + 1) % Self.progressInterval == 0 { progress?(index + 1) }
        }
        try WinLossStore.refreshInterviewThemes(in: db, interviewID: nil)
        try db.execute(sql: "ANALYZE")
        if deals % Self.progressInterval != 0 { progress?(deals) }
        var summary = writer.summary
        summary.people = staff.all.count
        return summary
    }

    // MARK: - Streams

    /// The random streams, one per kind of item, so that adding draws to one kind never changes another.
    enum Stream {
        static let deal: UInt64 = 101
        static let accountProfile: UInt64 = 102
        static let account: UInt64 = 103
        static let interview: UInt64 = 104
        static let staff: UInt64 = 105
    }

    // MARK: - The team

    struct StaffMember {
        var name: String
        var email: String
        var role: PersonRole
        /// How long a rep says their sales cycle is.
        var assumedCycleDays: Int?
        /// A rep's territory (an index into SampleProgramme.regions).
        var region: Int
        /// How much better (or worse) than average a rep wins.
        var skill: Double
    }

    struct Staff {
        var all: [StaffMember]
        var repRange: Range<Int>
        var interviewerRange: Range<Int>
        /// Reps by territory: indexes into the reps.
        var repsByRegion: [[Int]]
        var interviewerCount: Int { interviewerRange.count }
    }

    /// The sample's reps and programme team, with more reps and interviewers for a large programme (about one
    /// rep per 400 deals, one interviewer per 2,500), named from the sample's first and last names.
    func staff() -> Staff {
        let extraReps = max(0, min(200, deals / 400) - SampleProgramme.reps.count)
        let interviewers = SampleProgramme.programmeTeam.filter { $0.role == .marketing || $0.role == .customerSuccess }
        let extraInterviewers = max(0, min(40, deals / 2_500) - interviewers.count)
        var extraNames: [(String, String)] = []
        for k in 0..<(extraReps + extraInterviewers) {
            // Each (first, last) pair once: for a first name, the last names step through all sixteen.
            let first = SampleProgramme.firstNames[k % SampleProgramme.firstNames.count]
            let last =
                SampleProgramme.lastNames[(k / SampleProgramme.firstNames.count + k) % SampleProgramme.lastNames.count]
            extraNames.append((first, last))
        }
        func email(_ name: (String, String)) -> String {
            "\(Self.emailPart(name.0)).\(Self.emailPart(name.1))@example.com"
        }

        var reps: [StaffMember] = []
        let repNames =
            SampleProgramme.reps.map { ($0.name, $0.email) }
            + extraNames.prefix(extraReps).map {
                ("\($0.0) \($0.1)", email($0))
            }
        for (index, rep) in repNames.enumerated() {
            var random = SampleRandom.forItem(index, seed: seed, stream: Stream.staff)
            reps.append(
                StaffMember(
                    name: rep.0, email: rep.1, role: .rep, assumedCycleDays: random.int(in: 90...150),
                    region: index % SampleProgramme.regions.count, skill: Double(random.int(in: -6...6)) / 100))
        }
        var team: [StaffMember] = interviewers.map {
            StaffMember(name: $0.name, email: $0.email, role: $0.role, assumedCycleDays: nil, region: 0, skill: 0)
        }
        for (index, name) in extraNames.dropFirst(extraReps).enumerated() {
            team.append(
                StaffMember(
                    name: "\(name.0) \(name.1)", email: email(name),
                    role: index % 2 == 0 ? .customerSuccess : .marketing,
                    assumedCycleDays: nil, region: 0, skill: 0))
        }
        let others = SampleProgramme.programmeTeam.filter { $0.role != .marketing && $0.role != .customerSuccess }.map {
            StaffMember(name: $0.name, email: $0.email, role: $0.role, assumedCycleDays: nil, region: 0, skill: 0)
        }
        var byRegion = [[Int]](repeating: [], count: SampleProgramme.regions.count)
        for (index, rep) in reps.enumerated() { byRegion[rep.region].append(index) }
        return Staff(
            all: reps + team + others, repRange: 0..<reps.count,
            interviewerRange: reps.count..<(reps.count + team.count),
            repsByRegion: byRegion)
    }

    /// Letters of a name for an email address: `García` gives `garca`, as the sample's contacts do.
    static func emailPart(_ name: String) -> String {
        name.lowercased().filter { $0.isASCII && $0.isLetter }
    }

    // MARK: - Accounts

    /// What a deal needs to know of its account: cheap to make, no text.
    struct AccountProfile {
        var industry: Int
        var region: Int
        var employees: Int
        /// 0 to 7, the size bucket the employees were drawn from.
        var sizeIndex: Int
        var currency: Currency
        var contactCount: Int
    }

    struct BulkContact {
        var name: String
        var title: String
        var email: String
        var phone: String
    }

    struct BulkAccount {
        var externalID: String
        var name: String
        var industry: String
        var region: String
        var sizeBand: String
        var contacts: [BulkContact]
    }

    static let employeeBuckets = [25, 80, 150, 420, 900, 2_400, 7_000, 18_000]

    func accountProfile(_ index: Int) -> AccountProfile {
        var random = SampleRandom.forItem(index, seed: seed, stream: Stream.accountProfile)
        let industry = random.int(in: 0...(SampleProgramme.industries.count - 1))
        let region = random.int(in: 0...(SampleProgramme.regions.count - 1))
        let sizeIndex = random.int(in: 0...(Self.employeeBuckets.count - 1))
        let employees = Self.employeeBuckets[sizeIndex] + random.int(in: 0...20)
        let currency: Currency = SampleProgramme.regions[region] == "EMEA" && random.chance(0.65) ? .eur : .usd
        let contactCount = 1 + random.int(in: 0...(sizeIndex >= 5 ? 3 : 2))
        return AccountProfile(
            industry: industry, region: region, employees: employees, sizeIndex: sizeIndex, currency: currency,
            contactCount: contactCount)
    }

    func account(_ index: Int, profile: AccountProfile) -> BulkAccount {
        var random = SampleRandom.forItem(index, seed: seed, stream: Stream.account)
        let name = SampleProgramme.accountName(index)
        let domain = String(name.lowercased().filter { $0.isLetter && $0.isASCII }.prefix(18))
        var contacts: [BulkContact] = []
        // Distinct first names within an account, so that names and emails never repeat in it.
        let firstStart = random.int(in: 0...(SampleProgramme.firstNames.count - 1))
        for number in 0..<profile.contactCount {
            let first = SampleProgramme.firstNames[(firstStart + number * 5) % SampleProgramme.firstNames.count]
            let last = random.pick(SampleProgramme.lastNames)
            contacts.append(
                BulkContact(
                    name: "\(first) \(last)", title: random.pick(SampleProgramme.titles),
                    email: "\(Self.emailPart(first)).\(Self.emailPart(last))@\(domain).example",
                    phone: "+1 555 \(random.int(in: 100...999)) \(Self.padded(random.int(in: 0...9999), 4))"))
        }
        return BulkAccount(
            externalID: "001Dm" + Self.padded(index, 10), name: name,
            industry: SampleProgramme.industries[profile.industry], region: SampleProgramme.regions[profile.region],
            sizeBand: Account.sizeBand(employees: profile.employees), contacts: contacts)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: - Deals

    struct BulkDeal {
        var index: Int
        var accountIndex: Int
        var profile: AccountProfile
        var repIndex: Int
        var interviewerIndex: Int
        var outcome: Outcome
        var amount: Money
        var created: CalendarDate
        var decided: CalendarDate
        /// Days from the decision to the interview.
        var interviewLag: Int
        var product: String
        var reason: String
        var competitorWon: String?
        /// Every competitor in the deal, the winner of a loss first.
        var competitors: [String]
        /// Which of the account's contacts were buyers in the deal: the first is interviewed.
        var contactPicks: [Int]
        var leadSource: String
        var type: String

        var industry: String { SampleProgramme.industries[profile.industry] }
        var region: String { SampleProgramme.regions[profile.region] }
    }

    /// Win and no-decision rates move with the segment: software buyers decide and buy more, the public sector
    /// and education stall more.
    static let industryShift: [String: (win: Double, noDecision: Double)] = [
        "Manufacturing": (0, 0.02), "Financial Services": (0.03, 0), "Healthcare": (-0.03, 0.04),
        "Retail": (-0.05, 0), "Software": (0.08, -0.05), "Logistics": (0.02, -0.02), "Education": (-0.04, 0.08),
        "Public Sector": (-0.06, 0.10),
    ]
    static let regionWinShift: [String: Double] = [
        "North America": 0.03, "EMEA": 0, "APAC": -0.04, "LATAM": -0.02,
    ]
    static let leadSources = ["Web", "Partner", "Outbound", "Event", "Referral"]
    static let dealTypes = ["New Business", "Expansion", "Renewal"]

    func deal(_ index: Int, accountCount: Int, staff: Staff) -> BulkDeal {
        var random = SampleRandom.forItem(index, seed: seed, stream: Stream.deal)
        let accountIndex = Int(random.next() % UInt64(accountCount))
        let profile = accountProfile(accountIndex)
        let regionReps = staff.repsByRegion[profile.region]
        let repIndex = regionReps.isEmpty ? 0 : random.pick(regionReps)
        let interviewerIndex = random.int(in: 0...(staff.interviewerCount - 1))

        // Decided over about two years, every interview 3 to 45 days later and before the anchor; a quarter of
        // deals close in the last days of their quarter.
        let lag = random.int(in: 3...45)
        let latest = anchor.adding(days: -lag)
        var decided = latest.adding(days: -random.int(in: 0...689))
        if random.chance(0.25) {
            let quarterEndMonth = decided.quarter * 3
            let quarterEnd = CalendarDate(
                uncheckedYear: decided.year, month: quarterEndMonth,
                day: CalendarDate.daysIn(month: quarterEndMonth, year: decided.year))
            let pushed = quarterEnd.adding(days: -random.int(in: 0...9))
            if pushed <= latest { decided = pushed }
        }

        let industry = SampleProgramme.industries[profile.industry]
        let region = SampleProgramme.regions[profile.region]
        let shift = Self.industryShift[industry] ?? (0, 0)
        // The programme works: the win rate climbs by about six points over the two years.
        let age = Double(decided.days(until: anchor)) / 730
        let trend = 0.06 * (0.5 - min(1, max(0, age)))
        let rep = staff.all[staff.repRange.lowerBound + repIndex]
        var winRate = 0.25 + shift.win + (Self.regionWinShift[region] ?? 0) + trend + rep.skill
        var noDecisionRate = 0.215 + shift.noDecision
        if profile.sizeIndex <= 1 { winRate += 0.04 }
        if profile.sizeIndex >= 6 { noDecisionRate += 0.05 }
        // Budgets freeze in the first quarter and are spent before the year ends.
        switch decided.quarter {
        case 1: noDecisionRate += 0.06
        case 4: noDecisionRate -= 0.05
        default: break
        }
        winRate = min(0.6, max(0.08, winRate))
        noDecisionRate = min(0.5, max(0.08, noDecisionRate))
        let roll = Double(random.next() >> 11) / Double(1 << 53)
        let outcome: Outcome = roll < winRate ? .win : roll < winRate + noDecisionRate ? .noDecision : .loss

        // Cycles grow with the account, stall longest in no-decisions, and are longer in the public sector.
        var cycle = Double(80 + profile.sizeIndex * 20)
        switch outcome {
        case .win: cycle *= 0.9
        case .loss: break
        case .noDecision: cycle *= 1.3
        }
        switch industry {
        case "Public Sector": cycle += 35
        case "Education": cycle += 20
        case "Healthcare": cycle += 15
        default: break
        }
        cycle *= Double(random.int(in: 75...130)) / 100
        let created = decided.adding(days: -min(300, max(60, Int(cycle))))

        let base = 5_000 + profile.employees * random.int(in: 8...40)
        let major = min(500_000, base) / 100 * 100
        let amount = Money(
            minorUnits: Int64(major) * powerOfTen(profile.currency.minorUnitDigits), currency: profile.currency)
        let product = random.pick(SampleProgramme.products)

        var competitors: [String] = []
        var competitorWon: String?
        let reason: String
        func addCompetitors(_ count: Int) {
            for _ in 0..<count {
                let name = random.pick(SampleProgramme.competitors)
                if !competitors.contains(name) { competitors.append(name) }
            }
        }
        switch outcome {
        case .win:
            reason = random.pick(SampleProgramme.winReasons)
            if random.chance(0.6) { addCompetitors(random.int(in: 1...2)) }
        case .loss:
            reason = random.pick(SampleProgramme.lossReasons)
            let winner = random.pick(SampleProgramme.competitors)
            competitorWon = winner
            competitors.append(winner)
            addCompetitors(random.int(in: 0...2))
        case .noDecision:
            reason = random.pick(SampleProgramme.noDecisionReasons)
            if random.chance(0.3) { addCompetitors(1) }
        }
        var contactPicks = [0]
        if profile.contactCount > 1, random.chance(0.4) {
            contactPicks.append(random.int(in: 1...(profile.contactCount - 1)))
        }
        // The buyer interviewed is sometimes the second one named.
        if contactPicks.count == 2, random.chance(0.3) { contactPicks.swapAt(0, 1) }
        return BulkDeal(
            index: index, accountIndex: accountIndex, profile: profile, repIndex: repIndex,
            interviewerIndex: interviewerIndex, outcome: outcome, amount: amount, created: created, decided: decided,
            interviewLag: lag, product: product, reason: reason, competitorWon: competitorWon, competitors: competitors,
            contactPicks: contactPicks, leadSource: random.pick(Self.leadSources), type: random.pick(Self.dealTypes))
    }
}
