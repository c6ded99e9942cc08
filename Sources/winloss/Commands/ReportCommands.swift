import ArgumentParser
import Foundation
import WinLossKit

/// The formats a report prints in.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case table, md, csv, json, html
}

extension ReportDimension: ExpressibleByArgument {}
extension ReportSection: ExpressibleByArgument {}

/// Where a report goes and in which format.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Output format: table, md, csv, json or html (one self-contained file).") var format: ReportFormat =
        .table
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path")) var output: String?

    func emit(_ report: Report) throws {
        let text: String
        switch format {
        case .table: text = report.document.text(style: output == nil ? Console.outputStyle : .plain)
        case .md: text = report.document.markdown
        case .csv:
            text = CSVWriter.records(
                [Report.csvHeader] + report.csvRows, forTerminal: self.output == nil && Console.outputStyle.terminal)
        case .json: text = try JSONOutput.string(report) + "\n"
        case .html: text = report.html
        }
        if let output {
            try writeOutputFile(text, to: output, option: "--output")
        } else {
            Console.write(text)
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The manager's report: outcomes, themes by outcome, trend, the buyer's words, value at stake.",
        discussion: """
            Over the deals decided in a period (--quarter, --year, or --from/--to) and their completed interviews, \
            filtered like `deal list`. Sections: programme (deals, win rate, coverage), themes (share of interviews \
            and log-odds z by outcome), breakdown (with --by), trend (by quarter), quotes (honouring consent), value \
            (the gap questions' money), fodder (a vendor preferred before us) and cycle (real against assumed).

            Examples:
              winloss report --quarter 2026Q3
              winloss report --year 2026 --by industry --format html --output review.html
              winloss report --outcome loss --region EMEA --section themes --section quotes --format md
            """)

    @OptionGroup var scope: ScopeOptions
    @Option(help: "Also show themes for each industry, region, size, competitor, rep, product or quarter.") var by:
        ReportDimension?
    @Option(name: .customLong("section"), help: "Only these sections (repeatable): \(sectionNames).") var sections:
        [ReportSection] = []
    @Option(help: "The buyer's words shown for each theme, at most (0 for none).") var quotes = 3
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var store: StoreOptions

    static var sectionNames: String { ReportSection.allCases.map(\.rawValue).joined(separator: ", ") }

    func validate() throws {
        guard (0...50).contains(quotes) else { throw ValidationError("--quotes: from 0 to 50") }
        if sections.contains(.breakdown), by == nil {
            throw ValidationError("--section breakdown needs --by, such as --by industry")
        }
    }

    func run() throws {
        var chosen = Set(sections.isEmpty ? ReportSection.allCases : sections)
        if quotes == 0 { chosen.remove(.quotes) }
        let request = ReportRequest(filter: try scope.filter(), sections: chosen, breakdown: by, quotesPerTheme: quotes)
        try output.emit(try store.open(.readOnly).report(request))
    }
}

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Themes by outcome: how often each comes up in wins, losses and no-decisions, and how distinctive.",
        discussion: """
            The themes section of `winloss report`, with the same filters. --by adds a table for each segment, \
            --trend the quarter-by-quarter shares, --quotes the buyer's words.

            Examples:
              winloss themes --quarter 2026Q3
              winloss themes --year 2026 --outcome loss --outcome no_decision --by region
            """)

    @OptionGroup var scope: ScopeOptions
    @Option(help: "Also show themes for each industry, region, size, competitor, rep, product or quarter.") var by:
        ReportDimension?
    @Flag(help: "Also show each theme quarter by quarter.") var trend = false
    @Option(help: "The buyer's words shown for each theme, at most.") var quotes = 0
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (0...50).contains(quotes) else { throw ValidationError("--quotes: from 0 to 50") }
    }

    func run() throws {
        var sections: Set<ReportSection> = [.themes, .breakdown]
        if trend { sections.insert(.trend) }
        if quotes > 0 { sections.insert(.quotes) }
        let request = ReportRequest(
            filter: try scope.filter(), sections: sections, breakdown: by, quotesPerTheme: quotes)
        try output.emit(try store.open(.readOnly).report(request))
    }
}

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "The words and phrases most distinctive of one outcome's interviews: themes the codebook may lack.",
        discussion: """
            Reads the text answers of completed interviews (the buyer's, not the interviewer's assessment), counts \
            each word and two-word phrase once per interview, and ranks them by the weighted log-odds of the \
            outcome against the others. The other filters are the report's.

            Examples:
              winloss terms --outcome loss --year 2026
              winloss terms --outcome no_decision --industry Retail --limit 50 --format csv
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, md, csv, json
    }

    @OptionGroup var scope: ScopeOptions
    @Option(help: "At most this many terms.") var limit = 25
    @Option(help: "Leave out terms used in fewer interviews than this.") var minimum = 3
    @Flag(help: "Single words only, without two-word phrases.") var wordsOnly = false
    @Option(help: "Output format.") var format: Format = .table
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard scope.deals.outcomes.count == 1 else {
            throw ValidationError("give one --outcome (win, loss or no_decision) to compare against the others")
        }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard minimum >= 1 else { throw ValidationError("--minimum must be at least 1") }
    }

    func run() throws {
        var filter = try scope.filter()
        let outcome = scope.deals.outcomes[0]
        filter.outcomes = []
        let report = try store.open(.readOnly).distinctiveTerms(
            TermRequest(outcome: outcome, filter: filter, limit: limit, minimumInterviews: minimum, phrases: !wordsOnly)
        )
        switch format {
        case .table: Console.write(report.document.text(style: Console.outputStyle))
        case .md: Console.write(report.document.markdown)
        case .csv:
            Console.write(
                CSVWriter.records([TermReport.csvHeader] + report.csvRows, forTerminal: Console.outputStyle.terminal))
        case .json: Console.line(try JSONOutput.string(report))
        }
    }
}
