import Foundation
import Testing

@testable import WinLossKit

/// One-time figures, and deals with more than one buyer interviewed.
struct CallbackFiguresTests {
    @Test func aOneTimeCostOfWaitingIsWhatIsAtStakeAndCountsOnce() throws {
        let fixture = try CallbackFixture()
        // N6 (USD 90k deal, no interview yet) and N3 (USD 40k): the same due day by default, 2026-03-15.
        // N3's second buyer gives a one-time cost of waiting of USD 500k, with years of ownership.
        try fixture.interviewSecondBuyerOfN3()
        let list = try fixture.store.callbacks(fixture.request())
        let n3 = try #require(list.first { $0.deal.externalID == "N3" })
        #expect(n3.atStake == Stake(amount: Money(minorUnits: 50_000_000, currency: .usd), basis: .inactionOneTime))
        let interview = try #require(n3.interviews.first)
        #expect(interview.inactionCostOverOwnership == Money(minorUnits: 50_000_000, currency: .usd))
        #expect(interview.inactionCostPerYear == nil)
        // It ranks by that, not by the deal's amount: before N6, whose deal is larger than N3's.
        let order = list.map(\.deal.externalID)
        #expect(try #require(order.firstIndex(of: "N3")) < #require(order.firstIndex(of: "N6")))
        let fields = CallbackList(list, today: fixture.today).detail(n3).markdown
        #expect(fields.contains("- **Cost of waiting:** USD 500,000.00 one-time\n"))
        #expect(fields.contains("- **At stake:** USD 500,000.00 (one-time cost of waiting)\n"))
    }

    @Test func aDealWithTwoBuyersInterviewedShowsBothAndIsDueWhenTheFirstSaidToCallBack() throws {
        let fixture = try CallbackFixture()
        // L2's first buyer would not look again; a second buyer, interviewed later and not to be quoted, would,
        // from 2026-02-15, and says waiting costs USD 20k a month.
        try fixture.interviewSecondBuyerOfL2(quote: .none, saying: "SECOND BUYER WORDS: we still do it by hand.")
        // Listed among the losses that would look again, although the latest interview is not the only one.
        var request = fixture.request()
        request.includeLosses = true
        let l2 = try #require(try fixture.store.callbacks(request).first { $0.deal.externalID == "L2" })
        #expect(l2.interviews.map { $0.contact?.name } == ["Pepper Potts", "Happy Hogan"])
        #expect(l2.due == CalendarDate(iso: "2026-02-15") && l2.dueSource == .buyer)
        #expect(l2.contact?.name == "Happy Hogan")
        #expect(l2.atStake == Stake(amount: Money(minorUnits: 24_000_000, currency: .usd), basis: .inactionPerYear))
        // Each buyer's own consent: the first may be quoted by name, the second not at all.
        #expect(l2.interviews[0].currentState == "Fine now." && !l2.interviews[0].wordsWithheld)
        #expect(l2.interviews[1].currentState == nil && l2.interviews[1].wordsWithheld)

        // The same whichever buyer was interviewed first: the earliest day any buyer named.
        let list = CallbackList([l2], today: fixture.today)
        let sheet = list.markdown
        #expect(!sheet.contains("SECOND BUYER WORDS"))
        #expect(sheet.contains("- **Interview:** \\#"))
        #expect(sheet.contains("with Happy Hogan, CFO; the buyer asked not to be quoted"))
        #expect(sheet.contains("- **Come back:** on 2026-02-15, the buyer said\n"))
        // CSV: a row per buyer, each with their own contact and figures.
        let rows = list.csvRows
        #expect(rows.count == 2)
        let contact = try #require(CallbackList.csvHeader.firstIndex(of: "contact"))
        let cost = try #require(CallbackList.csvHeader.firstIndex(of: "inaction_cost"))
        #expect(rows.map { $0[contact] } == ["Pepper Potts", "Happy Hogan"])
        #expect(rows.map { $0[cost] } == ["", "20000.00"])
        #expect(!rows.joined().joined().contains("SECOND BUYER WORDS"))

        // The report counts both interviews, and the deal once.
        var losses = DealFilter()
        losses.outcomes = [.loss]
        let report = try fixture.store.report(ReportRequest(filter: losses))
        #expect(report.programme?.interviews[.loss] == 3)
        #expect(report.programme?.coverage[.loss] == Share(2, of: 2))
    }

    @Test func callbacksWhoseDayHasPassedAreDueNowAndSortByWhatIsAtStake() throws {
        let fixture = try CallbackFixture()
        // Pulled on 2026-04-01, when every open callback's day has passed.
        let today = CalendarDate(iso: "2026-04-01")!
        let byDay = try fixture.store.callbacks(fixture.request()).map(\.deal.externalID)
        #expect(byDay == ["N2", "N4", "N1", "N6", "N3"])
        let list = try fixture.store.callbacks(fixture.request { $0.today = today })
        // All due now, so the most at stake first: N1's cost of waiting over the years of ownership, N2's
        // yearly cost, then the deals' amounts.
        #expect(list.map(\.deal.externalID) == ["N1", "N2", "N6", "N3", "N4"])
        let table = CallbackList(list, today: today).table(style: .plain)
        #expect(table.contains("2025-12-30  now (92 days ago)"))
        #expect(!table.contains("late"))
    }
}
