import Foundation
import Testing

@testable import WinLossKit

struct PeopleTests {
    @Test func emailsAreUniqueWhateverTheirCase() throws {
        let store = try WinLossStore.inMemory()
        try store.addPerson(name: "Dana Reyes", email: "Dana@Example.com", role: .marketing)
        let error = expectError(RequestError.self) {
            try store.addPerson(name: "Other", email: "dana@example.COM", role: .rep)
        }
        #expect(
            error
                == .duplicate(
                    kind: "person with email", key: "dana@example.COM", hint: .listPeople))
        #expect(
            expectError(RequestError.self) { try store.addPerson(name: " ", email: nil, role: .rep) }
                == .invalid(field: "name", message: "must not be empty"))
        #expect(
            expectError(RequestError.self) { try store.addPerson(name: "X", email: "not an email", role: .rep) } != nil)
        // People without emails may share nothing but a name.
        try store.addPerson(name: "No Email", email: nil, role: .rep)
        try store.addPerson(name: "No Email Either", email: nil, role: .rep)
        #expect(try store.people(role: .rep).map(\.name) == ["No Email", "No Email Either"])
        #expect(try store.person(matching: "DANA@example.com").name == "Dana Reyes")
        #expect(try store.person(matching: "dana reyes").email == "Dana@Example.com")
    }
}

struct DealRecordTests {
    private func sampleStore() throws -> WinLossStore {
        let store = try WinLossStore.inMemory()
        try store.addPerson(name: "Ana Lima", email: "ana@example.com", role: .rep)
        try store.addPerson(name: "Ben Carter", email: "ben@example.com", role: .rep)
        func add(
            _ id: String, _ account: String, _ rep: String, _ decided: String, _ outcome: Outcome, industry: String,
            region: String, amount: Int64, competitor: String? = nil, tier: String? = nil
        ) throws {
            var deal = NewDeal(
                externalID: id, name: "Deal \(id)", account: account, rep: rep,
                decidedOn: CalendarDate(iso: decided)!, outcome: outcome)
            deal.amount = Money(minorUnits: amount * 100, currency: .usd)
            deal.competitorWon = outcome == .loss ? competitor : nil
            deal.competitors = outcome == .loss ? [] : competitor.map { [$0] } ?? []
            deal.accountFields = AccountFields(
                industry: industry, region: region, attributes: tier.map { ["tier": $0] } ?? [:])
            deal.attributes = ["channel": id.hasPrefix("P") ? "partner" : "direct"]
            try store.addDeal(deal)
        }
        try add(
            "D1", "Acme", "ana@example.com", "2025-03-10", .win, industry: "Retail", region: "EMEA", amount: 10_000,
            competitor: "Stratos", tier: "gold")
        try add(
            "D2", "Globex", "Ana Lima", "2025-11-20", .noDecision, industry: "Software", region: "APAC", amount: 80_000)
        try add(
            "D3", "Initech", "ben@example.com", "2026-01-05", .loss, industry: "retail", region: "EMEA", amount: 45_000,
            competitor: "Stratos")
        try add(
            "P4", "Hooli", "ben@example.com", "2025-12-31", .noDecision, industry: "Healthcare",
            region: "North America", amount: 120_000, tier: "gold")
        return store
    }

    private func ids(_ store: WinLossStore, _ configure: (inout DealFilter) -> Void) throws -> [String] {
        var filter = DealFilter()
        configure(&filter)
        return try store.deals(matching: filter).map(\.externalID)
    }

