import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// The built `winloss` binary, run as a user runs it: exit status, standard output and standard error.
struct CommandLineTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("data/winloss.sqlite") }

    @Test func initCreatesAPrivateDatabaseAndChecksAnExistingOne() throws {
        let created = try winloss.run(["init", "--db", db])
        #expect(created.status == 0)
        let schema = try #require(WinLossStore.knownMigrations.last)
        #expect(created.stdout == "Created the winloss database at \(db) (schema \(schema)).\n")
        #expect(try permissions(db) == 0o600 && permissions(home.file("data")) == 0o700)
        let again = try winloss.run(["init", "--db", db])
        #expect(
            again.stdout == "The winloss database at \(db) is ready (schema \(schema), 0 deals; quick check: ok).\n")
    }

    @Test func findsTheDatabaseThroughTheEnvironment() throws {
        let viaXDG = try winloss.run(["init"], extraEnvironment: ["XDG_DATA_HOME": home.file("xdg")])
        #expect(viaXDG.status == 0 && FileManager.default.fileExists(atPath: home.file("xdg/winloss/winloss.sqlite")))
        let viaVariable = try winloss.run(["init"], extraEnvironment: ["WINLOSS_DB": home.file("env.sqlite")])
        #expect(viaVariable.status == 0 && FileManager.default.fileExists(atPath: home.file("env.sqlite")))
        let viaHome = try winloss.run(["init"])
        #expect(
            viaHome.status == 0
                && FileManager.default.fileExists(atPath: home.file(".local/share/winloss/winloss.sqlite")))
        // --db wins over the variable.
        try winloss.run(
            ["person", "add", "--name", "Ana", "--role", "rep", "--db", db],
            extraEnvironment: ["WINLOSS_DB": home.file("env.sqlite")])
        #expect(try WinLossStore.open(path: db).people().count == 1)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas() throws {
        let path = try home.write("notes.txt", "shopping list\n")
        let result = try winloss.run(["deal", "list", "--db", path])
        #expect(result.status == 69)
        #expect(
            result.stderr
                == "winloss: error: \(path) is not a SQLite database (it may be another kind of file, or encrypted); it was left untouched. Point --db or WINLOSS_DB at a winloss database\n"
        )
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "shopping list\n")
        #expect(try winloss.run(["init", "--db", path]).status == 69)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "shopping list\n")
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        try winloss.run(["init", "--db", db])
        do {
            let queue = try DatabaseQueue(path: db)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v7-later')") }
        }
        let before = try fileBytes(db)
        let result = try winloss.run(["person", "add", "--name", "X", "--role", "rep", "--db", db])
        #expect(result.status == 69)
        #expect(result.stderr.contains("was written by a newer version of winloss"))
        #expect(result.stderr.contains("v7-later"))
        #expect(try fileBytes(db) == before)
    }

    @Test func readingCommandsDoNotCreateADatabase() throws {
        let result = try winloss.run(["deal", "list", "--db", db])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no winloss database at \(db); run `winloss init`"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func peopleAndDealsByHand() throws {
        #expect(
            try winloss.run([
                "person", "add", "--name", "Ana Lima", "--email", "ana@example.com", "--role", "rep", "--db", db,
            ]).stdout
                == "Added Ana Lima <ana@example.com> as rep.\n")
        try winloss.run([
            "person", "add", "--name", "Dana Reyes", "--email", "dana@example.com", "--role", "customer-success",
            "--db", db,
        ])
        let duplicate = try winloss.run([
            "person", "add", "--name", "Other", "--email", "ANA@example.com", "--role", "rep", "--db", db,
        ])
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("a person with email \"ANA@example.com\" already exists"))

        let people =
            try JSONSerialization.jsonObject(
                with: Data(try winloss.run(["person", "list", "--format", "json", "--db", db]).stdout.utf8))
            as? [[String: Any]]
        #expect(people?.compactMap { $0["role"] as? String } == ["rep", "customer_success"])

        let added = try winloss.run([
            "deal", "add", "--id", "006A1", "--name", "Northwind renewal", "--account", "Northwind Logistics", "--rep",
            "ana@example.com",
            "--amount", "EUR 48.000,00", "--created", "2026-01-12", "--decided", "2026-06-30", "--outcome", "loss",
            "--competitor-won", "Stratos", "--reason", "Price", "--industry", "Logistics", "--region", "EMEA", "--db",
            db,
        ])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added deal 006A1."))
        #expect(added.stdout.contains("Amount       EUR 48,000.00"))
        #expect(added.stdout.contains("Sales cycle  169 days"))
        try winloss.run([
            "deal", "add", "--name", "Acme", "--account", "Acme", "--rep", "Ana Lima", "--decided", "2025-12-01",
            "--outcome", "no-decision", "--db", db,
        ])

        let table = try winloss.run(["deal", "list", "--db", db])
        #expect(table.stdout.split(separator: "\n").count == 4)
        #expect(
            table.stdout == """
                ID        Deal               Account              Rep              Amount  Decided     Outcome
                ────────  ─────────────────  ───────────────────  ────────  ─────────────  ──────────  ───────────
                006A1     Northwind renewal  Northwind Logistics  Ana Lima  EUR 48,000.00  2026-06-30  loss
                manual-1  Acme               Acme                 Ana Lima              —  2025-12-01  no decision

                """)
        #expect(
            try winloss.run(["deal", "list", "--outcome", "no_decision", "--format", "csv", "--db", db]).stdout
                == "external_id,name,account,industry,region,size,rep,rep_email,amount,currency,created,decided,outcome,stage,reason,competitor_won,competitors,product\r\n"
                + "manual-1,Acme,Acme,,,,Ana Lima,ana@example.com,,,,2025-12-01,no_decision,,,,,\r\n")
        #expect(
            try winloss.run([
                "deal", "list", "--industry", "logistics", "--from", "2026-01-01", "--format", "csv", "--db", db,
            ]).stdout
                .split(separator: "\r\n").count == 2)

        let shown =
            try JSONSerialization.jsonObject(
                with: Data(try winloss.run(["deal", "show", "006A1", "--format", "json", "--db", db]).stdout.utf8))
            as? [String: Any]
        let deal = shown?["deal"] as? [String: Any]
        #expect(deal?["competitorWon"] as? String == "Stratos")
        #expect((deal?["amount"] as? [String: String]) == ["amount": "48000.00", "currency": "EUR"])

        let missing = try winloss.run(["deal", "show", "nope", "--db", db])
        #expect(missing.status == 1 && missing.stderr.contains("no deal \"nope\""))
    }

    @Test func usageErrorsExit64() throws {
        try winloss.run(["init", "--db", db])
        let badOutcome = try winloss.run(["deal", "list", "--outcome", "maybe", "--db", db])
        #expect(badOutcome.status == 64)
        #expect(badOutcome.stderr.contains("--outcome"))
        let badDate = try winloss.run(["deal", "list", "--from", "31/12/2025", "--db", db])
        #expect(badDate.status == 64 && badDate.stderr.contains("write it as YYYY-MM-DD"))
        let badMap = try winloss.run(["deal", "import", "x.csv", "--map", "Deal=nonsense", "--db", db])
        #expect(badMap.status == 64 && badMap.stderr.contains("\"nonsense\" is not a field"))
    }

    @Test func importsCRMExportsAndIsIdempotent() throws {
        let salesforce = try home.write("opportunities.csv", Fixtures.salesforce)
        let first = try winloss.run(["deal", "import", salesforce, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Imported \(salesforce) (Salesforce opportunity report, 5 rows)"))
        #expect(first.stdout.contains("deals:    4 new, 0 updated, 0 unchanged"))
        #expect(first.stdout.contains("skipped:  1 open deal (Negotiation/Review 1)"))
        #expect(first.stdout.contains("footer:   4 lines after the data left out"))
        #expect(first.stderr.isEmpty)
        let again = try winloss.run(["deal", "import", salesforce, "--db", db, "--format", "json"])
        let summary = try JSONDecoder().decode(ImportSummary.self, from: Data(again.stdout.utf8))
        #expect((summary.inserted, summary.updated, summary.unchanged) == (0, 0, 4))

        let hubspot = try home.write("hubspot.csv", Fixtures.hubspot)
        #expect(
            try winloss.run(["deal", "import", hubspot, "--db", db]).stdout.contains("HubSpot deals export, 4 rows"))

        let mapped = try home.write("ours.tsv", Fixtures.mapped)
        let viaMap = try winloss.run([
            "deal", "import", mapped, "--map", "Ref=external_id", "--map", "Deal=name", "--map", "Client=account",
            "--map", "Seller=rep_email", "--map", "Closed=decided", "--map", "Result=outcome", "--map", "Value=amount",
            "--map", "Tier=account_attr:tier", "--map", "Notes=ignore", "--day-first", "--decimal-comma", "--db", db,
        ])
        #expect(viaMap.status == 0, "\(viaMap.stderr)")
        #expect(viaMap.stdout.contains("deals:    2 new"))
        let csv = try winloss.run(["deal", "list", "--account-attr", "tier=gold", "--format", "csv", "--db", db]).stdout
        #expect(csv.contains("M-1,Acme roll-out,Acme,,,,ana@example.com,ana@example.com,40000.00,EUR,,2026-03-31,loss"))

        let fromStdin = try winloss.run(["deal", "import", "-", "--dry-run", "--db", db], stdin: Fixtures.salesforce)
        #expect(
            fromStdin.stdout.contains(
                "Checked <stdin> (Salesforce opportunity report, 5 rows; dry run, nothing written)"))
    }

    @Test func aBadImportNamesEveryBadLineExits65AndWritesNothing() throws {
        let text = """
            Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Amount,Close Date,Stage
            B1,Good,Acme,Ana Lima,100,1/5/2026,Closed Won
            B2,"Two
            lines",Acme,Ana Lima,100,1/5/2026,Closed Won
            B3,Bad date,Acme,Ana Lima,100,31/12/2026,Closed Won
            B4,Bad amount,Acme,Ana Lima,lots,1/5/2026,Closed Lost

            """
        let path = try home.write("bad.csv", text)
        let result = try winloss.run(["deal", "import", path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                \(path):5: error: Close Date: "31/12/2026" is not a M/D/YYYY date; if this file writes the day first, import it with --day-first
                \(path):6: error: Amount: "lots" is not an amount (write it like 12500, $12,500.00, EUR 40.000,00 or 250k)
                \(path): 2 rows have problems; nothing was imported. Correct them and import the file again.

                """)
        #expect(try winloss.run(["deal", "list", "--format", "json", "--db", db]).stdout == "[]\n")
        #expect(
            try winloss.run(["person", "list", "--format", "csv", "--db", db]).stdout
                == "name,email,role,assumed_cycle_days\r\n")
        let unclosed = try winloss.run([
            "deal", "import",
            try home.write(
                "q.csv", "Opportunity Name,Account Name,Opportunity Owner,Close Date,Stage\n\"never closed,a,b,c,d\n"),
            "--db", db,
        ])
        #expect(
            unclosed.status == 65 && unclosed.stderr.contains("q.csv:2: error: a quoted field starting here never ends")
        )
        let missing = try winloss.run(["deal", "import", home.file("nope.csv"), "--db", db])
        #expect(missing.status == 66 && missing.stderr.contains("cannot read \(home.file("nope.csv")): no such file"))
    }

    @Test func twoProcessesWritingAtOnceWaitForEachOther() throws {
        // Two imports and two people-adders start together on a database that does not exist yet.
        let salesforce = home.file("sf.csv")
        let hubspot = home.file("hs.csv")
        #expect(
            try winloss.run(["demo", "export", "salesforce", "--deals", "4000", "--seed", "1", "--output", salesforce])
                .status == 0)
        #expect(
            try winloss.run(["demo", "export", "hubspot", "--deals", "4000", "--seed", "2", "--output", hubspot]).status
                == 0)
        let imports = try [salesforce, hubspot].map {
            try winloss.start(["deal", "import", $0, "--format", "json", "--db", db])
        }
        let adders = try (0..<2).map { worker in
            try winloss.start([
                "person", "add", "--name", "Worker \(worker)", "--email", "w\(worker)@example.com", "--role",
                "marketing", "--db", db,
            ])
        }
        let results = try (imports + adders).map { try $0.wait() }
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("locked"))
        }
        let inserted = try results.prefix(2).map {
            try JSONDecoder().decode(ImportSummary.self, from: Data($0.stdout.utf8)).inserted
        }
        #expect(inserted.allSatisfy { $0 > 3000 })
        let store = try WinLossStore.open(path: db, mode: .mustExist)
        #expect(try store.deals().count == inserted.reduce(0, +))
        #expect(try store.people(role: .marketing).count == 2)
        #expect(try store.quickCheck() == ["ok"])
    }

    @Test func anImportKilledAtAnyPointLeavesAValidFileWithAllOrNone() throws {
        let export = home.file("big.csv")
        #expect(try winloss.run(["demo", "export", "salesforce", "--deals", "6000", "--output", export]).status == 0)
        let decided = try WinLossStore.inMemory().importDeals(from: export).inserted
        func fileSize(_ path: String) -> Int {
            (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        }
        // How much a whole import adds to the file: the journal holds about as much before the commit.
        let reference = home.file("reference.sqlite")
        try winloss.run(["person", "add", "--name", "Before", "--role", "manager", "--db", reference])
        let emptySize = fileSize(reference)
        try winloss.run(["deal", "import", export, "--db", reference])
        let written = max(fileSize(reference) - emptySize, 1 << 16)

        // Kills driven by what the process has done, not by time: at once, as its journal reaches a quarter,
        // a half and three quarters of what the import writes, and once it has said that it imported.
        enum Moment { case atOnce, journal(Int), acknowledged }
        let moments: [Moment] = [
            .atOnce, .journal(written / 4), .journal(written / 2), .journal(written * 3 / 4), .acknowledged,
        ]
        var outcomes: [Int: Int] = [:]
        for (round, moment) in moments.enumerated() {
            let path = home.file("killed-\(round).sqlite")
            try winloss.run(["person", "add", "--name", "Before", "--role", "manager", "--db", path])
            let running = try winloss.start(["deal", "import", export, "--db", path])
            let deadline = Date().addingTimeInterval(120)
            switch moment {
            case .atOnce:
                break
            case .journal(let bytes):
                while running.process.isRunning, fileSize(path + "-wal") < bytes, Date() < deadline { usleep(200) }
            case .acknowledged:
                while running.process.isRunning, Date() < deadline { usleep(1000) }
            }
            kill(running.process.processIdentifier, SIGKILL)
            let result = try running.wait()
            if case .acknowledged = moment { #expect(result.stdout.hasPrefix("Imported "), "\(result.stderr)") }
            let queue = try DatabaseQueue(path: path)
            let check = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            let deals = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM deal") } ?? -1
            let people = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM person") }
            #expect(check == ["ok"], "round \(round)")
            #expect(deals == 0 || deals == decided, "round \(round): \(deals) deals")
            #expect(people == 1 || people == 13, "round \(round): the person added before is there")
            outcomes[deals, default: 0] += 1
            switch moment {
            case .atOnce: #expect(deals == 0, "killed at once, before any commit")
            case .acknowledged: #expect(deals == decided, "killed after it said it imported")
            case .journal: break
            }
        }
        // Both outcomes happened: the test saw a kill before the commit and one after it.
        #expect(outcomes[0, default: 0] >= 1 && outcomes[decided, default: 0] >= 1, "\(outcomes)")
    }

    @Test func textFromFilesCannotRewriteTheTerminalOrASpreadsheet() throws {
        let hostile =
            "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Stage,Loss Reason\n"
            + "H1,\"Evil\u{1B}]0;owned\u{07}\u{1B}[2J deal\",\"=HYPERLINK(\"\"http://x\"\")\",Ana\u{202E}Lima,1/5/2026,Closed Lost,\"@SUM(1)\"\n"
        try winloss.run(["deal", "import", try home.write("h.csv", hostile), "--db", db])
        for arguments in [["deal", "list"], ["deal", "show", "H1"], ["account", "list"], ["person", "list"]] {
            let output = try winloss.run(arguments + ["--db", db]).stdout
            #expect(
                !output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(arguments)"
            )
        }
        #expect(try winloss.run(["deal", "show", "H1", "--db", db]).stdout.contains("Evil␛]0;owned␇␛[2J deal"))
        let csv = try winloss.run(["deal", "list", "--format", "csv", "--db", db]).stdout
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
        #expect(csv.contains(",'@SUM(1),"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnlyOnATerminalAndNeverWithNO_COLOR() throws {
        try winloss.run(["deal", "import", try home.write("o.csv", Fixtures.salesforce), "--db", db])
        let piped = try winloss.run(["deal", "list", "--db", db], extraEnvironment: ["TERM": "xterm-256color"])
        #expect(!piped.stdout.contains("\u{1B}["))
        // `script` gives the command a terminal of its own.
        let command = ["deal", "list", "--db", db]
        let onTerminal = try winloss.runUnderTerminal(command, environment: ["TERM": "xterm-256color"])
        #expect(onTerminal.contains("\u{1B}[31mloss\u{1B}[0m"))
        let noColor = try winloss.runUnderTerminal(command, environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(noColor.contains("loss") && !noColor.contains("\u{1B}["))
    }

    @Test func theDemoRunsEverythingOnItsOwnDatabase() throws {
        let realDatabase = home.file("real.sqlite")
        let result = try winloss.run(
            ["demo"], extraEnvironment: ["WINLOSS_DB": realDatabase, "XDG_CACHE_HOME": home.file("cache")])
        #expect(result.status == 0, "\(result.stderr)")
        for expected in [
            "0 new, 0 updated, 138 unchanged", "1 new, 3 updated", "3 rows have problems; nothing was imported",
            "Last year's no-decisions in EMEA", "no-decision  1        No-decision interview",
            "price_value               Price and value", "is the rep who worked deal", "Not saved: \"a lot\"",
            "Private note: The figure is the finance director's own estimate.", "#process names no theme",
            "1) integration  Integration  (matched: erp)",
            "✓ Coded: integration (negative, primary), implementation_risk (negative), price_value (neutral)",
            "Generated 1,440 deals, 1,440 interviews", "THEMES BY OUTCOME", "Internal priorities and the status quo",
            "VALUE AT STAKE", "COLUMN FODDER", "SALES CYCLE", "Terms distinctive of no decision interviews",
            "Recorded the call on",
        ] {
            #expect(result.stdout.contains(expected), "demo output contains \(expected.debugDescription)")
        }
        #expect(!FileManager.default.fileExists(atPath: realDatabase))
        let sample = home.file("cache/winloss/demo/demo.sqlite")
        #expect(try permissions(sample) == 0o600)
        #expect(try permissions(home.file("cache/winloss/demo/programme.sqlite")) == 0o600)
        let html = try String(contentsOfFile: home.file("cache/winloss/demo/report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>") && html.contains("Themes by industry"))
        #expect(
            try String(contentsOfFile: home.file("cache/winloss/demo/callbacks.ics"), encoding: .utf8)
                .hasPrefix("BEGIN:VCALENDAR"))
    }

    /// The demo's commands are the real ones: each step's command, copied into a shell in a folder holding the
    /// demo's input files, prints exactly what the demo showed under it (but for the clock).
    @Test func everyCommandTheDemoShowsPrintsWhatItShows() throws {
        let shown = home.file("shown")
        let tour = try winloss.run(["demo", "--dir", shown])
        #expect(tour.status == 0, "\(tour.stderr)")
        let replay = home.file("replay")
        try FileManager.default.createDirectory(atPath: replay, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: shown)
        where name.hasSuffix(".csv") || name.hasSuffix(".txt") {
            try FileManager.default.copyItem(atPath: shown + "/" + name, toPath: replay + "/" + name)
        }
        // Each command with what the demo showed under it.
        var steps: [(command: String, output: [String])] = []
        for line in tour.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("   $ winloss ") {
                steps.append((String(line.dropFirst("   $ winloss ".count)), []))
            } else if !line.hasPrefix("   "), !line.isEmpty {
                steps.append(("", []))  // a heading or the closing words: the end of a command's output
            } else if !steps.isEmpty, !steps[steps.count - 1].command.isEmpty {
                steps[steps.count - 1].output.append(line.isEmpty ? "" : String(line.dropFirst(3)))
            }
        }
        steps.removeAll { $0.command.isEmpty }
        #expect(steps.count >= 40)
        // The clock, and the folder the demo ran in, are all that may differ.
        func normalized(_ lines: [String], folder: String) -> [String] {
            var result = lines.map {
                $0.replacingOccurrences(of: folder, with: "<folder>")
                    .replacing(/\d\d:\d\d( [+-]\d\d:\d\d| UTC)?/, with: "<time>")
                    .replacing(#/ in \d+\.\d s /#, with: " in <seconds> ")
            }
            while result.first == "" { result.removeFirst() }
            while result.last == "" { result.removeLast() }
            return result
        }
        for (command, output) in steps {
            var text = command
            var input: String?
            if let range = text.range(of: " < ") {
                input = String(text[range.upperBound...])
                text = String(text[..<range.lowerBound])
            }
            let arguments = ReadmeCommandTests.words(text).arguments.map {
                $0.hasPrefix("\u{0}") ? String($0.dropFirst()) : $0
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Winloss.executable)
            process.arguments = arguments
            process.environment = winloss.environment
            process.currentDirectoryURL = URL(fileURLWithPath: replay)
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput =
                input.flatMap { FileHandle(forReadingAtPath: replay + "/" + $0) } ?? FileHandle.nullDevice
            try process.run()
            let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(
                normalized(lines, folder: replay) == normalized(output, folder: shown),
                "winloss \(command) printed something else than the demo showed")
        }
    }

    @Test func theDemoNeverDeletesFilesItDidNotMake() throws {
        let folder = home.file("mine")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let precious = try home.write("mine/demo.sqlite", "my own data\n")
        let result = try winloss.run(["demo", "--dir", folder, "--deals", "20"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("was not made by `winloss demo`; choose another folder with --dir"))
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "my own data\n")
        // Its own folder it rebuilds freely.
        let own = home.file("demo-here")
        #expect(try winloss.run(["demo", "--dir", own, "--deals", "20"]).status == 0)
        #expect(try winloss.run(["demo", "--dir", own, "--deals", "20"]).status == 0)
    }

    @Test func anOutputFileThatCannotBeCreatedExits73() throws {
        let result = try winloss.run([
            "demo", "export", "hubspot", "--deals", "5", "--output", home.file("no/such/folder/x.csv"),
        ])
        #expect(result.status == 73)
        #expect(result.stderr.contains("--output: cannot create \(home.file("no/such/folder/x.csv"))"))
    }

    @Test func helpNamesEveryCommand() throws {
        let help = try winloss.run(["--help"]).stdout
        for command in ["init", "person", "account", "contact", "deal", "demo"] {
            #expect(help.contains("  \(command)"), "help lists \(command)")
        }
        #expect(try winloss.run(["deal", "import", "--help"]).stdout.contains("--map <column=field>"))
        #expect(try winloss.run(["--version"]).stdout == "0.1.0\n")
    }
}
