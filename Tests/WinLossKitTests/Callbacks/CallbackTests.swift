import Foundation
import GRDB
import Testing

@testable import WinLossKit

struct CallbackSelectionTests {
    @Test func lastYearsNoDecisionsDueFirstThenByStake() throws {
        let fixture = try CallbackFixture()
        let list = try fixture.store.callbacks(fixture.request())
        // N5 is this year's and W1 a win; the losses need --include-losses. N4 (2024) is carried over by its call.
        #expect(list.map(\.deal.externalID) == ["N2", "N4", "N1", "N6", "N3"])
        #expect(list.map(\.due.description) == ["2025-12-30", "2026-01-20", "2026-02-01", "2026-03-15", "2026-03-15"])
        #expect(list.map(\.dueSource) == [.defaultOffset, .callAgain, .buyer, .defaultOffset, .defaultOffset])
        #expect(list.map(\.carriedOver) == [false, true, false, false, false])
        // N6 and N3 are due the same day: N6 has more at stake (USD 90,000 against 40,000).
        #expect(list[3].atStake == Stake(amount: Money(minorUnits: 9_000_000, currency: .usd), basis: .dealAmount))
        #expect(list.allSatisfy { $0.status == .open })
    }

    @Test func theDefaultOffsetIsAnOption() throws {
        let fixture = try CallbackFixture()
        let list = try fixture.store.callbacks(fixture.request { $0.revisitAfter = RevisitOffset("90d")! })
        let n2 = try #require(list.first { $0.deal.externalID == "N2" })
        #expect(n2.due == CalendarDate(iso: "2025-09-28"))  // 30 June + 90 days
        // The buyer's own day is kept whatever the default.
        #expect(list.first { $0.deal.externalID == "N1" }?.due == CalendarDate(iso: "2026-02-01"))
        #expect(RevisitOffset("1y")?.after(CalendarDate(iso: "2024-02-29")!) == CalendarDate(iso: "2025-02-28"))
        #expect(RevisitOffset("6 months")?.after(CalendarDate(iso: "2025-08-31")!) == CalendarDate(iso: "2026-02-28"))
        #expect(RevisitOffset("2w")?.after(CalendarDate(iso: "2025-12-25")!) == CalendarDate(iso: "2026-01-08"))
        for bad in ["", "6", "m", "0m", "-3d", "6 fortnights", "99999d"] {
            #expect(RevisitOffset(bad) == nil, "\(bad)")
        }
    }

    @Test func lossesOnlyWhenTheBuyerWouldLookAgain() throws {
        let fixture = try CallbackFixture()
        let list = try fixture.store.callbacks(fixture.request { $0.includeLosses = true })
        #expect(list.map(\.deal.externalID) == ["N2", "N4", "N1", "N6", "N3", "L1"])
        let l1 = try #require(list.last)
        #expect(l1.due == CalendarDate(iso: "2026-04-30") && l1.dueSource == .buyer)
        #expect(l1.interviews.first?.wouldReconsider == true)
    }

