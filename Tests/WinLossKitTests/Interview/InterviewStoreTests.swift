import Foundation
import GRDB
import Testing

@testable import WinLossKit

struct InterviewSchedulingTests {
    @Test func schedulesWithTheTemplateForTheOutcome() throws {
        let fixture = try InterviewFixture()
        let when = try #require(
            ScheduleTime.parse("2026-12-01 14:00", timeZone: TimeZone(identifier: "Europe/Berlin")!))
        let detail = try fixture.store.scheduleInterview(
            InterviewRequest(
                dealExternalID: "N1", contact: "Zoe Mensah", interviewer: "Priya Nair", scheduledFor: when,
                template: fixture.template(for: .noDecision)))
        #expect(detail.status == .scheduled && detail.template.id == "no-decision")
        #expect(detail.contact?.email == "zoe@initech.example" && detail.interviewer?.email == "priya@example.com")
        #expect(detail.rep == PersonReference(name: "Ben Carter", email: "ben@example.com"))
        #expect(detail.scheduledFor == when && detail.repOverrideReason == nil)
    }

    @Test func theDealsRepMayNotInterviewItsBuyer() throws {
        let fixture = try InterviewFixture()
        #expect(
            expectError(InterviewError.self) {
                try fixture.schedule("L1", contact: "sam@acme.example", interviewer: "ana@example.com")
            }
                == .interviewerIsRep(person: "Ana Lima", deal: "L1"))
        // Another deal's rep is not this deal's rep.
        #expect(
            try fixture.schedule("L1", contact: "sam@acme.example", interviewer: "ben@example.com").interviewer?.name
                == "Ben Carter")
        // The override is kept, and only for the deal's rep.
        let overridden = try fixture.schedule(
            "L1", contact: "lena@acme.example", interviewer: "Ana Lima", reason: "The buyer only speaks to Ana")
        #expect(overridden.repOverrideReason == "The buyer only speaks to Ana")
        #expect(
            expectError(InterviewError.self) {
                try fixture.schedule("L2", contact: "omar@globex.example", reason: "No one else")
            }
                == .overrideNotNeeded(person: "Dana Reyes", deal: "L2"))
        #expect(try fixture.store.interviews().first?.repOverrideReason == "The buyer only speaks to Ana")
    }

    @Test func refusesWhatCannotBeScheduled() throws {
        let fixture = try InterviewFixture()
        guard
            case .notFound(let kind, _, _)? = expectError(
                RequestError.self, { try fixture.schedule("L1", contact: "omar@globex.example") })
        else { return }
        #expect(kind == "contact at Acme")
        #expect(
            expectError(TemplateError.self) { try fixture.schedule("W1", contact: "sam@acme.example", outcome: .loss) }
                == .notForOutcome(id: "loss", outcome: .win, outcomes: [.loss]))
        let first = try fixture.schedule("L1", contact: "sam@acme.example")
        #expect(
            expectError(InterviewError.self) { try fixture.schedule("L1", contact: "Sam Okafor") }
                == .alreadyOpen(interviewID: first.id, contact: "Sam Okafor"))
        // Another buyer of the same deal may be interviewed too.
        #expect(try fixture.schedule("L1", contact: "lena@acme.example").id != first.id)
    }

    @Test func startingChecksTheRuleAgainAfterTheRepChanged() throws {
        let fixture = try InterviewFixture()
        let interview = try fixture.schedule("L2", contact: "omar@globex.example")
        // A new CRM export makes Dana the deal's rep.
        try fixture.store.write { db in
            try db.execute(
                sql:
                    "UPDATE deal SET repID = (SELECT id FROM person WHERE email = 'dana@example.com') WHERE externalID = 'L2'"
            )
        }
        #expect(
            expectError(InterviewError.self) { try fixture.store.startInterview(interview.id) }
                == .interviewerIsRep(person: "Dana Reyes", deal: "L2"))
        #expect(try fixture.store.interview(interview.id).status == .scheduled)
        let started = try fixture.store.startInterview(
            interview.id, repOverrideReason: "Dana took the account over after the loss")
        #expect(
            started.status == .inProgress && started.repOverrideReason == "Dana took the account over after the loss")
    }
}

