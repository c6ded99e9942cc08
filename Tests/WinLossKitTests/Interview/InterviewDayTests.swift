import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// The day an interview took place, which "days from the decision to the interview" count to.
struct InterviewDayTests {
    /// Noon on 2026-11-30 in UTC: "today" for these tests. The fixture's L1 was decided on 2026-11-20.
    static let now = Date(timeIntervalSince1970: 1_796_040_000)
    let utc = TimeZone(identifier: "UTC")!

    private func fixture() throws -> InterviewFixture {
        try InterviewFixture(store: try WinLossStore.inMemory(clock: .fixed(Self.now)))
    }

    private func file(_ fixture: InterviewFixture, _ extra: String = "") throws -> AnswersFile {
        try AnswersFile.parse(
            """
            consent: {quote: named, recording: false}
            \(extra)
            answers:
              current_state: By hand.
              decision_process: An RFP.
              winner_reason: Their connector.
              gap_value: USD 10k per year

            """, file: "a.yaml", template: fixture.template(for: .loss).template, outcome: .loss
        ).get()
    }

    @Test func aRecordedInterviewTakesTheDayItIsGivenElseItsScheduledDayElseToday() throws {
        let fixture = try fixture()
        #expect(Clock.fixed(Self.now).today(in: utc) == CalendarDate(iso: "2026-11-30"))
        // Given in the file.
        let first = try fixture.schedule("L1", contact: "sam@acme.example").id
        try fixture.store.recordInterview(first, try file(fixture, "interviewedOn: 2026-11-27"), timeZone: utc)
        #expect(try fixture.store.interview(first).interviewedOn == CalendarDate(iso: "2026-11-27"))

        // Scheduled for a day: that day, in the interviewer's zone (23:30 UTC is the next day in Berlin).
        let scheduled = try fixture.store.scheduleInterview(
            InterviewRequest(
                dealExternalID: "L1", contact: "lena@acme.example", interviewer: "dana@example.com",
                scheduledFor: Date(timeIntervalSince1970: 1_795_735_800),  // 2026-11-26 23:30 UTC
                template: fixture.template(for: .loss)))
        try fixture.store.recordInterview(
            scheduled.id, try file(fixture), timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(try fixture.store.interview(scheduled.id).interviewedOn == CalendarDate(iso: "2026-11-27"))

        // Scheduled for a day still to come: it took place early, today.
        let early = try fixture.store.scheduleInterview(
            InterviewRequest(
                dealExternalID: "L3", contact: "jian@hooli.example", interviewer: "dana@example.com",
                scheduledFor: Self.now.addingTimeInterval(7 * 86_400), template: fixture.template(for: .loss)))
        try fixture.store.recordInterview(early.id, try file(fixture), timeZone: utc)
        #expect(try fixture.store.interview(early.id).interviewedOn == CalendarDate(iso: "2026-11-30"))

        // Neither: today.
        let unscheduled = try fixture.schedule("L2", contact: "omar@globex.example").id
        try fixture.store.recordInterview(unscheduled, try file(fixture), timeZone: utc)
        #expect(try fixture.store.interview(unscheduled).interviewedOn == CalendarDate(iso: "2026-11-30"))

        // The report counts days to those days: 7 for L1 (twice), 47 for L2 (decided 2026-10-14) and 52 for L3
        // (decided 2026-10-09).
        let report = try fixture.store.report(ReportRequest(sections: [.programme]))
        // 7, 7, 47 and 52 days: the median is the mean of 7 and 47.
        #expect(report.programme?.daysToInterview[.loss] == Median(value: 27, n: 4))
        #expect(fixture.today.adding(days: -40).days(until: CalendarDate(iso: "2026-11-30")!) == 47)
    }

    @Test func aDayThatCannotBeIsRefusedAndNothingIsWritten() throws {
        let fixture = try fixture()
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        for (day, message) in [
            ("2026-11-19", "2026-11-19 is before the deal was decided (2026-11-20)"),
            ("2026-12-01", "2026-12-01 is in the future"),
        ] {
            let error = expectError(RequestError.self) {
                try fixture.store.recordInterview(id, try file(fixture, "interviewedOn: \(day)"), timeZone: utc)
            }
            #expect(error.map { String(describing: $0) }?.contains(message) == true, "\(day)")
            #expect(try fixture.store.interview(id).status == .scheduled)
        }
        let error = expectError(RequestError.self) {
            try fixture.store.recordInterview(
                id, try file(fixture, "interviewedOn: 2026-11-25"), interviewedOn: CalendarDate(iso: "2026-11-26"),
                timeZone: utc)
        }
        #expect(error != nil)
        #expect(
            AnswersFile.parse(
                "interviewedOn: last week\nanswers: {}\ncomplete: false\n", file: "a.yaml",
                template: fixture.template(for: .loss).template, outcome: .loss
            ).failureDescription?.contains(
                "a.yaml:1:16: error: interviewedOn is the day the interview took place, YYYY-MM-DD, not \"last week\"")
                == true)
    }

    @Test func aLiveSessionTakesTheDayItStartsInTheInterviewersZone() throws {
        let fixture = try fixture()
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        // Noon UTC is already the next day in Auckland.
        try fixture.store.startInterview(id, timeZone: TimeZone(identifier: "Pacific/Auckland")!)
        #expect(try fixture.store.interview(id).interviewedOn == CalendarDate(iso: "2026-12-01"))
    }

    @Test func interviewsStartedBeforeTheDayWasKeptTakeTheDayTheyStartedInUTC() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("old.sqlite")
        let fixture = try InterviewFixture(store: try WinLossStore.open(path: path))
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        try fixture.store.startInterview(id)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE interview SET interviewedOn = NULL, startedAt = '2026-11-25 23:59:59.000';
                    DELETE FROM grdb_migrations WHERE identifier = 'v7-interview-day';
                    ALTER TABLE interview DROP COLUMN interviewedOn;
                    """)
        }
        let store = try WinLossStore.open(path: path, mode: .mustExist)
        #expect(try store.interview(id).interviewedOn == CalendarDate(iso: "2026-11-25"))
    }
}

extension Result where Failure == AnswersFile.Failure {
    var failureDescription: String? {
        if case .failure(let failure) = self { return failure.description }
        return nil
    }
}
