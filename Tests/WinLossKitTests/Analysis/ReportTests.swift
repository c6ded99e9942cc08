import Foundation
import GRDB
import Testing

@testable import WinLossKit

struct LogOddsTests {
    /// Worked out separately from the formula in Monroe, Colaresi and Quinn (2008), equations 16 and 18-20,
    /// with α_w the pooled count of each item and α₀ their sum.
    @Test func matchesValuesWorkedOutByHand() {
        let z = LogOdds.zScores([[2, 9, 3], [8, 3, 1], [1, 2, 7]])
        let expected: [[Double]] = [
            [-1.146037, 1.802424, -0.646837],
            [2.188273, -0.830920, -1.323729],
            [-1.035700, -0.950343, 2.003777],
        ]
        for (row, want) in zip(z, expected) {
            for (value, target) in zip(row, want) {
                #expect(abs((value ?? .nan) - target) < 1e-5, "\(String(describing: value)) against \(target)")
            }
        }
    }

    @Test func twoGroupsScoreOppositeWays() {
        let z = LogOdds.zScores([[5, 1], [2, 9], [4, 4]])
        for row in z {
            #expect(abs((row[0] ?? .nan) + (row[1] ?? .nan)) < 1e-12)
        }
        // Equal counts in equal-sized groups are not distinctive at all.
        let even = LogOdds.zScores([[3, 3], [7, 7]])
        #expect(even.allSatisfy { $0.allSatisfy { abs($0 ?? .nan) < 1e-12 } })
    }

    @Test func scoresNothingThatCannotBeScored() {
        // One item alone has no odds against other items.
        #expect(LogOdds.zScores([[1, 6, 0]]) == [[nil, nil, nil]])
        // An item never seen, and a group with nothing in it.
        let z = LogOdds.zScores([[0, 0, 0], [3, 0, 2], [1, 0, 4]])
        #expect(z[0] == [nil, nil, nil])
        #expect(z[1][1] == nil && z[1][0] != nil)
        #expect(LogOdds.zScores([]).isEmpty)
    }

    @Test func mediansAndMidpoints() {
        #expect(Median(of: [3, 1, 2]) == Median(value: 2, n: 3))
        #expect(Median(of: [4, 1, 3, 2]) == Median(value: 2.5, n: 4))
        #expect(Median(of: []) == Median(value: nil, n: 0))
        // The mean of two middle amounts, half to even in minor units.
        #expect(Money.midpoint(1, 2) == 2)
        #expect(Money.midpoint(2, 3) == 2)
        #expect(Money.midpoint(-3, 0) == -2)
        #expect(Money.midpoint(10, 20) == 15)
        #expect(Money.midpoint(Int64.max, Int64.max) == Int64.max)
    }
}

@Suite struct ReportTests {
    let fixture: ReportFixture

    init() throws {
        fixture = try ReportFixture()
    }

    /// What the fixture's rules give for one theme: interviews of an outcome that mention it, in the groups
    /// `keep` lets through.
    func mentions(_ theme: String, _ outcome: Outcome, keep: (Int) -> Bool = { _ in true }) -> Int {
        (0..<ReportFixture.coded[outcome]!).filter { i in
            keep(i)
                && ReportFixture.themes(outcome, i).contains {
                    $0 == theme || (theme == "price" && $0 == "price_level")
                }
        }.count
    }

    @Test func programmeFigures() throws {
        let report = try fixture.store.report(ReportRequest())
        let programme = try #require(report.programme)
        #expect(programme.deals == ByOutcome(win: 14, loss: 15, noDecision: 10))
        #expect(programme.winRate == Share(14, of: 29))
        #expect(programme.winRateWithNoDecisions == Share(14, of: 39))
        #expect(programme.interviews == ByOutcome(win: 12, loss: 13, noDecision: 10))
        #expect(programme.codedInterviews == ByOutcome(win: 12, loss: 12, noDecision: 10))
        #expect(programme.coverage.loss == Share(13, of: 15))
        // Retail holds the even deals: wins 0…13, of which 0…11 interviewed.
        let retail = try #require(programme.segments.first { $0.dimension == .industry && $0.value == "Retail" })
        #expect(retail.coverage.win == Share(6, of: 7) && retail.coverage.noDecision == Share(5, of: 5))
        #expect(programme.segments.contains { $0.dimension == .region && $0.value == "EMEA" })
        // Every interview took place on the fixture's day, days after its decision.
        let today = ReportFixture.today
        let days = (0..<13).map { Double(ReportFixture.decided($0).days(until: today)) }
        #expect(programme.daysToInterview.loss == Median(of: days))
        #expect(programme.daysToInterviewAll.n == 35)
    }

