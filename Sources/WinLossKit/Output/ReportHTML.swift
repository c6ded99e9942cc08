import Foundation

extension Report {
    /// The report as one self-contained HTML5 file: every block of ``document``, with inline SVG charts beside the
    /// tables they draw, one inline style sheet, no script, and nothing fetched (its Content-Security-Policy forbids
    /// it), so that it can be mailed, archived and printed as it is. The same report always gives the same text.
    public var html: String { ReportHTML(report: self).file }
}

/// Text from anywhere (buyers, CRM fields, codebooks) made safe to put in HTML.
public enum HTMLText {
    /// Inert in element content and in a quoted attribute value alike: `&`, `<`, `>`, `"` and `'` escaped, and
    /// what has no place in a document dropped (see ``cleaned(_:)``).
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in cleaned(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Line breaks as newlines (CR LF and CR become LF), and without the characters that could hide or reorder
    /// text or that XML forbids: C0 controls other than newline and tab, DEL, C1 controls, bidirectional
    /// overrides and isolates, and Unicode noncharacters.
    public static func cleaned(_ text: String) -> String {
        var clean = ""
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { afterCarriageReturn = value == 0x0D }
            switch value {
            case 0x0D:
                clean.unicodeScalars.append("\n")
            case 0x0A:
                if !afterCarriageReturn { clean.unicodeScalars.append(scalar) }
            case 0x09:
                clean.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFDD0...0xFDEF:
                continue
            default:
                if value & 0xFFFE == 0xFFFE { continue }
                clean.unicodeScalars.append(scalar)
            }
        }
        return clean
    }

    /// Escaped, with the highlighted runs of ``Highlight`` in `<mark>`.
    public static func highlighted(_ text: String) -> String {
        Highlight.runs(text).map { $0.highlighted ? "<mark>" + escaped($0.text) + "</mark>" : escaped($0.text) }
            .joined()
    }

    /// On one line, cut to `width` terminal columns with … when longer, then escaped: for chart labels.
    static func label(_ text: String, width: Int) -> (text: String, isCut: Bool) {
        let line = cleaned(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        let cut = TerminalText.truncated(line, toWidth: width)
        return (escaped(cut), cut != line)
    }
}

/// Writes a ``Report`` as HTML: the report's document block by block, each chart placed after the table it
/// draws (the sections are recognised by the headings ``Report/document`` opens them with).
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

    /// The heading a section of the document opens with, from the same function that lays the section out.
    private static func heading(_ blocks: [ReportDocument.Block]) -> String? {
        if case .heading(let text, _)? = blocks.first { return text }
        return nil
    }

