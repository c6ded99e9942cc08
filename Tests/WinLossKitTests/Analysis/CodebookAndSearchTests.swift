import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// The interview fixture with the built-in codebook in the database and two recorded interviews.
struct CodedFixture {
    let base: InterviewFixture
    var store: WinLossStore { base.store }
    let loss: Int64
    let win: Int64

    init() throws {
        base = try InterviewFixture()
        try base.store.syncCodebook(try #require(base.catalog.codebook).codebook)
        loss = try base.schedule("L1", contact: "sam@acme.example").id
        try Self.record(
            base, loss, outcome: .loss,
            """
            consent: {quote: anonymous, recording: false}
            answers:
              current_state: "Invoices are reconciled by hand and the pricing felt too expensive for our budget. #pricing_model"
              decision_process: Manual reconciliation dragged on while the integration team waited.
              winner_reason: Their ERP integration worked on day one.
            notes:
              - {question: winner_reason, text: Buyer sounded annoyed about integrations.}
            """)
        win = try base.schedule("W1", contact: "lena@acme.example", outcome: .win).id
        try Self.record(
            base, win, outcome: .win,
            """
            consent: {quote: none, recording: false}
            answers:
              current_state: Reconciliation by hand was slow, and the price was fair.
              decision_process: A quick pilot with finance.
              tipping_point: The integration with our ERP.
            """)
    }

    static func record(_ base: InterviewFixture, _ id: Int64, outcome: Outcome, _ text: String) throws {
        let file = try AnswersFile.parse(
            text, file: "answers.yaml", template: base.template(for: outcome).template, outcome: outcome
        ).get()
        try base.store.recordInterview(id, file)
    }

    /// The interview's themes as reports count them: each once, with the themes above it.
    func counted(_ id: Int64) throws -> [String] {
        try store.read { db in
            try String.fetchAll(
                db, sql: "SELECT themeID FROM interviewTheme WHERE interviewID = ? ORDER BY themeID", arguments: [id])
        }
    }
}

struct CodebookTests {
    @Test func syncingTheCodebookFileIsIdempotentAndKeepsRenames() throws {
        let fixture = try CodedFixture()
        let codebook = try #require(fixture.base.catalog.codebook).codebook
        let themes = try fixture.store.themes()
        #expect(themes.map(\.id) == codebook.flattened.map(\.theme.id))
        #expect(themes.first { $0.id == "price_level" }?.parentID == "price_value")
        try fixture.store.renameTheme("price_level", label: "Sticker shock")
        try fixture.store.syncCodebook(codebook)
        let again = try fixture.store.themes()
        #expect(again.count == themes.count)
        #expect(again.first { $0.id == "price_level" }?.label == "Sticker shock")
        // A label changed in the file reaches a theme nobody renamed.
        var edited = codebook
        edited.themes[0].label = "Price & value"
        try fixture.store.syncCodebook(edited)
        #expect(try fixture.store.themes().first?.label == "Price & value")
    }

    @Test func tagsNamingAThemeAreCodesAndCountWithTheirParents() throws {
        let fixture = try CodedFixture()
        let codes = try fixture.store.codes(ofInterview: fixture.loss)
        #expect(
            codes["current_state"] == [
                ThemeCode(themeID: "pricing_model", sentiment: .neutral, isPrimary: false, source: "tag")
            ])
        #expect(try fixture.counted(fixture.loss) == ["price_value", "pricing_model"])
    }

