import Foundation

@testable import WinLossKit

/// A programme whose every buyer chose differently: quoted by name, quoted anonymously, not quoted at all; with a
/// private note and an interviewer's assessment in every interview, and marker words in each so that a test can
/// tell whose words reached an output.
///
/// Three no-decisions of 2025 (each interviewed) and two wins (for terms to compare against). Every text answer is
/// tagged with a theme, the interviewer's assessment too, so that each could be quoted if consent were ignored.
struct ConsentFixture {
    let store: WinLossStore

    /// What each buyer said, and who they are.
    struct Buyer {
        var deal: String
        var dealName: String
        var account: String
        var person: String
        var email: String
        var quote: QuotePermission
        var words: String
        /// A word only this buyer used.
        var uniqueWord: String
    }

    static let named = Buyer(
        deal: "D-NAMED", dealName: "Namedcorp renewal", account: "Namedcorp", person: "Nina Named",
        email: "nina@named.example", quote: .named, words: "NAMEDWORDS we reconcile invoices by hand",
        uniqueWord: "alphaword")
    static let anonymous = Buyer(
        deal: "D-ANON", dealName: "Anoncorp expansion", account: "Anoncorp", person: "Anna Anon",
        email: "anna@anon.example", quote: .anonymous, words: "ANONWORDS we reconcile invoices by hand",
        uniqueWord: "betaword")
    static let quiet = Buyer(
        deal: "D-QUIET", dealName: "Quietcorp pilot", account: "Quietcorp", person: "Quinn Quiet",
        email: "quinn@quiet.example", quote: .none, words: "QUIETWORDS we reconcile invoices by hand",
        uniqueWord: "zzyzxword")
    static let buyers = [named, anonymous, quiet]

    /// In every interview's private notes, and in every interviewer's assessment.
    static let privateNote = "PRIVATENOTE the champion is leaving before the budget round"
    static let assessment = "ASSESSMENTWORDS they were hiding the budget"
    /// A free attribute of the anonymous buyer's account: it would name the company.
    static let anonymousAttribute = "ANONTIER"

    init(store: WinLossStore? = nil, extraWords: String = "") throws {
        let store = try store ?? WinLossStore.inMemory()
        self.store = store
        let catalog = try TemplateCatalog.load(userDirectory: nil)
        try store.addPerson(name: "Ana Lima", email: "ana@example.com", role: .rep)
        try store.addPerson(name: "Dana Reyes", email: "dana@example.com", role: .marketing)
        for buyer in Self.buyers {
            var deal = NewDeal(
                externalID: buyer.deal, name: buyer.dealName, account: buyer.account, rep: "ana@example.com",
                decidedOn: CalendarDate(iso: "2025-06-30")!, outcome: .noDecision)
            deal.amount = Money(minorUnits: 5_000_000, currency: .usd)
            deal.accountFields = AccountFields(industry: "Retail", region: "EMEA", sizeBand: "201-500")
            if buyer.quote == .anonymous { deal.accountFields.attributes = ["tier": Self.anonymousAttribute] }
            try store.addDeal(deal)
            try store.addContact(
                account: buyer.account, name: buyer.person, title: "CFO", email: buyer.email, phone: "+1 555 0100")
            let words = "\(buyer.words) \(buyer.uniqueWord) \(extraWords)"
            try record(
                store, catalog: catalog, deal: buyer.deal, contact: buyer.email, outcome: .noDecision,
                """
                consent: {quote: \(buyer.quote.rawValue), recording: false}
                answers:
                  current_state: {answer: "\(words)", tags: [status_quo]}
                  decision_process: {answer: "\(words) the board stalled", tags: [decision_process]}
                  no_decision_reason: {answer: "\(words) budget froze", tags: [budget_timing]}
                  inaction_cost: USD 10k per month
                  revisit_when: 2026-02-01
                  uncovered: {answer: "\(Self.assessment)", tags: [status_quo]}
                  openness: 4
                notes:
                  - {question: current_state, text: "\(Self.privateNote)"}
                  - {text: "\(Self.privateNote)"}
                """)
        }
        for index in 1...2 {
            let id = "D-WIN\(index)"
            let deal = NewDeal(
                externalID: id, name: "Wincorp \(index)", account: "Wincorp \(index)", rep: "ana@example.com",
                decidedOn: CalendarDate(iso: "2025-05-15")!, outcome: .win)
            try store.addDeal(deal)
            let email = "buyer\(index)@win.example"
            try store.addContact(account: "Wincorp \(index)", name: "Will Win", title: "CIO", email: email, phone: nil)
            try record(
                store, catalog: catalog, deal: id, contact: email, outcome: .win,
                """
                consent: {quote: named, recording: false}
                answers:
                  current_state: {answer: "Everything runs smoothly now", tags: [ease_of_use]}
                  decision_process: A short trial.
                  tipping_point: {answer: "Easy to use from day one", tags: [ease_of_use]}
                """)
        }
    }

    private func record(
        _ store: WinLossStore, catalog: TemplateCatalog, deal: String, contact: String, outcome: Outcome,
        _ yaml: String
    ) throws {
        guard let loaded = catalog.template(for: outcome) else {
            throw RequestError.notFound(kind: "template for", key: outcome.label, hint: .advice("none"))
        }
        let id = try store.scheduleInterview(
            InterviewRequest(
                dealExternalID: deal, contact: contact, interviewer: "dana@example.com", template: loaded)
        ).id
        let file = try AnswersFile.parse(yaml + "\n", file: "\(deal).yaml", template: loaded.template, outcome: outcome)
            .get()
        try store.recordInterview(id, file)
    }
}
