import Foundation

@testable import WinLossKit

/// A programme at the start of 2026: last year's no-decisions, interviewed or not, a 2024 no-decision carried
/// over by a "not now" call, losses that would and would not look again, a win, and a no-decision of this year.
struct CallbackFixture {
    let store: WinLossStore
    let catalog: TemplateCatalog
    /// The day the rep pulls the list.
    let today = CalendarDate(iso: "2026-01-05")!
    /// A private note and a quote from a buyer who may not be quoted: neither may ever reach a rep.
    static let privateNote = "PRIVATE: their CFO is about to leave."
    static let unquotableWords = "UNQUOTABLE: our board froze every project."

    init(store: WinLossStore? = nil) throws {
        let store = try store ?? WinLossStore.inMemory()
        self.store = store
        catalog = try TemplateCatalog.load(userDirectory: nil)
        if let codebook = catalog.codebook { try store.syncCodebook(codebook.codebook) }
        try store.addPerson(name: "Ana Lima", email: "ana@example.com", role: .rep)
        try store.addPerson(name: "Ben Carter", email: "ben@example.com", role: .rep)
        try store.addPerson(name: "Dana Reyes", email: "dana@example.com", role: .marketing)
        let deals: [(String, String, String?, String, Outcome, String, Int64?)] = [
            ("N1", "Initech", "Software", "ana@example.com", .noDecision, "2025-03-10", 250_000),
            ("N2", "Globex", "Manufacturing", "ben@example.com", .noDecision, "2025-06-30", 80_000),
            ("N3", "Hooli", "Retail", "ana@example.com", .noDecision, "2025-09-15", 40_000),
            ("N6", "Vandelay", "Retail", "ben@example.com", .noDecision, "2025-09-15", 90_000),
            ("N4", "Umbrella", "Healthcare", "ben@example.com", .noDecision, "2024-05-01", 20_000),
            ("N5", "Soylent", "Food", "ana@example.com", .noDecision, "2026-01-02", 10_000),
            ("L1", "Acme", "Software", "ana@example.com", .loss, "2025-04-01", 120_000),
            ("L2", "Stark", "Software", "ben@example.com", .loss, "2025-05-01", 60_000),
            ("W1", "Wayne", "Software", "ana@example.com", .win, "2025-07-01", 70_000),
        ]
        for (id, account, industry, rep, outcome, decided, amount) in deals {
            var deal = NewDeal(
                externalID: id, name: "\(account) \(id)", account: account, rep: rep,
                decidedOn: CalendarDate(iso: decided)!, outcome: outcome)
            deal.accountFields = AccountFields(industry: industry, region: "EMEA")
            deal.amount = amount.map { Money(minorUnits: $0 * 100, currency: .usd) }
            deal.reason = outcome == .noDecision ? "Budget freeze" : nil
            try store.addDeal(deal)
        }
        for (account, name, title, email, phone) in [
            ("Initech", "Zoe Mensah", "CIO", "zoe@initech.example", "+1 555 0101"),
            ("Globex", "Omar Ito", "COO", "omar@globex.example", nil),
            ("Hooli", "Jian Yang", "CTO", "jian@hooli.example", nil),
            ("Acme", "Sam Okafor", "CIO", "sam@acme.example", nil),
            ("Stark", "Pepper Potts", "CEO", "pepper@stark.example", nil),
        ] {
            try store.addContact(account: account, name: name, title: title, email: email, phone: phone)
        }

        // N1: named; the buyer gave a day, a monthly cost of waiting and the years of ownership; a private note.
        let n1 = try record(
            "N1", contact: "zoe@initech.example",
            """
            consent: {quote: named, recording: false}
            answers:
              current_state: "Two people reconcile invoices by hand. #budget_timing"
              measurement: Hours a week
              planned_state: A few hours a week by now.
              gap_reason: The ERP upgrade slipped.
              inaction_cost: USD 10k per month
              ownership_years: 4
              decision_process: Finance paused it.
              no_decision_reason: The budget went to the ERP upgrade.
              revisit_when: 2026-02-01
              openness: 4
              next_step_committed: yes
            notes:
              - {question: gap_reason, text: "\(Self.privateNote)"}
            """)
        try store.codeAnswer(
            n1, questionID: "no_decision_reason",
            codes: [ThemeCode(themeID: "status_quo", sentiment: .negative, isPrimary: true)])
        // N2: the buyer may not be quoted; a yearly cost of waiting, no day to come back.
        try record(
            "N2", contact: "omar@globex.example",
            """
            consent: {quote: none, recording: false}
            answers:
              current_state: "\(Self.unquotableWords) #budget_timing"
              inaction_cost: USD 300k per year
              decision_process: The board decided.
              no_decision_reason: Every project was frozen.
            """)
        // N3: the buyer declined the interview.
        let declined = try schedule("N3", contact: "jian@hooli.example")
        try store.closeInterview(declined, as: .declined, note: "Too busy")
        // L1 would look again from a day; L2 would not.
        try record(
            "L1", contact: "sam@acme.example",
            """
            consent: {quote: anonymous, recording: false}
            answers:
              current_state: Reconciling by hand.
              decision_process: An RFP.
              winner_reason: Their connector.
              look_again: yes
              revisit_when: 2026-04-30
            """)
        try record(
            "L2", contact: "pepper@stark.example",
            """
            consent: {quote: named, recording: false}
            answers:
              current_state: Fine now.
              decision_process: An RFP.
              winner_reason: Price.
              look_again: no
            """)
        // N4 (2024) was called last January: not now, call again in January 2026.
        try store.recordCall(
            CallOutcome(
                dealExternalID: "N4", result: .notNow, calledOn: CalendarDate(iso: "2025-01-10")!,
                note: "After their budget round", caller: "ben@example.com",
                againOn: CalendarDate(iso: "2026-01-20")!))
    }

