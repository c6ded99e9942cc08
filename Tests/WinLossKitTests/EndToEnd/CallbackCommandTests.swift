import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// `winloss callbacks` through the built binary, on a copy of ``CallbackFixture``'s programme.
struct CallbackCommandTests {
    let home = TemporaryDirectory()
    let database: String
    var winloss: Winloss { Winloss(home: home.path) }

    init() throws {
        database = home.file("programme.sqlite")
        let fixture = try CallbackFixture()
        // A no-decision whose CRM fields and buyer's words would run as spreadsheet formulas.
        var hostile = NewDeal(
            externalID: "N9", name: "=HYPERLINK(\"http://x.example\")", account: "+Formula Corp",
            rep: "ana@example.com",
            decidedOn: CalendarDate(iso: "2025-11-30")!, outcome: .noDecision)
        hostile.reason = "@SUM(A1:A9)"
        try fixture.store.addDeal(hostile)
        try fixture.store.addContact(
            account: "+Formula Corp", name: "-Dee Formula", title: "=CFO", email: "dee@formula.example", phone: nil)
        try fixture.store.writeWithoutTransaction { db in
            // The CRM names Dee as the deal's buyer.
            try db.execute(
                sql: """
                    INSERT INTO dealContact (dealID, contactID)
                    SELECT deal.id, contact.id FROM deal, contact WHERE deal.externalID = 'N9' AND contact.name = '-Dee Formula'
                    """)
            try db.execute(sql: "VACUUM INTO ?", arguments: [database])
            // Private, as winloss makes its own files (VACUUM INTO follows the umask).
            _ = chmod(database, 0o600)
        }
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Winloss.Result {
        try winloss.run(arguments + ["--db", database], stdin: stdin)
    }

    @Test func theListDefaultsToLastYear() throws {
        let table = try run(["callbacks", "--as-of", "2026-01-05"])
        #expect(table.status == 0 && table.stderr.isEmpty, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").dropFirst(2).map { String($0.prefix(11)) }
        #expect(rows == ["2025-12-30 ", "2026-01-20 ", "2026-02-01 ", "2026-03-15 ", "2026-03-15 ", "2026-05-30 "])
        #expect(table.stdout.contains("now (6 days ago)") && table.stdout.contains("in 27 days"))
        #expect(table.stdout.contains("declined") && table.stdout.contains("(no quotes)"))
        #expect(!table.stdout.contains("\u{1B}["))
        // The same list named explicitly, and with the losses that would look again.
        let explicit = try run(["callbacks", "list", "--year", "2025", "--as-of", "2026-01-05"])
        #expect(explicit.stdout == table.stdout)
        let withLosses = try run(["callbacks", "--include-losses", "--as-of", "2026-01-05", "--format", "csv"])
        #expect(withLosses.stdout.split(separator: "\r\n").contains { $0.contains(",L1,") })
        #expect(!table.stdout.contains("L1"))
        // By rep and segment.
        let ana = try run(["callbacks", "--rep", "ana@example.com", "--industry", "retail", "--format", "csv"])
        #expect(ana.stdout.split(separator: "\r\n").map { $0.split(separator: ",")[4] } == ["deal_id", "N3"])
    }

    @Test func csvNeverStartsAFormula() throws {
        let csv = try run(["callbacks", "--format", "csv", "--as-of", "2026-01-05"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix(CSVWriter.record(CallbackList.csvHeader)))
        let hostile = try #require(csv.stdout.split(separator: "\r\n").first { $0.contains("N9") })
        for cell in [
            "\"'=HYPERLINK(\"\"http://x.example\"\")\"", "'+Formula Corp", "'@SUM(A1:A9)", "'-Dee Formula", "'=CFO",
        ] {
            #expect(hostile.contains(cell), "\(cell) in \(hostile)")
        }
        #expect(!hostile.contains(",=") && !hostile.contains(",+") && !hostile.contains(",@"))
    }

    @Test func aCalendarFileToImport() throws {
        let path = home.file("callbacks.ics")
        let written = try run(["callbacks", "--format", "ics", "--output", path, "--rep", "ben@example.com"])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        #expect(try permissions(path) == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1 == 3)
        for uid in ["N2", "N4", "N6"] { #expect(text.contains("UID:callback-\(uid)@winloss\r\n")) }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func aRepRecordsCallsAndTheListFollows() throws {
        let done = try run([
            "callbacks", "done", "N1", "--result", "not-now", "--on", "2026-01-06", "--again", "2026-06-01", "--note",
            "Call after the audit", "--by", "ana@example.com",
        ])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout == "Recorded the call on N1 (2026-01-06): not now; it is due again on 2026-06-01.\n")
        #expect(try run(["callbacks", "done", "N2", "--result", "reopened", "--on", "2026-01-07"]).status == 0)
        let open = try run(["callbacks", "--status", "open", "--format", "csv", "--as-of", "2026-01-08"])
        let ids = open.stdout.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[4]) }
        #expect(ids == ["N4", "N6", "N3", "N9", "N1"])
        let called = try run(["callbacks", "--status", "called", "--as-of", "2026-01-08"])
        #expect(called.stdout.contains("N2") && called.stdout.contains("called 2026-01-07: reopened"))
        let shown = try run(["callbacks", "show", "N1", "--as-of", "2026-01-08"])
        // Labels in a column as wide as the longest, "Where they planned to be", and two spaces.
        func field(_ label: String, _ value: String) -> String {
            label.padding(toLength: 26, withPad: " ", startingAt: 0) + value
        }
        for expected in [
            field("Due", "2026-06-01, the day agreed on the last call (in 144 days)"),
            field("Called", "2026-01-06: not now (Ana Lima); call again on 2026-06-01:"),
            field("Cost of waiting", "USD 10,000.00 per month (USD 120,000.00 a year;"),
            field("Where they planned to be", "A few hours a week by now."),
        ] {
            #expect(shown.stdout.contains(expected), "\(expected)\n\(shown.stdout)")
        }
        let json = try JSONDecoder.withISODates.decode(
            Callback.self, from: Data(try run(["callbacks", "show", "N2", "--format", "json"]).stdout.utf8))
        #expect(json.status == .called && json.calls.map(\.result) == [.reopened])

        // Mistakes are explained, and nothing is written.
        let wrong = try run(["callbacks", "done", "W1", "--result", "reopened"])
        #expect(wrong.status == 1 && wrong.stderr.contains("\"W1\" was won"), "\(wrong.status) \(wrong.stderr)")
        let missing = try run(["callbacks", "done", "NOPE", "--result", "reopened"])
        #expect(missing.status != 0 && missing.stderr.contains("no deal \"NOPE\""))
        let usage = try run(["callbacks", "done", "N1", "--result", "reopened", "--again", "2026-06-01"])
        #expect(usage.status == 64 && usage.stderr.contains("--again goes with --result not-now"))
        let badResult = try run(["callbacks", "done", "N1", "--result", "maybe"])
        #expect(badResult.status == 64)
        let calls = try DatabaseQueue(path: database).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM callbackCall")
        }
        #expect(calls == 3)
    }

    @Test func aCallSheetPerRep() throws {
        let folder = home.file("sheets")
        let written = try run(["callbacks", "--sheets", folder, "--as-of", "2026-01-05"])
        #expect(written.status == 0, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["ana-lima.md", "ben-carter.md"])
        let ana = try String(contentsOfFile: folder + "/ana-lima.md", encoding: .utf8)
        #expect(ana.hasPrefix("# Call sheet: Ana Lima\n\n3 callbacks as of 2026-01-05: 3 open, 0 called."))
        #expect(
            ana.contains("## 1. Initech\n")
                && ana.contains("- **Where they are:** Two people reconcile invoices by hand."))
        #expect(!ana.contains("Globex") && !ana.contains("PRIVATE"))
        #expect(try permissions(folder + "/ana-lima.md") == 0o600)
        // The same sheets, one after the other, on standard output.
        let markdown = try run(["callbacks", "--format", "md", "--as-of", "2026-01-05"]).stdout
        #expect(markdown.contains("# Call sheet: Ana Lima\n") && markdown.contains("# Call sheet: Ben Carter\n"))
    }

    @Test func badOptionsAreExplained() throws {
        for (arguments, message) in [
            (["--year", "2025", "--from", "2025-01-01"], "give --year or --from/--to, not both"),
            (["--to", "2025-01-01"], "--to needs --from"),
            (["--from", "2025-06-01", "--to", "2025-01-01"], "--from 2025-06-01 is after --to 2025-01-01"),
            (["--revisit-after", "soon"], "\"soon\" is not a length of time"),
            (["--sheets", "x", "--format", "csv"], "--sheets writes Markdown files of its own"),
            (["--min-at-stake", "lots"], "--min-at-stake"),
        ] {
            let result = try run(["callbacks"] + arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
