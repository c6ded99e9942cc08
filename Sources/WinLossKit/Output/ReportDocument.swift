import Foundation

/// A document laid out as headings, paragraphs, tables, quotes and fields, once, for every format that prints
/// it as text: the terminal, Markdown and HTML. Reports, call sheets, transcripts and search results are all
/// documents, so that what buyers wrote is escaped in one place for each format.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        /// Small print under a table: what a mark means, how a figure is computed.
        case note(String)
        case table(columns: [TableColumn], rows: [[TableCell]])
        /// Someone's words and who said them. The words may mark highlighted runs (the matches of a search)
        /// between U+E000 and U+E001, as SQLite's `snippet()` does; see ``Highlight``.
        case quote(text: String, source: String)
        /// Labelled values, one per line: a record's details.
        case fields([Field])
        /// A titled item with text whose lines are kept and details under it: a question of a transcript with its
        /// answer, themes and notes.
        case entry(title: String, text: String, details: [Field])
        /// Short items, one per line.
        case bullets([String])
        /// A picture of figures the table before it (or the tables after it) hold: drawn where the format can
        /// draw (HTML), left out where the tables say it all (a terminal, Markdown).
        case chart(Chart)
    }

    /// The charts a report draws.
    public enum Chart: Sendable {
        /// Each theme's share of each outcome's coded interviews.
        case themes(ThemeFigures)
        /// Each theme's share of each quarter's coded interviews.
        case trend(ThemeTrend)
        /// The win rate of each group of a breakdown, against the whole programme's.
        case winRate(Breakdown, overall: Share?)
    }

    public struct Field: Sendable, Equatable {
        package var label: String
        package var value: String

        package init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    package var title: String
    package var blocks: [Block]

    package init(title: String, blocks: [Block]) {
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
                    TerminalText.wrapped("“" + Highlight.plain(text) + "”", width: 96, indent: "  ") + "\n"
                    + style.apply(.dim, to: TerminalText.wrapped("— " + source, width: 96, indent: "      ")) + "\n"
            case .entry(let title, let text, let details):
                output += "\n" + style.apply(.cyan, to: TerminalText.singleLine(title)) + "\n"
                for line in Self.lines(text) { output += "   " + line + "\n" }
                for detail in details {
                    output +=
                        "   " + TerminalText.singleLine(detail.label) + ": " + TerminalText.singleLine(detail.value)
                        + "\n"
                }
            case .bullets(let items):
                for item in items { output += "- " + TerminalText.singleLine(item) + "\n" }
            case .chart:
                break
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
            // Markdown has no charts: the tables hold their figures.
            if case .chart = block { continue }
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
                output += "> " + Markdown.highlighted(text) + "\n>\n> — " + Markdown.inline(source) + "\n"
            case .fields(let fields):
                for field in fields {
                    output += "- **" + Markdown.inline(field.label) + ":** " + Markdown.inline(field.value) + "\n"
                }
            case .entry(let title, let text, let details):
                output += "**" + Markdown.inline(title) + "**\n\n"
                output += Self.lines(text).map { "> " + Markdown.inline($0) }.joined(separator: "  \n") + "\n"
                if !details.isEmpty { output += "\n" }
                for detail in details {
                    output += "- " + Markdown.inline(detail.label) + ": " + Markdown.inline(detail.value) + "\n"
                }
            case .bullets(let items):
                for item in items { output += "- " + Markdown.inline(item) + "\n" }
            case .chart:
                continue
            }
        }
        return output
    }

    /// The lines of a text that keeps them (an answer), each sanitised; at least one.
    static func lines(_ text: String) -> [String] {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return unified.split(separator: "\n", omittingEmptySubsequences: false).map {
            TerminalText.singleLine(String($0))
        }
    }
}

/// Highlighted runs in a text, between U+E000 and U+E001 (as SQLite's `snippet()` and `highlight()` mark the
/// matches of a search). Each format draws them its own way; unbalanced marks are read as if balanced, so that a
/// mark typed into an answer can never leave markup open.
package enum Highlight {
    package static let open: Unicode.Scalar = "\u{E000}"
    package static let close: Unicode.Scalar = "\u{E001}"

    /// The text in runs, each highlighted or not, without the marks.
    package static func runs(_ text: String) -> [(text: String, highlighted: Bool)] {
        var runs: [(String, Bool)] = []
        var current = ""
        var highlighted = false
        for scalar in text.unicodeScalars {
            if scalar == open || scalar == close {
                let next = scalar == open
                if next != highlighted {
                    if !current.isEmpty { runs.append((current, highlighted)) }
                    current = ""
                    highlighted = next
                }
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { runs.append((current, highlighted)) }
        return runs
    }

    /// The text with its highlighted runs between `open` and `close` (for a terminal, « and »).
    package static func plain(_ text: String, open: String = "«", close: String = "»") -> String {
        guard text.unicodeScalars.contains(where: { $0 == Self.open || $0 == Self.close }) else { return text }
        return runs(text).map { $0.highlighted ? open + $0.text + close : $0.text }.joined()
    }
}

/// Text from anywhere made safe to put in Markdown.
package enum Markdown {
    /// One line, with every character Markdown (or the HTML it allows) would read as markup escaped.
    package static func inline(_ text: String) -> String {
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

    /// Inline text whose highlighted runs (see ``Highlight``) are set in bold.
    package static func highlighted(_ text: String) -> String {
        Highlight.runs(text).map { run in
            let escaped = inline(run.text)
            guard run.highlighted else { return escaped }
            // Emphasis must not start or end on a space.
            let core = escaped.trimmingCharacters(in: .whitespaces)
            guard !core.isEmpty else { return escaped }
            let leading = escaped.prefix { $0 == " " }
            let trailing = String(escaped.reversed().prefix { $0 == " " })
            return leading + "**" + core + "**" + trailing
        }.joined()
    }

    /// A table cell: inline text, never empty, so that the table keeps its columns.
    package static func cell(_ text: String) -> String {
        let escaped = inline(text).trimmingCharacters(in: .whitespaces)
        return escaped.isEmpty ? " " : escaped
    }
}