    @Test func themeSharesAndScores() throws {
        let themes = try #require(try fixture.store.report(ReportRequest()).themes)
        #expect(themes.interviews == ByOutcome(win: 12, loss: 12, noDecision: 10))
        #expect(themes.rows.map(\.id) == ["price", "price_level", "fit", "timing"])
        #expect(themes.rows.map(\.depth) == [0, 1, 0, 0])
        for row in themes.rows {
            for outcome in Outcome.allCases {
                #expect(
                    row.share[outcome]
                        == Share(mentions(row.id, outcome), of: ReportFixture.coded[outcome]!), "\(row.id) \(outcome)")
            }
        }
        let price = try #require(themes.rows.first { $0.id == "price" })
        #expect(price.share.loss == Share(9, of: 12) && price.share.loss.value == 0.75)
        #expect(price.primary.loss == 9)
        #expect(price.negative.loss == 9 && price.positive.win == 2)
        // Worked out separately from the fixture's counts: price 2/9/4, fit 8/3/3, timing 4/3/7.
        let expected: [String: [Double]] = [
            "price": [-1.312912, 1.737555, -0.406215],
            "fit": [1.589883, -0.860769, -0.713808],
            "timing": [-0.256708, -0.860769, 1.128643],
        ]
        for (id, want) in expected {
            let row = try #require(themes.rows.first { $0.id == id })
            for (outcome, target) in zip(Outcome.allCases, want) {
                #expect(abs((row.z[outcome] ?? .nan) - target) < 1e-5, "\(id) \(outcome)")
            }
            #expect(row.fewData == ByOutcome(win: false, loss: false, noDecision: false))
        }
        // A sub-theme alone at its level has nothing to be scored against.
        let level = try #require(themes.rows.first { $0.id == "price_level" })
        #expect(level.z == ByOutcome(win: nil, loss: nil, noDecision: nil))
    }

    @Test func filtersNarrowEveryFigure() throws {
        var filter = DealFilter()
        filter.industries = ["retail"]
        let report = try fixture.store.report(ReportRequest(filter: filter))
        #expect(report.scope == ["industry retail"])
        #expect(report.programme?.deals == ByOutcome(win: 7, loss: 8, noDecision: 5))
        let themes = try #require(report.themes)
        #expect(themes.interviews == ByOutcome(win: 6, loss: 6, noDecision: 5))
        for row in themes.rows {
            for outcome in Outcome.allCases {
                #expect(row.share[outcome].count == mentions(row.id, outcome) { $0 % 2 == 0 }, "\(row.id) \(outcome)")
                // Fewer than ten interviews of each outcome: every share is marked.
                #expect(row.fewData[outcome])
            }
        }
        // A quarter is the same as its dates; one outcome leaves nothing to score against.
        var quarter = DealFilter()
        quarter.decidedFrom = CalendarDate(iso: "2026-01-01")
        quarter.decidedTo = CalendarDate(iso: "2026-03-31")
        quarter.outcomes = [.loss]
        let losses = try fixture.store.report(ReportRequest(filter: quarter))
        #expect(losses.scope == ["decided in 2026Q1", "outcome loss"])
        #expect(losses.programme?.deals == ByOutcome(win: 0, loss: 8, noDecision: 0))
        #expect(losses.themes?.rows.allSatisfy { $0.z == ByOutcome(win: nil, loss: nil, noDecision: nil) } == true)
    }

    @Test func breakdownsAndTrend() throws {
        let report = try fixture.store.report(ReportRequest(breakdown: .industry))
        let breakdown = try #require(report.breakdown)
        #expect(breakdown.groups.map(\.value) == ["Retail", "Software"])
        for group in breakdown.groups {
            let parity = group.value == "Retail" ? 0 : 1
            for row in group.themes.rows {
                for outcome in Outcome.allCases {
                    #expect(row.share[outcome].count == mentions(row.id, outcome) { $0 % 2 == parity })
                }
            }
        }
        let software = breakdown.groups[1]
        #expect(software.deals == ByOutcome(win: 7, loss: 7, noDecision: 5) && software.winRate == Share(7, of: 14))
        let trend = try #require(report.trend)
        #expect(trend.quarters == ["2026Q1", "2026Q2"])
        #expect(trend.interviews[0] == ByOutcome(win: 6, loss: 6, noDecision: 5))
        let timing = try #require(trend.rows.first { $0.id == "timing" })
        for (index, parity) in [0, 1].enumerated() {
            for outcome in Outcome.allCases {
                #expect(timing.mentions[index][outcome] == mentions("timing", outcome) { $0 % 2 == parity })
            }
        }
        // By rep: Ana has the even deals, Ben the odd ones.
        let byRep = try #require(try fixture.store.report(ReportRequest(breakdown: .rep)).breakdown)
        #expect(byRep.groups.map(\.value) == ["Ana Lima", "Ben Carter"])
        #expect(byRep.groups[0].themes.interviews == ByOutcome(win: 6, loss: 6, noDecision: 5))
    }

    /// Quotes are ranked in one query for a small scope and found theme by theme for a large one: both ways.
    @Test(arguments: [5_000, 0]) func quotesHonourConsent(rankUpTo: Int) throws {
        var request = ReportRequest(quotesPerTheme: 3)
        request.rankQuotesUpTo = rankUpTo
        let report = try fixture.store.report(request)
        let quotes = try #require(report.quotes)
        let all = quotes.flatMap(\.quotes)
        #expect(!all.isEmpty)
        let consent = try fixture.store.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, quotePermission FROM interview").map {
                    ($0["id"] as Int64, $0["quotePermission"] as String)
                })
        }
        for quote in all {
            #expect(consent[quote.interviewID] != "none", "a buyer who said not quoted was quoted")
            // Never the interviewer's own assessment.
            #expect(quote.questionID == "current_state" && !quote.text.contains("Interviewer"))
            let buyer = quote.text.components(separatedBy: "says:")[0].replacingOccurrences(of: "Buyer ", with: "")
                .trimmingCharacters(in: .whitespaces)
            if consent[quote.interviewID] == "anonymous" {
                #expect(!quote.attribution.contains("Buyer") && !quote.attribution.contains("Account"))
                #expect(
                    quote.attribution
                        == "CFO at a \(ReportFixture.industry(Int(buyer.split(separator: "-").last!)!)) company in EMEA"
                )
            } else {
                #expect(quote.attribution == "Buyer \(buyer), CFO, Account \(buyer)")
            }
        }
        #expect(quotes.allSatisfy { $0.quotes.count <= 3 })
        // Timing is most distinctive of no-decisions, so its first quote is one; the most recent primary
        // reasons come first.
        let price = try #require(quotes.first { $0.themeID == "price" })
        #expect(price.quotes.map(\.outcome) == [.loss, .noDecision, .win])
        #expect(price.quotes.first?.text.hasPrefix("Buyer loss-7 says") == true)
        // A parent's quotes include those coded with a theme under it.
        var moreRequest = ReportRequest(quotesPerTheme: 10)
        moreRequest.rankQuotesUpTo = rankUpTo
        let more = try #require(try fixture.store.report(moreRequest).quotes)
        let priceQuotes = try #require(more.first { $0.themeID == "price" }).quotes
        #expect(priceQuotes.contains { $0.text.hasPrefix("Buyer loss-1 says") })
        #expect(priceQuotes.count == 10)
        #expect(quotes.first { $0.themeID == "timing" }?.quotes.first?.outcome == .noDecision)
        #expect(try fixture.store.report(ReportRequest(quotesPerTheme: 0)).quotes == [])
    }

    @Test func valueAtStakeAndColumnFodder() throws {
        let report = try fixture.store.report(ReportRequest())
        let value = try #require(report.valueAtStake)
        func figure(_ measure: MoneyFigure.Measure) -> MoneyFigure? { value.first { $0.measure == measure } }
        func usd(_ text: String) -> Money { try! MoneyParser(defaultCurrency: .usd).parse(text).get() }
        // 100k, 250k and 12 × 40k a year.
        #expect(
            figure(.gapValuePerYear)
                == MoneyFigure(
                    measure: .gapValuePerYear, outcome: .loss, sum: usd("830000"), median: usd("250000"), n: 3))
        // 3 × 100k, 2 × 250k, 2.5 × 480k.
        #expect(
            figure(.gapValueOverOwnership)
                == MoneyFigure(
                    measure: .gapValueOverOwnership, outcome: .loss, sum: usd("2000000"), median: usd("500000"), n: 3))
        // 4 × 10k and 30k: an even count, so the median is their mean.
        #expect(
            figure(.inactionCostPerYear)
                == MoneyFigure(
                    measure: .inactionCostPerYear, outcome: .loss, sum: usd("70000"), median: usd("35000"), n: 2))
        #expect(value.count == 3)
        let fodder = try #require(report.columnFodder)
        #expect(fodder.preferredVendor.loss == Share(3, of: 4))
        #expect(fodder.preferredVendor.win == Share(0, of: 0))
        #expect(fodder.headStartMonths.loss == Median(value: 4, n: 3))
    }

    @Test func salesCycleBesideWhatRepsAssumed() throws {
        let cycle = try #require(try fixture.store.report(ReportRequest()).salesCycle)
        #expect(cycle.segment == .industry)
        func days(_ outcome: Outcome?, parity: Int?) -> [Double] {
            let outcomes = outcome.map { [$0] } ?? Outcome.allCases
            return outcomes.flatMap { outcome -> [Double] in
                let count = outcome == .loss ? 15 : outcome == .win ? 14 : 10
                return (0..<count).filter { parity == nil || $0 % 2 == parity }.map { Double(100 + 10 * $0) }
            }
        }
        let all = try #require(cycle.rows.first { $0.isAllSegments && $0.outcome == nil })
        #expect(all.actualDays == Median(of: days(nil, parity: nil)))
        // Only Ana (the even deals) said what she assumes.
        #expect(all.assumedDays == Median(value: 90, n: days(nil, parity: 0).count))
        let retailLosses = try #require(cycle.rows.first { $0.segmentValue == "Retail" && $0.outcome == .loss })
        #expect(retailLosses.actualDays == Median(of: days(.loss, parity: 0)))
        let softwareWins = try #require(cycle.rows.first { $0.segmentValue == "Software" && $0.outcome == .win })
        #expect(softwareWins.assumedDays == Median(value: nil, n: 0))
    }

    @Test func bothWaysOfFindingQuotesAgree() throws {
        var filter = DealFilter()
        filter.industries = ["Software"]
        for filter in [DealFilter(), filter] {
            var ranked = ReportRequest(filter: filter, sections: [.themes, .quotes], quotesPerTheme: 2)
            ranked.rankQuotesUpTo = .max
            var scanned = ranked
            scanned.rankQuotesUpTo = 0
            #expect(try fixture.store.report(ranked).quotes == fixture.store.report(scanned).quotes)
        }
    }

    @Test func aMergeCarriesItsCodesIntoTheReport() throws {
        try fixture.store.mergeTheme("timing", into: "fit")
        let themes = try #require(try fixture.store.report(ReportRequest()).themes)
        #expect(!themes.rows.contains { $0.id == "timing" })
        let fit = try #require(themes.rows.first { $0.id == "fit" })
        for outcome in Outcome.allCases {
            let either = (0..<ReportFixture.coded[outcome]!).filter {
                let coded = ReportFixture.themes(outcome, $0)
                return coded.contains("fit") || coded.contains("timing")
            }.count
            #expect(fit.share[outcome].count == either)
        }
        // Each answer coded with both keeps one code.
        let duplicates = try fixture.store.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM (SELECT answerID FROM code GROUP BY answerID, themeID HAVING count(*) > 1)")
        }
        #expect(duplicates == 0)
    }

    @Test func sectionsAreLeftOutWhenNotAsked() throws {
        let report = try fixture.store.report(ReportRequest(sections: [.themes]))
        #expect(report.themes != nil && report.programme == nil && report.quotes == nil && report.trend == nil)
        #expect(report.valueAtStake == nil && report.columnFodder == nil && report.salesCycle == nil)
        // A breakdown needs a dimension.
        #expect(ReportRequest(sections: [.breakdown]).sections.isEmpty)
    }
}

