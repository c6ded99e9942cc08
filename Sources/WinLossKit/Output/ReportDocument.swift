import Foundation

/// A report laid out as headings, paragraphs, tables and quotes, once, for every format that prints it as
/// text: the terminal, Markdown and HTML.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        /// Small print under a table: what a mark means, how a figure is computed.
        case note(String)
        case table(columns: [TableColumn], rows: [[TableCell]])
        case quote(text: String, source: String)
        /// Labelled values, one per line: a record's details.
        case fields([Field])
    }

    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var blocks: [Block]

    public init(title: String, blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }

    /// For a terminal: aligned tables, headings in bold where colour is allowed.
    public func text(style: TextStyle) -> String {
        var output = style.apply(.bold, to: TerminalText.singleLine(title)) + "\n"
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                let line = TerminalText.singleLine(text)
                output +=
                    "\n" + (level <= 2 ? style.apply(.bold, to: line.uppercased()) : style.apply(.bold, to: line))
                    + "\n"
            case .paragraph(let text):
                output += TerminalText.wrapped(text) + "\n"
            case .note(let text):
                output += style.apply(.dim, to: TerminalText.wrapped(text)) + "\n"
            case .table(let columns, let rows):
                var table = TextTable(columns: columns)
                for row in rows { table.append(row) }
                output += table.render(style: style)
            case .quote(let text, let source):
                output +=
                    TerminalText.wrapped("“" + text + "”", width: 96, indent: "  ") + "\n"
                    + style.apply(.dim, to: TerminalText.wrapped("— " + source, width: 96, indent: "      ")) + "\n"
            case .fields(let fields):
                let width = fields.map { TerminalText.displayWidth(TerminalText.singleLine($0.label)) }.max() ?? 0
                for field in fields {
                    let label = TerminalText.singleLine(field.label)
                    let padding = String(repeating: " ", count: width - TerminalText.displayWidth(label) + 2)
                    let value = TerminalText.wrapped(
                        field.value, width: 100, indent: String(repeating: " ", count: width + 2))
                    output += style.apply(.dim, to: label) + padding + value.drop { $0 == " " } + "\n"
                }
            }
        }
        return output
    }

    /// GitHub-flavoured Markdown, with whatever buyers wrote escaped so that it cannot break a table or add
    /// markup.
    public var markdown: String {
        var output = "# " + Markdown.inline(title) + "\n"
        for block in blocks {
            output += "\n"
            switch block {
            case .heading(let text, let level):
                output += String(repeating: "#", count: min(level, 6)) + " " + Markdown.inline(text) + "\n"
            case .paragraph(let text):
                output += Markdown.inline(text) + "\n"
            case .note(let text):
                output += "_" + Markdown.inline(text) + "_\n"
            case .table(let columns, let rows):
                output += "| " + columns.map { Markdown.cell($0.title) }.joined(separator: " | ") + " |\n"
                output += "|" + columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined() + "\n"
                for row in rows {
                    output += "| " + row.map { Markdown.cell($0.text) }.joined(separator: " | ") + " |\n"
                }
            case .quote(let text, let source):
                output += "> " + Markdown.inline(text) + "\n>\n> — " + Markdown.inline(source) + "\n"
            case .fields(let fields):
                for field in fields {
                    output += "- **" + Markdown.inline(field.label) + ":** " + Markdown.inline(field.value) + "\n"
                }
            }
        }
        return output
    }
}

/// Text from anywhere made safe to put in Markdown.
public enum Markdown {
    /// One line, with every character Markdown (or the HTML it allows) would read as markup escaped.
    public static func inline(_ text: String) -> String {
        var result = ""
        for character in TerminalText.singleLine(text) {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "!": result += "\\" + String(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A table cell: inline text, never empty, so that the table keeps its columns.
    public static func cell(_ text: String) -> String {
        let escaped = inline(text).trimmingCharacters(in: .whitespaces)
        return escaped.isEmpty ? " " : escaped
    }
}
