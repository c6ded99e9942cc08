import ArgumentParser
import Foundation
import WinLossKit

/// Which deals and when: the filters of `deal list`, with a quarter or year instead of dates, for the commands
/// that look at interviews (report, themes, terms, search).
struct ScopeOptions: ParsableArguments {
    @OptionGroup var deals: DealFilterOptions

    @Option(help: ArgumentHelp("Deals decided in this quarter, such as 2026Q1.", valueName: "quarter")) var quarter:
        String?
    @Option(help: ArgumentHelp("Deals decided in this calendar year.", valueName: "year")) var year: Int?
    @Option(
        name: .customLong("max-amount"),
        help: ArgumentHelp("Only deals of at most this amount, e.g. 'USD 250,000'.", valueName: "amount"))
    var maximumAmount: String?

    func validate() throws {
        _ = try filter()
    }

    func filter() throws -> DealFilter {
        var filter = try deals.filter()
        if let maximumAmount { filter.maximumAmount = try money(maximumAmount, option: "--max-amount", currency: .usd) }
        var periods = 0
        if let quarter {
            guard let range = QuarterRange(quarter) else {
                throw ValidationError("--quarter: \(quarter.debugDescription) is not a quarter; write it like 2026Q1")
            }
            filter.decidedFrom = range.first
            filter.decidedTo = range.last
            periods += 1
        }
        if let year {
            guard let first = CalendarDate(year: year, month: 1, day: 1),
                let last = CalendarDate(year: year, month: 12, day: 31)
            else {
                throw ValidationError("--year: \(year) is not a year")
            }
            filter.decidedFrom = first
            filter.decidedTo = last
            periods += 1
        }
        if periods > 0, deals.from != nil || deals.to != nil || periods > 1 {
            throw ValidationError("give one of --from/--to, --quarter or --year")
        }
        return filter
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find answers and private notes by their words.",
        discussion: """
            Words, "a phrase", prefix* and OR, with stemming ("priced" finds "pricing"). The filters are the report's. \
            --shareable leaves out private notes, the interviewer's assessment and buyers who may not be quoted, names \
            anonymous buyers only by role and segment, and gives no deal's id or name: use it for anything that leaves \
            the programme team.

            Examples:
              winloss search price --outcome loss --quarter 2026Q3
              winloss search '"status quo" OR budget*' --outcome no_decision --shareable --format md
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, md, csv, json
    }

    @Argument(help: "What to look for.") var query: String
    @OptionGroup var scope: ScopeOptions
    @Flag(help: "Only what buyers said and agreed may be quoted, without notes, assessments or deal ids.")
    var shareable = false
    @Option(help: "At most this many passages.") var limit = 20
    @Option(help: "Output format.") var format: Format = .table
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let hits = try store.open(.readOnly).search(
            query, matching: try scope.filter(), shareable: shareable, limit: limit)
        switch format {
        case .md:
            Console.write(SearchResults(query: query, hits: hits).document.markdown)
        case .table, .csv, .json:
            let listFormat: OutputFormat = format == .table ? .table : format == .csv ? .csv : .json
            var writer = ListWriter<SearchHit>(format: listFormat, style: Console.outputStyle, write: Console.write)
            for hit in hits { try writer.add(hit) }
            writer.finish(empty: "Nothing found.")
        }
    }
}
