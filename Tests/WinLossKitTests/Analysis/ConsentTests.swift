import Foundation
import Testing

@testable import WinLossKit

/// What shareable search, terms and documents may say, on the library's own results.
struct ConsentTests {
    let fixture: ConsentFixture

    init() throws {
        fixture = try ConsentFixture()
    }

    @Test func aShareableSearchQuotesOnlyWhatBuyersSaidAndNamesNoDealOfAnAnonymousBuyer() throws {
        // "budget" is in every buyer's answers and in the interviewer's assessment of each interview.
        let team = try fixture.store.search("budget", limit: 100)
        #expect(team.contains { $0.questionID == "uncovered" })
        #expect(team.contains { $0.kind == "note" })

        let shared = try fixture.store.search("budget", shareable: true, limit: 100)
        #expect(shared.count == 2)
        #expect(shared.allSatisfy { $0.questionID == "no_decision_reason" && $0.kind == "answer" })
        #expect(shared.allSatisfy { $0.dealExternalID == nil && $0.deal == nil && $0.decidedOn == nil })
        #expect(shared.allSatisfy { $0.quarter == "2025Q2" })
        #expect(
            Set(shared.compactMap(\.speaker)) == [
                "Nina Named, CFO, Namedcorp", "CFO at a 201-500-employee Retail company in EMEA",
            ])
        let text = try JSONOutput.string(shared) + SearchResults(query: "budget", hits: shared).document.markdown
        for never in ["D-ANON", "Anoncorp", "Anna Anon", "D-NAMED", "Namedcorp renewal", "ASSESSMENTWORDS"] {
            #expect(!text.contains(never), "\(never)")
        }
    }

    @Test func aTermOnlyABuyerWhoMayNotBeQuotedUsedIsNotShownUntilThreeInterviewsUseIt() throws {
        let report = try fixture.store.distinctiveTerms(
            TermRequest(outcome: .noDecision, minimumInterviews: 1, phrases: false))
        let terms = Set(report.terms.map(\.term))
        #expect(terms.contains(ConsentFixture.named.uniqueWord) && terms.contains(ConsentFixture.anonymous.uniqueWord))
        #expect(!terms.contains(ConsentFixture.quiet.uniqueWord) && !terms.contains("quietwords"))
        // Words all three buyers used are not anyone's in particular.
        #expect(terms.contains("reconcile"))
        // The interviewer's assessment is never read.
        #expect(!terms.contains("assessmentwords"))
    }

    @Test func transcriptsAndSearchResultsEscapeWhatBuyersWrote() throws {
        let hostile = try ConsentFixture(
            store: try WinLossStore.inMemory(), extraWords: "<script>x</script> [a](javascript:y)")
        let detail = try hostile.store.interview(1)
        let markdown = detail.document().markdown
        #expect(markdown.contains("&lt;script&gt;x&lt;/script&gt; \\[a\\](javascript:y)"))
        #expect(!markdown.contains("<script"))
        let hits = try hostile.store.search("script", limit: 5)
        let results = SearchResults(query: "script", hits: hits).document
        #expect(results.markdown.contains("&lt;**script**&gt;x&lt;/**script**&gt;"))
        #expect(!results.markdown.contains("<script"))
    }
}
