import ArgumentParser
import WinLossKit

struct DealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deal",
        abstract: "Decided deals: the wins, losses and no-decisions that interviews hang off.",
        subcommands: [Add.self, List.self, Show.self, Import.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a decided deal by hand.",
            discussion: """
                The rep must already exist (winloss person add); the account is created if it is new, and \
                --industry, --region and --size set its segment.

                Example: winloss deal add --id 006A1 --name 'Northwind renewal' --account 'Northwind Logistics' \
                --rep ana@example.com --amount 'USD 48,000' --created 2026-01-12 --decided 2026-06-30 \
                --outcome loss --competitor-won Stratos --reason 'Price'
                """)

        @Option(help: "The CRM's id for the deal (default: manual-N).") var id: String?
        @Option(help: "The deal's name.") var name: String
        @Option(help: "The buying account's name.") var account: String
        @Option(help: "The rep who worked it (email or name).") var rep: String
        @Option(help: "The amount, e.g. 'USD 48,000', '€40.000', '250k'.") var amount: String?
        @Option(help: "The currency of an amount that names none.") var currency: Currency = .usd
        @Option(help: ArgumentHelp("When the opportunity was created (YYYY-MM-DD).", valueName: "date")) var created:
            String?
        @Option(help: ArgumentHelp("When it was decided (YYYY-MM-DD).", valueName: "date")) var decided: String
        @Option(help: "win, loss or no_decision.") var outcome: Outcome
        @Option(name: .customLong("competitor-won"), help: "For a loss: the competitor the buyer chose.")
        var competitorWon: String?
        @Option(name: .customLong("competitor"), help: "A competitor involved (repeatable).") var competitors:
            [String] = []
        @Option(help: "The reason the CRM states.") var reason: String?
        @Option(help: "The product line.") var product: String?
        @Option(
            name: .customLong("attr"),
            help: ArgumentHelp("A free attribute of the deal (repeatable).", valueName: "key=value"))
        var attributes: [String] = []
        @Option(help: "The account's industry.") var industry: String?
        @Option(help: "The account's region.") var region: String?
        @Option(help: "The account's size band.") var size: String?
        @Option(
            name: .customLong("account-attr"),
            help: ArgumentHelp("A free attribute of the account (repeatable).", valueName: "key=value"))
        var accountAttributes: [String] = []
        @Option(help: "Output format.") var format: DetailFormat = .text
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try newDeal()
        }

        func newDeal() throws -> NewDeal {
            var deal = NewDeal(
                externalID: id, name: name, account: account, rep: rep,
                decidedOn: try isoDate(decided, option: "--decided"),
                outcome: outcome)
            deal.createdOn = try created.map { try isoDate($0, option: "--created") }
            deal.amount = try amount.map { try money($0, option: "--amount", currency: currency) }
            deal.reason = reason
            deal.competitorWon = competitorWon
            deal.competitors = competitors
            deal.productLine = product
            deal.attributes = try keyValues(attributes, option: "--attr")
            deal.accountFields = AccountFields(
                industry: industry, region: region, sizeBand: size,
                attributes: try keyValues(accountAttributes, option: "--account-attr"))
            return deal
        }

        func run() throws {
            let detail = try store.open(.createIfMissing).addDeal(try newDeal())
            if format == .json {
                Console.line(try JSONOutput.string(detail))
            } else {
                Console.line("Added deal \(TerminalText.sanitized(detail.deal.externalID)).")
                Console.write(detail.text(style: Console.outputStyle))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List decided deals, most recent first.",
            discussion: """
                Examples:
                  winloss deal list --outcome no_decision --from 2025-01-01 --to 2025-12-31
                  winloss deal list --rep ana@example.com --industry Retail --format csv > deals.csv
                """)

        @OptionGroup var filter: DealFilterOptions
        @Option(help: "At most this many deals.") var limit: Int?
        @OptionGroup var output: ListFormatOption
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let database = try store.open(.readOnly)
            var writer = ListWriter<DealSummary>(
                format: output.outputFormat, style: Console.outputStyle, write: Console.write)
            try database.forEachDeal(matching: try filter.filter(), limit: limit) { try writer.add($0) }
            writer.finish(empty: "No deals match.")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show everything recorded about one deal.",
            discussion: "Example: winloss deal show 006A1")

        @Argument(help: "The deal's CRM id.") var id: String
        @Option(help: "Output format.") var format: DetailFormat = .text
        @OptionGroup var store: StoreOptions

        func run() throws {
            let detail = try store.open(.readOnly).deal(externalID: id)
            if format == .json {
                Console.line(try JSONOutput.string(detail))
            } else {
                Console.write(detail.text(style: Console.outputStyle))
            }
        }
    }
}