    @Test func byRepSegmentPeriodAndValue() throws {
        let fixture = try CallbackFixture()
        func ids(_ change: (inout CallbackRequest) -> Void) throws -> [String] {
            try fixture.store.callbacks(fixture.request(change)).map(\.deal.externalID)
        }
        #expect(try ids { $0.filter.rep = "ana@example.com" } == ["N1", "N3"])
        #expect(try ids { $0.filter.rep = "Ben Carter" } == ["N2", "N4", "N6"])
        #expect(try ids { $0.filter.industries = ["retail"] } == ["N6", "N3"])
        #expect(try ids { $0.filter.regions = ["APAC"] } == [])
        // At stake: N1 USD 480,000 over ownership, N2 USD 300,000 a year; the rest are deal amounts under 100,000.
        #expect(try ids { $0.minimumAtStake = Money(minorUnits: 10_000_000, currency: .usd) } == ["N2", "N1"])
        #expect(try ids { $0.minimumAtStake = Money(minorUnits: 100, currency: .eur) } == [])
        // The deal amount filter is the CRM's.
        #expect(
            try ids { $0.filter.minimumAmount = Money(minorUnits: 8_000_000, currency: .usd) } == ["N2", "N1", "N6"])
        // A date range instead of a year; N4 is carried into it as long as it is due on or after its start.
        let range = CallbackRequest(
            decidedFrom: CalendarDate(iso: "2025-06-01")!, decidedTo: CalendarDate(iso: "2025-12-31")!)
        #expect(try fixture.store.callbacks(range).map(\.deal.externalID) == ["N2", "N4", "N6", "N3"])
        let year2024 = try fixture.store.callbacks(CallbackRequest(year: 2024)!)
        #expect(year2024.map(\.deal.externalID) == ["N4"] && year2024[0].carriedOver == false)
        // This year's list has this year's no-decision, and N4 again: it is due this year.
        #expect(try fixture.store.callbacks(CallbackRequest(year: 2026)!).map(\.deal.externalID) == ["N4", "N5"])
    }

    @Test func whatTheInterviewFound() throws {
        let fixture = try CallbackFixture()
        let list = try fixture.store.callbacks(fixture.request())
        let n1 = try #require(list.first { $0.deal.externalID == "N1" })
        #expect(
            n1.contact
                == ContactSummary(name: "Zoe Mensah", title: "CIO", email: "zoe@initech.example", phone: "+1 555 0101"))
        let interview = try #require(n1.interviews.first)
        #expect(interview.currentState == "Two people reconcile invoices by hand.")
        #expect(interview.measurement == "Hours a week" && interview.plannedState == "A few hours a week by now.")
        #expect(interview.gapReason == "The ERP upgrade slipped.")
        #expect(
            interview.inactionCost == PeriodAmount(amount: Money(minorUnits: 1_000_000, currency: .usd), period: .month)
        )
        #expect(interview.inactionCostPerYear == Money(minorUnits: 12_000_000, currency: .usd))
        #expect(interview.ownershipYears == 4)
        #expect(interview.inactionCostOverOwnership == Money(minorUnits: 48_000_000, currency: .usd))
        #expect(
            n1.atStake == Stake(amount: Money(minorUnits: 48_000_000, currency: .usd), basis: .inactionOverOwnership))
        #expect(interview.openness == 4 && interview.nextStepCommitted == true)
        #expect(
            interview.themes == [
                CallbackTheme(id: "status_quo", label: "Internal priorities and the status quo", isPrimary: true),
                CallbackTheme(id: "budget_timing", label: "Budget and timing", isPrimary: false),
            ])
        // A declined interview: the buyer asked is the contact, and the CRM record is all there is.
        let n3 = try #require(list.first { $0.deal.externalID == "N3" })
        #expect(n3.interviews.isEmpty && n3.interviewStatus == .declined && n3.contact?.name == "Jian Yang")
        // No interview and no buyer on record.
        let n6 = try #require(list.first { $0.deal.externalID == "N6" })
        #expect(n6.interviews.isEmpty && n6.interviewStatus == nil && n6.contact == nil)
    }

    @Test func overOwnershipRoundsAFractionOfAYearToTheCentHalfToEven() {
        let yearly = Money(minorUnits: 1_000_001, currency: .usd)
        // 2,500,002.5 and 2,500,007.5 cents: each half goes to the even cent, as medians do.
        #expect(yearly.times(Decimal(string: "2.5")!) == Money(minorUnits: 2_500_002, currency: .usd))
        #expect(
            Money(minorUnits: 1_000_003, currency: .usd).times(Decimal(string: "2.5")!)
                == Money(minorUnits: 2_500_008, currency: .usd))
        #expect(yearly.times(3) == Money(minorUnits: 3_000_003, currency: .usd))
        #expect(Money(minorUnits: .max / 2, currency: .usd).times(3) == nil)
        #expect(PeriodAmount(amount: Money(minorUnits: .max / 2, currency: .usd), period: .month).perYear == nil)
        #expect(PeriodAmount(amount: yearly, period: .quarter).perYear == Money(minorUnits: 4_000_004, currency: .usd))
        #expect(PeriodAmount(amount: yearly, period: .oneTime).perYear == nil)
    }
}

