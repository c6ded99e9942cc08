import Foundation

/// `winloss demo`: builds a sample programme in a database of its own (never the user's) and shows what the
/// tool does, step by step, printing the command each step stands for.
public struct DemoTour {
    public let directory: String
    public let programme: SampleProgramme

    public init(directory: String, deals: Int, seed: UInt64) {
        self.directory = directory
        self.programme = SampleProgramme(deals: deals, seed: seed)
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
            "salesforce-corrected.csv", "export-with-mistakes.csv", "programme.sqlite", "programme.sqlite-wal",
            "programme.sqlite-shm", "report.html", "callbacks.ics",
        ]
    }

    /// Runs the tour, writing what it does through `write`.
    public func run(style: TextStyle, write: @escaping (String) -> Void) throws {
        try prepareDirectory()
        let store = try WinLossStore.open(path: databasePath)
        var step = 0
        func heading(_ title: String, _ command: String?) {
            step += 1
            write("\n" + style.apply(.bold, to: "\(step). \(title)") + "\n")
            if let command { write(style.apply(.dim, to: "   $ winloss \(command)") + "\n") }
            write("\n")
        }
        // The sample files by name, as a user in the demo folder would type them.
        func indented(_ text: String) {
            write(
                text.replacingOccurrences(of: directory + "/", with: "")
                    .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "   " + $0 }
                    .joined(separator: "\n"))
        }

        write(
            style.apply(.bold, to: "winloss demo")
                + ": a sample win-loss programme of \(programme.deals.grouped) CRM deals.\n")
        write("The sample database is \(databasePath); your own database is not touched.\n")

        // 1. The team.
        heading(
            "The team: reps work deals; marketing and customer success interview their buyers",
            "person add --name 'Dana Reyes' --email dana.reyes@example.com --role marketing")
        for member in SampleProgramme.programmeTeam {
            try store.addPerson(name: member.name, email: member.email, role: member.role)
        }
        for rep in SampleProgramme.reps { try store.addPerson(name: rep.name, email: rep.email, role: .rep) }
        indented(try listing(store.people(), style: style))

        // 2-3. Imports.
        let split = programme.deals * 2 / 3
        let salesforce = try writeFile("salesforce-opportunities.csv") {
            try programme.writeCSV(.salesforce, deals: 0..<split, footer: true, to: $0)
        }
        heading(
            "Import a Salesforce opportunity report (recognised from its header row)",
            "deal import salesforce-opportunities.csv")
        indented(try store.importDeals(from: salesforce).text(style: style))
        let hubspot = try writeFile("hubspot-deals.csv") {
            try programme.writeCSV(.hubspot, deals: split..<programme.deals, to: $0)
        }
        heading("Import a HubSpot deals export", "deal import hubspot-deals.csv")
        indented(try store.importDeals(from: hubspot).text(style: style))

        // 4. Idempotence.
        heading("Import the Salesforce report again: nothing changes", "deal import salesforce-opportunities.csv")
        indented(try store.importDeals(from: salesforce).text(style: style))

        // 5. A corrected export.
        let corrected = try writeFile("salesforce-corrected.csv") { write in
            try correctedExport(upTo: split, write: write)
        }
        heading(
            "Import a newer export: changed rows update their deals, a newly closed deal is added",
            "deal import salesforce-corrected.csv")
        indented(try store.importDeals(from: corrected).text(style: style))

        // 6. All or nothing.
        let before = try store.dealCounts().values.reduce(0, +)
        let mistakes = try writeFile("export-with-mistakes.csv") { write in try exportWithMistakes(write: write) }
        heading(
            "A file with mistakes is refused whole, with every bad line named", "deal import export-with-mistakes.csv")
        do {
            _ = try store.importDeals(from: mistakes)
        } catch let error as ImportError {
            indented(TerminalText.sanitized(error.description) + "\n")
        }
        let after = try store.dealCounts().values.reduce(0, +)
        indented("Deals before: \(before.grouped); after: \(after.grouped). Nothing was written.\n")

        // 7. The decided deals.
        let counts = try store.dealCounts()
        let decided = counts.values.reduce(0, +)
        heading("The decided deals, by outcome", nil)
        let parts = Outcome.allCases.map { outcome in
            style.apply(Tint.of(outcome), to: "\(outcome.label) \((counts[outcome] ?? 0).grouped)")
        }
        indented(parts.joined(separator: " · ") + "  (\(decided.grouped) decided deals)\n")

        heading("The latest decisions", "deal list --limit 8")
        indented(try listing(store.deals(limit: 8), style: style))

        var filter = DealFilter()
        filter.outcomes = [.noDecision]
        filter.decidedFrom = CalendarDate(uncheckedYear: programme.anchor.year - 1, month: 1, day: 1)
        filter.decidedTo = CalendarDate(uncheckedYear: programme.anchor.year - 1, month: 12, day: 31)
        filter.regions = ["EMEA"]
        heading(
            "Last year's no-decisions in EMEA: next year's first calls",
            "deal list --outcome no_decision --from \(filter.decidedFrom?.description ?? "") --to \(filter.decidedTo?.description ?? "") --region EMEA"
        )
        indented(try listing(store.deals(matching: filter, limit: 8), style: style))

        var losses = DealFilter()
        losses.outcomes = [.loss]
        let firstLoss = try store.deals(matching: losses, limit: 1).first
        if let loss = firstLoss {
            heading("One lost deal in full", "deal show \(loss.externalID)")
            indented(try store.deal(externalID: loss.externalID).text(style: style))
        }

        // Templates and the codebook.
        let catalog = try TemplateCatalog.load(userDirectory: nil)
        heading("The question templates interviewers work from, one for each outcome", "template list")
        indented(try listing(catalog.templates.map(TemplateSummary.init), style: style))

        let lossTemplate = try catalog.template("loss")
        heading("The gap questions every interview opens with", "template show loss")
        let gap = lossTemplate.template.sections.first?.questions ?? []
        indented(
            gap.enumerated().map { "\($0.offset + 1). \($0.element.prompt)  (\($0.element.kind.summary))" }.joined(
                separator: "\n") + "\n")

        if let codebook = catalog.codebook {
            heading("The codebook of themes that answers are coded with", "codebook show")
            indented(
                codebook.codebook.themes.map {
                    "\($0.id.padding(toLength: 22, withPad: " ", startingAt: 0))\($0.label)"
                }.joined(separator: "\n") + "\n")
        }

        // Interviews.
        var queueFilter = DealFilter()
        queueFilter.outcomes = [.loss, .noDecision]
        let today = programme.anchor.adding(days: 1)
        heading(
            "The interview queue: decided deals still to interview, most urgent first",
            "queue --outcome loss --outcome no_decision --limit 6")
        var queue: [QueueEntry] = []
        try store.forEachQueueEntry(matching: queueFilter, today: today, limit: 6) { queue.append($0) }
        indented(try listing(queue, style: style))

        if let loss = firstLoss, let contact = try store.deal(externalID: loss.externalID).contacts.first,
            let repEmail = loss.repEmail
        {
            let request = InterviewRequest(
                dealExternalID: loss.externalID, contact: contact.email ?? contact.name,
                interviewer: "dana.reyes@example.com",
                scheduledFor: ScheduleTime.parse("\(today) 15:00", timeZone: TimeZone(identifier: "UTC") ?? .current),
                template: lossTemplate)
            heading(
                "The rep who worked a deal may not interview its buyer",
                "interview schedule \(loss.externalID) --contact \(contact.email ?? contact.name) --interviewer \(repEmail)"
            )
            var asRep = request
            asRep.interviewer = repEmail
            do {
                try store.scheduleInterview(asRep)
            } catch let error as InterviewError {
                indented(TerminalText.sanitized(error.description) + "\n")
            }

            let scheduled = try store.scheduleInterview(request)
            heading(
                "Marketing interviews the buyer instead: answers are saved as they are typed",
                "interview schedule \(loss.externalID) --contact \(contact.email ?? contact.name) --interviewer dana.reyes@example.com; winloss interview start \(scheduled.id)"
            )
            try store.startInterview(scheduled.id)
            let prompter = ScriptedPrompter(DemoTour.scriptedLossInterview)
            let ending = try InterviewSession(
                store: store, interviewID: scheduled.id, prompter: prompter, defaultCurrency: .eur
            ).run()
            let rejected = prompter.shown.components(separatedBy: "Not saved:").count - 1
            let unknownTags = prompter.shown.components(separatedBy: "names no theme").count - 1
            let tagged =
                unknownTags == 0
                ? "themes were tagged inline"
                : "themes were tagged inline (a tag that names no theme of the codebook was pointed out at once)"
            indented(
                "The scripted interview typed \(DemoTour.scriptedLossInterview.count) lines: \(rejected) answer was refused and asked again, "
                    + "one private note was added, \(tagged), and the interview is \(ending == .completed ? "completed" : "paused").\n"
            )

            let interview = try store.interview(scheduled.id)
            heading(
                "The transcript: the questions as asked, the answers, tags and notes", "interview show \(scheduled.id)")
            indented(interview.transcript(.text, style: style, timeZone: TimeZone(identifier: "UTC") ?? .current))

            heading("An interview keeps the exact text of the template it was asked from", nil)
            indented(
                "Interview #\(interview.id) was asked from template \(interview.templateVersion.templateID) version \(interview.templateVersion.version), "
                    + "kept in the database with SHA-256\n\(interview.templateVersion.sha256): editing the template file later never changes "
                    + "the questions this interview was asked.\n")

            if let codebook = catalog.codebook {
                try store.syncCodebook(codebook.codebook)
                heading(
                    "Code the answers with themes: the codebook's keywords suggest them, with stemming",
                    "code \(scheduled.id) --coder dana.reyes@example.com")
                let coder = ScriptedPrompter(DemoTour.scriptedCoding, echo: true)
                _ = try CodingSession(
                    store: store, interviewID: scheduled.id, prompter: coder, coder: "dana.reyes@example.com"
                ).run()
                indented(coder.shown)
            }
        }

        try showReports(heading: heading, indented: indented, style: style)

        write("\nExplore the sample yourself:\n")
        write("   winloss report --db \(reportPath) --year \(programme.anchor.year) --by industry\n")
        write("   winloss search '\"status quo\"' --db \(reportPath) --outcome no_decision\n")
        write(
            "   winloss callbacks --db \(reportPath) --year \(programme.anchor.year - 1) --include-losses --format md\n"
        )
        write("   winloss deal list --db \(databasePath) --outcome loss --competitor Stratos\n")
        write("   winloss account list --db \(databasePath)\n")
        write("   winloss queue --db \(databasePath)\n")
        write("   winloss interview list --db \(databasePath)\n")
        write("   winloss template show no-decision\n")
    }

    /// A programme's worth of coded interviews, and what a sales leader reads from them.
    private func showReports(
        heading: (String, String?) -> Void, indented: (String) -> Void, style: TextStyle
    ) throws {
        let generator = BulkProgramme(deals: reportDeals, seed: programme.seed, anchor: programme.anchor)
        let store = try WinLossStore.open(path: reportPath)
        heading(
            "A programme's worth of interviews: \(reportDeals.grouped) decided deals, each interviewed and coded",
            "demo generate --deals \(reportDeals) --seed \(programme.seed) --db programme.sqlite")
        let summary = try generator.generate(into: store)
        indented(
            "\(summary.deals.grouped) deals, \(summary.interviews.grouped) completed interviews, \(summary.answers.grouped) answers and "
                + "\(summary.codes.grouped) theme codes, in programme.sqlite.\n")

        var year = DealFilter()
        year.decidedFrom = CalendarDate(uncheckedYear: programme.anchor.year, month: 1, day: 1)
        year.decidedTo = CalendarDate(uncheckedYear: programme.anchor.year, month: 12, day: 31)
        let scope = "--db programme.sqlite --year \(programme.anchor.year)"
        heading(
            "The report: outcomes, win rate and interview coverage",
            "report \(scope) --section programme")
        indented(try store.report(ReportRequest(filter: year, sections: [.programme])).document.text(style: style))

        heading(
            "Which themes recur in wins, losses and no-decisions, and how distinctive each is",
            "report \(scope) --section themes")
        indented(try store.report(ReportRequest(filter: year, sections: [.themes])).document.text(style: style))

        var losses = year
        losses.outcomes = [.loss]
        heading(
            "The buyer's words behind a theme, as each buyer agreed to be quoted",
            "search '\"too expensive\"' \(scope) --outcome loss --shareable --limit 3")
        indented(
            try listing(store.search("\"too expensive\"", matching: losses, shareable: true, limit: 3), style: style))

        heading(
            "What the gap questions add up to, column fodder, and the real sales cycle",
            "report \(scope) --section value --section fodder --section cycle --by region")
        indented(
            try store.report(ReportRequest(filter: year, sections: [.value, .fodder, .cycle], breakdown: .region))
                .document.text(style: style))

        heading(
            "Words distinctive of no-decisions: themes the codebook may lack",
            "terms --outcome no_decision \(scope) --limit 8")
        indented(
            try store.distinctiveTerms(TermRequest(outcome: .noDecision, filter: year, limit: 8)).document.text(
                style: style))

        let report = try store.report(ReportRequest(filter: year, breakdown: .industry))
        try Data(report.html.utf8).write(to: URL(fileURLWithPath: htmlPath), options: .atomic)
        heading(
            "The whole report as one HTML file, with charts, to open in a browser or print",
            "report \(scope) --by industry --format html --output report.html")
        indented("Wrote \(htmlPath).\n")

        try showCallbacks(store: store, heading: heading, indented: indented, style: style)
    }

    /// January: a rep's routine with last year's no-decisions.
    private func showCallbacks(
        store: WinLossStore, heading: (String, String?) -> Void, indented: (String) -> Void, style: TextStyle
    ) throws {
        let lastYear = programme.anchor.year - 1
        let january = CalendarDate(uncheckedYear: programme.anchor.year, month: 1, day: 5)
        guard var request = CallbackRequest(year: lastYear),
            let first = try store.callbacks(request).first(where: { !$0.interviews.isEmpty }),
            let rep = first.deal.repEmail
        else { return }
        request.filter.rep = rep
        request.limit = 6
        let asOf = "--db programme.sqlite --as-of \(january)"
        heading(
            "January: last year's no-decisions become \(first.deal.rep)'s first calls, due first, then by what is at stake",
            "callbacks --rep \(rep) --limit 6 \(asOf)")
        let list = CallbackList(try store.callbacks(request), today: january)
        indented(list.table(style: style))

        guard let top = list.callbacks.first(where: { !$0.interviews.isEmpty }) ?? list.callbacks.first else { return }
        heading(
            "What to know before the call, as far as the buyer agreed to share it (never the private notes)",
            "callbacks show \(top.deal.externalID) \(asOf)")
        indented(list.detail(top).text(style: style))

        let again = january.adding(months: 5)
        let call = try store.recordCall(
            CallOutcome(
                dealExternalID: top.deal.externalID, result: .notNow, calledOn: january,
                note: "Budget is set in May; call after that.", caller: rep, againOn: again))
        heading(
            "The call, recorded: not now, call again in June",
            "callbacks done \(top.deal.externalID) --result not-now --again \(again) --note \"Budget is set in May; call after that.\" --db programme.sqlite"
        )
        indented(call.confirmation(dealExternalID: top.deal.externalID) + "\n")

        request.limit = nil
        let calendar = CallbackList(try store.callbacks(request), today: january).calendar
        try OutputFile.write(calendar.text(stamp: store.clock.now()), to: calendarPath)
        heading(
            "The whole list as a calendar: an all-day event per callback; a newer export updates the same events",
            "callbacks --rep \(rep) --format ics --output callbacks.ics --db programme.sqlite")
        indented("Wrote \(calendar.events.count) events to \(calendarPath).\n")
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

    private func listing<Item: Listable>(_ items: [Item], style: TextStyle) throws -> String {
        var text = ""
        var writer = ListWriter<Item>(format: .table, style: style) { text += $0 }
        for item in items { try writer.add(item) }
        writer.finish(empty: "(none)")
        return text
    }

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
