import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// Interviews run through the built binary, with answers piped in as another program (or a person) would type them.
struct InterviewCommandTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("winloss.sqlite") }

    private func fixture() throws -> InterviewFixture {
        try InterviewFixture(store: try WinLossStore.open(path: db))
    }

    @Test func aPipedInterviewWithSkipBackPauseAndResume() throws {
        _ = try fixture()
        let scheduled = try winloss.run(
            [
                "interview", "schedule", "L1", "--contact", "sam@acme.example", "--interviewer", "dana@example.com",
                "--at", "2026-12-01 14:00",
                "--time-zone", "Europe/Berlin", "--db", db,
            ], extraEnvironment: ["TZ": "UTC"])
        #expect(scheduled.status == 0, "\(scheduled.stderr)")
        #expect(
            scheduled.stdout.hasPrefix(
                "Scheduled interview #1 for 2026-12-01 13:00 +00:00: Sam Okafor about deal L1, interviewed by Dana Reyes, from template loss version 2."
            ))

        let first = [
            "2", "no",
            "Invoices are reconciled by hand. #process", "",
            "/skip",
            "A few hours a week.", "",
            "/back", "/back",
            "/note The buyer winced at this one.",
            "Hours per week",
            "The ERP upgrade slipped. #integration", "",
            "a lot",
            "EUR 180k per year",
            "/pause",
        ]
        let paused = try winloss.run(
            ["interview", "start", "1", "--db", db], stdin: first.joined(separator: "\n") + "\n")
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(paused.stdout.contains("Not saved: \"a lot\" is not an amount of money"))
        #expect(paused.stdout.contains("Current answer: skipped (Enter keeps it)"))
        #expect(
            paused.stdout.hasSuffix(
                "Paused. Everything entered is saved; continue with `winloss interview resume 1`.\n"))

        // Starting again is refused; resuming continues at the first unanswered question.
        #expect(
            try winloss.run(["interview", "start", "1", "--db", db]).stderr.contains(
                "interview #1 is in progress, so it cannot be started; continue it with `winloss interview resume 1`"))
        let rest = [
            "EUR 120k per year", "5", "An RFP.", "", "1, 2", "Stratos.", "", "Their connector.", "", "Our connector.",
            "", "yes", "6",
            "Generic.", "", "An ERP expert.", "", "no", "Risk, not price.", "", "3", "no", "4", "yes",
        ]
        let resumed = try winloss.run(
            ["interview", "resume", "1", "--db", db], stdin: rest.joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resuming at question 6 of 20."))
        #expect(resumed.stdout.contains("Question 14 of 21"))
        #expect(resumed.stdout.contains("Interview #1 completed."))

        let shown = try winloss.run(["interview", "show", "1", "--db", db], extraEnvironment: ["TZ": "UTC"]).stdout
        for expected in [
            "Interview #1 · completed", "Buyer        Sam Okafor, CIO <sam@acme.example>",
            "Scheduled    2026-12-01 13:00 +00:00",
            "Consent      the buyer may be quoted anonymously; recording not allowed",
            "2. How do you measure that situation?\n   Hours per week\n   Private note: The buyer winced at this one.",
            "   Tags: #integration",
            "5. What would closing that gap be worth to your business?\n   EUR 180,000.00 per year",
            "14. How many months before our first meeting had you started talking to them?\n   6 months",
            "- measurement changed",
        ] {
            #expect(shown.contains(expected), "shows \(expected.debugDescription)")
        }
        let markdown = try winloss.run(["interview", "show", "1", "--format", "md", "--db", db]).stdout
        #expect(markdown.hasPrefix("# Interview \\#1 · completed\n\n- **Deal:** Acme L1 (L1) · loss · Acme\n"))
        #expect(
            markdown.contains(
                "**1. Where does your team stand today on the problem that started this evaluation?**\n\n> Invoices are reconciled by hand.\n"
            ))
        let json = try JSONDecoder.withISODates.decode(
            InterviewDetail.self,
            from: Data(try winloss.run(["interview", "show", "1", "--format", "json", "--db", db]).stdout.utf8))
        #expect(json.answers.count == 21 && json.status == .completed && json.notes.count == 1)

        // A completed deal leaves the queue.
        #expect(
            !(try winloss.run(["queue", "--as-of", "2026-11-23", "--format", "csv", "--db", db]).stdout.contains(
                "\nL1,")))
        #expect(
            try winloss.run(["interview", "list", "--status", "completed", "--format", "csv", "--db", db]).stdout
                .contains("\n1,completed,L1,Acme L1,Acme,loss,Sam Okafor,Dana Reyes,"))
    }

    @Test func theNonRepRuleAndItsOverride() throws {
        _ = try fixture()
        let refused = try winloss.run([
            "interview", "schedule", "L1", "--contact", "Sam Okafor", "--interviewer", "ana@example.com", "--db", db,
        ])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.hasPrefix(
                "winloss: error: Ana Lima is the rep who worked deal L1, and the rep does not interview their own buyer"
            ))
        #expect(
            try winloss.run([
                "interview", "schedule", "L1", "--contact", "Sam Okafor", "--interviewer", "ana@example.com",
                "--allow-rep", "--db", db,
            ]).status == 64)
        let allowed = try winloss.run([
            "interview", "schedule", "L1", "--contact", "Sam Okafor", "--interviewer", "ana@example.com", "--allow-rep",
            "--reason",
            "The buyer agreed to speak only to Ana", "--db", db,
        ])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("The deal's own rep interviews: The buyer agreed to speak only to Ana"))
        #expect(
            try winloss.run(["interview", "show", "1", "--db", db]).stdout.contains(
                "Rep override  the deal's rep interviews: The buyer agreed to speak only to Ana"))
        #expect(try winloss.run(["interview", "list", "--db", db]).stdout.contains("Ana Lima (rep)"))
        #expect(
            try winloss.run(["queue", "--as-of", "2026-11-23", "--db", db]).stdout.contains(
                "scheduled #1 (the rep interviews)"))
        let session = try winloss.run(["interview", "start", "1", "--db", db], stdin: "/pause\n")
        #expect(session.stdout.contains("The deal's own rep is interviewing: The buyer agreed to speak only to Ana"))
    }

    @Test func recordsAWholeInterviewFromAFileOrStandardInput() throws {
        let fixture = try fixture()
        try fixture.schedule("L1", contact: "sam@acme.example")
        try fixture.schedule("N1", contact: "zoe@initech.example", outcome: .noDecision)
        let bad = try home.write(
            "bad.yaml",
            "consent: {quote: anonymous, recording: false}\nanswers:\n  current_state: Fine.\n  gap_value: lots\n  decison_process: x\n"
        )
        let refused = try winloss.run(["interview", "record", "1", "--answers", bad, "--db", db])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(bad):4:14: error: gap_value: \"lots\" is not an amount of money"))
        #expect(
            refused.stderr.contains(
                "\(bad):5:3: error: template loss version 2 has no question \"decison_process\"; did you mean \"decision_process\"?"
            ))
        #expect(refused.stderr.hasSuffix("the answers file has errors; nothing was recorded\n"))
        #expect(try fixture.store.interview(1).status == .scheduled && fixture.store.interview(1).answers.isEmpty)

        let good = try home.write(
            "good.yaml",
            """
            consent: {quote: named, recording: true}
            answers:
              current_state: Invoices by hand. #process
              decision_process: An RFP.
              winner_reason: Their connector.
              gap_value: EUR 200k per year
            """)
        let recorded = try winloss.run(["interview", "record", "1", "--answers", good, "--db", db])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout == "Recorded interview #1: 4 answers, 0 skipped, 0 notes; it is completed.\n")

        let json =
            #"{"consent": {"quote": "none", "recording": false}, "answers": {"current_state": "Waiting.", "decision_process": "Stalled.", "no_decision_reason": "Budget froze.", "revisit_when": "2027-04-01"}}"#
        let fromStdin = try winloss.run(["interview", "record", "2", "--answers", "-", "--db", db], stdin: json)
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(
            try fixture.store.interview(2).answers.first { $0.questionID == "revisit_when" }?.value
                == .date(CalendarDate(iso: "2027-04-01")!))
    }

    @Test func completeDeclineNoShowAndEdit() throws {
        let fixture = try fixture()
        try fixture.schedule("L1", contact: "sam@acme.example")
        try fixture.schedule("L2", contact: "omar@globex.example")
        try fixture.schedule("N1", contact: "zoe@initech.example", outcome: .noDecision)
        try winloss.run(["interview", "start", "1", "--db", db], stdin: "2\nno\nDone by hand.\n\n/pause\n")
        let incomplete = try winloss.run(["interview", "complete", "1", "--db", db])
        #expect(incomplete.status == 1)
        #expect(incomplete.stderr.contains("required questions have no answer: decision_process, winner_reason"))
        #expect(
            try winloss.run(["interview", "decline", "2", "--note", "Too busy this quarter", "--db", db]).stdout
                == "Interview #2 closed: the buyer declined.\n")
        #expect(
            try winloss.run(["interview", "no-show", "3", "--db", db]).stdout
                == "Interview #3 closed: the buyer did not show.\n")
        #expect(
            try winloss.run(["interview", "show", "2", "--db", db]).stdout.contains(
                "Closing note  Too busy this quarter"))
        #expect(try winloss.run(["interview", "start", "2", "--db", db]).status == 1)

        let edited = try winloss.run([
            "interview", "edit", "1", "current_state", "--answer", "Done by hand, twice a week. #process", "--by",
            "priya@example.com", "--db", db,
        ])
        #expect(edited.stdout == "Interview #1, current_state: Done by hand, twice a week.\n")
        let fromStdin = try winloss.run(
            ["interview", "edit", "1", "gap_value", "--db", db], stdin: "EUR 90k per year\n")
        #expect(fromStdin.stdout == "Interview #1, gap_value: EUR 90,000.00 per year\n")
        let changes = try winloss.run(["interview", "show", "1", "--db", db]).stdout
        #expect(
            changes.contains("- current_state changed ") && changes.contains(" by Priya Nair; it was \"Done by hand.\"")
        )
        #expect(
            try winloss.run(["interview", "edit", "1", "gap_value", "--answer", "plenty", "--db", db]).stderr.contains(
                "gap_value: \"plenty\" is not an amount of money"))
    }

    @Test func theQueueShowsWhatToDoFirst() throws {
        let fixture = try fixture()
        try fixture.schedule("L1", contact: "sam@acme.example")
        let table = try winloss.run(["queue", "--as-of", "2026-11-23", "--db", db], extraEnvironment: ["TZ": "UTC"])
            .stdout
        let ids = table.split(separator: "\n").dropFirst(2).map { String($0.prefix(2)) }
        #expect(ids == ["N1", "L1", "W1", "L3", "L2"])
        #expect(table.contains("45 late") && table.contains("scheduled #1"))
        let csv = try winloss.run([
            "queue", "--as-of", "2026-11-23", "--outcome", "loss", "--format", "csv", "--db", db,
        ]).stdout
        #expect(
            csv.hasPrefix(
                "external_id,name,outcome,account,amount,currency,rep,decided,days_since_decision,late,interview_status,"
            ))
        #expect(csv.contains("\r\nL3,Hooli L3,loss,Hooli,900000.00,USD,Ana Lima,2026-10-09,45,true,not_scheduled,"))
        let json = try JSONDecoder.withISODates.decode(
            [QueueEntry].self,
            from: Data(try winloss.run(["queue", "--as-of", "2026-11-23", "--format", "json", "--db", db]).stdout.utf8))
        #expect(json.count == 5 && json.first?.deal.externalID == "N1")
    }

    @Test func buyersWordsCannotRewriteTheTerminal() throws {
        let fixture = try fixture()
        try fixture.schedule("L1", contact: "sam@acme.example")
        try winloss.run(
            ["interview", "start", "1", "--db", db],
            stdin: "1\nno\nEvil \u{1B}[2J\u{1B}]0;owned\u{07} answer \u{202E}reversed\n\n/pause\n")
        let shown = try winloss.run(["interview", "show", "1", "--db", db]).stdout
        #expect(shown.contains("Evil ␛[2J␛]0;owned␇ answer \u{FFFD}reversed"))
        #expect(!shown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
    }
}

extension JSONDecoder {
    static var withISODates: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
