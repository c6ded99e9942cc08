/// One thing wrong with an import file, located as editors and terminals understand: `file:line: message`.
public struct ImportProblem: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The file's line where the bad record starts (1 is the header); nil for a problem with the whole file.
    public var line: Int?
    /// The column the problem is in, as the file names it.
    public var column: String?
    public var message: String

    public init(line: Int?, column: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let location = column.map { "\($0): " } ?? ""
        return location + message
    }
}

/// Why an import wrote nothing.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// The file has nothing in it, not even a header row.
    case empty(file: String)
    /// The file is not CSV that can be read at all (an unclosed quote, a field too long…).
    case malformed(file: String, line: Int, message: String)
    /// The header row lacks columns the import needs.
    case missingColumns(file: String, format: String, missing: [String], columns: [String])
    /// A `--map` option names no column of the file, or no field.
    case badMap(String)
    /// Some rows are bad: every one is listed, and nothing was written.
    case rejected(file: String, problems: [ImportProblem], badRows: Int)

    public var exitStatus: ExitStatus {
        switch self {
        case .unreadable: .noInput
        case .badMap: .usage
        case .empty, .malformed, .missingColumns, .rejected: .dataError
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .empty(let file):
            return "\(file): error: the file is empty; an export starts with a header row naming its columns"
        case .malformed(let file, let line, let message):
            return "\(file):\(line): error: \(message); nothing was imported"
        case .missingColumns(let file, let format, let missing, let columns):
            // A header that is not one (the wrong encoding, a binary file) can be very long: a few names, cut.
            let shown = columns.prefix(30).map { TerminalText.truncated(TerminalText.singleLine($0), toWidth: 40) }
            let found =
                shown.map(\.debugDescription).joined(separator: ", ")
                + (columns.count > shown.count ? " and \(columns.count - shown.count) more" : "")
            return """
                \(file):1: error: this \(format) has no column for \(missing.joined(separator: ", ")); nothing was imported.
                The columns are: \(found).
                Name the columns with --map, for example --map "Close Date=decided" (see `winloss deal import --help`).
                """
        case .badMap(let message):
            return message
        case .rejected(let file, let problems, let badRows):
            let lines = problems.map { problem in
                "\(file)\(problem.line.map { ":\($0)" } ?? ""): error: \(problem)"
            }
            let rows = badRows == 1 ? "1 row has" : "\(badRows) rows have"
            return
                (lines + ["\(file): \(rows) problems; nothing was imported. Correct them and import the file again."])
                .joined(separator: "\n")
        }
    }
}