struct ReportOutputTests {
    @Test func csvIsTidyAndNeverAFormula() throws {
        let fixture = try ReportFixture()
        var report = try fixture.store.report(ReportRequest(breakdown: .quarter))
        report.quotes = [
            ThemeQuotes(
                themeID: "price", label: "Price",
                quotes: [
                    Quote(
                        text: "=HYPERLINK(\"http://x\")", attribution: "@cfo", outcome: .loss, quarter: "2026Q1",
                        interviewID: 1, questionID: "current_state", sentiment: .negative, isPrimary: true)
                ])
        ]
        let rows = report.csvRows
        #expect(rows.allSatisfy { $0.count == Report.csvHeader.count })
        #expect(rows.contains(["themes", "", "price", "loss", "share", "0.75", "12"]))
        #expect(rows.contains(["programme", "", "win_rate", "", "count", "14", "29"]))
        #expect(rows.contains(["breakdown", "quarter=2026Q2", "fit", "win", "count", "4", "6"]))
        #expect(rows.contains(["value", "USD", "gap_value_per_year", "loss", "sum", "830000.00", "3"]))
        let text = rows.map { CSVWriter.record($0) }.joined()
        #expect(text.contains("'=HYPERLINK") && text.contains(",'@cfo,"))
        #expect(!text.contains(",=") && !text.contains(",@"))
    }

