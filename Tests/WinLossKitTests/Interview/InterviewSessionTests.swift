import Foundation
import Testing

@testable import WinLossKit

struct InterviewSessionTests {
    private func started(_ fixture: InterviewFixture, deal: String = "L1", contact: String = "sam@acme.example") throws
        -> Int64
    {
        let id = try fixture.schedule(deal, contact: contact).id
        try fixture.store.startInterview(id)
        return id
    }

    private func run(_ fixture: InterviewFixture, _ id: Int64, _ lines: [String]) throws -> (
        InterviewSession.Ending, String
    ) {
        let prompter = ScriptedPrompter(lines)
        let ending = try InterviewSession(
            store: fixture.store, interviewID: id, prompter: prompter, defaultCurrency: .eur
        ).run()
        return (ending, prompter.shown)
    }

    @Test func aWholeInterviewFromConsentToCompletion() throws {
        let fixture = try InterviewFixture()
        let id = try started(fixture)
        let (ending, shown) = try run(fixture, id, InterviewFixture.lossAnswers + ["yes"])
        #expect(ending == .completed)
        let detail = try fixture.store.interview(id)
        #expect(detail.status == .completed && detail.consent == Consent(quote: .anonymous, recordingAllowed: false))
        #expect(detail.answers.count == 22 && detail.answers.allSatisfy { !$0.skipped })
        #expect(
            detail.answers.first { $0.questionID == "gap_value" }?.value
                == .money(Money(minorUnits: 18_000_000, currency: .eur), period: .year))
        #expect(detail.answers.first { $0.questionID == "current_state" }?.tags == ["process"])
        #expect(detail.answers.first { $0.questionID == "first_contact_with_winner" }?.value == .months(6))
        // The session shows the introduction, guidance, sections, positions and probes.
        for expected in [
            "Read to the buyer:", "Guidance:", "── Where you are ──",
            "Question 1 of 20 · required · tag themes with #name",
            "Probe: Who feels it most?", "Question 14 of 21", "── After the interview (for you, the interviewer) ──",
            "May we quote the buyer? 1) by name  2) anonymously  3) not at all", "Interview #\(id) completed.",
        ] {
            #expect(shown.contains(expected), "shows \(expected.debugDescription)")
        }
    }

    @Test func badAnswersAreExplainedAndAskedAgainNeverStored() throws {
        let fixture = try InterviewFixture()
        let id = try started(fixture)
        let lines = [
            "9", "2", "perhaps", "no", "First answer.", "", "", "/frobnicate", "hours", "A target.", "", "Slipped.", "",
            "a lot", "250k", "/pause",
        ]
        let (ending, shown) = try run(fixture, id, lines)
        #expect(ending == .paused)
        #expect(shown.contains("Type 1, 2 or 3.") && shown.contains("Type yes or no."))
        #expect(shown.contains("/frobnicate is not a command"))
        #expect(shown.contains("Not saved: \"a lot\" is not an amount of money"))
        let detail = try fixture.store.interview(id)
        #expect(
            detail.answers.map(\.questionID) == [
                "current_state", "measurement", "planned_state", "gap_reason", "gap_value",
            ])
        #expect(detail.answers.last?.value == .money(Money(minorUnits: 25_000_000, currency: .eur), period: .year))
        #expect(!detail.answers.contains { $0.raw == "a lot" })
        #expect(detail.revisions.isEmpty)
    }

    @Test func skipBackNoteAndConditionsAsTheAnswersComeIn() throws {
        let fixture = try InterviewFixture()
        let id = try started(fixture)
        // Skip measurement, answer planned_state, then go back twice (to planned_state, then measurement) and answer it:
        // the session continues at the first unanswered question.
        var lines = [
            "1", "yes", "State.", "", "/skip", "Target.", "", "/back", "/back", "/note The buyer hesitated here.",
            "Their own KPI",
        ]
        lines += ["Reason.", "", "10k", "/pause"]
        let (ending, _) = try run(fixture, id, lines)
        #expect(ending == .paused)
        var detail = try fixture.store.interview(id)
        #expect(detail.answers.first { $0.questionID == "measurement" }?.value == .text("Their own KPI"))
        #expect(
            detail.notes == [
                InterviewNote(
                    questionID: "measurement", text: "The buyer hesitated here.",
                    createdAt: detail.notes.first?.createdAt ?? Date())
            ])
        #expect(detail.revisions.map(\.questionID) == ["measurement"])
        #expect(
            detail.revisions.first?.changedBy?.email == "dana@example.com"
                && detail.revisions.first?.previousText == nil)
        #expect(
            detail.answers.first { $0.questionID == "gap_value" }?.value
                == .money(Money(minorUnits: 1_000_000, currency: .eur), period: .year))
        #expect(detail.answers.first { $0.questionID == "gap_reason" }?.value == .text("Reason."))

        // Resuming continues at the first unanswered question that applies; "no" hides the follow-up.
        let rest = ["8k", "3", "Process.", "", "1", "Options.", "", "Reason.", "", "Shortfall.", "", "no", "/pause"]
        let (paused, shown) = try run(fixture, id, rest)
        #expect(paused == .paused)
        #expect(shown.contains("Resuming at question 6 of 20."))
        detail = try fixture.store.interview(id)
        #expect(detail.answers.first { $0.questionID == "preferred_vendor" }?.value == .yesNo(false))
        #expect(detail.plan.nextUnanswered?.id == "sales_experience")
        #expect(!detail.plan.applies("first_contact_with_winner"))
    }

    @Test func inputEndingMidAnswerKeepsWhatWasTyped() throws {
        let fixture = try InterviewFixture()
        let id = try started(fixture)
        let (ending, _) = try run(fixture, id, ["3", "no", "First line of a long answer", "second line"])
        #expect(ending == .paused)
        let detail = try fixture.store.interview(id)
        #expect(detail.consent == Consent(quote: .none, recordingAllowed: false))
        #expect(detail.answers.first?.value == .text("First line of a long answer\nsecond line"))
        // /pause on its own line ends a long answer, saving it first.
        let (paused, _) = try run(fixture, id, ["Measured in hours", "Planned: a few hours.", "/pause", "never read"])
        #expect(paused == .paused)
        #expect(
            try fixture.store.interview(id).answers.map(\.raw) == [
                "First line of a long answer\nsecond line", "Measured in hours", "Planned: a few hours.",
            ])
        // Input ending before the consent is given leaves it to be asked next time.
        let other = try started(fixture, deal: "L2", contact: "omar@globex.example")
        #expect(try run(fixture, other, []).0 == .paused)
        #expect(try fixture.store.interview(other).quotePermission == nil)
    }

    @Test func requiredQuestionsSkippedAreOfferedAgainAtTheEnd() throws {
        let fixture = try InterviewFixture()
        let id = try started(fixture)
        var lines = ["2", "no", "/skip"] + Array(repeating: "/skip", count: 19)
        lines += ["yes", "Now I can say it.", "", "It was an RFP.", "", "Their connector.", "", "yes"]
        let (ending, shown) = try run(fixture, id, lines)
        #expect(shown.contains("Required questions without an answer: current_state, decision_process, winner_reason."))
        #expect(ending == .completed)
        #expect(
            try fixture.store.interview(id).answers.filter { !$0.skipped }.map(\.questionID) == [
                "current_state", "decision_process", "winner_reason",
            ])
    }

    @Test func aClosedInterviewCannotBeRun() throws {
        let fixture = try InterviewFixture()
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        #expect(expectError(InterviewError.self) { try run(fixture, id, []) } != nil)
    }
}