struct CallbackConsentTests {
    @Test func aBuyerWhoMayNotBeQuotedIsSummarisedByFiguresAndThemes() throws {
        let fixture = try CallbackFixture()
        let n2 = try #require(try fixture.store.callbacks(fixture.request()).first { $0.deal.externalID == "N2" })
        let interview = try #require(n2.interviews.first)
        #expect(interview.wordsWithheld && interview.quotePermission == QuotePermission.none)
        #expect(interview.currentState == nil && interview.measurement == nil && interview.gapReason == nil)
        #expect(interview.inactionCostPerYear == Money(minorUnits: 30_000_000, currency: .usd))
        #expect(interview.themes.map(\.id) == ["budget_timing"])
        #expect(n2.atStake?.basis == .inactionPerYear)
    }

    @Test func nothingPrivateReachesAnyFormat() throws {
        let fixture = try CallbackFixture()
        let list = CallbackList(
            try fixture.store.callbacks(fixture.request { $0.includeLosses = true }), today: fixture.today)
        let outputs =
            [
                list.table(style: .plain), list.csvRows.map { CSVWriter.record($0) }.joined(),
                try JSONOutput.string(list.callbacks), list.markdown, list.calendar.text(stamp: Date()),
            ] + list.callbacks.map { list.detail($0).text(style: .plain) }
        for output in outputs {
            #expect(!output.contains("PRIVATE"), "a private note in \(output.prefix(80))")
            #expect(!output.contains("UNQUOTABLE"), "an unquotable buyer's words in \(output.prefix(80))")
        }
        // What may be shown is shown.
        #expect(list.markdown.contains("Two people reconcile invoices by hand."))
        #expect(list.markdown.contains("the buyer asked not to be quoted, so only figures and themes are shown"))
        #expect(list.csvRows.contains { $0.contains("Two people reconcile invoices by hand.") })
    }
}

