import ArgumentParser
import Foundation
import WinLossKit

extension CallResult: ExpressibleByArgument {
    public init?(argument: String) { self.init(loose: argument) }
    public static var allValueStrings: [String] { ["reopened", "not-now", "no-interest"] }
}

/// `--revisit-after 6m`: when to call a buyer who named no day.
struct RevisitOption: ParsableArguments {
    @Option(
        name: .customLong("revisit-after"),
        help: ArgumentHelp(
            "When the buyer named no day, call this long after the decision: 90d, 6w, 6m or 1y.", valueName: "offset"))
    var revisitAfter = "6m"

    func validate() throws { _ = try offset() }

    func offset() throws -> RevisitOffset {
        guard let offset = RevisitOffset(revisitAfter) else {
            throw ValidationError(
                "--revisit-after: \(revisitAfter.debugDescription) is not a length of time; write it like 90d, 6w, 6m or 1y"
            )
        }
        return offset
    }
}

struct CallbacksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callbacks",
        abstract: "Last year's no-decisions (and losses that would look again) as the rep's first calls.",
        discussion: """
            `winloss callbacks` lists them (see `winloss callbacks list --help`); `done` records a call; `show` \
            prints one callback in full.

            A rep's January routine:
              winloss callbacks --rep priya@example.com
              winloss callbacks --rep priya@example.com --format ics --output callbacks.ics
              winloss callbacks done 006A1 --result not-now --again 2026-06-01 --note "After the budget round"
            """,
        subcommands: [List.self, Done.self, Show.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the callbacks: due first, then the most at stake.",
            discussion: """
                No-decisions decided in the period (default: the previous calendar year), and with --include-losses \
                the losses whose buyer said they would look again. Each is due on the day the buyer named in the \
                interview, else --revisit-after the decision; a "not now" call with --again moves it, and carries an \
                older deal into a later year's list. Open callbacks come first, then those called.

                What a rep sees is what the buyer agreed to: never the interviewer's private notes, and where the \
                buyer asked not to be quoted, only their figures and themes, not their words.

                Formats: table, csv (safe to open in a spreadsheet), json, md (a call sheet per rep), ics (a \
                calendar with an all-day event per callback; importing a newer export updates the events). \
                --sheets DIR writes each rep's call sheet to its own Markdown file.

                Examples:
                  winloss callbacks --year 2025 --rep priya@example.com
                  winloss callbacks --include-losses --region EMEA --min-at-stake 'USD 100,000' --format csv
                  winloss callbacks --format ics --output callbacks.ics
                  winloss callbacks --sheets call-sheets/
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case table, csv, json, md, ics
        }

        enum StatusChoice: String, CaseIterable, ExpressibleByArgument {
            case open, called, all
        }

        @Option(help: ArgumentHelp("Deals decided in this calendar year (default: last year).", valueName: "year"))
        var year: Int?
        @Option(help: ArgumentHelp("Decided on or after this day (YYYY-MM-DD).", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Decided on or before this day (default with --from: today).", valueName: "date"))
        var to: String?
        @Flag(help: "Also losses whose buyer said they would look at us again.") var includeLosses = false
        @OptionGroup var segment: SegmentOptions
        @Option(
            name: .customLong("min-at-stake"),
            help: ArgumentHelp(
                "Only callbacks with at least this much at stake (cost of waiting, else the deal amount).",
                valueName: "amount"))
        var minimumAtStake: String?
        @OptionGroup var revisit: RevisitOption
        @Option(help: "Only open callbacks, only those called, or all.") var status: StatusChoice = .all
        @Option(help: "At most this many, from the top of the list.") var limit: Int?
        @OptionGroup var asOf: AsOfOption
        @Option(help: "Output format: table, csv, json, md or ics.") var format: Format = .table
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path")) var output:
            String?
        @Option(help: ArgumentHelp("Write each rep's call sheet to a Markdown file in this folder.", valueName: "dir"))
        var sheets: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try request(today: try asOf.today())
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            if sheets != nil, output != nil || format != .table {
                throw ValidationError("--sheets writes Markdown files of its own; leave out --output and --format")
            }
        }

        func request(today: CalendarDate) throws -> CallbackRequest {
            let from = try self.from.map { try isoDate($0, option: "--from") }
            let to = try self.to.map { try isoDate($0, option: "--to") }
            var request: CallbackRequest
            if let year {
                guard from == nil, to == nil else { throw ValidationError("give --year or --from/--to, not both") }
                guard let chosen = CallbackRequest(year: year) else {
                    throw ValidationError("--year: \(year) is not a year")
                }
                request = chosen
            } else if let from {
                let last = to ?? today
                guard from <= last else {
                    throw ValidationError("--from \(from) is after \(to == nil ? "today, " : "--to ")\(last)")
                }
                request = CallbackRequest(decidedFrom: from, decidedTo: last)
            } else if to != nil {
                throw ValidationError("--to needs --from")
            } else {
                guard let previous = CallbackRequest(year: today.year - 1) else {
                    throw ValidationError("--as-of: no year before \(today.year)")
                }
                request = previous
            }
            request.filter = try segment.filter()
            request.today = today
            request.includeLosses = includeLosses
            request.revisitAfter = try revisit.offset()
            request.minimumAtStake = try minimumAtStake.map {
                try money($0, option: "--min-at-stake", currency: .usd)
            }
            request.status = status == .all ? nil : CallbackStatus(rawValue: status.rawValue)
            request.limit = limit
            return request
        }

        func run() throws {
            let today = try asOf.today()
            let list = CallbackList(try store.open(.readOnly).callbacks(try request(today: today)), today: today)
            if let sheets {
                try writeSheets(list, to: sheets)
                return
            }
            let text: String
            switch format {
            case .table:
                text =
                    list.callbacks.isEmpty
                    ? "No callbacks match.\n" : list.table(style: output == nil ? Console.outputStyle : .plain)
            case .csv:
                text = CSVWriter.records(
                    [CallbackList.csvHeader] + list.csvRows, forTerminal: output == nil && Console.outputStyle.terminal)
            case .json:
                // Item by item, as list commands write JSON: encoding a long list at once takes far more memory.
                text =
                    list.callbacks.isEmpty
                    ? "[]\n"
                    : "[\n"
                        + (try list.callbacks.map { try JSONOutput.string($0, indent: true) }.joined(separator: ",\n"))
                        + "\n]\n"
            case .md: text = list.markdown
            case .ics: text = list.calendar.text(stamp: Date())
            }
            if let output {
                try writeOutputFile(text, to: output, option: "--output")
            } else {
                Console.write(text)
            }
        }

        /// One Markdown file per rep, named after the rep, in `folder` (created if missing).
        private func writeSheets(_ list: CallbackList, to folder: String) throws {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                let reason = (error as NSError).localizedDescription
                throw OptionFileError(option: "--sheets", error: .cannotCreate(path: folder, reason: reason))
            }
            var used: Set<String> = []
            for sheet in list.sheets {
                let base = fileName(sheet.rep)
                var name = base
                var number = 2
                while used.contains(name) {
                    name = "\(base)-\(number)"
                    number += 1
                }
                used.insert(name)
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name + ".md").path
                try writeOutputFile(sheet.document.markdown, to: path, option: "--sheets")
                Console.line("Wrote \(TerminalText.sanitized(path))")
            }
            if used.isEmpty { Console.line("No callbacks match; no call sheets written.") }
        }

        /// `priya-nair` for Priya Nair: letters and digits only, so that no name can reach outside the folder.
        private func fileName(_ rep: PersonReference) -> String {
            var name = ""
            for scalar in rep.name.lowercased().unicodeScalars {
                if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                    name.unicodeScalars.append(scalar)
                } else if !name.isEmpty, !name.hasSuffix("-") {
                    name += "-"
                }
            }
            while name.hasSuffix("-") { name.removeLast() }
            return name.isEmpty ? "rep" : name
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a call made on a callback.",
            discussion: """
                The result is reopened (the buyer is taking the project up again), not-now (with --again, the day \
                to call again, which keeps the callback open), or no-interest. A reopened deal is followed when it \
                comes back as a new deal of the same account in a later import, or name it with --new-deal.

                Examples:
                  winloss callbacks done 006A1 --result not-now --again 2026-06-01 --note "After the budget round"
                  winloss callbacks done 006A1 --result reopened --by priya@example.com
                """)

        @Argument(help: "The deal's CRM id.") var deal: String
        @Option(help: "reopened, not-now or no-interest.") var result: CallResult
        @Option(help: "What was said.") var note: String?
        @Option(help: ArgumentHelp("The day of the call (default: today).", valueName: "date")) var on: String?
        @Option(help: ArgumentHelp("For not-now: the day to call again.", valueName: "date")) var again: String?
        @Option(
            name: .customLong("new-deal"), help: "For reopened: the new deal's CRM id, when it is already imported.")
        var newDeal: String?
        @Option(help: "Who called (email or name).") var by: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try on.map { try isoDate($0, option: "--on") }
            _ = try again.map { try isoDate($0, option: "--again") }
            if again != nil, result != .notNow { throw ValidationError("--again goes with --result not-now") }
            if newDeal != nil, result != .reopened { throw ValidationError("--new-deal goes with --result reopened") }
        }

        func run() throws {
            let calledOn = try on.map { try isoDate($0, option: "--on") } ?? CalendarDate.today(in: .current)
            let call = try store.open(.mustExist).recordCall(
                CallOutcome(
                    dealExternalID: deal, result: result, calledOn: calledOn, note: note, caller: by,
                    againOn: try again.map { try isoDate($0, option: "--again") }, newDealExternalID: newDeal))
            Console.line(call.confirmation(dealExternalID: deal))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One callback in full: what to know before the call.",
            discussion: "Example: winloss callbacks show 006A1")

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text, md, json
        }

        @Argument(help: "The deal's CRM id.") var deal: String
        @OptionGroup var revisit: RevisitOption
        @OptionGroup var asOf: AsOfOption
        @Option(help: "Output format.") var format: Format = .text
        @OptionGroup var store: StoreOptions

        func run() throws {
            let callback = try store.open(.readOnly).callback(
                dealExternalID: deal, revisitAfter: try revisit.offset())
            let list = CallbackList([callback], today: try asOf.today())
            switch format {
            case .text: Console.write(list.detail(callback).text(style: Console.outputStyle))
            case .md: Console.write(list.detail(callback).markdown)
            case .json: Console.line(try JSONOutput.string(callback))
            }
        }
    }
}