    @Test func listsMostRecentFirstAndFiltersByEverySharedOption() throws {
        let store = try sampleStore()
        #expect(try ids(store) { _ in } == ["D3", "P4", "D2", "D1"])
        #expect(try ids(store) { $0.outcomes = [.noDecision] } == ["P4", "D2"])
        #expect(try ids(store) { $0.rep = "ANA@example.com" } == ["D2", "D1"])
        #expect(try ids(store) { $0.rep = "ben carter" } == ["D3", "P4"])
        #expect(
            try ids(store) {
                $0.decidedFrom = CalendarDate(iso: "2025-01-01"); $0.decidedTo = CalendarDate(iso: "2025-12-31")
            } == ["P4", "D2", "D1"])
        #expect(try ids(store) { $0.industries = ["RETAIL"] } == ["D3", "D1"])
        #expect(try ids(store) { $0.regions = ["EMEA", "APAC"] } == ["D3", "D2", "D1"])
        #expect(try ids(store) { $0.accountAttributes = ["tier": "GOLD"] } == ["P4", "D1"])
        #expect(try ids(store) { $0.dealAttributes = ["channel": "partner"] } == ["P4"])
        #expect(try ids(store) { $0.competitor = "stratos" } == ["D3", "D1"])
        #expect(try ids(store) { $0.minimumAmount = Money(minorUnits: 5_000_000, currency: .usd) } == ["P4", "D2"])
        #expect(try ids(store) { $0.minimumAmount = Money(minorUnits: 1, currency: .eur) } == [])
        #expect(try ids(store) { $0.account = "globex" } == ["D2"])
        #expect(
            try ids(store) {
                $0.outcomes = [.noDecision]; $0.rep = "ben@example.com"; $0.accountAttributes = ["tier": "gold"]
            } == ["P4"])
        #expect(try store.deals(limit: 2).map(\.externalID) == ["D3", "P4"])
        #expect(try store.dealCounts() == [.win: 1, .loss: 1, .noDecision: 2])
    }

    @Test func addsADealWithItsAccountAndShowsIt() throws {
        let store = try sampleStore()
        let detail = try store.deal(externalID: "D3")
        #expect(detail.deal.account == "Initech" && detail.deal.industry == "retail" && detail.deal.rep == "Ben Carter")
        #expect(detail.deal.competitorWon == "Stratos" && detail.deal.competitors == ["Stratos"])
        #expect(detail.source == .manual && detail.attributes == ["channel": "direct"])
        // A second deal of the same account fills in its segment without duplicating it.
        var more = NewDeal(
            name: "Another", account: "acme", rep: "Ana Lima", decidedOn: CalendarDate(iso: "2026-02-01")!,
            outcome: .win)
        more.accountFields = AccountFields(sizeBand: "51-200")
        let added = try store.addDeal(more)
        #expect(added.deal.externalID == "manual-1")
        #expect(try store.accounts().first { $0.name == "Acme" }?.sizeBand == "51-200")
        #expect(try store.accounts().count == 4)
    }

    @Test func refusesDealsThatCannotBeRight() throws {
        let store = try sampleStore()
        let decided = CalendarDate(iso: "2026-02-01")!
        #expect(
            expectError(RequestError.self) {
                try store.addDeal(
                    NewDeal(
                        externalID: "D1", name: "Again", account: "Acme", rep: "Ana Lima", decidedOn: decided,
                        outcome: .win))
            } == .duplicate(kind: "deal", key: "D1", hint: .showDeal(externalID: "D1")))
        guard
            case .notFound(let kind, _, _)? = expectError(
                RequestError.self,
                {
                    try store.addDeal(
                        NewDeal(
                            name: "X", account: "Acme", rep: "nobody@example.com", decidedOn: decided, outcome: .win))
                })
        else { return }
        #expect(kind == "person")
        var won = NewDeal(name: "X", account: "Acme", rep: "Ana Lima", decidedOn: decided, outcome: .win)
        won.competitorWon = "Stratos"
        #expect(expectError(RequestError.self) { try store.addDeal(won) } != nil)
        var backwards = NewDeal(name: "X", account: "Acme", rep: "Ana Lima", decidedOn: decided, outcome: .loss)
        backwards.createdOn = CalendarDate(iso: "2026-03-01")
        #expect(expectError(RequestError.self) { try store.addDeal(backwards) } != nil)
        #expect(try store.deals().count == 4)
    }

    @Test func addsContactsToExistingAccounts() throws {
        let store = try sampleStore()
        try store.addContact(account: "Acme", name: "Sam Okafor", title: "CIO", email: "sam@acme.example", phone: nil)
        #expect(
            expectError(RequestError.self) {
                try store.addContact(account: "Acme", name: "Sam", title: nil, email: "SAM@acme.example", phone: nil)
            } != nil)
        #expect(
            expectError(RequestError.self) {
                try store.addContact(account: "Nowhere", name: "Sam", title: nil, email: nil, phone: nil)
            } != nil)
        #expect(try store.contacts(account: "acme").map(\.name) == ["Sam Okafor"])
        #expect(try store.accounts().first { $0.name == "Acme" }?.contacts == 1)
    }
}
