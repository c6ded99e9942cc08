import Foundation

@testable import WinLossKit

/// A hand-made programme whose every figure can be worked out on paper: 15 wins, 15 losses and 10
/// no-decisions, most interviewed and coded with four themes in known numbers.
///
/// Interview `i` of each outcome (counting from 0):
/// - win (12 coded): price if i < 2 (as price_level if i < 1), fit if i < 8, timing if i >= 8;
/// - loss (12 coded, and a 13th completed but not coded): price if i < 9 (price_level if i < 6), fit if i < 3,
///   timing if i >= 9;
/// - no decision (10 coded): price if i < 3 or i == 7, fit if i < 1 or i >= 8, timing if i < 7.
///
/// So every coded interview has a theme, top-level mentions are price 2/9/4, fit 8/3/3, timing 4/3/7
/// (win/loss/no decision), and price_level 1/6/0. Deals with an even `i` are in Retail and decided in 2026Q1; odd ones in Software, 2026Q2. Consent
/// cycles named, anonymous, none. Two more wins and two more losses have no interview.
struct ReportFixture {
    let store: WinLossStore
    let catalog: TemplateCatalog

    static let coded: [Outcome: Int] = [.win: 12, .loss: 12, .noDecision: 10]

    static func themes(_ outcome: Outcome, _ i: Int) -> [String] {
        var themes: [String] = []
        switch outcome {
        case .win:
            if i < 2 { themes.append(i < 1 ? "price_level" : "price") }
            if i < 8 { themes.append("fit") }
            if i >= 8 { themes.append("timing") }
        case .loss:
            if i < 9 { themes.append(i < 6 ? "price_level" : "price") }
            if i < 3 { themes.append("fit") }
            if i >= 9 { themes.append("timing") }
        case .noDecision:
            if i < 3 || i == 7 { themes.append("price") }
            if i < 1 || i >= 8 { themes.append("fit") }
            if i < 7 { themes.append("timing") }
        }
        return themes
    }

    static func consent(_ i: Int) -> QuotePermission { [.named, .anonymous, .none][i % 3] }
    static func industry(_ i: Int) -> String { i % 2 == 0 ? "Retail" : "Software" }
    static func decided(_ i: Int) -> CalendarDate { CalendarDate(iso: i % 2 == 0 ? "2026-02-15" : "2026-05-15")! }

    /// Gap answers of some losses: yearly values USD 100k, 250k and 40k a month, over 3, 2 and 2.5 years; costs
    /// of inaction USD 10k a quarter and 30k a year; a vendor preferred before us in three of four, with a head
    /// start of 6, 2 and 4 months.
    static let gapAnswers: [Int: String] = [
        0: """
        gap_value: USD 100k per year
          ownership_years: 3
          inaction_cost: USD 10k per quarter
          preferred_vendor: yes
          first_contact_with_winner: 6
        """,
        1: """
        gap_value: USD 250k per year
          ownership_years: 2
          inaction_cost: USD 30k per year
          preferred_vendor: yes
          first_contact_with_winner: 2
        """,
        2: """
        gap_value: USD 40k per month
          ownership_years: 2.5
          preferred_vendor: yes
          first_contact_with_winner: 4
        """,
        3: "preferred_vendor: no",
    ]

    /// "Now" for the programme: noon on 2026-11-30 in UTC. Every interview took place that day.
    static let now = Date(timeIntervalSince1970: 1_796_040_000)
    static let today = CalendarDate(uncheckedYear: 2026, month: 11, day: 30)
    static let utc = TimeZone(identifier: "UTC") ?? .current

    /// The programme in a file at `path`, with its own codebook only.
    @discardableResult
    static func file(at path: String) throws -> ReportFixture {
        try ReportFixture(
            store: try WinLossStore.open(
                path: path, codebook: { Codebook(version: "test", themes: []) }, clock: .fixed(now)))
    }

    init(store: WinLossStore? = nil) throws {
        // A codebook of its own: the four themes below, and no built-in ones.
        let store =
            try store
            ?? WinLossStore.inMemory(codebook: { Codebook(version: "test", themes: []) }, clock: .fixed(Self.now))
        self.store = store
        catalog = try TemplateCatalog.load(userDirectory: nil)
        try store.addPerson(name: "Ana Lima", email: "ana@example.com", role: .rep, assumedCycleDays: 90)
        try store.addPerson(name: "Ben Carter", email: "ben@example.com", role: .rep)
        try store.addPerson(name: "Dana Reyes", email: "dana@example.com", role: .marketing)
        try store.addTheme(id: "price", label: "Price")
        try store.addTheme(id: "price_level", label: "Price level", parent: "price")
        try store.addTheme(id: "fit", label: "Product fit")
        try store.addTheme(id: "timing", label: "Timing")
        for outcome in Outcome.allCases {
            let interviewed = outcome == .loss ? 13 : Self.coded[outcome]!
            let extra = outcome == .noDecision ? 0 : 2
            for i in 0..<(interviewed + extra) {
                let id = "\(outcome.rawValue)-\(i)"
                var deal = NewDeal(
                    externalID: id, name: "Deal \(id)", account: "Account \(id)",
                    rep: i % 2 == 0 ? "ana@example.com" : "ben@example.com", decidedOn: Self.decided(i),
                    outcome: outcome)
                deal.accountFields.industry = Self.industry(i)
                deal.accountFields.region = "EMEA"
                // Cycles of 100 + 10·i days.
                deal.createdOn = Self.decided(i).adding(days: -(100 + 10 * i))
                try store.addDeal(deal)
                guard i < interviewed else { continue }
                try store.addContact(
                    account: "Account \(id)", name: "Buyer \(id)", title: "CFO", email: "buyer-\(id)@example.com",
                    phone: nil)
                try interview(deal: id, outcome: outcome, i: i, code: i < Self.coded[outcome]!)
            }
        }
    }

    private func interview(deal: String, outcome: Outcome, i: Int, code: Bool) throws {
        let template = catalog.template(for: outcome)!
        let detail = try store.scheduleInterview(
            InterviewRequest(
                dealExternalID: deal, contact: "buyer-\(deal)@example.com", interviewer: "dana@example.com",
                template: template))
        let required: String
        switch outcome {
        case .win: required = "tipping_point: They understood our process."
        case .loss: required = "winner_reason: The winner understood our process."
        case .noDecision: required = "no_decision_reason: Other priorities came first."
        }
        let text = """
            consent: {quote: \(Self.consent(i).rawValue), recording: false}
            answers:
              current_state: "Buyer \(deal) says: we still reconcile every invoice by hand, which takes days."
              decision_process: A committee of four.
              \(required)
              uncovered: Interviewer's own view of \(deal).
              \(outcome == .loss ? Self.gapAnswers[i] ?? "" : "")
            """
        let file = try AnswersFile.parse(text, file: "\(deal).yaml", template: template.template, outcome: outcome)
            .get()
        try store.recordInterview(detail.id, file, timeZone: Self.utc)
        guard code else { return }
        let themes = Self.themes(outcome, i)
        try store.codeAnswer(
            detail.id, questionID: "current_state",
            codes: themes.enumerated().map { index, theme in
                ThemeCode(themeID: theme, sentiment: outcome == .win ? .positive : .negative, isPrimary: index == 0)
            })
        // The interviewer's assessment is coded too, and must never be quoted as the buyer's words.
        if let first = themes.first {
            try store.codeAnswer(
                detail.id, questionID: "uncovered",
                codes: [ThemeCode(themeID: first, sentiment: .neutral, isPrimary: true)])
        }
    }
}
