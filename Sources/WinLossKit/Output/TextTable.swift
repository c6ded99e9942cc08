/// A cell of a terminal table: text from anywhere (it is sanitised when drawn) and an optional colour.
public struct TableCell: Sendable, ExpressibleByStringLiteral {
    package var text: String
    package var tint: Tint?

    package init(_ text: String, tint: Tint? = nil) {
        self.text = text
        self.tint = tint
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

public struct TableColumn: Sendable {
    package enum Alignment: Sendable { case left, right }

    package var title: String
    package var alignment: Alignment
    /// Longer cells are cut with …, so that one long deal name does not push the table off the screen.
    package var maximumWidth: Int?

    package init(_ title: String, alignment: Alignment = .left, maximumWidth: Int? = nil) {
        self.title = title
        self.alignment = alignment
        self.maximumWidth = maximumWidth
    }
}

/// Columns aligned by display width, for people at a terminal. Scripts use `--format csv` or `json`.
package struct TextTable: Sendable {
    package var columns: [TableColumn]
    package var rows: [[TableCell]] = []

    package init(columns: [TableColumn]) {
        self.columns = columns
    }

    package mutating func append(_ row: [TableCell]) {
        rows.append(row)
    }

    package func render(style: TextStyle) -> String {
        let cells = rows.map { row in
            row.enumerated().map { index, cell -> (String, Tint?) in
                var text = TerminalText.singleLine(cell.text)
                if index < columns.count, let limit = columns[index].maximumWidth {
                    text = TerminalText.truncated(text, toWidth: limit)
                }
                return (text, cell.tint)
            }
        }
        var widths = columns.map { TerminalText.displayWidth($0.title) }
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.displayWidth(cell.0))
            }
        }
        func line(_ row: [(String, Tint?)]) -> String {
            var parts: [String] = []
            for (index, cell) in row.enumerated() where index < columns.count {
                let padding = String(repeating: " ", count: widths[index] - TerminalText.displayWidth(cell.0))
                let isLast = index == columns.count - 1
                let padded: String
                switch columns[index].alignment {
                case .left: padded = style.apply(cell.1, to: cell.0) + (isLast ? "" : padding)
                case .right: padded = padding + style.apply(cell.1, to: cell.0)
                }
                parts.append(padded)
            }
            return parts.joined(separator: "  ")
        }
        var output = line(columns.map { (TerminalText.sanitized($0.title), Tint.bold) }) + "\n"
        output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { output += line(row) + "\n" }
        return output
    }
}