    private func body(_ document: ReportDocument) -> String {
        let themesHeading = report.themes.flatMap { Self.heading(Report.blocks($0)) }
        let trendHeading = report.trend.flatMap { Self.heading(Report.blocks($0)) }
        let breakdownHeading = report.breakdown.flatMap { Self.heading(Report.blocks($0)) }
        // The quote blocks follow the report's quotes one for one; the outcome colours each quote's rule.
        let quoteOutcomes = report.quotes?.flatMap { $0.quotes.map(\.outcome) } ?? []
        let quoteBlocks = document.blocks.filter {
            if case .quote = $0 { return true }
            return false
        }.count
        let outcomes = quoteOutcomes.count == quoteBlocks ? quoteOutcomes : []

        var html = ""
        var section: String?
        var isSectionOpen = false
        var drawn: Set<String> = []
        var quoteIndex = 0
        func add(chart: String?, _ name: String) {
            guard let chart, !drawn.contains(name) else { return }
            drawn.insert(name)
            html += chart
        }
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                let level = min(max(level, 1), 6)
                if level <= 2 {
                    if isSectionOpen { html += "</section>\n" }
                    html += "<section>\n"
                    isSectionOpen = true
                    section = text
                }
                html += "<h\(level)>\(HTMLText.escaped(text))</h\(level)>\n"
                if level <= 2, section == breakdownHeading, let breakdown = report.breakdown {
                    add(chart: SVGChart.winRate(breakdown, overall: report.programme?.winRate), "breakdown")
                }
            case .paragraph(let text):
                html += "<p>\(Self.inline(text))</p>\n"
            case .note(let text):
                html += "<p class=\"note\">\(Self.inline(text))</p>\n"
            case .table(let columns, let rows):
                html += Self.table(columns: columns, rows: rows)
                if section == themesHeading, let themes = report.themes {
                    add(chart: SVGChart.themes(themes), "themes")
                } else if section == trendHeading, let trend = report.trend {
                    add(chart: SVGChart.trend(trend), "trend")
                }
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

    /// Light on screen, black on white in print; no rule needs a background to carry meaning. Kept free of `<`,
    /// `>` and `&` so that the file stays well-formed XML as well.
    static let styleSheet = #"""
        :root {
          color-scheme: light;
          --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --paper: #ffffff; --tint: #f6f8fa;
          --win: #2e7d32; --loss: #c62828; --nodecision: #f9a825;
          --win-text: #1b5e20; --loss-text: #b71c1c; --nodecision-text: #8a5300; --accent: #1f4e79;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; color: var(--ink); background: var(--paper); font-size: 16px; line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
            "Liberation Sans", sans-serif;
        }
        main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.5rem; }
        h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem;
          border-bottom: 2px solid var(--rule); }
        h3 { font-size: 1.1rem; line-height: 1.3; margin: 1.75rem 0 0.5rem; }
        h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
        p { margin: 0.5rem 0; max-width: 48rem; }
        .note { font-size: 0.85rem; color: var(--muted); }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
          font-size: 0.9em; background: var(--tint); padding: 0 0.2em; border-radius: 3px; }
        .table-wrap { overflow-x: auto; margin: 0.75rem 0; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
        th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { font-weight: 600; vertical-align: bottom; border-bottom: 2px solid var(--ink); }
        tbody th { font-weight: normal; }
        tbody tr:hover { background: var(--tint); }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .strong { font-weight: 600; }
        .dim { color: var(--muted); }
        .win { color: var(--win-text); font-weight: 600; }
        .loss { color: var(--loss-text); font-weight: 600; }
        .nodecision { color: var(--nodecision-text); font-weight: 600; }
        .accent { color: var(--accent); }
        .chart { margin: 1rem 0 1.75rem; }
        .chart svg { display: block; width: 100%; max-width: 45rem; height: auto; font-family: inherit; }
        .chart figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.25rem; }
        .quote { margin: 1rem 0; padding: 0.6rem 1rem; border-left: 4px solid var(--rule); background: var(--tint); }
        .quote-win { border-left-color: var(--win); }
        .quote-loss { border-left-color: var(--loss); border-left-style: double; border-left-width: 6px; }
        .quote-nodecision { border-left-color: var(--nodecision); border-left-style: dashed; }
        .quote blockquote { margin: 0; }
        .quote blockquote p { margin: 0; font-size: 1.05rem; white-space: pre-line; max-width: none; }
        .quote blockquote p::before { content: "\201C"; }
        .quote blockquote p::after { content: "\201D"; }
        .quote figcaption { margin-top: 0.35rem; font-size: 0.85rem; color: var(--muted); }
        .quote cite { font-style: normal; }
        svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        @page { margin: 15mm 12mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2 { margin-top: 1.5rem; }
          h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
          table, tr, figure, .chart, .quote { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          table { font-size: 8.5pt; }
          th, td { padding: 0.15rem 0.35rem; }
          tbody tr:hover { background: none; }
          .table-wrap { overflow: visible; }
          .chart svg { max-width: 100%; }
          .quote, code { background: none; }
          p, blockquote { orphans: 3; widows: 3; }
        }

        """#
}

// MARK: - Charts

/// Inline SVG charts: drawn with text labels, one colour per outcome (and a pattern, so that they tell apart in
/// greyscale too), and a title for screen readers; the exact figures stay in the tables beside them.
enum SVGChart {
    static let width = 720.0
    static let ink = "#1f2328"
    static let muted = "#57606a"
    static let rule = "#d0d7de"
    static let line = "#1f4e79"

    static func colour(_ outcome: Outcome) -> String {
        switch outcome {
        case .win: "#2e7d32"
        case .loss: "#c62828"
        case .noDecision: "#f9a825"
        }
    }

    /// For CSS classes and element ids.
    static func name(_ outcome: Outcome) -> String {
        switch outcome {
        case .win: "win"
        case .loss: "loss"
        case .noDecision: "nodecision"
        }
    }

    /// Wins solid, losses hatched, no-decisions dotted.
    static func fill(_ outcome: Outcome, chart: String) -> String {
        outcome == .win ? colour(.win) : "url(#\(chart)-\(name(outcome)))"
    }

    static func patterns(chart: String) -> String {
        let loss = tag(
            "pattern",
            [
                "id": "\(chart)-loss", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
                "patternTransform": "rotate(45)",
            ],
            tag("rect", ["width": "6", "height": "6", "fill": colour(.loss)])
                + tag("rect", ["width": "2", "height": "6", "fill": "#ffffff", "fill-opacity": "0.6"]))
        let noDecision = tag(
            "pattern",
            ["id": "\(chart)-nodecision", "width": "5", "height": "5", "patternUnits": "userSpaceOnUse"],
            tag("rect", ["width": "5", "height": "5", "fill": colour(.noDecision)])
                + tag("circle", ["cx": "2.5", "cy": "2.5", "r": "1.2", "fill": "#5d4000"]))
        return tag("defs", [:], "\n" + loss + "\n" + noDecision + "\n") + "\n"
    }

    /// A swatch and a name for each entry, in a row.
    static func legend(_ entries: [(fill: String, stroke: String, label: String)], y: Double) -> String {
        var svg = ""
        var x = 0.0
        for entry in entries {
            svg += tag(
                "rect",
                [
                    "x": number(x), "y": number(y), "width": "14", "height": "14", "fill": entry.fill,
                    "stroke": entry.stroke,
                ])
            svg += text(x: x + 20, y: y + 11.5, HTMLText.escaped(entry.label))
            x += 20 + Double(TerminalText.displayWidth(entry.label)) * 7 + 18
        }
        return svg + "\n"
    }

    // MARK: Themes by outcome

    /// Three bars for each top-level theme: the share of each outcome's coded interviews that mention it.
    static func themes(_ figures: ThemeFigures) -> String? {
        let rows = figures.rows.filter { $0.depth == 0 }
        guard !rows.isEmpty, figures.interviews.total > 0 else { return nil }
        let chart = "themes"
        let scale = PercentScale.fitting(rows.flatMap { row in Outcome.allCases.map { fraction(row.share[$0]) } })
        let barX = 104.0
        let barWidth = 440.0
        let barHeight = 14.0
        let barGap = 3.0
        let labelHeight = 18.0
        let groupGap = 12.0
        let groupHeight = labelHeight + 3 * barHeight + 2 * barGap + groupGap
        let plotTop = 30.0
        let plotBottom = plotTop + Double(rows.count) * groupHeight - groupGap + 4
        var svg = open(
            id: "chart-\(chart)", height: plotBottom + 20, title: "Top-level themes by outcome",
            label:
                "Bar chart: for each top-level theme, the share of coded win, loss and no-decision interviews "
                + "that mention it."
        )
        svg += patterns(chart: chart)
        svg += legend(
            Outcome.allCases.map { (fill($0, chart: chart), colour($0), Report.title($0)) }, y: 4)
        svg += grid(scale, left: barX, width: barWidth, top: plotTop, bottom: plotBottom)
        for (index, row) in rows.enumerated() {
            let top = plotTop + Double(index) * groupHeight
            svg += text(x: 0, y: top + 13, label(row.label, width: 96), ["font-weight": "600"])
            for (position, outcome) in Outcome.allCases.enumerated() {
                let y = top + labelHeight + Double(position) * (barHeight + barGap)
                let share = row.share[outcome]
                let figure = share.text + (row.fewData[outcome] ? " †" : "")
                let length = barWidth * fraction(share) / scale.top
                svg += text(x: barX - 6, y: y + 11, Report.title(outcome), ["text-anchor": "end", "fill": muted])
                svg += tag(
                    "rect",
                    [
                        "class": "bar", "x": number(barX), "y": number(y), "width": number(length),
                        "height": number(barHeight), "fill": fill(outcome, chart: chart), "stroke": colour(outcome),
                        "stroke-width": length > 0 ? "1" : "0",
                    ],
                    tag("title", [:], HTMLText.escaped("\(row.label), \(outcome.label): \(figure)")))
                svg += text(x: barX + length + 6, y: y + 11, HTMLText.escaped(figure)) + "\n"
            }
        }
        svg += "</svg>"
        return figure(
            svg,
            caption:
                "Share of each outcome's coded interviews that mention the theme or a theme under it; the figures "
                + "are in the table above. † Too few to mean much."
        )
    }

    // MARK: Quarterly trend

    /// A small panel for each top-level theme: its share of each quarter's coded interviews, all outcomes, on
    /// one scale for every panel.
    static func trend(_ trend: ThemeTrend) -> String? {
        let quarters = trend.quarters
        let rows = trend.rows.filter { $0.depth == 0 }
        guard !quarters.isEmpty, !rows.isEmpty else { return nil }
        let totals = quarters.indices.map { $0 < trend.interviews.count ? trend.interviews[$0].total : 0 }
        guard totals.contains(where: { $0 > 0 }) else { return nil }
        func shareOf(_ row: TrendRow, _ quarter: Int) -> Share {
            Share(quarter < row.mentions.count ? row.mentions[quarter].total : 0, of: totals[quarter])
        }
        let scale = PercentScale.fitting(
            rows.flatMap { row in quarters.indices.map { fraction(shareOf(row, $0)) } }, steps: 2)
        let columns = 3
        let panelWidth = width / Double(columns)
        let panelHeight = 150.0
        let legendHeight = 28.0
        let panelRows = (rows.count + columns - 1) / columns
        let hasGaps = totals.contains(0)
        // A share of a handful of interviews swings widely: such points are drawn hollow.
        let isFew = totals.map { $0 < Report.minimumInterviews }
        let hasFew = zip(totals, isFew).contains { $0 > 0 && $1 }
        var svg = open(
            id: "chart-trend", height: legendHeight + Double(panelRows) * panelHeight,
            title: "Top-level themes by quarter",
            label:
                "Line charts, one per top-level theme: the share of each quarter's coded interviews (all outcomes) "
                + "that mention it."
        )
        svg += tag(
            "line", ["x1": "0", "y1": "11", "x2": "20", "y2": "11", "stroke": line, "stroke-width": "2"])
        svg += text(
            x: 26, y: 15,
            "Share of the quarter’s coded interviews, all outcomes" + (hasGaps ? "; a gap: none coded" : "")
                + (hasFew ? "; hollow: fewer than \(Report.minimumInterviews) coded" : ""))
        svg += "\n"
        let last = quarters.count - 1
        // Quarter labels: at most three a panel (the first, the middle one and the latest where they fall on a
        // step), counted back from the latest.
        let step = max(1, Int((Double(last) / 2).rounded(.up)))
        for (index, row) in rows.enumerated() {
            let panelX = Double(index % columns) * panelWidth
            let panelY = legendHeight + Double(index / columns) * panelHeight
            let left = panelX + 40
            let right = panelX + panelWidth - 44
            let top = panelY + 26
            let bottom = panelY + panelHeight - 30
            func x(_ quarter: Int) -> Double {
                last == 0 ? (left + right) / 2 : left + (right - left) * Double(quarter) / Double(last)
            }
            func y(_ value: Double) -> Double { bottom - (bottom - top) * value / scale.top }
            svg += text(x: panelX + 4, y: panelY + 14, label(row.label, width: 29), ["font-weight": "600"])
            for tick in scale.ticks {
                svg += tag(
                    "line",
                    [
                        "x1": number(left), "y1": number(y(tick)), "x2": number(right), "y2": number(y(tick)),
                        "stroke": rule, "stroke-width": "1",
                    ])
                svg += text(
                    x: left - 4, y: y(tick) + 3.5, percent(tick),
                    ["text-anchor": "end", "font-size": "10", "fill": muted])
            }
            for quarter in quarters.indices where (last - quarter) % step == 0 {
                svg += text(
                    x: x(quarter), y: bottom + 15, label(quarters[quarter], width: 10),
                    ["text-anchor": "middle", "font-size": "10", "fill": muted])
            }
            var segment: [String] = []
            var points = ""
            var latest: (x: Double, y: Double, text: String)?
            func endSegment() {
                if segment.count > 1 {
                    svg += tag(
                        "polyline",
                        [
                            "points": segment.joined(separator: " "), "fill": "none", "stroke": line,
                            "stroke-width": "2", "stroke-linejoin": "round",
                        ])
                }
                segment = []
            }
            for quarter in quarters.indices {
                let share = shareOf(row, quarter)
                guard share.value != nil else {
                    endSegment()
                    continue
                }
                let point = (x: x(quarter), y: y(fraction(share)))
                segment.append(number(point.x) + "," + number(point.y))
                points += tag(
                    "circle",
                    [
                        "cx": number(point.x), "cy": number(point.y), "r": isFew[quarter] ? "3" : "2.5",
                        "fill": isFew[quarter] ? "#ffffff" : line, "stroke": line, "stroke-width": "1.5",
                    ],
                    tag("title", [:], HTMLText.escaped("\(row.label), \(quarters[quarter]): \(share.text)")))
                latest = (point.x, point.y, share.percentText)
            }
            endSegment()
            svg += points
            if let latest {
                svg += text(
                    x: latest.x + 6, y: latest.y + 4, HTMLText.escaped(latest.text),
                    ["font-size": "11", "font-weight": "600", "fill": line])
            }
            svg += "\n"
        }
        svg += "</svg>"
        return figure(
            svg,
            caption:
                "One scale for every panel; the latest quarter's share is printed at the end of each line, and every "
                + "figure is in the table above."
        )
    }

    // MARK: Win rate by segment

    /// A bar for each value of the breakdown's dimension, won against lost, with the report's win rate marked.
    static func winRate(_ breakdown: Breakdown, overall: Share?) -> String? {
        let groups = breakdown.groups
        guard !groups.isEmpty else { return nil }
        let chart = "winrate"
        let labelRight = 180.0
        let barX = 188.0
        let barWidth = 380.0
        let rowHeight = 22.0
        let barHeight = 14.0
        let all = overall.flatMap { $0.value == nil ? nil : $0 }
        let plotTop = 30.0 + (all == nil ? 0 : 16)
        let plotBottom = plotTop + Double(groups.count) * rowHeight
        let title = "Win rate by \(breakdown.dimension.title.lowercased())"
        var svg = open(
            id: "chart-win-rate", height: plotBottom + 20, title: title,
            label:
                "Bar chart: for each \(breakdown.dimension.title.lowercased()), the deals won and lost as parts of one "
                + "bar; the win rate is the won part."
        )
        svg += patterns(chart: chart)
        svg += legend(
            [
                (fill(.win, chart: chart), colour(.win), "Won"), (fill(.loss, chart: chart), colour(.loss), "Lost"),
            ], y: 4)
        svg += grid(PercentScale(top: 1, steps: 4), left: barX, width: barWidth, top: plotTop, bottom: plotBottom)
        for (index, group) in groups.enumerated() {
            let name = breakdown.dimension.name(group.value)
            let y = plotTop + Double(index) * rowHeight + (rowHeight - barHeight) / 2
            svg += text(x: labelRight, y: y + 11, label(name, width: 28), ["text-anchor": "end"])
            let rate = group.winRate
            if rate.value != nil {
                let won = barWidth * fraction(rate)
                let summary = HTMLText.escaped(
                    "\(name): win rate \(rate.preciseText), \(rate.count.grouped) won of \(rate.of.grouped) won or lost"
                )
                for (outcome, x, length) in [(Outcome.win, barX, won), (.loss, barX + won, barWidth - won)] {
                    svg += tag(
                        "rect",
                        [
                            "class": "bar", "x": number(x), "y": number(y), "width": number(length),
                            "height": number(barHeight), "fill": fill(outcome, chart: chart),
                            "stroke": colour(outcome), "stroke-width": length > 0 ? "1" : "0",
                        ],
                        tag("title", [:], summary))
                }
            } else {
                svg += tag(
                    "rect",
                    [
                        "x": number(barX), "y": number(y), "width": number(barWidth), "height": number(barHeight),
                        "fill": "none", "stroke": rule, "stroke-dasharray": "4 3",
                    ])
            }
            let figure =
                rate.value == nil
                ? "— (none won or lost)" : "\(rate.preciseText) (\(rate.count.grouped)/\(rate.of.grouped))"
            svg += text(x: barX + barWidth + 8, y: y + 11, HTMLText.escaped(figure)) + "\n"
        }
        if let all {
            let x = barX + barWidth * fraction(all)
            svg += tag(
                "line",
                [
                    "x1": number(x), "y1": number(plotTop - 4), "x2": number(x), "y2": number(plotBottom),
                    "stroke": ink, "stroke-width": "1.5", "stroke-dasharray": "5 3",
                ])
            svg += text(x: x, y: plotTop - 7, "All: " + all.preciseText, ["text-anchor": "middle", "font-size": "11"])
        }
        svg += "</svg>"
        return figure(
            svg,
            caption:
                "Win rate: deals won of those won or lost; no-decisions are left out."
                + (all == nil ? "" : " The dashed line is the win rate of every deal in the report.")
        )
    }

    // MARK: Parts

    /// The shares a chart draws, and the percentages its grid is ruled at.
    struct PercentScale {
        /// The share at the far end of the axis.
        var top: Double
        var ticks: [Double]

        init(top: Double, steps: Int) {
            self.top = top
            ticks = (0...steps).map { top * Double($0) / Double(steps) }
        }

        /// Up to a round step above the largest share, at most 100%: ruled every 10% (20% beyond half), or in
        /// `steps` equal steps up to the next 10%.
        static func fitting(_ values: [Double], steps: Int? = nil) -> PercentScale {
            let largest = min(max(values.filter(\.isFinite).max() ?? 0, 0), 1)
            if let steps {
                let tenths = max(1, Int((largest * 10 - 1e-9).rounded(.up)))
                return PercentScale(top: Double(min(tenths, 10)) / 10, steps: steps)
            }
            let step = largest > 0.5 ? 0.2 : 0.1
            let count = max(1, Int((largest / step - 1e-9).rounded(.up)))
            return PercentScale(top: min(1, Double(count) * step), steps: count)
        }
    }

    static func grid(_ scale: PercentScale, left: Double, width: Double, top: Double, bottom: Double) -> String {
        var svg = ""
        for tick in scale.ticks {
            let x = left + width * tick / scale.top
            svg += tag(
                "line",
                [
                    "x1": number(x), "y1": number(top), "x2": number(x), "y2": number(bottom), "stroke": rule,
                    "stroke-width": "1",
                ])
            svg += text(
                x: x, y: bottom + 14, percent(tick), ["text-anchor": "middle", "font-size": "10", "fill": muted])
        }
        return svg + "\n"
    }

    static func open(id: String, height: Double, title: String, label: String) -> String {
        let attributes: KeyValuePairs<String, String> = [
            "id": id, "role": "img", "viewBox": "0 0 \(number(width)) \(number(height))", "width": number(width),
            "height": number(height), "font-size": "12", "fill": ink, "aria-label": label,
        ]
        return "<svg" + render(attributes) + ">\n" + tag("title", [:], HTMLText.escaped(title)) + "\n"
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure class=\"chart\">\n\(svg)\n<figcaption>\(HTMLText.escaped(caption))</figcaption>\n</figure>\n"
    }

    /// Text at a point; `content` is markup (escape what comes from the data).
    static func text(
        x: Double, y: Double, _ content: String, _ attributes: KeyValuePairs<String, String> = [:]
    ) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\"" + render(attributes) + ">" + content + "</text>"
    }

    /// A label cut to fit, the whole of it in a tooltip when cut.
    static func label(_ text: String, width: Int) -> String {
        let label = HTMLText.label(text, width: width)
        guard label.isCut else { return label.text }
        return tag("title", [:], HTMLText.label(text, width: Int.max).text) + label.text
    }

    /// `<name a="1">content</name>`, or `<name a="1" />` without content. Values are escaped; content is markup.
    static func tag(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String? = nil) -> String {
        guard let content else { return "<\(name)" + render(attributes) + " />" }
        return "<\(name)" + render(attributes) + ">" + content + "</\(name)>"
    }

    static func render(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(HTMLText.escaped($0.value))\"" }.joined()
    }

    /// A share as a fraction from 0 to 1; 0 where there is nothing to share.
    static func fraction(_ share: Share) -> Double {
        guard let value = share.value, value.isFinite else { return 0 }
        return min(max(value, 0), 1)
    }

    static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    /// A coordinate to a tenth, never NaN or infinite.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((min(max(value, -1e9), 1e9) * 10).rounded())
        let magnitude = tenths.magnitude
        let sign = tenths < 0 ? "-" : ""
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
