import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// A programme has its codebook from the start, so that a `#tag` typed in the first interview counts.
struct CodebookSeedTests {
    /// A no-decision interview recorded with two inline tags, one of them naming no theme.
    private func recordTaggedInterview(_ fixture: InterviewFixture) throws -> Int64 {
        let interview = try fixture.schedule(
            "N1", contact: "zoe@initech.example", outcome: .noDecision)
        let file = try AnswersFile.parse(
            """
            consent: {quote: named, recording: false}
            answers:
              current_state: "Waiting for next year. #status_quo"
              decision_process: Stalled.
              no_decision_reason: Budget froze.
              revisit_when: 2027-04-01

            """, file: "n1.yaml", template: fixture.template(for: .noDecision).template, outcome: .noDecision
        ).get()
        try fixture.store.recordInterview(interview.id, file)
        return interview.id
    }

    @Test func aNewProgrammeStartsWithTheBuiltInCodebookAndTagsCountAtOnce() throws {
        // Given a new database, never shown its codebook
        let fixture = try InterviewFixture()
        let builtIn = try Codebook.builtIn()
        #expect(try fixture.store.themes().map(\.id) == builtIn.flattened.map(\.theme.id))

        // When an interview is recorded with a tag
        let id = try recordTaggedInterview(fixture)

        // Then the tag is a code, and the report counts the interview as coded
        #expect(try fixture.store.codes(ofInterview: id)["current_state"]?.map(\.themeID) == ["status_quo"])
        let report = try fixture.store.report(ReportRequest())
        #expect(report.programme?.codedInterviews[.noDecision] == 1)
    }

    @Test func aProgrammeStartsWithTheCodebookItIsGiven() throws {
        let own = Codebook(
            version: "1",
            themes: [Theme(id: "status_quo", label: "Status quo", description: "", keywords: [], themes: [])])
        let store = try WinLossStore.inMemory(codebook: { own })
        #expect(try store.themes().map(\.id) == ["status_quo"])
    }

    @Test func aDatabaseMadeBeforeTheCodebookWasSeededGetsItAndItsTagsBecomeCodes() throws {
        // Given a file as an earlier winloss left it: a tagged interview, no themes, no codes
        let folder = TemporaryDirectory()
        let path = folder.file("old.sqlite")
        let id = try recordTaggedInterview(try InterviewFixture(store: try WinLossStore.open(path: path)))
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try db.execute(
                    sql: """
                        DELETE FROM code; DELETE FROM interviewTheme; DELETE FROM theme;
                        UPDATE interview SET coded = 0;
                        DELETE FROM grdb_migrations WHERE identifier = 'v6-codebook';
                        """)
            }
            #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM answerTag") } == 1)
        }

        // When this winloss opens it
        let store = try WinLossStore.open(path: path, mode: .mustExist)

        // Then the codebook is there and the tag is a code the report counts
        #expect(try store.themes().count == (try Codebook.builtIn().flattened.count))
        #expect(try store.codes(ofInterview: id)["current_state"]?.map(\.themeID) == ["status_quo"])
        #expect(try store.report(ReportRequest()).programme?.codedInterviews[.noDecision] == 1)
    }
}