    @Test func addingAThemeTurnsEarlierTagsIntoCodes() throws {
        let fixture = try CodedFixture()
        try fixture.base.store.editAnswer(
            fixture.loss, questionID: "decision_process", input: "Legal took months. #legal_review", by: nil)
        #expect(try fixture.store.codes(ofInterview: fixture.loss)["decision_process"] == nil)
        try fixture.store.addTheme(id: "legal_review", label: "Legal review", parent: "implementation_risk")
        #expect(
            try fixture.store.codes(ofInterview: fixture.loss)["decision_process"]?.map(\.themeID) == ["legal_review"])
        #expect(try fixture.counted(fixture.loss).contains("implementation_risk"))
        #expect(
            expectError(RequestError.self) { try fixture.store.addTheme(id: "legal_review", label: "Again") }
                == .duplicate(kind: "theme", key: "legal_review", hint: .showCodebook)
        )
        #expect(expectError(RequestError.self) { try fixture.store.addTheme(id: "Bad Id", label: "x") } != nil)
        #expect(
            expectError(RequestError.self) { try fixture.store.addTheme(id: "x", label: "x", parent: "nope") } != nil)
    }

    @Test func aMergeMovesCodesKeepsOnePerAnswerAndLeavesAnAlias() throws {
        let fixture = try CodedFixture()
        try fixture.store.codeAnswer(
            fixture.loss, questionID: "current_state",
            codes: [
                ThemeCode(themeID: "price_level", sentiment: .negative, isPrimary: false),
                ThemeCode(themeID: "pricing_model", sentiment: .negative, isPrimary: true),
            ])
        try fixture.store.codeAnswer(
            fixture.loss, questionID: "winner_reason",
            codes: [ThemeCode(themeID: "pricing_model", sentiment: .neutral, isPrimary: false)])
        let moved = try fixture.store.mergeTheme("pricing_model", into: "price_level")
        #expect(moved == 1)
        let codes = try fixture.store.codes(ofInterview: fixture.loss)
        // The answer coded with both keeps one code, primary because one of them was; the tag still counts.
        #expect(codes["current_state"]?.map(\.themeID) == ["price_level"])
        #expect(codes["current_state"]?.first?.isPrimary == true)
        #expect(codes["winner_reason"]?.map(\.themeID) == ["price_level"])
        let merged = try #require(try fixture.store.themes().first { $0.id == "pricing_model" })
        #expect(merged.mergedInto == "price_level" && merged.parentID == nil)
        #expect(try fixture.counted(fixture.loss) == ["price_level", "price_value"])
        // The old id still works as an alias when coding and tagging, but cannot be merged or renamed again.
        try fixture.store.codeAnswer(
            fixture.loss, questionID: "decision_process",
            codes: [ThemeCode(themeID: "pricing_model", sentiment: .negative, isPrimary: false)])
        #expect(
            try fixture.store.codes(ofInterview: fixture.loss)["decision_process"]?.map(\.themeID) == ["price_level"])
        #expect(
            expectError(RequestError.self) { try fixture.store.mergeTheme("pricing_model", into: "integration") } != nil
        )
        #expect(expectError(RequestError.self) { try fixture.store.renameTheme("pricing_model", label: "x") } != nil)
        #expect(
            expectError(RequestError.self) { try fixture.store.mergeTheme("integration", into: "integration") } != nil)
        // Sub-themes follow the theme they were under.
        try fixture.store.mergeTheme("price_value", into: "product_fit")
        #expect(try fixture.store.themes().first { $0.id == "price_level" }?.parentID == "product_fit")
        #expect(try fixture.counted(fixture.loss) == ["price_level", "product_fit"])
    }

    @Test func keywordsSuggestThemesWithStemming() throws {
        let fixture = try CodedFixture()
        let suggestions = try fixture.store.suggestThemes(fixture.loss, questionID: "current_state")
        let price = try #require(suggestions.first { $0.themeID == "price_value" })
        // "pricing" is found by the keyword "price", and the matched words are shown as the buyer wrote them.
        #expect(Set(price.matched) == ["pricing", "expensive", "budget"])
        #expect(suggestions.contains { $0.themeID == "price_level" })
        #expect(try fixture.store.suggestThemes(fixture.loss, questionID: "nope").isEmpty)
    }

    @Test func aCodingSessionSavesEachAnswerAsItGoes() throws {
        let fixture = try CodedFixture()
        // Accept the suggestions for the first answer, type themes for the second, then pause.
        let prompter = ScriptedPrompter(["", "bogus_theme", "integration-* missing_capability=", "/pause"])
        let ending = try CodingSession(
            store: fixture.store, interviewID: fixture.loss, prompter: prompter, revisit: true
        )
        .run()
        #expect(ending == .paused)
        let codes = try fixture.store.codes(ofInterview: fixture.loss)
        #expect(codes["current_state"]?.contains { $0.themeID == "price_value" && $0.sentiment == .negative } == true)
        let process = try #require(codes["decision_process"])
        #expect(
            process.first { $0.themeID == "integration" }
                == ThemeCode(themeID: "integration", sentiment: .negative, isPrimary: true))
        #expect(process.count == 2)
        #expect(prompter.shown.contains("Not saved:"))
        #expect(prompter.shown.contains("Continue with `winloss code \(fixture.loss)`"))
        // Without --all, a second session walks only what is left.
        let rest = ScriptedPrompter(["/skip"])
        #expect(try CodingSession(store: fixture.store, interviewID: fixture.loss, prompter: rest).run() == .done)
        #expect(rest.shown.contains("1 answer to code"))
    }
}

struct SearchTests {
    @Test func findsStemmedWordsPhrasesAndPrefixes() throws {
        let fixture = try CodedFixture()
        // "priced" and "price" share a stem with "pricing".
        let priced = try fixture.store.search("priced")
        #expect(Set(priced.map(\.interviewID)) == [fixture.loss, fixture.win])
        let hit = try #require(priced.first { $0.interviewID == fixture.loss })
        #expect(hit.highlighted(open: "[", close: "]").contains("[pricing]"))
        #expect(hit.kind == "answer" && hit.questionID == "current_state" && hit.outcome == .loss)
        // A phrase must appear as written.
        #expect(try fixture.store.search("\"manual reconciliation\"").map(\.questionID) == ["decision_process"])
        #expect(try fixture.store.search("\"reconciliation manual\"").isEmpty)
        // A prefix searches the exact words: "integrat*" finds integration and integrations.
        let prefix = try fixture.store.search("integrat*")
        #expect(prefix.contains { $0.kind == "note" })
        #expect(prefix.filter { $0.kind == "answer" }.count == 3)
        #expect(try fixture.store.search("pilot OR budget").count == 2)
    }

