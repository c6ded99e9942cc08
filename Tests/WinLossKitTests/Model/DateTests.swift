import Foundation
import Testing

@testable import WinLossKit

struct CalendarDateTests {
    @Test func refusesDaysThatDoNotExist() {
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "2026-1-01") == nil)
    }

    @Test func countsDaysAcrossMonthsYearsAndLeapDays() throws {
        let start = try #require(CalendarDate(iso: "2024-02-28"))
        #expect(start.days(until: try #require(CalendarDate(iso: "2024-03-01"))) == 2)
        #expect(start.days(until: try #require(CalendarDate(iso: "2025-02-28"))) == 366)
        #expect(start.adding(days: 366).description == "2025-02-28")
        #expect(start.adding(days: -59).description == "2023-12-31")
        #expect(try #require(CalendarDate(iso: "2026-03-31")).quarter == 1)
    }

    @Test func todayDependsOnTheZoneNamed() throws {
        // 2026-03-31 23:30 UTC is already 1 April in Tokyo.
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-03-31T23:30:00Z"))
        let utc = CalendarDate.today(in: try #require(TimeZone(identifier: "UTC")), now: instant)
        let tokyo = CalendarDate.today(in: try #require(TimeZone(identifier: "Asia/Tokyo")), now: instant)
        #expect(utc.days(until: tokyo) == 1)
    }
}

struct DateParserTests {
    @Test(arguments: [
        ("2026-03-04", "2026-03-04"),
        ("2026-03-04 17:00", "2026-03-04"),
        ("2026-03-04T23:59:59-08:00", "2026-03-04"),
        ("3/4/2026", "2026-03-04"),
        ("12/31/2026", "2026-12-31"),
        ("3/4/26", "2026-03-04"),
        ("4.3.2026", "2026-03-04"),
        ("4 Mar 2026", "2026-03-04"),
        ("March 4, 2026", "2026-03-04"),
        ("4-Mar-2026", "2026-03-04"),
        ("3/4/2026 10:23 AM", "2026-03-04"),
    ])
    func readsMonthFirstFiles(input: String, expected: String) throws {
        #expect(try DateParser(order: .monthFirst).parse(input).get().description == expected)
    }

    @Test func readsDayFirstFilesWhenTold() throws {
        #expect(try DateParser(order: .dayFirst).parse("3/4/2026").get().description == "2026-04-03")
        #expect(try DateParser(order: .dayFirst).parse("31/12/2026").get().description == "2026-12-31")
    }

    @Test func explainsWhichOrderADateSeemsToUse() {
        #expect(DateParser(order: .monthFirst).parse("31/12/2026") == .failure(.looksDayFirst("31/12/2026")))
        #expect(DateParser(order: .dayFirst).parse("12/31/2026") == .failure(.looksMonthFirst("12/31/2026")))
        #expect(DateParser().parse("2/30/2026") == .failure(.notADate("2/30/2026", .monthFirst)))
        #expect(DateParser().parse("soon") == .failure(.notADate("soon", .monthFirst)))
        #expect(DateParser().parse(" ") == .failure(.empty))
    }
}

struct OutcomeRulesTests {
    @Test(
        arguments: [
            ("Closed Won", nil, Outcome.win),
            ("closedwon", nil, .win),
            ("Closed - Lost", "Price", .loss),
            ("Closed Lost", "No Decision - status quo", .noDecision),
            ("Closed lost", "Went with the status quo", .noDecision),
            ("No Decision", nil, .noDecision),
        ] as [(String, String?, Outcome)])
    func mapsClosedStages(stage: String, reason: String?, expected: Outcome) {
        #expect(OutcomeRules.standard.outcome(stage: stage, reason: reason) == expected)
    }

    @Test func openStagesHaveNoOutcome() {
        #expect(OutcomeRules.standard.outcome(stage: "Negotiation/Review", reason: nil) == nil)
        #expect(OutcomeRules.standard.outcome(stage: "Closed Won - Signed", reason: nil) == nil)
    }

    @Test func optionsAddStagesAndReasons() {
        let rules = OutcomeRules.standard.adding(
            winStages: ["Closed Won - Signed"], noDecisionStages: ["Parked"], noDecisionReasons: ["went dark"])
        #expect(rules.outcome(stage: "Closed Won - Signed", reason: nil) == .win)
        #expect(rules.outcome(stage: "parked", reason: nil) == .noDecision)
        #expect(rules.outcome(stage: "Closed Lost", reason: "Buyer went dark") == .noDecision)
        #expect(rules.outcome(stage: "Closed Lost", reason: "Price") == .loss)
    }
}
