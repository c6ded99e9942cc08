import Foundation

extension Report {
    /// The report as one self-contained HTML5 file: every block of ``document``, with inline SVG charts beside the
    /// tables they draw, one inline style sheet, no script, and nothing fetched (its Content-Security-Policy forbids
    /// it), so that it can be mailed, archived and printed as it is. The same report always gives the same text.
    public var html: String { ReportHTML(report: self).file }
}

/// Writes a ``Report`` as HTML: the report's document block by block, its charts as SVG.
struct ReportHTML {
    let report: Report

    var file: String {
        let document = report.document
        var title = document.title
        if !report.scope.isEmpty { title += " — " + report.scope.joined(separator: ", ") }
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)" />
            <meta name="generator" content="winloss" />
            <title>\(HTMLText.escaped(title))</title>
            <style>
            \(Self.styleSheet)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(HTMLText.escaped(document.title))</h1>
            </header>

            """
        html += body(document)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    private func body(_ document: ReportDocument) -> String {
        // The quote blocks follow the report's quotes one for one; the outcome colours each quote's rule.
        let quoteOutcomes = report.quotes?.flatMap { $0.quotes.map(\.outcome) } ?? []
        let quoteBlocks = document.blocks.filter {
            if case .quote = $0 { return true }
            return false
        }.count
        let outcomes = quoteOutcomes.count == quoteBlocks ? quoteOutcomes : []

        var html = ""
        var isSectionOpen = false
        var quoteIndex = 0
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                let level = min(max(level, 1), 6)
                if level <= 2 {
                    if isSectionOpen { html += "</section>\n" }
                    html += "<section>\n"
                    isSectionOpen = true
                }
                html += "<h\(level)>\(HTMLText.escaped(text))</h\(level)>\n"
            case .paragraph(let text):
                html += "<p>\(Self.inline(text))</p>\n"
            case .note(let text):
                html += "<p class=\"note\">\(Self.inline(text))</p>\n"
            case .table(let columns, let rows):
                html += Self.table(columns: columns, rows: rows)
            case .chart(let chart):
                html += SVGChart.draw(chart) ?? ""
            case .quote(let text, let source):
                let outcome = quoteIndex < outcomes.count ? outcomes[quoteIndex] : nil
                quoteIndex += 1
                let kind = outcome.map { " quote-" + SVGChart.name($0) } ?? ""
                html += """
                    <figure class="quote\(kind)">
                    <blockquote><p>\(HTMLText.highlighted(text))</p></blockquote>
                    <figcaption>— <cite>\(HTMLText.escaped(source))</cite></figcaption>
                    </figure>

                    """
            case .fields(let fields):
                html += "<dl>\n"
                for field in fields {
                    html += "<dt>\(HTMLText.escaped(field.label))</dt><dd>\(HTMLText.escaped(field.value))</dd>\n"
                }
                html += "</dl>\n"
            case .entry(let title, let text, let details):
                let lines = HTMLText.cleaned(text).split(separator: "\n", omittingEmptySubsequences: false)
                html += "<section class=\"entry\">\n<h4>\(HTMLText.escaped(title))</h4>\n"
                html += "<blockquote><p>" + lines.map { HTMLText.escaped(String($0)) }.joined(separator: "<br />")
                html += "</p></blockquote>\n"
                if !details.isEmpty {
                    html += "<ul>\n"
                    for detail in details {
                        html += "<li>\(HTMLText.escaped(detail.label)): \(HTMLText.escaped(detail.value))</li>\n"
                    }
                    html += "</ul>\n"
                }
                html += "</section>\n"
            case .bullets(let items):
                html += "<ul>\n" + items.map { "<li>\(HTMLText.escaped($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        if isSectionOpen { html += "</section>\n" }
        return html
    }

    /// Escaped text, with `code` between backticks (as the report's notes name commands) set as code.
    static func inline(_ text: String) -> String {
        let parts = HTMLText.escaped(text).split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return HTMLText.escaped(text) }
        return parts.enumerated().map { index, part in index % 2 == 1 ? "<code>\(part)</code>" : String(part) }
            .joined()
    }

    static func table(columns: [TableColumn], rows: [[TableCell]]) -> String {
        var html = "<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>"
        for column in columns {
            html += "<th scope=\"col\"\(column.alignment == .right ? " class=\"num\"" : "")>"
            html += HTMLText.escaped(column.title) + "</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, column) in columns.enumerated() {
                let cell = index < row.count ? row[index] : TableCell("")
                var text = Substring(cell.text)
                var classes: [String] = []
                if column.alignment == .right { classes.append("num") }
                if let tint = cell.tint { classes.append(className(tint)) }
                var style = ""
                if index == 0 {
                    // ReportText indents a sub-theme by two spaces a level; here it is a margin.
                    let depth = text.prefix { $0 == " " }.count / 2
                    text = text.drop { $0 == " " }
                    if depth > 0 { style = " style=\"padding-left: \(SVGChart.number(Double(depth) * 1.2 + 0.6))em\"" }
                }
                let element = index == 0 ? "th" : "td"
                let scope = index == 0 ? " scope=\"row\"" : ""
                let classList = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                html += "<\(element)\(scope)\(classList)\(style)>\(HTMLText.escaped(String(text)))</\(element)>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        return html
    }

    static func className(_ tint: Tint) -> String {
        switch tint {
        case .bold: "strong"
        case .dim: "dim"
        case .green: "win"
        case .red: "loss"
        case .yellow: "nodecision"
        case .cyan: "accent"
        }
    }
}
