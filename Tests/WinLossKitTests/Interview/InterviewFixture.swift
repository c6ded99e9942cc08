import Foundation

@testable import WinLossKit

/// A small programme: two reps, two interviewers, deals of every outcome, and their buyers.
struct InterviewFixture {
    let store: WinLossStore
    let catalog: TemplateCatalog
    let today = CalendarDate(iso: "2026-11-23")!

    init(store: WinLossStore? = nil) throws {
        let store = try store ?? WinLossStore.inMemory()
        self.store = store
        catalog = try TemplateCatalog.load(userDirectory: nil)
        try store.addPerson(name: "Ana Lima", email: "ana@example.com", role: .rep)
        try store.addPerson(name: "Ben Carter", email: "ben@example.com", role: .rep)
        try store.addPerson(name: "Dana Reyes", email: "dana@example.com", role: .marketing)
        try store.addPerson(name: "Priya Nair", email: "priya@example.com", role: .customerSuccess)
        let deals: [(String, String, String, Outcome, Int64, Int)] = [
            ("L1", "Acme", "ana@example.com", .loss, 100_000, 3),
            ("L2", "Globex", "ben@example.com", .loss, 50_000, 40),
            ("L3", "Hooli", "ana@example.com", .loss, 900_000, 45),
            ("W1", "Acme", "ana@example.com", .win, 70_000, 10),
            ("N1", "Initech", "ben@example.com", .noDecision, 250_000, 5),
        ]
        for (id, account, rep, outcome, amount, daysAgo) in deals {
            var deal = NewDeal(
                externalID: id, name: "\(account) \(id)", account: account, rep: rep,
                decidedOn: today.adding(days: -daysAgo), outcome: outcome)
            deal.amount = Money(minorUnits: amount * 100, currency: .usd)
            try store.addDeal(deal)
        }
        try store.addContact(account: "Acme", name: "Sam Okafor", title: "CIO", email: "sam@acme.example", phone: nil)
        try store.addContact(account: "Acme", name: "Lena Novak", title: "CFO", email: "lena@acme.example", phone: nil)
        try store.addContact(
            account: "Globex", name: "Omar Ito", title: "COO", email: "omar@globex.example", phone: nil)
        try store.addContact(
            account: "Initech", name: "Zoe Mensah", title: "CIO", email: "zoe@initech.example", phone: nil)
        try store.addContact(account: "Hooli", name: "Jian Yang", title: "CTO", email: "jian@hooli.example", phone: nil)
    }

    func template(for outcome: Outcome) -> LoadedTemplate {
        catalog.template(for: outcome)!
    }

    @discardableResult
    func schedule(
        _ deal: String, contact: String, interviewer: String = "dana@example.com", outcome: Outcome = .loss,
        reason: String? = nil
    ) throws -> InterviewDetail {
        try store.scheduleInterview(
            InterviewRequest(
                dealExternalID: deal, contact: contact, interviewer: interviewer, template: template(for: outcome),
                repOverrideReason: reason))
    }

    /// What an interviewer types through the whole loss template, answering every question.
    static let lossAnswers: [String] = [
        "2", "no",
        "Invoices are reconciled by hand. #process", "",
        "Hours a week",
        "A few hours a week.", "",
        "The ERP upgrade slipped. #integration", "",
        "EUR 180k per year",
        "EUR 120k per year",
        "5",
        "An RFP run by finance.", "",
        "1, 2",
        "Stratos and doing nothing.", "",
        "Their ERP connector. #competitor_strength", "",
        "Our connector needed services.", "",
        "yes",
        "6",
        "Responsive but generic.", "",
        "Bring an ERP expert.", "",
        "yes",
        "2027-03-31",
        "Integration risk, not price.", "",
        "3",
        "no",
        "4",
    ]
}
