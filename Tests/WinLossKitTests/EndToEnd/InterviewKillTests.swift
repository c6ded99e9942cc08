import Foundation
import GRDB
import Testing

@testable import WinLossDemo
@testable import WinLossKit

/// An interview is an hour of a buyer's goodwill: a crash must lose nothing already entered.
struct InterviewKillTests {
    let home = TemporaryDirectory()

    /// What the interviewer types, one unit (answer) at a time, with the question each answers (nil: consent).
    static let units: [(question: String?, lines: [String])] = [
        (nil, ["2"]), (nil, ["no"]),
        ("current_state", ["Invoices are reconciled by hand.", "Two people, most of each week.", ""]),
        ("measurement", ["Hours a week"]),
        ("planned_state", ["A few hours a week.", ""]),
        ("gap_reason", ["The ERP upgrade slipped. #integration", ""]),
        ("gap_value", ["EUR 180k per year"]),
        ("inaction_cost", ["EUR 120k per year"]),
        ("ownership_years", ["5"]),
        ("decision_process", ["An RFP run by finance.", ""]),
        ("decision_participants", ["1, 2"]),
        ("competitors_considered", ["Stratos and doing nothing.", ""]),
        ("winner_reason", ["Their ERP connector.", ""]),
        ("our_shortfall", ["Our connector needed services.", ""]),
        ("preferred_vendor", ["yes"]),
        ("first_contact_with_winner", ["6"]),
        ("sales_experience", ["Responsive but generic.", ""]),
        ("do_differently", ["Bring an ERP expert.", ""]),
        ("look_again", ["yes"]),
        ("revisit_when", ["2027-03-31"]),
        ("uncovered", ["Integration risk, not price.", ""]),
        ("openness", ["3"]),
        ("next_step_committed", ["no"]),
        ("candor", ["4"]),
    ]

    private func isSaved(_ index: Int, in detail: InterviewDetail) -> Bool {
        switch (index, Self.units[index].question) {
        case (0, nil): detail.quotePermission != nil
        case (_, nil): detail.recordingAllowed != nil
        case (_, let question?): detail.answers.contains { $0.questionID == question && $0.value != nil }
        }
    }

    @Test func killingTheSessionAtAnyPointLosesNothingEntered() throws {
        let db = home.file("winloss.sqlite")
        let fixture = try InterviewFixture(store: try WinLossStore.open(path: db))
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        try fixture.store.startInterview(id)
        let environment = Winloss(home: home.path).environment
        var random = SampleRandom(seed: 20_261_123)  // the same kill points on every run
        var saved = 0  // units known to be saved: every one before this index
        var rounds = 0
        var kills = 0
        while saved < Self.units.count, rounds < 60 {
            rounds += 1
            let process = try InteractiveProcess(
                executable: Winloss.executable, arguments: ["interview", "resume", String(id), "--db", db],
                environment: environment,
                directory: home.path)
            if saved > 2 {
                // A resumed session starts at the first unanswered question that applies.
                let plan = try fixture.store.interview(id).plan
                let expected = try #require(plan.nextUnanswered.flatMap { plan.position(of: $0.id) })
                #expect(
                    process.wait { $0.contains("Resuming at question \(expected.number) of \(expected.total).") },
                    "round \(rounds)")
            }
            // Answer a few units, each acknowledged ("Saved") before the next is typed.
            let answering = Int(random.next() % 3)
            for _ in 0..<answering where saved < Self.units.count {
                let before = process.occurrences(of: "Saved")
                process.send(Self.units[saved].lines)
                #expect(
                    process.wait { $0.components(separatedBy: "Saved").count - 1 > before },
                    "unit \(saved) acknowledged")
                saved += 1
            }
            // Then kill it: at once, halfway through typing the next answer, or just after sending it.
            if saved < Self.units.count {
                let lines = Self.units[saved].lines
                switch random.next() % 3 {
                case 0: break
                case 1: process.send(Array(lines.prefix(max(1, lines.count - 1))))
                default:
                    process.send(lines)
                    Thread.sleep(forTimeInterval: Double(random.next() % 4) / 1000)
                }
            }
            process.kill()
            kills += 1

            // The file is sound, and every acknowledged answer is in it.
            let check = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            #expect(check == ["ok"], "round \(rounds)")
            let detail = try fixture.store.interview(id)
            for index in 0..<saved {
                #expect(
                    isSaved(index, in: detail),
                    "round \(rounds): unit \(index) (\(Self.units[index].question ?? "consent")) survived the kill")
            }
            // An answer sent just before the kill may have been saved too; it is then complete, never half-written.
            while saved < Self.units.count, isSaved(saved, in: detail) { saved += 1 }
            #expect(detail.answers.allSatisfy { $0.value != nil && !$0.raw.isEmpty })
        }
        #expect(kills >= 10, "killed \(kills) times")
        // Finish the interview in one last session.
        let last = try Winloss(home: home.path).run(["interview", "resume", String(id), "--db", db], stdin: "yes\n")
        #expect(last.stdout.contains("Interview #\(id) completed."), "\(last.stdout.suffix(400))")
        let detail = try fixture.store.interview(id)
        #expect(detail.status == .completed && detail.answers.count == 22)
        #expect(
            detail.answers.first { $0.questionID == "current_state" }?.value
                == .text("Invoices are reconciled by hand.\nTwo people, most of each week."))
    }
}