struct CallTrackingTests {
    @Test func callsMoveCallbacksAndAreShown() throws {
        let fixture = try CallbackFixture()
        try fixture.store.recordCall(
            CallOutcome(
                dealExternalID: "N1", result: .notNow, calledOn: CalendarDate(iso: "2026-01-06")!,
                note: "Call after the audit", caller: "ana@example.com", againOn: CalendarDate(iso: "2026-06-01")!))
        try fixture.store.recordCall(
            CallOutcome(dealExternalID: "N2", result: .reopened, calledOn: CalendarDate(iso: "2026-01-07")!))
        try fixture.store.recordCall(
            CallOutcome(dealExternalID: "N6", result: .noInterest, calledOn: CalendarDate(iso: "2026-01-07")!))
        let list = try fixture.store.callbacks(fixture.request())
        // Open first, due first; then those called.
        #expect(list.map(\.deal.externalID) == ["N4", "N3", "N1", "N2", "N6"])
        #expect(list.map(\.status) == [.open, .open, .open, .called, .called])
        let n1 = try #require(list.first { $0.deal.externalID == "N1" })
        #expect(n1.due == CalendarDate(iso: "2026-06-01") && n1.dueSource == .callAgain)
        #expect(n1.calls.map(\.note) == ["Call after the audit"] && n1.calls.first?.caller?.name == "Ana Lima")
        #expect(
            try fixture.store.callbacks(fixture.request { $0.status = .called }).map(\.deal.externalID) == ["N2", "N6"])
        #expect(try fixture.store.callbacks(fixture.request { $0.status = .open }).count == 3)
        #expect(try fixture.store.callbacks(fixture.request { $0.limit = 2 }).map(\.deal.externalID) == ["N4", "N3"])
        #expect(CallbackList.statusText(n1) == "called 2026-01-06: not now, again 2026-06-01")
    }

    @Test func aReopenedDealIsFollowedWhenItComesBack() throws {
        let fixture = try CallbackFixture()
        try fixture.store.recordCall(
            CallOutcome(dealExternalID: "N2", result: .reopened, calledOn: CalendarDate(iso: "2026-01-07")!))
        #expect(try fixture.store.callback(dealExternalID: "N2").returnedAs == nil)
        // A later import brings a new deal of the same account, created after the call.
        var next = NewDeal(
            externalID: "G2", name: "Globex G2", account: "Globex", rep: "ben@example.com",
            decidedOn: CalendarDate(iso: "2026-06-30")!, outcome: .win)
        next.createdOn = CalendarDate(iso: "2026-02-01")
        try fixture.store.addDeal(next)
        let followed = try fixture.store.callback(dealExternalID: "N2")
        #expect(
            followed.returnedAs
                == DealReference(
                    externalID: "G2", name: "Globex G2", outcome: .win, decidedOn: CalendarDate(iso: "2026-06-30")!))
        #expect(CallbackList.statusText(followed) == "called 2026-01-07: reopened → G2")
        // Or the call names it.
        try fixture.store.recordCall(
            CallOutcome(
                dealExternalID: "N6", result: .reopened, calledOn: CalendarDate(iso: "2026-01-07")!,
                newDealExternalID: "W1"))
        #expect(try fixture.store.callback(dealExternalID: "N6").returnedAs?.externalID == "W1")
    }

    @Test func badCallsAreRefusedAndWriteNothing() throws {
        let fixture = try CallbackFixture()
        let day = CalendarDate(iso: "2026-01-07")!
        let refused: [(CallOutcome, String)] = [
            (CallOutcome(dealExternalID: "NOPE", result: .reopened, calledOn: day), "no deal \"NOPE\""),
            (CallOutcome(dealExternalID: "W1", result: .reopened, calledOn: day), "was won"),
            (
                CallOutcome(dealExternalID: "N1", result: .reopened, calledOn: CalendarDate(iso: "2025-01-01")!),
                "before the deal was decided"
            ),
            (CallOutcome(dealExternalID: "N1", result: .noInterest, calledOn: day, againOn: day), "only a \"not now\""),
            (CallOutcome(dealExternalID: "N1", result: .notNow, calledOn: day, againOn: day), "is not after the call"),
            (
                CallOutcome(dealExternalID: "N1", result: .notNow, calledOn: day, newDealExternalID: "W1"),
                "only a reopened deal"
            ),
            (
                CallOutcome(dealExternalID: "N1", result: .reopened, calledOn: day, newDealExternalID: "N1"),
                "the deal called back itself"
            ),
            (CallOutcome(dealExternalID: "N1", result: .reopened, calledOn: day, caller: "nobody@x"), "no person"),
        ]
        for (call, message) in refused {
            let error = expectError(RequestError.self) { try fixture.store.recordCall(call) }
            #expect(
                error.map { String(describing: $0) }?.contains(message) == true,
                "\(message): \(String(describing: error))")
        }
        let calls = try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM callbackCall") }
        #expect(calls == 1)  // the fixture's own
    }
}

struct ICalendarTests {
    /// A strict reading of RFC 5545's content lines: CRLF ends, at most 75 octets, unfolding, escapes.
    private func contentLines(_ text: String) throws -> [String] {
        let bytes = Array(text.utf8)
        #expect(text.hasSuffix("\r\n"))
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13 {
                #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "a CR without LF")
                physical.append(current)
                current = []
                index += 2
                continue
            }
            #expect(bytes[index] != 10, "a bare LF")
            current.append(bytes[index])
            index += 1
        }
        var logical: [[UInt8]] = []
        for line in physical {
            #expect(line.count <= 75, "a line of \(line.count) octets")
            #expect(String(validating: line, as: UTF8.self) != nil, "a split UTF-8 sequence")
            if line.first == 32 {
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        return logical.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The value of a TEXT property, unescaped; fails on any escape RFC 5545 does not define.
    private func unescaped(_ value: Substring) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n", "N": result += "\n"
                case "\\", ";", ",": result.append(character)
                default: Issue.record("undefined escape \\\(character)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                #expect(character != ";" && character != ",", "an unescaped \(character) in a TEXT value")
                result.append(character)
            }
        }
        return result
    }

