import Foundation
import WinLossKit

/// `winloss demo`: builds a sample programme in a folder of its own (never the user's database) and shows what
/// the tool does, step by step. Every step runs the real command, in the demo's folder, exactly as it is shown, and
/// shows what that command printed: copied into a shell in that folder, each command does the same again.
public struct DemoTour {
    public let directory: String
    public let programme: SampleProgramme
    /// The `winloss` binary the tour runs its commands with.
    public let executable: String

    public init(directory: String, deals: Int, seed: UInt64, executable: String) {
        self.directory = directory
        self.programme = SampleProgramme(deals: deals, seed: seed)
        self.executable = executable
    }

    /// `$XDG_CACHE_HOME/winloss/demo`, else `~/.cache/winloss/demo`: the sample can be rebuilt at any time.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/winloss/demo" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/winloss/demo"
    }

    public var databasePath: String { directory + "/demo.sqlite" }

    /// The year of interviews the report part of the tour reads.
    public var reportPath: String { directory + "/programme.sqlite" }

    /// The HTML report the tour writes.
    public var htmlPath: String { directory + "/report.html" }

    /// The calendar of callbacks the tour writes.
    public var calendarPath: String { directory + "/callbacks.ics" }

    /// How many deals, each interviewed and coded, the report part of the tour generates.
    var reportDeals: Int { max(300, programme.deals * 6) }

    private var files: [String] {
        [
            "demo.sqlite", "demo.sqlite-wal", "demo.sqlite-shm", "salesforce-opportunities.csv", "hubspot-deals.csv",
            "salesforce-corrected.csv", "export-with-mistakes.csv", "interview-1.txt", "coding-1.txt",
            "programme.sqlite", "programme.sqlite-wal", "programme.sqlite-shm", "report.html", "callbacks.ics",
        ]
    }

    /// What a step's command printed, standard output and standard error together, as a terminal shows them.
    struct Ran {
        var status: Int32
        var output: String
    }

    /// Runs the tour, writing what it does through `write`.
    public func run(style: TextStyle, write: @escaping (String) -> Void) throws {
        try prepareDirectory()
        var step = 0
        func heading(_ title: String) {
            step += 1
            write("\n" + style.apply(.bold, to: "\(step). \(title)") + "\n")
        }
        /// Runs a command in the demo's folder and shows it with what it printed.
        @discardableResult
        func show(_ arguments: [String], input: String? = nil) throws -> Ran {
            let ran = try self.run(arguments, input: input)
            let line =
                "$ winloss " + arguments.map(Self.shellQuoted).joined(separator: " ")
                + (input.map { " < \($0)" } ?? "")
            write(style.apply(.dim, to: "   " + line) + "\n")
            // What it printed, as printed, under it; a blank line before anything longer than a line.
            if !ran.output.isEmpty {
                let lines = ran.output.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "   " + $0 }.joined(separator: "\n")
                write((ran.output.dropLast().contains("\n") ? "\n" : "") + lines)
                if !ran.output.hasSuffix("\n") { write("\n") }
            }
            return ran
        }

        write(
            style.apply(.bold, to: "winloss demo")
                + ": a sample win-loss programme of \(programme.deals.grouped) CRM deals, in \(directory).\n")
        write(
            "Every command below runs there exactly as shown, on the sample's own databases (demo.sqlite and "
                + "programme.sqlite); yours is not touched. To try them yourself: cd \(Self.shellQuoted(directory))\n")
        let db = ["--db", "demo.sqlite"]

        heading("The team: reps work deals; marketing and customer success interview their buyers")
        for member in SampleProgramme.programmeTeam {
            try show(
                ["person", "add", "--name", member.name, "--email", member.email, "--role", member.role.rawValue] + db)
        }
        for rep in SampleProgramme.reps {
            try show(["person", "add", "--name", rep.name, "--email", rep.email, "--role", "rep"] + db)
        }

        let split = programme.deals * 2 / 3
        try writeFile("salesforce-opportunities.csv") {
            try programme.writeCSV(.salesforce, deals: 0..<split, footer: true, to: $0)
        }
        try writeFile("hubspot-deals.csv") { try programme.writeCSV(.hubspot, deals: split..<programme.deals, to: $0) }
        try writeFile("salesforce-corrected.csv") { try correctedExport(upTo: split, write: $0) }
        try writeFile("export-with-mistakes.csv") { try exportWithMistakes(write: $0) }
        heading("Import a Salesforce opportunity report (recognised from its header row)")
        try show(["deal", "import", "salesforce-opportunities.csv"] + db)
        heading("Import a HubSpot deals export")
        try show(["deal", "import", "hubspot-deals.csv"] + db)
        heading("Import the Salesforce report again: nothing changes")
        try show(["deal", "import", "salesforce-opportunities.csv"] + db)
        heading("Import a newer export: changed rows update their deals, a newly closed deal is added")
        try show(["deal", "import", "salesforce-corrected.csv"] + db)
        heading("A file with mistakes is refused whole, with every bad line named, and nothing is written")
        try show(["deal", "import", "export-with-mistakes.csv"] + db)

        heading("The latest decisions")
        try show(["deal", "list", "--limit", "8"] + db)
        let lastYear = programme.anchor.year - 1
        heading("Last year's no-decisions in EMEA: next year's first calls")
        try show(
            [
                "deal", "list", "--outcome", "no_decision", "--from", "\(lastYear)-01-01", "--to", "\(lastYear)-12-31",
                "--region", "EMEA", "--limit", "8",
            ] + db)

        let sample = try WinLossStore.open(path: databasePath, mode: .readOnly)
        var losses = DealFilter()
        losses.outcomes = [.loss]
        guard let loss = try sample.deals(matching: losses, limit: 1).first,
            let contact = try sample.deal(externalID: loss.externalID).contacts.first,
            let repEmail = loss.repEmail
        else {
            throw RequestError.notFound(
                kind: "lost deal with a buyer and a rep's email in", key: "the sample",
                hint: .advice("try another --seed"))
        }
        let buyer = contact.email ?? contact.name
        heading("One lost deal in full")
        try show(["deal", "show", loss.externalID] + db)

        heading("The question templates interviewers work from, one for each outcome")
        try show(["template", "list"])
        heading("The codebook of themes that answers are coded with")
        try show(["codebook", "show"] + db)

        let today = programme.anchor.adding(days: 1)
        heading("The interview queue: decided deals still to interview, most urgent first")
        try show(
            ["queue", "--outcome", "loss", "--outcome", "no_decision", "--limit", "6", "--as-of", "\(today)"] + db)
        heading("The rep who worked a deal may not interview its buyer")
        try show(["interview", "schedule", loss.externalID, "--contact", buyer, "--interviewer", repEmail] + db)
        heading("Marketing schedules the interview instead")
        try show(
            [
                "interview", "schedule", loss.externalID, "--contact", buyer, "--interviewer", "dana.reyes@example.com",
                "--at", "\(today) 15:00", "--time-zone", "UTC",
            ] + db)
        try writeFile("interview-1.txt") { try $0(DemoTour.scriptedLossInterview.joined(separator: "\n") + "\n") }
        heading(
            "The interview, run from what the interviewer types (interview-1.txt): every answer is saved as it is "
                + "entered, a bad one is asked again, a tag that names no theme is pointed out")
        try show(["interview", "start", "1", "--currency", "EUR"] + db, input: "interview-1.txt")
        heading("The transcript: the questions as asked, from the template version kept with the interview")
        try show(["interview", "show", "1"] + db)
        try writeFile("coding-1.txt") { try $0(DemoTour.scriptedCoding.joined(separator: "\n") + "\n") }
        heading("Code the answers with themes: the codebook's keywords suggest them, with stemming")
        try show(["code", "1", "--coder", "dana.reyes@example.com"] + db, input: "coding-1.txt")

        try showReports(heading: heading) { _ = try show($0, input: $1) }

        write("\nExplore the sample yourself (in \(Self.shellQuoted(directory))):\n")
        write("   winloss report --db programme.sqlite --year \(programme.anchor.year) --by industry\n")
        write("   winloss search '\"status quo\"' --db programme.sqlite --outcome no_decision\n")
        write("   winloss callbacks --db programme.sqlite --year \(lastYear) --include-losses --format md\n")
        write("   winloss deal list --db demo.sqlite --outcome loss --competitor Stratos\n")
        write("   winloss account list --db demo.sqlite\n")
        write("   winloss interview list --db demo.sqlite\n")
        write("   winloss template show no-decision\n")
    }

    /// A programme's worth of coded interviews, and what a sales leader reads from them.
    private func showReports(heading: (String) -> Void, show: ([String], String?) throws -> Void) throws {
        heading("A programme's worth of interviews: \(reportDeals.grouped) decided deals, each interviewed and coded")
        try show(
            [
                "demo", "generate", "--deals", String(reportDeals), "--seed", String(programme.seed), "--db",
                "programme.sqlite",
            ], nil)
        let scope = ["--db", "programme.sqlite", "--year", String(programme.anchor.year)]
        heading("The report: outcomes, win rate and interview coverage")
        try show(["report"] + scope + ["--section", "programme"], nil)
        heading("Which themes recur in wins, losses and no-decisions, and how distinctive each is")
        try show(["report"] + scope + ["--section", "themes"], nil)
        heading("The buyer's words behind a theme, as each buyer agreed to be quoted")
        try show(["search", "\"too expensive\""] + scope + ["--outcome", "loss", "--shareable", "--limit", "3"], nil)
        heading("What the gap questions add up to, column fodder, and the real sales cycle")
        try show(
            ["report"] + scope + ["--section", "value", "--section", "fodder", "--section", "cycle", "--by", "region"],
            nil)
        heading("Words distinctive of no-decisions: themes the codebook may lack")
        try show(["terms", "--outcome", "no_decision"] + scope + ["--limit", "8"], nil)
        heading("The whole report as one HTML file (report.html), with charts, to open in a browser or print")
        try show(["report"] + scope + ["--by", "industry", "--format", "html", "--output", "report.html"], nil)

        // January: a rep's routine with last year's no-decisions.
        let lastYear = programme.anchor.year - 1
        let january = CalendarDate(uncheckedYear: programme.anchor.year, month: 1, day: 5)
        let store = try WinLossStore.open(path: reportPath, mode: .readOnly)
        guard var request = CallbackRequest(year: lastYear),
            let first = try store.callbacks(request).first(where: { !$0.interviews.isEmpty }),
            let rep = first.deal.repEmail
        else {
            throw RequestError.notFound(
                kind: "interviewed no-decision of \(lastYear) in", key: "the sample",
                hint: .advice("try another --seed"))
        }
        request.filter.rep = rep
        request.today = january
        request.limit = 6
        let list = try store.callbacks(request)
        guard let top = list.first(where: { !$0.interviews.isEmpty }) ?? list.first else {
            throw RequestError.notFound(kind: "callback of", key: rep, hint: .advice("try another --seed"))
        }
        let asOf = ["--db", "programme.sqlite", "--as-of", "\(january)"]
        heading("January: last year's no-decisions become \(first.deal.rep)'s first calls, by what is at stake")
        try show(["callbacks", "--rep", rep, "--limit", "6"] + asOf, nil)
        heading("What to know before the call, as far as the buyer agreed to share it (never the private notes)")
        try show(["callbacks", "show", top.deal.externalID] + asOf, nil)
        heading("The call, recorded: not now, call again in June")
        try show(
            [
                "callbacks", "done", top.deal.externalID, "--result", "not-now", "--on", "\(january.adding(days: 1))",
                "--again", "\(january.adding(months: 5))", "--note", "Budget is set in May; call after that.", "--by",
                rep,
                "--db", "programme.sqlite",
            ], nil)
        heading(
            "The whole list as a calendar (callbacks.ics): an all-day event per callback; a newer export updates "
                + "the same events")
        try show(["callbacks", "--rep", rep, "--format", "ics", "--output", "callbacks.ics"] + asOf, nil)
    }

    /// Runs `winloss` with `arguments` in the demo's folder, with standard input from the file `input` there.
    func run(_ arguments: [String], input: String? = nil) throws -> Ran {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        if let input {
            guard let handle = FileHandle(forReadingAtPath: directory + "/" + input) else {
                throw StoreError.cannotOpen(path: directory + "/" + input, reason: "the demo did not write it")
            }
            process.standardInput = handle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            throw StoreError.cannotOpen(path: executable, reason: "cannot run it: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ran(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A word as a POSIX shell reads it back: as it is when it holds nothing special, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "@%+=:,./_-".unicodeScalars.contains(scalar)
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The file that marks a folder as the demo's own, so that rebuilding the sample never deletes a file
    /// that someone else put there under the same name.
    static let marker = "winloss-demo.txt"

    private func prepareDirectory() throws {
        let manager = FileManager.default
        try manager.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let marker = directory + "/" + DemoTour.marker
        let present = files.filter { manager.fileExists(atPath: directory + "/" + $0) }
        if !present.isEmpty, !manager.fileExists(atPath: marker) {
            throw StoreError.cannotCreate(
                path: directory + "/" + present[0],
                reason: "the demo rebuilds its sample from scratch, and this file was not made by `winloss demo`; "
                    + "choose another folder with --dir")
        }
        for file in present { try manager.removeItem(atPath: directory + "/" + file) }
        let note = "This folder holds the sample that `winloss demo` rebuilds on every run; its files may be deleted.\n"
        guard manager.createFile(atPath: marker, contents: Data(note.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw StoreError.cannotCreate(path: marker, reason: "the folder is not writable")
        }
    }

    @discardableResult
    private func writeFile(_ name: String, _ body: ((String) throws -> Void) throws -> Void) throws -> String {
        let path = directory + "/" + name
        try OutputFile.write(to: path, body)
        return path
    }

    /// The first report again, a month on: three amounts revised, and an open deal closed as a no-decision.
    private func correctedExport(upTo split: Int, write: (String) throws -> Void) throws {
        var text = CSVWriter.record(SampleProgramme.salesforceHeader)
        var revised = 0
        var closed = false
        for index in 0..<split {
            var deal = programme.deal(index)
            if deal.outcome != nil, revised < 3 {
                deal.amount = Money(minorUnits: deal.amount.minorUnits / 10 * 11, currency: deal.amount.currency)
                revised += 1
            } else if deal.outcome == nil, !closed {
                deal.outcome = .noDecision
                deal.reason = "No decision - status quo"
                deal.decided = programme.anchor.adding(days: -2)
                closed = true
            }
            text += CSVWriter.record(programme.salesforceRow(deal), guarded: false)
        }
        try write(text)
    }

    /// A short export with three bad rows among good ones.
    private func exportWithMistakes(write: (String) throws -> Void) throws {
        var rows = (0..<6).map { programme.salesforceRow(programme.deal(programme.deals + $0)) }
        let header = SampleProgramme.salesforceHeader
        func set(_ row: Int, _ column: String, _ value: String) {
            if let index = header.firstIndex(of: column) { rows[row][index] = value }
        }
        set(0, "Stage", "Closed Won")
        set(1, "Stage", "Closed Lost")
        set(1, "Close Date", "31/12/2026")
        set(2, "Stage", "Closed Won")
        set(3, "Stage", "Closed Won")
        set(3, "Amount", "12.500.00")
        set(4, "Stage", "Closed Lost")
        set(4, "Opportunity Owner", "")
        set(5, "Stage", "Closed Won")
        try write(CSVWriter.record(header, guarded: false) + rows.map { CSVWriter.record($0, guarded: false) }.joined())
    }

    /// What a coder types for the scripted interview's answers that have no theme yet.
    static let scriptedCoding = ["status_quo-", "decision_process=", "", "1-* 3- price_value="]

    /// What an interviewer types through a loss interview, including a refused answer, a private note and tags.
    static let scriptedLossInterview = [
        "2", "no",
        "We reconcile supplier invoices by hand; two people spend most of each week on it. #process", "",
        "Hours spent on reconciliation each week",
        "Down to a few hours a week by the end of the year.", "",
        "The ERP upgrade slipped twice and took the team with it. #integration", "",
        "a lot",
        "/note The figure is the finance director's own estimate.",
        "EUR 180k per year",
        "EUR 120k per year",
        "5",
        "A formal RFP run by finance, with IT joining for the last two weeks.", "",
        "1, 2, 3",
        "Stratos, an in-house script, and doing nothing.", "",
        "Stratos already connected to our ERP; it felt like less risk. #competitor_strength", "",
        "Your ERP connector needed a services project. #integration", "",
        "yes",
        "6",
        "Quick to answer, but the demo was generic. #business_understanding", "",
        "Bring an ERP specialist to the first meeting.", "",
        "yes",
        "2027-09-30",
        "The CRM says price; the buyer says integration risk, and a favourite chosen early.", "",
        "3",
        "no",
        "4",
        "yes",
    ]
}
