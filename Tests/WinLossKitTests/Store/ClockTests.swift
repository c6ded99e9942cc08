import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// "Now" comes from the store's one clock, for every row it writes and every figure it dates.
struct ClockTests {
    @Test func everyTimestampTheStoreWritesComesFromItsClock() throws {
        // Given a store whose clock stands still
        let stamp = Date(timeIntervalSince1970: 1_790_000_000)
        let store = try WinLossStore.inMemory(clock: .fixed(stamp))
        let fixture = try InterviewFixture(store: store)

        // When everything that writes a row runs
        let interview = try fixture.schedule("L1", contact: "sam@acme.example")
        try store.startInterview(interview.id)
        try store.recordConsent(interview.id, quote: .named, recordingAllowed: false)
        for (question, answer) in [
            ("current_state", "By hand. #status_quo"), ("decision_process", "An RFP."),
            ("winner_reason", "Their connector."),
        ] {
            try store.editAnswer(interview.id, questionID: question, input: answer, by: "dana@example.com")
        }
        try store.editAnswer(interview.id, questionID: "current_state", input: "By hand.", by: "dana@example.com")
        try store.addNote(interview.id, questionID: nil, text: "A note.")
        try store.codeAnswer(
            interview.id, questionID: "winner_reason",
            codes: [ThemeCode(themeID: "integration", sentiment: .negative, isPrimary: true)])
        try store.completeInterview(interview.id)
        let declined = try fixture.schedule("L2", contact: "omar@globex.example")
        try store.closeInterview(declined.id, as: .declined)
        try store.addTheme(id: "red_tape", label: "Red tape")
        try store.recordCall(
            CallOutcome(
                dealExternalID: "N1", result: .notNow, calledOn: fixture.today, againOn: fixture.today.adding(days: 30))
        )
        let folder = TemporaryDirectory()
        try store.importDeals(
            from: try folder.write(
                "d.csv",
                "external_id,name,account,rep_email,decided,outcome\nX1,New,Newco,ana@example.com,2026-11-01,loss\n"))

        // Then every timestamp of every table is the clock's
        let expected = String(describing: stamp.databaseValue).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        try store.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            var checked = 0
            for table in tables where try db.columns(in: table).contains(where: { $0.type == "DATETIME" }) {
                for column in try db.columns(in: table) where column.type == "DATETIME" {
                    let values = try String.fetchAll(
                        db, sql: "SELECT DISTINCT \(column.name) FROM \(table) WHERE \(column.name) IS NOT NULL")
                    #expect(values.allSatisfy { $0 == expected }, "\(table).\(column.name): \(values)")
                    checked += values.count
                }
            }
            #expect(checked >= 15)
        }
        #expect(try store.report(ReportRequest()).generatedAt == stamp)
        #expect(try store.interview(interview.id).interviewedOn == Clock.fixed(stamp).today(in: .current))
    }
}