    @Test func filtersAndShareableResults() throws {
        let fixture = try CodedFixture()
        var losses = DealFilter()
        losses.outcomes = [.loss]
        #expect(try fixture.store.search("reconcile", matching: losses).allSatisfy { $0.outcome == .loss })
        // Inside the team, private notes and every buyer's name.
        let inside = try fixture.store.search("integration")
        #expect(inside.contains { $0.kind == "note" })
        #expect(inside.contains { $0.speaker == "Lena Novak, CFO, Acme" })
        // Shareable: no notes, nobody who said "not quoted", anonymous buyers by role and segment.
        let shareable = try fixture.store.search("integration", shareable: true)
        #expect(!shareable.isEmpty && shareable.allSatisfy { $0.kind == "answer" && $0.interviewID == fixture.loss })
        #expect(shareable.allSatisfy { $0.speaker == "CIO at a company" })
    }

    @Test func aWordInTooManyPassagesListsTheLatestFirst() throws {
        let fixture = try CodedFixture()
        let ranked = try fixture.store.search("integrat*")
        #expect(ranked.count > 2)
        // Past the threshold the same passages come latest interview first, answers before notes.
        let latest = try fixture.store.search(
            "integrat*", matching: DealFilter(), shareable: false, limit: 20, rankedUpTo: 1)
        #expect(Set(latest.map(\.snippet)) == Set(ranked.map(\.snippet)))
        let order = latest.map { [$0.interviewID, $0.kind == "note" ? 0 : 1] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) }.reversed())
        // The limit keeps the latest.
        let two = try fixture.store.search(
            "integrat*", matching: DealFilter(), shareable: false, limit: 2, rankedUpTo: 1)
        #expect(two == Array(latest.prefix(2)))
    }

    @Test func aBadQueryIsAClearError() throws {
        let fixture = try CodedFixture()
        let error = expectError(RequestError.self) { try fixture.store.search("\"unbalanced") }
        #expect(error.map { String(describing: $0) }?.contains("is not a search") == true)
        #expect(try fixture.store.search("nothingmatchesthis").isEmpty)
    }
}

struct TermsTests {
    @Test func findsTheWordsOfOneOutcome() throws {
        let fixture = try ReportFixture()
        try fixture.store.addTheme(id: "seats", label: "Seat pricing", keywords: ["per seat"])
        let interviews = try fixture.store.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT interview.id, deal.externalID FROM interview JOIN deal ON deal.id = interview.dealID ORDER BY interview.id"
            ).map { ($0["id"] as Int64, $0["externalID"] as String) }
        }
        for (id, deal) in interviews {
            let text: String
            if deal.hasPrefix("loss-"), let i = Int(deal.dropFirst(5)), i < 6 {
                text = "The per seat licence was far too expensive."
            } else if deal.hasPrefix("no_decision-"), let i = Int(deal.dropFirst(12)), i < 5 {
                text = "A budget freeze stopped everything."
            } else {
                text = "Onboarding looked easy."
            }
            try fixture.store.editAnswer(id, questionID: "current_state", input: text, by: nil)
        }
        let report = try fixture.store.distinctiveTerms(TermRequest(outcome: .loss))
        #expect(report.interviews == ByOutcome(win: 12, loss: 13, noDecision: 10))
        let terms = report.terms.map(\.term)
        #expect(terms.contains("expensive") && terms.contains("per seat") && terms.contains("licence"))
        #expect(!terms.contains("budget") && !terms.contains("the") && !terms.contains("far too"))
        let expensive = try #require(report.terms.first { $0.term == "expensive" })
        #expect(expensive.inOutcome == Share(6, of: 13) && expensive.inRest == Share(0, of: 22))
        #expect(report.terms.first { $0.term == "per seat" }?.themeID == "seats")
        #expect(report.terms.allSatisfy { $0.z > 0 })
        #expect(zip(report.terms, report.terms.dropFirst()).allSatisfy { $0.z >= $1.z })
        // No-decisions have their own words; a filter narrows what is read.
        let waiting = try fixture.store.distinctiveTerms(TermRequest(outcome: .noDecision, phrases: false))
        // Every no-decision buyer said other priorities came first; half spoke of a budget freeze.
        #expect(waiting.terms.first?.term == "came" && waiting.terms.first?.inOutcome == Share(10, of: 10))
        #expect(waiting.terms.first { $0.term == "freeze" }?.inOutcome == Share(5, of: 10))
        #expect(!waiting.terms.contains { $0.term.contains(" ") })
        var retail = DealFilter()
        retail.industries = ["Retail"]
        #expect(try fixture.store.distinctiveTerms(TermRequest(outcome: .loss, filter: retail)).interviews.loss == 7)
    }

    @Test func tokensLeaveOutStopWordsAndNeverSpanThem() {
        #expect(
            Tokenizer.words("The price, frankly, was too high!") == [
                nil, "price", nil, "frankly", nil, nil, nil, "high", nil,
            ])
        #expect(Tokenizer.words("Buyers’ time-to-value 2026") == ["buyers", "time-to-value", nil])
    }
}