    @Test func markdownAndTextEscapeWhatBuyersWrote() throws {
        let fixture = try ReportFixture()
        try fixture.store.renameTheme("fit", label: "Fit | <script>alert(1)</script>")
        let report = try fixture.store.report(ReportRequest())
        let markdown = report.document.markdown
        #expect(markdown.hasPrefix("# Win-loss report\n"))
        #expect(!markdown.contains("<script>") && markdown.contains("Fit \\| &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("| Theme | Win | Loss | No decision |"))
        let text = report.document.text(style: .plain)
        #expect(text.contains("THEMES BY OUTCOME") && text.contains("Win rate 48.3% (14 won of 29 won or lost)"))
        #expect(!text.contains("\u{1B}["))
        #expect(text.contains("75% (9/12)"))
    }
}

/// On a file, a report reads the deals on a second connection from the same snapshot.
struct ParallelReportTests {
    let home = TemporaryDirectory()

    func json(_ report: Report) throws -> String { try JSONOutput.string(report) }

    @Test func aFileGivesTheSameReportAsOneConnection() throws {
        let fixture = try ReportFixture()
        let path = home.file("programme.sqlite")
        try fixture.store.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        let file = try WinLossStore.open(path: path, mode: .mustExist)
        #expect(SnapshotPartner(path: path) != nil)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for request in [ReportRequest(), ReportRequest(breakdown: .region), ReportRequest(sections: [.programme])] {
            #expect(try json(file.report(request, now: now)) == json(fixture.store.report(request, now: now)))
        }
    }

    @Test func aWriterHoldingTheLockLeavesTheReportOnOneConnection() throws {
        let fixture = try ReportFixture()
        let path = home.file("programme.sqlite")
        try fixture.store.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        let file = try WinLossStore.open(path: path, mode: .mustExist)
        // Another process in the middle of a write, such as an import.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let writer = try DatabaseQueue(path: path, configuration: configuration)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE deal SET outcome = 'win' WHERE externalID = 'loss-0'")
        }
        #expect(SnapshotPartner(path: path) == nil)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        // The report reads what was committed, not the change in progress.
        #expect(
            try json(file.report(ReportRequest(), now: now)) == json(fixture.store.report(ReportRequest(), now: now)))
        try writer.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
    }
}
