import Foundation

/// Inline SVG charts: drawn with text labels, one colour per outcome (and a pattern, so that they tell apart in
/// greyscale too), and a title for screen readers; the exact figures stay in the tables beside them.
enum SVGChart {
    /// A chart of the document, or nil when there is nothing to draw.
    static func draw(_ chart: ReportDocument.Chart) -> String? {
        switch chart {
        case .themes(let figures): Self.themes(figures)
        case .trend(let figures): Self.trend(figures)
        case .winRate(let breakdown, let overall): Self.winRate(breakdown, overall: overall)
        }
    }

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
