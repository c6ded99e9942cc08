import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// Figures a sales leader acts on, and words a buyer allowed, through the built binary.
struct TrustCommandTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("winloss.sqlite") }

    /// An answers file for the fixture's loss template: consent, the required answers, then `more` lines.
    private func lossAnswers(currentState: String = "By hand.", _ more: String = "") throws -> String {
        try home.write(
            "answers.yaml",
            """
            consent: {quote: named, recording: false}
            answers:
              current_state: \(currentState)
              decision_process: An RFP.
              winner_reason: Their connector.
            \(more)

            """)
    }

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

    @Test func answersFilesKeepListedTagsAndWarnAboutDroppedAndUnknownOnes() throws {
        let fixture = try InterviewFixture(store: try WinLossStore.open(path: db))
        let interview = try fixture.schedule("L1", contact: "sam@acme.example")
        let file = try lossAnswers(
            currentState: "We reconcile invoices by hand. #status_quo",
            "  gap_reason: {answer: The ERP upgrade slipped., tags: [integration, integraton]}")
        let recorded = try winloss.run(["interview", "record", String(interview.id), "--answers", file, "--db", db])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(
            recorded.stderr == """
                \(file):3:49: warning: "#status_quo" starts a YAML comment here, so it is dropped, not kept as a tag; quote the answer ("… #status_quo") or write it as {answer: …, tags: [status_quo]}
                \(file):6:15: warning: #integraton names no theme of the codebook (did you mean #integration?); it is kept with the answer, but counts only once a theme or alias of that name is added

                """)
        let detail = try fixture.store.interview(interview.id)
        #expect(detail.answers.first { $0.questionID == "gap_reason" }?.tags == ["integration", "integraton"])
        #expect(try fixture.store.codes(ofInterview: interview.id)["gap_reason"]?.map(\.themeID) == ["integration"])

        let edited = try winloss.run([
            "interview", "edit", String(interview.id), "current_state", "--answer", "By hand. #status_qou", "--db", db,
        ])
        #expect(edited.status == 0)
        #expect(
            edited.stderr
                == "winloss: warning: #status_qou names no theme of the codebook (did you mean #status_quo?); it is kept with the answer, but counts only once a theme or alias of that name is added\n"
        )
    }

    @Test func daysToInterviewCountToTheDayTheInterviewTookPlace() throws {
        // L1 was decided on 2026-11-20; the interview took place a week later and was typed in afterwards.
        let fixture = try InterviewFixture(store: try WinLossStore.open(path: db))
        let interview = try fixture.schedule("L1", contact: "sam@acme.example")
        let file = try lossAnswers("  gap_value: EUR 40.000 per year")
        let early = try winloss.run([
            "interview", "record", String(interview.id), "--answers", file, "--on", "2026-11-19", "--db", db,
        ])
        #expect(early.status == 1)
        #expect(early.stderr.contains("2026-11-19 is before the deal was decided (2026-11-20)"))
        let recorded = try winloss.run([
            "interview", "record", String(interview.id), "--answers", file, "--on", "2026-11-27", "--db", db,
        ])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let report = try winloss.run(["report", "--section", "programme", "--format", "json", "--db", db])
        let decoded = try JSONDecoder.withISODates.decode(Report.self, from: Data(report.stdout.utf8))
        #expect(decoded.programme?.daysToInterview[.loss] == Median(value: 7, n: 1))
        let shown = try winloss.run(["interview", "show", String(interview.id), "--db", db]).stdout
        #expect(shown.contains("Held on      2026-11-27\n"))
    }

    @Test func callbacksShowEveryBuyerInterviewedAndRankByAOneTimeCostOfWaiting() throws {
        let fixture = try CallbackFixture(store: try WinLossStore.open(path: db))
        try fixture.interviewSecondBuyerOfL2(quote: .anonymous, saying: "Still by hand.")
        try fixture.interviewSecondBuyerOfN3()
        let json = try winloss.run([
            "callbacks", "--include-losses", "--as-of", "2026-01-05", "--format", "json", "--db", db,
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let list = try JSONDecoder.withISODates.decode([Callback].self, from: Data(json.stdout.utf8))
        let l2 = try #require(list.first { $0.deal.externalID == "L2" })
        #expect(l2.interviews.count == 2 && l2.due == CalendarDate(iso: "2026-02-15"))
        #expect(l2.contact?.name == "Happy Hogan")
        let n3 = try #require(list.first { $0.deal.externalID == "N3" })
        #expect(n3.atStake?.basis == .inactionOneTime && n3.atStake?.amount.decimalText == "500000.00")
        let ids = list.map(\.deal.externalID)
        #expect(try #require(ids.firstIndex(of: "N3")) < #require(ids.firstIndex(of: "N6")))

        let csv = try winloss.run([
            "callbacks", "--include-losses", "--as-of", "2026-01-05", "--format", "csv", "--db", db,
        ])
        let rows = csv.stdout.split(separator: "\r\n").filter { $0.contains(",L2,") }
        #expect(rows.count == 2)
        #expect(rows.map { $0.contains("Pepper Potts") } == [true, false])
        #expect(rows.map { $0.contains("Happy Hogan") } == [false, true])
    }

    @Test func theValueOverOwnershipCountsAOneTimeValueOnce() throws {
        let fixture = try InterviewFixture(store: try WinLossStore.open(path: db))
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        let file = try lossAnswers("  gap_value: EUR 40.000 one-time")
        #expect(try winloss.run(["interview", "record", String(id), "--answers", file, "--db", db]).status == 0)
        let report = try winloss.run(["report", "--section", "value", "--format", "json", "--db", db])
        let decoded = try JSONDecoder.withISODates.decode(Report.self, from: Data(report.stdout.utf8))
        let figure = decoded.valueAtStake?.first { $0.measure == .gapValueOverOwnership }
        #expect(figure?.sum == Money(minorUnits: 4_000_000, currency: .eur) && figure?.n == 1)
    }
}