struct InterviewLifecycleTests {
    @Test func statusesMoveOnlyForward() throws {
        let fixture = try InterviewFixture()
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        let store = fixture.store
        #expect(
            expectError(InterviewError.self) { try store.resumeInterview(id) }
                == .wrongStatus(interviewID: id, status: .scheduled, action: "resumed"))
        #expect(
            expectError(InterviewError.self) {
                try store.saveAnswer(id, questionID: "current_state", value: .text("x"), raw: "x")
            } != nil)
        try store.startInterview(id)
        #expect(expectError(InterviewError.self) { try store.startInterview(id) } != nil)
        #expect(try store.resumeInterview(id).status == .inProgress)
        #expect(
            expectError(InterviewError.self) { try store.completeInterview(id) }
                == .missingRequired(interviewID: id, questions: ["current_state", "decision_process", "winner_reason"]))
        for question in ["current_state", "decision_process", "winner_reason"] {
            try store.saveAnswer(id, questionID: question, value: .text("Said so."), raw: "Said so.")
        }
        #expect(expectError(InterviewError.self) { try store.completeInterview(id) } == .noConsent(interviewID: id))
        try store.recordConsent(id, quote: .named)
        try store.recordConsent(id, recordingAllowed: true)
        let completed = try store.completeInterview(id)
        #expect(
            completed.status == .completed && completed.closedAt != nil
                && completed.consent == Consent(quote: .named, recordingAllowed: true))
        #expect(expectError(InterviewError.self) { try store.closeInterview(id, as: .declined) } != nil)
        #expect(
            expectError(InterviewError.self) {
                try store.saveAnswer(id, questionID: "nope", value: .text("x"), raw: "x")
            }
                == .unknownQuestion(interviewID: id, question: "nope"))
    }

    @Test func declinedAndNoShowCloseAnInterview() throws {
        let fixture = try InterviewFixture()
        let declined = try fixture.store.closeInterview(
            try fixture.schedule("L1", contact: "sam@acme.example").id, as: .declined, note: "Too busy")
        #expect(declined.status == .declined && declined.closingNote == "Too busy")
        let noShow = try fixture.store.closeInterview(
            try fixture.schedule("N1", contact: "zoe@initech.example", outcome: .noDecision).id, as: .noShow)
        #expect(noShow.status == .noShow)
        // A closed interview frees its buyer for a new one.
        #expect(try fixture.schedule("L1", contact: "sam@acme.example").status == .scheduled)
    }

    @Test func changingAnAnswerKeepsTheEarlierValueWithWhoAndWhen() throws {
        let fixture = try InterviewFixture()
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        try fixture.store.startInterview(id)
        try fixture.store.saveAnswer(
            id, questionID: "gap_value", value: .money(Money(minorUnits: 10_000_000, currency: .eur), period: .year),
            raw: "EUR 100k")
        let edited = try fixture.store.editAnswer(
            id, questionID: "gap_value", input: "EUR 150k per year #price", by: "priya@example.com")
        let answer = try #require(edited.answers.first { $0.questionID == "gap_value" })
        #expect(
            answer.value == .money(Money(minorUnits: 15_000_000, currency: .eur), period: .year)
                && answer.tags == ["price"])
        #expect(edited.revisions.count == 1)
        let revision = try #require(edited.revisions.first)
        #expect(revision.previousText == "EUR 100,000.00 per year" && revision.previousRaw == "EUR 100k")
        #expect(revision.changedBy == PersonReference(name: "Priya Nair", email: "priya@example.com"))
        // Saving the same answer again is not a change.
        try fixture.store.editAnswer(id, questionID: "gap_value", input: "EUR 150k per year #price", by: nil)
        #expect(try fixture.store.interview(id).revisions.count == 1)
        #expect(
            expectError(InterviewError.self) {
                try fixture.store.editAnswer(id, questionID: "gap_value", input: "lots", by: nil)
            } != nil)
        #expect(
            expectError(InterviewError.self) {
                try fixture.store.editAnswer(id, questionID: "first_contact_with_winner", input: "6", by: nil)
            }
                == .notAsked(interviewID: id, question: "first_contact_with_winner"))
        // Typed columns let reports add amounts up in SQL.
        let stored = try fixture.store.read {
            try Row.fetchOne($0, sql: "SELECT amountMinor, currency, period FROM answer WHERE questionID = 'gap_value'")
        }
        let amount: Int64? = stored?["amountMinor"]
        let currency: String? = stored?["currency"]
        let period: String? = stored?["period"]
        #expect(amount == 15_000_000 && currency == "EUR" && period == "year")
    }

    @Test func aCompletedInterviewKeepsItsRequiredAnswers() throws {
        let fixture = try InterviewFixture()
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        let file = try AnswersFile.parse(
            "consent: {quote: none, recording: false}\nanswers: {current_state: x, decision_process: y, winner_reason: z}\n",
            file: "a.yaml",
            template: fixture.template(for: .loss).template, outcome: .loss
        ).get()
        try fixture.store.recordInterview(id, file)
        #expect(
            expectError(InterviewError.self) {
                try fixture.store.editAnswer(id, questionID: "winner_reason", input: nil, by: nil)
            }
                == .missingRequired(interviewID: id, questions: ["winner_reason"]))
        #expect(try fixture.store.interview(id).answers.first { $0.questionID == "winner_reason" }?.value == .text("z"))
    }
}