    @discardableResult
    func schedule(_ deal: String, contact: String) throws -> Int64 {
        let outcome = try store.deal(externalID: deal).deal.outcome
        return try store.scheduleInterview(
            InterviewRequest(
                dealExternalID: deal, contact: contact, interviewer: "dana@example.com",
                template: catalog.template(for: outcome)!)
        ).id
    }

    @discardableResult
    func record(_ deal: String, contact: String, _ yaml: String) throws -> Int64 {
        let id = try schedule(deal, contact: contact)
        let outcome = try store.deal(externalID: deal).deal.outcome
        let file = try AnswersFile.parse(
            yaml + "\n", file: "\(deal).yaml", template: catalog.template(for: outcome)!.template, outcome: outcome
        ).get()
        try store.recordInterview(id, file)
        return id
    }

    /// Last year's list as of ``today``.
    func request(_ change: (inout CallbackRequest) -> Void = { _ in }) -> CallbackRequest {
        var request = CallbackRequest(year: 2025)!
        change(&request)
        return request
    }
}

extension CallbackFixture {
    /// A second buyer of L2, Happy Hogan, interviewed after Pepper Potts, who would look again from 2026-02-15 and
    /// says waiting costs USD 20k a month.
    func interviewSecondBuyerOfL2(quote: QuotePermission, saying words: String) throws {
        try store.addContact(
            account: "Stark", name: "Happy Hogan", title: "CFO", email: "happy@stark.example", phone: "+1 555 0199")
        try record(
            "L2", contact: "happy@stark.example",
            """
            consent: {quote: \(quote.rawValue), recording: false}
            answers:
              current_state: "\(words)"
              inaction_cost: USD 20k per month
              decision_process: An RFP.
              winner_reason: Price.
              look_again: yes
              revisit_when: 2026-02-15
            """)
    }

    /// A second buyer of N3 (whose first declined), Gavin Belson, who gives a one-time cost of waiting of
    /// USD 500k, and five years of ownership.
    func interviewSecondBuyerOfN3() throws {
        try store.addContact(
            account: "Hooli", name: "Gavin Belson", title: "CEO", email: "gavin@hooli.example", phone: nil)
        try record(
            "N3", contact: "gavin@hooli.example",
            """
            consent: {quote: named, recording: false}
            answers:
              current_state: Waiting.
              inaction_cost: USD 500k one-time
              ownership_years: 5
              decision_process: Stalled.
              no_decision_reason: Budget.
            """)
    }
}
