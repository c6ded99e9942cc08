import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// Figures a sales leader acts on, and words a buyer allowed, through the built binary.
struct TrustCommandTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("winloss.sqlite") }

    @Test func europeanThousandsAreReadAsThousandsInImportsAndAnswers() throws {
        let fixture = try InterviewFixture(store: try WinLossStore.open(path: db))
        let csv = try home.write(
            "deals.csv",
            """
            external_id,name,account,rep_email,amount,decided,outcome
            E1,Berlin renewal,Berlin GmbH,ana@example.com,EUR 40.000,2026-06-30,loss
            E2,Paris expansion,Paris SA,ana@example.com,5.000 €,2026-06-30,loss
            E3,Vienna pilot,Wien AG,ana@example.com,"EUR 12.345",2026-06-30,no_decision

            """)
        let imported = try winloss.run(["deal", "import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let listed = try winloss.run(["deal", "list", "--format", "csv", "--db", db]).stdout
        #expect(listed.contains("E1,Berlin renewal,Berlin GmbH,,,,Ana Lima,ana@example.com,40000.00,EUR"))
        #expect(listed.contains("E2,Paris expansion,Paris SA,,,,Ana Lima,ana@example.com,5000.00,EUR"))
        #expect(listed.contains("E3,Vienna pilot,Wien AG,,,,Ana Lima,ana@example.com,12345.00,EUR"))

        // An answer typed the European way, through `interview edit`.
        let interview = try fixture.schedule("L1", contact: "sam@acme.example")
        try fixture.store.startInterview(interview.id)
        let edited = try winloss.run([
            "interview", "edit", String(interview.id), "gap_value", "--answer", "EUR 40.000 per year", "--db", db,
        ])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout == "Interview #\(interview.id), gap_value: EUR 40,000.00 per year\n")
    }

    @Test func tagsCountFromTheFirstInterviewOfANewDatabase() throws {
        // A new database made by an import, never shown its codebook.
        let csv = try home.write(
            "deals.csv",
            """
            external_id,name,account,rep_email,decided,outcome,contact,contact_email
            N1,Initech renewal,Initech,ana@example.com,2026-06-30,no_decision,Zoe Mensah,zoe@initech.example

            """)
        #expect(try winloss.run(["deal", "import", csv, "--db", db]).status == 0)
        #expect(
            try winloss.run([
                "person", "add", "--name", "Dana Reyes", "--email", "dana@example.com", "--role", "marketing", "--db",
                db,
            ]).status == 0)
        let scheduled = try winloss.run([
            "interview", "schedule", "N1", "--contact", "zoe@initech.example", "--interviewer", "dana@example.com",
            "--db", db,
        ])
        #expect(scheduled.status == 0, "\(scheduled.stderr)")
        let answers =
            #"{"consent": {"quote": "named", "recording": false}, "answers": {"current_state": "We wait. #status_quo", "decision_process": "Stalled.", "no_decision_reason": "Budget froze.", "revisit_when": "2027-04-01"}}"#
        let recorded = try winloss.run(["interview", "record", "1", "--answers", "-", "--db", db], stdin: answers)
        #expect(recorded.status == 0, "\(recorded.stderr)")

        let report = try winloss.run(["report", "--format", "json", "--db", db])
        let decoded = try JSONDecoder.withISODates.decode(Report.self, from: Data(report.stdout.utf8))
        #expect(decoded.programme?.codedInterviews[.noDecision] == 1)
        #expect(decoded.themes?.rows.first { $0.id == "status_quo" }?.share[.noDecision].count == 1)
    }

    @Test func initStartsTheProgrammeWithTheCodebookOfTheTemplatesFolder() throws {
        let folder = home.file("templates")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try home.write(
            "templates/codebook.yaml",
            """
            version: "1"
            themes:
              - id: red_tape
                label: Red tape
                description: Approvals that never end.
                keywords: [approval]

            """)
        let created = try winloss.run(["init", "--templates", folder, "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
        let shown = try winloss.run(["codebook", "show", "--format", "json", "--templates", folder, "--db", db])
        let themes = try JSONDecoder().decode([ThemeRecord].self, from: Data(shown.stdout.utf8))
        #expect(themes.map(\.id) == ["red_tape"])
    }
}
