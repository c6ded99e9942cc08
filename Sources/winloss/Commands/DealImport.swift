import ArgumentParser
import Foundation
import WinLossKit

extension DealCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import decided deals from a Salesforce, HubSpot or other CRM export (CSV).",
            discussion: """
                Salesforce opportunity reports and HubSpot deals exports are recognised from their header row; any \
                other CSV is read through --map options (or has winloss's own column names, as `deal list --format \
                csv` writes them). Fields for --map: \(ImportField.allNames).

                Stages: Closed Won is a win, Closed Lost a loss, and a lost deal whose reason says "no decision" or \
                "status quo" a no-decision; other stages are open deals, skipped and counted. Add your own stage \
                names with --win-stage, --loss-stage and --no-decision-stage.

                The import is all or nothing: if any row is bad, nothing is written and every bad row is listed \
                with its line. Importing the same file again changes nothing; a changed row updates its deal.

                Examples:
                  winloss deal import opportunities.csv
                  winloss deal import deals.csv --day-first --currency EUR
                  winloss deal import ours.csv --map Client=account --map Closed=decided
                """)

        @Argument(help: ArgumentHelp("The CSV file, or - for standard input.", valueName: "file")) var file: String
        @Option(
            help:
                "Read the file as this kind of export instead of recognising it: salesforce, hubspot, winloss or mapped."
        )
        var preset: CRMFormat?
        @Option(
            name: .customLong("map"),
            help: ArgumentHelp("Read a column as a field (repeatable).", valueName: "column=field"))
        var maps: [String] = []
        @Flag(name: .customLong("day-first"), help: "Dates with slashes are D/M/YYYY (default M/D/YYYY).")
        var dayFirst = false
        @Flag(
            name: .customLong("decimal-comma"),
            help: "Where 1,234 could be either (a three-decimal currency such as KWD, or 1.500k), the comma is decimal."
        )
        var decimalComma = false
        @Option(help: "The currency of amounts that name none.") var currency: Currency = .usd
        @Option(help: "The delimiter: comma, semicolon or tab (default: found from the header).") var delimiter: String?
        @Option(name: .customLong("win-stage"), help: "A stage that means won (repeatable).") var winStages: [String] =
            []
        @Option(name: .customLong("loss-stage"), help: "A stage that means lost (repeatable).") var lossStages:
            [String] = []
        @Option(name: .customLong("no-decision-stage"), help: "A stage that means no decision (repeatable).")
        var noDecisionStages: [String] = []
        @Option(
            name: .customLong("no-decision-reason"),
            help: "Words in a lost deal's reason that mean no decision (repeatable).")
        var noDecisionReasons: [String] = []
        @Flag(name: .customLong("dry-run"), help: "Check the file and say what would change, without writing.")
        var dryRun = false
        @Option(help: "Output format.") var format: DetailFormat = .text
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try options()
        }

        func options() throws -> ImportOptions {
            var options = ImportOptions()
            options.format = preset
            options.columnMap = try maps.map { option in
                do {
                    return try ImportOptions.parseMap(option)
                } catch let error as ImportError {
                    throw ValidationError(ErrorText.sentence(for: error))
                }
            }
            options.dateOrder = dayFirst ? .dayFirst : .monthFirst
            options.decimalComma = decimalComma
            options.currency = currency
            if let delimiter {
                switch delimiter.lowercased() {
                case ",", "comma": options.delimiter = UInt8(ascii: ",")
                case ";", "semicolon": options.delimiter = UInt8(ascii: ";")
                case "\t", "tab", "\\t": options.delimiter = UInt8(ascii: "\t")
                case "|", "pipe": options.delimiter = UInt8(ascii: "|")
                default: throw ValidationError("--delimiter: comma, semicolon, tab or pipe")
                }
            }
            options.outcomeRules = OutcomeRules.standard.adding(
                winStages: winStages, lossStages: lossStages, noDecisionStages: noDecisionStages,
                noDecisionReasons: noDecisionReasons)
            options.dryRun = dryRun
            return options
        }

        func run() throws {
            let database = try store.open(.createIfMissing)
            let progress = ProgressLine(label: "Importing \(TerminalText.singleLine(file))")
            let summary = try withExtendedLifetime(progress) {
                defer { progress.finish() }
                return try database.importDeals(from: file, options: try options(), progress: progress.update)
            }
            if format == .json {
                Console.line(try JSONOutput.string(summary))
            } else {
                Console.write(summary.text(style: Console.outputStyle))
            }
        }
    }
}

/// A progress line on standard error, redrawn in place; silent unless standard error is a terminal.
final class ProgressLine {
    private let label: String
    private let enabled = Console.stderrIsTerminal && Console.environment["TERM"] != "dumb"
    private var drawn = false

    init(label: String) {
        self.label = label
    }

    func update(_ progress: ImportProgress) {
        var text = "\(progress.rows.grouped) rows"
        if let total = progress.totalBytes, total > 0 {
            text += " (\(min(100, progress.bytesRead * 100 / total))%)"
        }
        show(text)
    }

    /// `label: text`, in place of the last line shown.
    func show(_ text: String) {
        guard enabled else { return }
        Console.writeError("\r\u{1B}[K\(label): \(text)")
        drawn = true
    }

    func finish() {
        if drawn { Console.writeError("\r\u{1B}[K") }
    }
}