    @Test func aStrictParserAcceptsTheFile() throws {
        let description =
            "Line one, with commas; semicolons\\ and a backslash.\r\nLine two — ünïcödé "
            + String(
                repeating: "€", count: 40) + "\u{1B}[2J\u{202E}"
        let calendar = ICalendar(
            name: "winloss callbacks",
            events: [
                ICalendar.Event(
                    uid: "callback-N1@winloss", day: CalendarDate(iso: "2026-02-01")!, summary: "Call Zoe, at Initech",
                    description: description, categories: ["winloss callback", "no decision"], sequence: 2),
                ICalendar.Event(
                    uid: "callback-N2@winloss", day: CalendarDate(iso: "2025-12-31")!, summary: "Called",
                    description: "", cancelled: true),
            ])
        let text = calendar.text(stamp: Date(timeIntervalSince1970: 1_767_600_000))
        let lines = try contentLines(text)
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0") && lines.contains { $0.hasPrefix("PRODID:") })
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2 && lines.filter { $0 == "END:VEVENT" }.count == 2)
        #expect(lines.contains("DTSTAMP:20260105T080000Z"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20260201") && lines.contains("DTEND;VALUE=DATE:20260202"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20251231") && lines.contains("DTEND;VALUE=DATE:20260101"))
        #expect(lines.contains("SEQUENCE:2") && lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("CATEGORIES:winloss callback,no decision"))
        let summary = try #require(lines.first { $0.hasPrefix("SUMMARY:Call") })
        #expect(unescaped(summary.dropFirst("SUMMARY:".count)) == "Call Zoe, at Initech")
        let found = try #require(lines.first { $0.hasPrefix("DESCRIPTION:Line") })
        // Escapes undone, CRLF as one line break; terminal escapes and bidi overrides are gone.
        #expect(
            unescaped(found.dropFirst("DESCRIPTION:".count))
                == "Line one, with commas; semicolons\\ and a backslash.\nLine two — ünïcödé "
                + String(repeating: "€", count: 40) + "[2J")
        // Every event has what RFC 5545 requires of it.
        for property in ["UID:", "DTSTAMP:", "DTSTART;"] {
            #expect(lines.filter { $0.hasPrefix(property) }.count == 2, "\(property)")
        }
    }

    @Test func foldingNeverSplitsACharacter() {
        for count in 60...80 {
            for filler in ["a", "é", "€", "😀"] {
                let folded = ICalendar.folded("X:" + String(repeating: filler, count: count))
                for line in folded.components(separatedBy: "\r\n").dropLast() {
                    #expect(line.utf8.count <= 75)
                }
                let unfolded = folded.replacingOccurrences(of: "\r\n ", with: "")
                #expect(unfolded == "X:" + String(repeating: filler, count: count) + "\r\n")
            }
        }
    }

    @Test func eachCallbackKeepsItsUIDAndChangesItsSequence() throws {
        let fixture = try CallbackFixture()
        func export() throws -> String {
            CallbackList(try fixture.store.callbacks(fixture.request()), today: fixture.today).calendar.text(
                stamp: Date(timeIntervalSince1970: 0))
        }
        let first = try export()
        #expect(try export() == first)  // nothing relative to the day of the export
        #expect(first.contains("UID:callback-N1@winloss\r\n") && first.contains("UID:callback-N4@winloss\r\n"))
        #expect(CallbackList.uid("006A1/x y") == "callback-006A1%2Fx%20y@winloss")
        try fixture.store.recordCall(
            CallOutcome(
                dealExternalID: "N1", result: .notNow, calledOn: CalendarDate(iso: "2026-01-06")!,
                againOn: CalendarDate(iso: "2026-06-01")!))
        let second = try contentLines(try export())
        let event = try #require(
            second.split(separator: "BEGIN:VEVENT").first { $0.contains("UID:callback-N1@winloss") })
        #expect(event.contains("SEQUENCE:1") && event.contains("DTSTART;VALUE=DATE:20260601"))
    }
}
