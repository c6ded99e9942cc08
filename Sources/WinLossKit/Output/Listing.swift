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
    package let format: OutputFormat
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
            write(CSVWriter.record(item.csvRow, forTerminal: style.terminal))
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
///
/// Every character that could act on a terminal or reorder text is written as a `\u` escape, which any JSON
/// reader reads back as the same character: C0 controls (as the encoder does), DEL, C1 controls, bidirectional
/// marks, overrides and isolates, and the line and paragraph separators.
public enum JSONOutput {
    public static func string(_ value: some Encodable, indent: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let text = escaped(String(decoding: try encoder.encode(value), as: UTF8.self))
        return indent
            ? text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            : text
    }

    /// Such characters can only stand inside JSON strings, where `\uXXXX` means the same.
    static func escaped(_ json: String) -> String {
        // DEL is 0x7F; C1 controls start with 0xC2, U+061C with 0xD8, the others with 0xE2.
        guard json.utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
