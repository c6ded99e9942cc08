import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// `winloss report`, `themes`, `terms`, `search`, `code`, `codebook` and `person set` through the built binary,
/// on a copy of the hand-made programme of ``ReportFixture``.
struct ReportCommandTests {
    let home = TemporaryDirectory()
    let database: String
    var winloss: Winloss { Winloss(home: home.path) }

    init() throws {
        database = home.file("programme.sqlite")
        let fixture = try ReportFixture()
        try fixture.store.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [database])
            // Private, as winloss makes its own files (VACUUM INTO follows the umask).
            _ = chmod(database, 0o600)
        }
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Winloss.Result {
        try winloss.run(arguments + ["--db", database], stdin: stdin)
    }

    @Test func reportInEveryFormat() throws {
        let table = try run(["report"])
        #expect(table.status == 0 && table.stderr.isEmpty)
        #expect(table.stdout.hasPrefix("Win-loss report\nDecided deals: all. Generated "))
        for heading in [
            "PROGRAMME", "THEMES BY OUTCOME", "QUARTERLY TREND", "IN THE BUYER'S WORDS", "VALUE AT STAKE",
            "COLUMN FODDER", "SALES CYCLE",
        ] {
            #expect(table.stdout.contains(heading), "\(heading)")
        }
        #expect(!table.stdout.contains("\u{1B}["))

        let json = try run(["report", "--format", "json", "--quarter", "2026Q1"])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let report = try decoder.decode(Report.self, from: Data(json.stdout.utf8))
        #expect(report.scope == ["decided in 2026Q1"])
        #expect(report.programme?.deals == ByOutcome(win: 7, loss: 8, noDecision: 5))
        #expect(report.themes?.rows.first { $0.id == "price" }?.share.loss == Share(5, of: 6))

        let csv = try run(["report", "--format", "csv", "--section", "themes"])
        #expect(csv.stdout.hasPrefix("section,group,item,outcome,metric,value,n\r\n"))
        #expect(csv.stdout.contains("themes,,price,loss,share,0.75,12\r\n"))
        #expect(!csv.stdout.contains("programme,"))

        let markdown = try run(["report", "--format", "md", "--by", "industry", "--quotes", "0"])
        #expect(markdown.stdout.hasPrefix("# Win-loss report\n"))
        #expect(markdown.stdout.contains("## Themes by industry") && markdown.stdout.contains("### Retail"))
        #expect(!markdown.stdout.contains("In the buyer's words"))

        let html = home.file("review.html")
        let written = try run(["report", "--format", "html", "--output", html])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try permissions(html) == 0o600)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.lowercased().hasPrefix("<!doctype html>") && page.contains("<svg") && !page.contains("<script"))
    }

    @Test func themesTermsAndTheirMistakes() throws {
        let themes = try run(["themes", "--by", "industry", "--quarter", "2026Q2", "--trend"])
        #expect(themes.status == 0)
        #expect(themes.stdout.contains("Decided deals: decided in 2026Q2."))
        #expect(themes.stdout.contains("THEMES BY INDUSTRY") && themes.stdout.contains("Software"))
        #expect(themes.stdout.contains("QUARTERLY TREND") && !themes.stdout.contains("PROGRAMME"))

        let terms = try run(["terms", "--outcome", "no_decision", "--format", "csv", "--limit", "2"])
        #expect(terms.status == 0)
        let lines = terms.stdout.split(separator: "\r\n")
        #expect(lines.first == "term,outcome,in_outcome,outcome_interviews,in_rest,rest_interviews,z,theme")
        #expect(lines.count == 3 && lines.dropFirst().allSatisfy { $0.contains(",no_decision,10,10,0,25,") })

        let noOutcome = try run(["terms"])
        #expect(noOutcome.status == 64 && noOutcome.stderr.contains("give one --outcome"))
        let badDimension = try run(["report", "--by", "colour"])
        #expect(badDimension.status == 64 && badDimension.stderr.contains("--by"))
        let badQuarter = try run(["report", "--quarter", "2026Q5"])
        #expect(badQuarter.status == 64 && badQuarter.stderr.contains("is not a quarter"))
        let bothPeriods = try run(["report", "--quarter", "2026Q1", "--year", "2026"])
        #expect(bothPeriods.status == 64)
        let missing = try winloss.run(["report", "--db", home.file("nothing.sqlite")])
        #expect(missing.status == 66 && !FileManager.default.fileExists(atPath: home.file("nothing.sqlite")))
        let unwritable = try run(["report", "--output", home.file("no/such/folder/r.txt")])
        #expect(unwritable.status == 73 && unwritable.stderr.contains("--output"))
    }

    @Test func searchPrintsOnlyWhatMayBeShared() throws {
        let all = try run(["search", "reconcile", "--format", "json", "--limit", "100"])
        #expect(all.status == 0)
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(all.stdout.utf8))
        #expect(hits.count == 35)
        let shared = try JSONDecoder().decode(
            [SearchHit].self,
            from: Data(
                try run(["search", "reconcile", "--shareable", "--format", "json", "--limit", "100"]).stdout.utf8))
        // A third of the buyers said they may not be quoted.
        #expect(shared.count == 24)
        // Named buyers by name; anonymous ones only by role and segment.
        #expect(shared.filter { $0.speaker?.hasPrefix("Buyer ") == true }.count == 13)
        #expect(
            shared.filter { $0.speaker?.hasPrefix("CFO at a ") == true && !$0.speaker!.contains("Account") }.count == 11
        )
        let markdown = try run(["search", "invoice", "--outcome", "loss", "--format", "md", "--limit", "1"])
        #expect(markdown.stdout.hasPrefix("# Search: invoice\n\n> ") && markdown.stdout.contains("**invoice**"))
        let bad = try run(["search", "\"unbalanced"])
        #expect(bad.status == 1 && bad.stderr.contains("is not a search"))
    }

    @Test func codebookCodingAndAssumedCycles() throws {
        let added = try run(["codebook", "add", "budget_freeze", "--label", "Budget freeze", "--keyword", "freeze"])
        #expect(added.status == 0 && added.stdout == "Added theme budget_freeze (Budget freeze).\n")
        let renamed = try run(["codebook", "rename", "budget_freeze", "--label", "Frozen budget"])
        #expect(renamed.status == 0)
        let merged = try run(["codebook", "merge", "timing", "fit"])
        #expect(merged.status == 0 && merged.stdout.hasPrefix("Merged timing into fit: "))
        let shown = try run(["codebook", "show", "--format", "json"])
        let themes = try JSONDecoder().decode([ThemeRecord].self, from: Data(shown.stdout.utf8))
        #expect(themes.first { $0.id == "budget_freeze" }?.label == "Frozen budget")
        #expect(themes.first { $0.id == "timing" }?.mergedInto == "fit")
        let report = try run(["themes", "--format", "json"])
        #expect(!report.stdout.contains("\"timing\""))

        // Code the uncoded loss through a piped session.
        let store = try WinLossStore.open(path: database, mode: .mustExist)
        let uncoded = try #require(
            try store.read { db in
                try Int64.fetchOne(
                    db,
                    sql:
                        "SELECT interview.id FROM interview JOIN deal ON deal.id = interview.dealID WHERE deal.externalID = 'loss-12'"
                )
            })
        let session = try run(["code", String(uncoded)], stdin: "budget_freeze-*\n/skip\n/skip\n")
        #expect(session.status == 0)
        #expect(try store.codes(ofInterview: uncoded)["current_state"]?.map(\.themeID) == ["budget_freeze"])

        let set = try run(["person", "set", "ben@example.com", "--assumed-cycle-days", "120"])
        #expect(set.status == 0 && set.stdout == "Ben Carter assumes a 120-day sales cycle.\n")
        #expect(try run(["person", "list"]).stdout.contains("120 days"))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let cycle = try decoder.decode(
            Report.self, from: Data(try run(["report", "--section", "cycle", "--format", "json"]).stdout.utf8))
        let all = try #require(cycle.salesCycle?.rows.first { $0.isAllSegments && $0.outcome == nil })
        #expect(all.assumedDays.n == 39)
        let tooLong = try run(["person", "set", "ben@example.com", "--assumed-cycle-days", "9000"])
        #expect(tooLong.status == 1 && tooLong.stderr.contains("not a sales cycle"))
    }
}