struct AnswersFileTests {
    @Test func recordsAWholeInterviewAllOrNothing() throws {
        let fixture = try InterviewFixture()
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        let text = """
            consent:
              quote: anonymous
              recording: false
            answers:
              current_state: |
                Invoices are reconciled by hand. #process
              gap_value: EUR 200k per year
              decision_process: An RFP.
              decision_participants: [1, finance]
              winner_reason: Their connector.
              preferred_vendor: yes
              first_contact_with_winner: 6 months
            skip: [measurement]
            notes:
              - {question: gap_value, text: Rough figure.}
              - text: Friendly call.
            """
        let file = try AnswersFile.parse(
            text, file: "i.yaml", template: fixture.template(for: .loss).template, outcome: .loss
        ).get()
        let detail = try fixture.store.recordInterview(id, file)
        #expect(detail.status == .completed && detail.consent == Consent(quote: .anonymous, recordingAllowed: false))
        #expect(detail.answers.count == 8 && detail.answers.first { $0.questionID == "measurement" }?.skipped == true)
        #expect(detail.answers.first { $0.questionID == "current_state" }?.tags == ["process"])
        #expect(
            detail.answers.first { $0.questionID == "decision_participants" }?.value
                == .choices(["executive", "finance"]))
        #expect(detail.notes.map(\.text) == ["Rough figure.", "Friendly call."])
    }

    @Test func reportsEveryProblemWithItsLineAndColumn() throws {
        let fixture = try InterviewFixture()
        let text = """
            consent: {quote: maybe, recording: false}
            answers:
              current_stat: Something.
              gap_value: a lot
              decision_participants: [1, 9]
              first_contact_with_winner: 6
              decision_process: An RFP.
            skip: [measurement, nothing]
            """
        guard
            case .failure(let failure) = AnswersFile.parse(
                text, file: "i.yaml", template: fixture.template(for: .loss).template, outcome: .loss)
        else {
            Issue.record("accepted")
            return
        }
        #expect(
            failure.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
                "1:18 quote is named, anonymous or none, not \"maybe\"",
                "3:3 template loss version 2 has no question \"current_stat\"; did you mean \"current_state\"?",
                "3:3 required questions have no answer: current_state, winner_reason; answer them, or record with complete: false",
                "4:14 gap_value: \"a lot\" is not an amount of money: \"a lot\" is not an amount (write it like 12500, $12,500.00, EUR 40.000,00 or 250k). Add a period like \"per year\" if it has one",
                "5:26 decision_participants: \"9\" is not one of the choices; type a number from 1 to 8, or the choice's name",
                "6:3 \"first_contact_with_winner\" is not asked in this interview: the condition \"preferred_vendor is yes\" does not hold",
                "8:21 template loss version 2 has no question \"nothing\"",
            ])
        #expect(failure.diagnostics.allSatisfy { $0.file == "i.yaml" && $0.severity == .error })
    }

    @Test func anIncompleteRecordingStaysInProgress() throws {
        let fixture = try InterviewFixture()
        let id = try fixture.schedule("N1", contact: "zoe@initech.example", outcome: .noDecision).id
        let file = try AnswersFile.parse(
            #"{"answers": {"current_state": "Waiting.", "revisit_when": "2027-04-01"}, "complete": false}"#,
            file: "j.json",
            template: fixture.template(for: .noDecision).template, outcome: .noDecision
        ).get()
        let detail = try fixture.store.recordInterview(id, file)
        #expect(detail.status == .inProgress && detail.answers.count == 2)
        #expect(
            detail.answers.first { $0.questionID == "revisit_when" }?.value == .date(CalendarDate(iso: "2027-04-01")!))
    }
}

