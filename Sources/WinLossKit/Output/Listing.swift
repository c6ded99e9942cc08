import Foundation

/// The formats a command's output can take.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people at a terminal.
    case table
    case csv
    case json
    /// Running text, for one record (`deal show`).
    case text
}

/// A record that list commands print as a table, CSV or JSON.
public protocol Listable: Encodable {
    static var tableColumns: [TableColumn] { get }
    var tableRow: [TableCell] { get }
    /// CSV column names; for deals, the names `deal import` reads back.
    static var csvHeader: [String] { get }
    var csvRow: [String] { get }
}

/// Writes a list in one format as items arrive: CSV and JSON stream; a table waits for all rows so that it
/// can align them.
public struct ListWriter<Item: Listable> {
    public let format: OutputFormat
    private let style: TextStyle
    private let write: (String) -> Void
    private var table: TextTable
    private var count = 0

    public init(format: OutputFormat, style: TextStyle, write: @escaping (String) -> Void) {
        self.format = format
        self.style = style
        self.write = write
        self.table = TextTable(columns: Item.tableColumns)
    }

    public mutating func add(_ item: Item) throws {
        switch format {
        case .table, .text:
            table.append(item.tableRow)
        case .csv:
            if count == 0 { write(CSVWriter.record(Item.csvHeader)) }
            write(CSVWriter.record(item.csvRow))
        case .json:
            write((count == 0 ? "[\n" : ",\n") + (try JSONOutput.string(item, indent: true)))
        }
        count += 1
    }

    /// Ends the list; `empty` is what a table says when there is nothing to show.
    public mutating func finish(empty: String) {
        switch format {
        case .table, .text:
            write(count == 0 ? empty + "\n" : table.render(style: style))
        case .csv:
            if count == 0 { write(CSVWriter.record(Item.csvHeader)) }
        case .json:
            write(count == 0 ? "[]\n" : "\n]\n")
        }
    }
}

/// JSON as every command writes it: keys sorted, pretty, dates in ISO 8601 UTC.
public enum JSONOutput {
    public static func string(_ value: some Encodable, indent: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return indent
            ? text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            : text
    }
}
