import Foundation

/// One thing wrong with an import file, located as editors and terminals understand: `file:line: message`.
public struct ImportProblem: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The file's line where the bad record starts (1 is the header); nil for a problem with the whole file.
    package var line: Int?
    /// The column the problem is in, as the file names it.
    package var column: String?
    package var message: String
    /// What would read the row, when something specific would.
    package var remedy: Remedy?

    /// What reports and JSON carry: the remedy is for the front end to say.
    private enum CodingKeys: String, CodingKey { case line, column, message }

    package init(line: Int?, column: String? = nil, message: String, remedy: Remedy? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.remedy = remedy
    }

    public var description: String {
        let location = column.map { "\($0): " } ?? ""
        return location + message
    }
}

/// Why an import wrote nothing.
public enum ImportError: WinLossError, Equatable {
    /// The file cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// The file has nothing in it, not even a header row.
    case empty(file: String)
    /// The file is not CSV that can be read at all (an unclosed quote, a field too long…).
    case malformed(file: String, line: Int, message: String)
    /// The header row lacks columns the import needs.
    case missingColumns(file: String, format: String, missing: [String], columns: [String])
    /// A column mapping (`COLUMN=FIELD`) that cannot be read, or names no column of the file.
    case badMap(mapping: String, reason: String)
    /// Some rows are bad: every one is listed, and nothing was written.
    case rejected(file: String, problems: [ImportProblem], badRows: Int)

    public var kind: ErrorKind {
        switch self {
        case .unreadable: .inputMissing
        case .badMap: .badRequest
        case .empty, .malformed, .missingColumns, .rejected: .badInput
        }
    }

    public var location: ErrorLocation? {
        switch self {
        case .unreadable, .badMap: nil
        case .empty(let file), .rejected(let file, _, _): ErrorLocation(file: file)
        case .malformed(let file, let line, _): ErrorLocation(file: file, line: line)
        case .missingColumns(let file, _, _, _): ErrorLocation(file: file, line: 1)
        }
    }

    public var subject: ErrorSubject? {
        if case .badMap(let mapping, _) = self { return .columnMapping(mapping) }
        return nil
    }

    public var problems: [Problem] {
        guard case .rejected(let file, let problems, _) = self else { return [] }
        return problems.map { problem in
            Problem(
                location: ErrorLocation(file: file, line: problem.line), message: problem.description,
                remedy: problem.remedy)
        }
    }

    public var remedy: Remedy? {
        if case .missingColumns = self { return .mapColumns }
        return nil
    }

    public var message: String {
        switch self {
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .empty:
            return "the file is empty; an export starts with a header row naming its columns"
        case .malformed(_, _, let message):
            return "\(message); nothing was imported"
        case .missingColumns(_, let format, let missing, let columns):
            // A header that is not one (the wrong encoding, a binary file) can be very long: a few names, cut.
            let shown = columns.prefix(30).map { TerminalText.truncated(TerminalText.singleLine($0), toWidth: 40) }
            let found =
                shown.map(\.debugDescription).joined(separator: ", ")
                + (columns.count > shown.count ? " and \(columns.count - shown.count) more" : "")
            return """
                this \(format) has no column for \(missing.joined(separator: ", ")); nothing was imported.
                The columns are: \(found).
                """
        case .badMap(_, let reason):
            return reason
        case .rejected(_, _, let badRows):
            let rows = badRows == 1 ? "1 row has" : "\(badRows) rows have"
            return "\(rows) problems; nothing was imported. Correct them and import the file again."
        }
    }

    /// Whether the summary line is itself an error, or (for a list of bad rows) only sums them up.
    public var summaryIsError: Bool {
        if case .rejected = self { return false }
        return true
    }
}
