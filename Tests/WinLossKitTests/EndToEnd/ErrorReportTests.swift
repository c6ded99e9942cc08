import Foundation
import Testing

@testable import WinLossKit

/// Every failure reaches a front end as a ``WinLossError``: a kind, a message in words for any front end, and
/// what to do as a ``Remedy``; the command line says the remedy as its commands and options.
struct ErrorReportTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("winloss.sqlite") }

    /// The failures of a small programme, each thrown by the library as a front end would meet it.
    private func failures() throws -> [any WinLossError] {
        let fixture = try InterviewFixture()
        let store = fixture.store
        let loss = try #require(fixture.catalog.template(for: .loss))
        let scheduled = try store.scheduleInterview(
            InterviewRequest(
                dealExternalID: "L1", contact: "Sam Okafor", interviewer: "dana@example.com", template: loss)
        ).id
        let badDates = home.file("dates.csv")
        try "external_id,name,account,rep_email,decided,outcome\nX1,Deal,Acme,ana@example.com,31/12/2026,win\n"
            .write(toFile: badDates, atomically: true, encoding: .utf8)
        var mapped = ImportOptions()
        mapped.columnMap = [("Nope", .name)]
        let attempts: [() throws -> Void] = [
            { _ = try store.deal(externalID: "NOPE") },
            { _ = try store.resumeInterview(scheduled) },
            {
                _ = try store.scheduleInterview(
                    InterviewRequest(
                        dealExternalID: "L1", contact: "Lena Novak", interviewer: "ana@example.com", template: loss))
            },
            {
                _ = try store.scheduleInterview(
                    InterviewRequest(
                        dealExternalID: "L2", contact: "Omar Ito", interviewer: "dana@example.com", template: loss,
                        repOverrideReason: "no need"))
            },
            { _ = try store.addPerson(name: "Again", email: "ana@example.com", role: .rep) },
            { _ = try WinLossStore.open(path: home.file("missing.sqlite"), mode: .mustExist) },
            { _ = try store.importDeals(from: badDates) },
            { _ = try store.importDeals(from: badDates, options: mapped) },
            { _ = try ImportOptions.parseMap("Nope") },
        ]
        return attempts.compactMap { attempt in
            do {
                try attempt()
                return nil
            } catch {
                return error as? any WinLossError
            }
        }
    }

    @Test func theLibrarysMessagesNameNoCommandOrOption() throws {
        let failures = try failures()
        // Every attempt failed, with an error a front end can read
        #expect(failures.count == 9)
        #expect(
            failures.map(\.kind) == [
                .notFound, .conflict, .invalid, .invalid, .conflict, .inputMissing, .badInput, .badRequest,
                .badRequest,
            ])
        for failure in failures {
            let words = ([failure.message] + failure.problems.map(\.message)).joined(separator: "\n")
            #expect(!words.contains("`winloss") && !words.contains("--"), "\(words)")
        }
        // What to do, and what the failure is about, as values each front end says its own way
        #expect(failures[0].remedy == .listDeals)
        #expect(failures[1].remedy == .startInterview(id: 1))
        #expect(failures[2].remedy == .allowRep)
        #expect(failures[3].subject == .repOverride)
        #expect(failures[5].remedy == .createDatabase)
        #expect(failures[6].problems.first?.remedy == .readDayFirst)
        #expect(failures[7].subject == .columnMapping("Nope=name"))
    }

    @Test func theCommandLineSaysWhatToDoInItsCommandsAndOptions() throws {
        _ = try InterviewFixture(store: WinLossStore.open(path: db))
        let missing = try winloss.run(["deal", "show", "NOPE", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr == "winloss: error: no deal \"NOPE\"; list deals with `winloss deal list`\n")

        let notTheRep = try winloss.run([
            "interview", "schedule", "L2", "--contact", "Omar Ito", "--interviewer", "dana@example.com",
            "--allow-rep", "--reason", "no need", "--db", db,
        ])
        #expect(notTheRep.status == 1)
        #expect(
            notTheRep.stderr
                == "winloss: error: --allow-rep: Dana Reyes is not the rep of deal L2, so no override is needed\n")

        let badMap = try winloss.run(["deal", "import", home.file("any.csv"), "--map", "Nope", "--db", db])
        #expect(badMap.status == 64)
        #expect(badMap.stderr.contains("--map \"Nope\": write it as COLUMN=FIELD"))

        let noDatabase = try winloss.run(["deal", "list", "--db", home.file("none.sqlite")])
        #expect(noDatabase.status == 66)
        #expect(
            noDatabase.stderr
                == "winloss: error: no winloss database at \(home.file("none.sqlite")); run `winloss init` to create "
                + "one, or pass --db PATH\n")
    }
}