struct QueueTests {
    @Test func listsUndoneDealsInTheOrderToWorkThem() throws {
        let fixture = try InterviewFixture()
        var queue: [QueueEntry] = []
        try fixture.store.forEachQueueEntry(today: fixture.today) { queue.append($0) }
        // Fresh (decided in the last 30 days) before late; within each, the largest first.
        #expect(queue.map(\.deal.externalID) == ["N1", "L1", "W1", "L3", "L2"])
        #expect(queue.map(\.daysSinceDecision) == [5, 3, 10, 45, 40])
        #expect(queue.map(\.late) == [false, false, false, true, true])
        #expect(queue.allSatisfy { $0.status == nil })

        let scheduled = try fixture.schedule("L1", contact: "sam@acme.example")
        let declined = try fixture.schedule("N1", contact: "zoe@initech.example", outcome: .noDecision)
        try fixture.store.closeInterview(declined.id, as: .declined)
        let done = try fixture.schedule("L3", contact: "jian@hooli.example")
        let file = try AnswersFile.parse(
            "consent: {quote: named, recording: true}\nanswers: {current_state: x, decision_process: y, winner_reason: z}\n",
            file: "a.yaml",
            template: fixture.template(for: .loss).template, outcome: .loss
        ).get()
        try fixture.store.recordInterview(done.id, file)

        queue = []
        try fixture.store.forEachQueueEntry(today: fixture.today) { queue.append($0) }
        // Completed deals leave the queue; declined ones go to the end.
        #expect(queue.map(\.deal.externalID) == ["L1", "W1", "L2", "N1"])
        #expect(
            queue.first?.status == .scheduled && queue.first?.interviewID == scheduled.id
                && queue.first?.interviewer == "Dana Reyes")
        #expect(queue.last?.status == .declined)

        var losses = DealFilter()
        losses.outcomes = [.loss]
        queue = []
        try fixture.store.forEachQueueEntry(matching: losses, today: fixture.today, limit: 1) { queue.append($0) }
        #expect(queue.map(\.deal.externalID) == ["L1"])
        #expect(try fixture.store.interviews(status: .completed).map(\.dealExternalID) == ["L3"])
        #expect(try fixture.store.interviews(interviewer: "dana@example.com").count == 3)
    }
}
