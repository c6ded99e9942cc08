import ArgumentParser
import Foundation
import WinLossKit

/// The interviewer's terminal, or a pipe from another program: prompts appear at once, lines are read as typed.
/// Lines that come from a pipe or a file are echoed after their prompt, as a terminal would have shown them, so
/// that the output of a scripted session reads as the session went.
final class TerminalPrompter: Prompter {
    private let echoes = isatty(STDIN_FILENO) == 0

    func show(_ text: String) {
        Console.write(text)
        Console.flush()
    }

    func readLine() -> String? {
        let line = Swift.readLine(strippingNewline: true)
        if echoes, let line { show(TerminalText.sanitized(line) + "\n") }
        return line
    }
}

/// `--allow-rep --reason "…"`: the only way past the non-rep rule, kept on the interview.
struct RepOverrideOptions: ParsableArguments {
    @Flag(name: .customLong("allow-rep"), help: "Let the deal's own rep interview its buyer (needs --reason).")
    var allowRep = false

    @Option(help: "Why the rep must interview, kept on the interview and shown wherever it appears.")
    var reason: String?

    func validate() throws {
        if allowRep, reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw ValidationError("--allow-rep needs --reason \"…\" saying why the rep must interview their own buyer")
        }
        if !allowRep, reason != nil { throw ValidationError("--reason goes with --allow-rep") }
    }

    var overrideReason: String? { allowRep ? reason : nil }
}

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Decided deals still waiting for an interview, in the order to work them.",
        discussion: """
            Lists decided deals without a completed interview, with days since the decision (flagged "late" after \
            30 days, when the buyer's memory fades) and the interview's status. Open ones come first, then those whose \
            buyer declined or did not show; within them, deals decided in the last 30 days, then the largest amounts.

            Example: winloss queue --outcome loss --outcome no_decision --region EMEA
            """)

    @OptionGroup var filter: DealFilterOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "At most this many deals.") var limit: Int?
    @OptionGroup var output: ListFormatOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let today = try asOf.today()
        var writer = ListWriter<QueueEntry>(
            format: output.outputFormat, style: Console.outputStyle, write: Console.write)
        try store.open(.readOnly).forEachQueueEntry(matching: try filter.filter(), today: today, limit: limit) {
            try writer.add($0)
        }
        writer.finish(empty: "Every decided deal has a completed interview.")
    }
}

struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Schedule, run and review buyer interviews.",
        subcommands: [
            Schedule.self, Start.self, Resume.self, Record.self, Complete.self, Decline.self, NoShow.self, Show.self,
            Edit.self, List.self,
        ])

    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule an interview with a deal's buyer.",
            discussion: """
                The interviewer must not be the rep who worked the deal; the template defaults to the one for the deal's \
                outcome. Times are in this computer's time zone unless they carry an offset or --time-zone names one.

                Example: winloss interview schedule 006A1 --contact sam@northwind.example --interviewer dana@example.com \
                --at "2026-12-01 14:00"
                """)

        @Argument(help: "The deal's CRM id.") var deal: String
        @Option(help: "The buyer: a contact of the deal's account, by email or name.") var contact: String
        @Option(help: "Who interviews, by email or name.") var interviewer: String
        @Option(
            help: ArgumentHelp(
                "When: YYYY-MM-DD HH:MM, or with an offset like 2026-12-01T14:00+01:00.", valueName: "time")) var at:
            String?
        @Option(
            name: .customLong("time-zone"),
            help: ArgumentHelp("The zone --at is in, such as Europe/Berlin.", valueName: "zone"))
        var timeZone: String?
        @Option(help: "The template's id (default: the one for the deal's outcome).") var template: String?
        @OptionGroup var override: RepOverrideOptions
        @OptionGroup var templates: TemplatesOption
        @Option(help: "Output format.") var format: DetailFormat = .text
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try scheduledFor()
        }

        func scheduledFor() throws -> Date? {
            guard let at else { return nil }
            let zone =
                try timeZone.map { name in
                    guard let zone = TimeZone(identifier: name) else {
                        throw ValidationError("--time-zone: \(name) is not a time zone, like Europe/Berlin")
                    }
                    return zone
                } ?? TimeZone.current
            guard let date = ScheduleTime.parse(at, timeZone: zone) else {
                throw ValidationError("--at: \(at.debugDescription) is not a time; write it as YYYY-MM-DD HH:MM")
            }
            return date
        }

        func run() throws {
            let database = try store.open(.mustExist, templates: templates)
            let catalog = try templates.catalog()
            let loaded: LoadedTemplate
            if let template {
                loaded = try catalog.template(template)
            } else {
                let outcome = try database.deal(externalID: deal).deal.outcome
                guard let found = catalog.template(for: outcome) else {
                    throw InterviewError.noTemplateFor(outcome: outcome)
                }
                loaded = found
            }
            let detail = try database.scheduleInterview(
                InterviewRequest(
                    dealExternalID: deal, contact: contact, interviewer: interviewer, scheduledFor: try scheduledFor(),
                    template: loaded,
                    repOverrideReason: override.overrideReason))
            if format == .json { return Console.line(try JSONOutput.string(detail)) }
            let when = detail.scheduledFor.map { " for " + ScheduleTime.format($0, timeZone: .current) } ?? ""
            Console.line(
                "Scheduled interview #\(detail.id)\(when): \(TerminalText.sanitized(detail.contact?.name ?? "")) about deal \(TerminalText.sanitized(detail.deal.externalID)), interviewed by \(TerminalText.sanitized(detail.interviewer?.name ?? "")), from template \(detail.template.id) version \(detail.template.version)."
            )
            if let reason = detail.repOverrideReason {
                Console.line(
                    Console.outputStyle.apply(.yellow, to: "The deal's own rep interviews:")
                        + " \(TerminalText.sanitized(reason))")
            }
            Console.line("Start it with `winloss interview start \(detail.id)`.")
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a scheduled interview and run it question by question.",
            discussion: """
                Works on a terminal and with answers piped from another program. Every answer is saved the moment it is \
                entered. At the prompt: /skip, /back, /note TEXT, /help, /pause; #name in an answer tags a theme. A long \
                answer ends with an empty line.
                """)

        @Argument(help: "The interview's number.") var id: Int64
        @OptionGroup var override: RepOverrideOptions
        @Option(help: "The currency of amounts that name none.") var currency: Currency = .usd
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.open(.mustExist)
            try database.startInterview(id, repOverrideReason: override.overrideReason)
            try InterviewCommand.runSession(database, id: id, currency: currency)
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Continue an interview in progress at the first unanswered question that applies.")

        @Argument(help: "The interview's number.") var id: Int64
        @OptionGroup var override: RepOverrideOptions
        @Option(help: "The currency of amounts that name none.") var currency: Currency = .usd
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.open(.mustExist)
            _ = try database.resumeInterview(id, repOverrideReason: override.overrideReason)
            try InterviewCommand.runSession(database, id: id, currency: currency)
        }
    }

    static func runSession(_ database: WinLossStore, id: Int64, currency: Currency) throws {
        let session = try InterviewSession(
            store: database, interviewID: id, prompter: TerminalPrompter(), style: Console.outputStyle,
            defaultCurrency: currency)
        _ = try session.run()
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a whole interview from a YAML or JSON file, without prompts, all or nothing.",
            discussion: """
                The file has consent (quote: named, anonymous or none; recording: true or false), answers by question \
                id, and optionally skip (ids), notes and complete (default true). Answers are checked as in a session.

                Example: winloss interview record 3 --answers interview-3.yaml
                """)

        @Argument(help: "The interview's number.") var id: Int64
        @Option(help: ArgumentHelp("The answers file, or - for standard input.", valueName: "file")) var answers: String
        @Option(
            help: ArgumentHelp(
                "The day the interview took place (default: the file's interviewedOn, else the day it was scheduled "
                    + "for, else today).", valueName: "date"))
        var on: String?
        @OptionGroup var override: RepOverrideOptions
        @Option(help: "The currency of amounts that name none.") var currency: Currency = .usd
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.open(.mustExist)
            let detail = try database.interview(id)
            let file = try AnswersFile.read(
                path: answers, template: detail.template, outcome: detail.deal.outcome, defaultCurrency: currency,
                knownTags: try database.tagNames()
            ).get()
            for warning in file.warnings { Console.writeError(TerminalText.sanitized(warning.description) + "\n") }
            let recorded = try database.recordInterview(
                id, file, repOverrideReason: override.overrideReason,
                interviewedOn: try on.map { try isoDate($0, option: "--on") })
            let answered = recorded.answers.filter { !$0.skipped }.count
            Console.line(
                "Recorded interview #\(id): \(answered) answers, \(file.skipped.count) skipped, \(file.notes.count) notes; it is \(recorded.status.label)."
            )
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Complete an interview in progress (every required question that applies must have an answer).")

        @Argument(help: "The interview's number.") var id: Int64
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.open(.mustExist).completeInterview(id)
            Console.line("Interview #\(id) completed.")
        }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an interview the buyer declined.")

        @Argument(help: "The interview's number.") var id: Int64
        @Option(help: "Why, or what the buyer said.") var note: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.open(.mustExist).closeInterview(id, as: .declined, note: note)
            Console.line("Interview #\(id) closed: the buyer declined.")
        }
    }

    struct NoShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "no-show", abstract: "Close an interview the buyer did not attend.")

        @Argument(help: "The interview's number.") var id: Int64
        @Option(help: "What happened.") var note: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.open(.mustExist).closeInterview(id, as: .noShow, note: note)
            Console.line("Interview #\(id) closed: the buyer did not show.")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show an interview: the questions as asked, the answers, notes, themes, consent and who was there.")

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text, md, json
        }

        @Argument(help: "The interview's number.") var id: Int64
        @Option(help: "Output format.") var format: Format = .text
        @OptionGroup var store: StoreOptions

        func run() throws {
            let detail = try store.open(.readOnly).interview(id)
            switch format {
            case .text: Console.write(detail.transcript(.text, style: Console.outputStyle))
            case .md: Console.write(detail.transcript(.markdown))
            case .json: Console.line(try JSONOutput.string(detail))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change one answer; the earlier value is kept with who changed it and when.",
            discussion: """
                The new answer comes from --answer, or from standard input (useful for a long answer). --skip marks the \
                question skipped.

                Example: winloss interview edit 3 gap_value --answer "EUR 250k per year" --by dana@example.com
                """)

        @Argument(help: "The interview's number.") var id: Int64
        @Argument(help: "The question's id.") var question: String
        @Option(help: "The new answer.") var answer: String?
        @Flag(help: "Mark the question skipped instead.") var skip = false
        @Option(help: "Who makes the change (default: the interviewer).") var by: String?
        @Option(help: "The currency of amounts that name none.") var currency: Currency = .usd
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if skip, answer != nil { throw ValidationError("give --answer or --skip, not both") }
        }

        func run() throws {
            var input = answer
            if !skip, input == nil {
                input = try BoundedInput.standardInputText(limit: 1024 * 1024, what: "an answer")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let database = try store.open(.mustExist)
            let detail = try database.editAnswer(
                id, questionID: question, input: skip ? nil : input, by: by, defaultCurrency: currency)
            let shown =
                detail.answers.first { $0.questionID == question }.flatMap { answer in
                    answer.value.flatMap { value in detail.template.question(question).map { value.display(for: $0) } }
                } ?? "skipped"
            Console.line("Interview #\(id), \(TerminalText.sanitized(question)): \(TerminalText.sanitized(shown))")
            let tags = detail.answers.first { $0.questionID == question }?.tags ?? []
            for unknown in try database.unknownTags(tags) {
                Console.warning(TerminalText.sanitized(unknown.description))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List interviews, newest first.")

        @Option(help: "Only interviews in this status: scheduled, in_progress, completed, declined or no_show.")
        var status: InterviewStatus?
        @Option(help: "Only this interviewer's (email or name).") var interviewer: String?
        @OptionGroup var filter: DealFilterOptions
        @OptionGroup var output: ListFormatOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            var writer = ListWriter<InterviewListing>(
                format: output.outputFormat, style: Console.outputStyle, write: Console.write)
            for listing in try store.open(.readOnly).interviews(
                status: status, interviewer: interviewer, matching: try filter.filter())
            {
                try writer.add(listing)
            }
            writer.finish(empty: "No interviews yet: see what is waiting with `winloss queue`.")
        }
    }
}

extension InterviewStatus: ExpressibleByArgument {}
