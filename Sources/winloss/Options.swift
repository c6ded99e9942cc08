import ArgumentParser
import WinLossKit

/// `--db PATH`, shared by every command that opens the database.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $WINLOSS_DB, else $XDG_DATA_HOME/winloss/winloss.sqlite).",
            valueName: "path"))
    var db: String?

    var location: StoreLocation { StoreLocation.resolve(option: db) }

    /// Opens the database: commands that only read pass `.readOnly`, so that a mistyped path is an error rather
    /// than a new empty database and a read-only file can still be read; commands that change an existing one
    /// pass `.mustExist`.
    ///
    /// A new programme starts from the codebook of the templates folder (`--templates`, where the command has it,
    /// else `$WINLOSS_TEMPLATES`), else the built-in one.
    func open(_ mode: WinLossStore.OpenMode, templates: TemplatesOption? = nil) throws -> WinLossStore {
        let folder = templates?.directory
        let store = try WinLossStore.open(path: location.path, mode: mode) {
            let catalog = try TemplateCatalog.load(userDirectory: TemplateCatalog.userDirectory(option: folder))
            return try TemplatesOption.codebook(in: TemplatesOption.reported(catalog)).codebook
        }
        for notice in store.notices { Console.warning(TerminalText.sanitized(notice)) }
        return store
    }
}

/// `--format` for list commands.
struct ListFormatOption: ParsableArguments {
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, csv, json
    }

    @Option(help: "Output format.")
    var format: Format = .table

    var outputFormat: OutputFormat { OutputFormat(rawValue: format.rawValue) ?? .table }
}

/// `--format` for commands that show one record or result.
enum DetailFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

/// `--as-of DATE`: the day "late" and "in 3 days" count from.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Count days to this day (default: today, in this computer's time zone).", valueName: "date"))
    var asOf: String?

    func validate() throws { _ = try today() }

    func today() throws -> CalendarDate {
        try asOf.map { try isoDate($0, option: "--as-of") } ?? CalendarDate.today(in: .current)
    }
}

/// Which deals: the filters every command that looks at deals shares.
struct DealFilterOptions: ParsableArguments {
    @Option(name: .customLong("outcome"), help: "Only this outcome: win, loss or no_decision (repeatable).")
    var outcomes: [Outcome] = []

    @Option(help: ArgumentHelp("Decided on or after this day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Decided on or before this day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @OptionGroup var segment: SegmentOptions

    func validate() throws {
        _ = try filter()
    }

    func filter() throws -> DealFilter {
        var filter = try segment.filter()
        filter.outcomes = Set(outcomes)
        filter.decidedFrom = try from.map { try isoDate($0, option: "--from") }
        filter.decidedTo = try to.map { try isoDate($0, option: "--to") }
        if let from = filter.decidedFrom, let to = filter.decidedTo, from > to {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
        return filter
    }
}

/// Which deals by rep, account, segment, competitor, product and amount: every deal filter but the outcome and
/// the decided dates.
struct SegmentOptions: ParsableArguments {
    @Option(help: "Only deals of this rep (email or name).")
    var rep: String?

    @Option(help: "Only deals of this account (name or CRM id).")
    var account: String?

    @Option(name: .customLong("industry"), help: "Only accounts in this industry (repeatable).")
    var industries: [String] = []

    @Option(name: .customLong("region"), help: "Only accounts in this region (repeatable).")
    var regions: [String] = []

    @Option(name: .customLong("size"), help: "Only accounts in this size band (repeatable).")
    var sizes: [String] = []

    @Option(
        name: .customLong("account-attr"),
        help: ArgumentHelp("Only accounts with this attribute (repeatable).", valueName: "key=value"))
    var accountAttributes: [String] = []

    @Option(
        name: .customLong("attr"),
        help: ArgumentHelp("Only deals with this attribute (repeatable).", valueName: "key=value"))
    var dealAttributes: [String] = []

    @Option(help: "Only deals this competitor won or was in.")
    var competitor: String?

    @Option(help: "Only deals of this product line.")
    var product: String?

    @Option(
        name: .customLong("min-amount"),
        help: ArgumentHelp("Only deals of at least this amount, e.g. 'USD 50,000'.", valueName: "amount"))
    var minimumAmount: String?

    func validate() throws {
        _ = try filter()
    }

    func filter() throws -> DealFilter {
        var filter = DealFilter()
        filter.rep = rep
        filter.account = account
        filter.industries = industries
        filter.regions = regions
        filter.sizeBands = sizes
        filter.accountAttributes = try keyValues(accountAttributes, option: "--account-attr")
        filter.dealAttributes = try keyValues(dealAttributes, option: "--attr")
        filter.competitor = competitor
        filter.productLine = product
        filter.minimumAmount = try minimumAmount.map { try money($0, option: "--min-amount", currency: .usd) }
        return filter
    }
}

func isoDate(_ text: String, option: String) throws -> CalendarDate {
    guard let date = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
        throw ValidationError("\(option): \(text.debugDescription) is not a date; write it as YYYY-MM-DD")
    }
    return date
}

func money(_ text: String, option: String, currency: Currency) throws -> Money {
    switch MoneyParser(defaultCurrency: currency).parse(text) {
    case .success(let money): return money
    case .failure(let failure): throw ValidationError("\(option): \(failure)")
    }
}

func keyValues(_ options: [String], option: String) throws -> [String: String] {
    var result: [String: String] = [:]
    for item in options {
        guard let split = item.firstIndex(of: "="), split != item.startIndex else {
            throw ValidationError("\(option) \(item.debugDescription): write it as key=value")
        }
        result[String(item[..<split]).trimmingCharacters(in: .whitespaces)] =
            String(item[item.index(after: split)...]).trimmingCharacters(in: .whitespaces)
    }
    return result
}

// MARK: - Values typed on the command line

extension Outcome: ExpressibleByArgument {
    public init?(argument: String) { self.init(loose: argument) }
}

extension PersonRole: ExpressibleByArgument {
    public init?(argument: String) {
        let key = argument.lowercased().replacingOccurrences(of: "-", with: "_")
        self.init(rawValue: key)
    }
}

extension CRMFormat: ExpressibleByArgument {}

extension Currency: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
}
