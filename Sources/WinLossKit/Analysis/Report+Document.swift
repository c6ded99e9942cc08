import Foundation

// MARK: - Figures for people

extension Share {
    /// `38% (15/40)`; `—` when there is nothing to take a share of.
    package var text: String {
        guard value != nil else { return "—" }
        return "\(percentText) (\(count.grouped)/\(of.grouped))"
    }

    /// `38%`, `<1%` for a small share that is not nothing, `—` for no share at all.
    package var percentText: String {
        guard let value else { return "—" }
        let percent = (value * 100).rounded()
        if percent == 0, count > 0 { return "<1%" }
        if percent == 100, count < of { return ">99%" }
        return "\(Int(percent))%"
    }

    /// `33.3%`, for rates people compare closely.
    package var preciseText: String {
        guard let value else { return "—" }
        return String(format: "%.1f%%", value * 100)
    }
}

extension Median {
    /// `18 (n=42)`, `18.5 (n=4)`; `—` when there was nothing.
    package var text: String {
        guard let value else { return "—" }
        return "\(Self.number(value)) (n=\(n.grouped))"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

/// A z-score for people: `+2.4`, with a dagger when it rests on too little.
func zText(_ z: Double?, few: Bool) -> String {
    guard let z else { return "—" }
    return z.signedText(decimals: 1) + (few ? " †" : "")
}

extension ReportDimension {
    /// The name of a group, `(not recorded)` for deals that do not say.
    func name(_ value: String?) -> String {
        value ?? (self == .competitor ? "(no competitor recorded)" : "(not recorded)")
    }
}

// MARK: - The document

extension Report {
    static let fewDataNote =
        "† Too few to mean much: fewer than \(minimumInterviews) coded interviews of that outcome, or fewer than \(minimumMentions) mentions in all."
    static let zNote =
        "Share: coded interviews that mention the theme (or a theme under it), with the count and n. z: how distinctive the theme is of the outcome against the other outcomes (weighted log-odds with an informative Dirichlet prior from the pooled counts, Monroe, Colaresi and Quinn 2008), among themes of the same level; beyond ±1.96 stands out."

    /// The report laid out for reading.
    public var document: ReportDocument {
        var blocks: [ReportDocument.Block] = []
        let stamp = Self.timestamp(generatedAt)
        blocks.append(
            .note("Decided deals: \(scope.isEmpty ? "all" : scope.joined(separator: ", ")). Generated \(stamp)."))
        if let programme { blocks += Self.blocks(programme) }
        if let themes { blocks += Self.blocks(themes) }
        if let breakdown { blocks += Self.blocks(breakdown, overall: programme?.winRate) }
        if let trend { blocks += Self.blocks(trend) }
        if let quotes { blocks += Self.blocks(quotes) }
        if let valueAtStake { blocks += Self.blocks(valueAtStake) }
        if let columnFodder { blocks += Self.blocks(columnFodder) }
        if let salesCycle { blocks += Self.blocks(salesCycle) }
        return ReportDocument(title: "Win-loss report", blocks: blocks)
    }

    /// `2026-11-23 14:05 UTC`.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    private static let outcomeColumns = Outcome.allCases.map { TableColumn(title($0), alignment: .right) }

    static func title(_ outcome: Outcome) -> String {
        switch outcome {
        case .win: "Win"
        case .loss: "Loss"
        case .noDecision: "No decision"
        }
    }

    static func blocks(_ programme: ProgrammeFigures) -> [ReportDocument.Block] {
        var rows: [[TableCell]] = Outcome.allCases.map { outcome in
            [
                TableCell(title(outcome), tint: Tint.of(outcome)), TableCell(programme.deals[outcome].grouped),
                TableCell(programme.coverage[outcome].text), TableCell(programme.interviews[outcome].grouped),
                TableCell(programme.codedInterviews[outcome].grouped),
                TableCell(programme.daysToInterview[outcome].text),
            ]
        }
        let coverage = Share(
            Outcome.allCases.reduce(0) { $0 + programme.coverage[$1].count }, of: programme.deals.total)
        rows.append([
            TableCell("All", tint: .bold), TableCell(programme.deals.total.grouped), TableCell(coverage.text),
            TableCell(programme.interviews.total.grouped), TableCell(programme.codedInterviews.total.grouped),
            TableCell(programme.daysToInterviewAll.text),
        ])
        var blocks: [ReportDocument.Block] = [
            .heading("Programme", level: 2),
            .table(
                columns: [
                    TableColumn("Outcome"), TableColumn("Deals", alignment: .right),
                    TableColumn("Deals interviewed", alignment: .right), TableColumn("Interviews", alignment: .right),
                    TableColumn("Coded", alignment: .right), TableColumn("Days to interview", alignment: .right),
                ], rows: rows),
            .paragraph(
                "Win rate \(programme.winRate.preciseText) (\(programme.winRate.count.grouped) won of \(programme.winRate.of.grouped) won or lost); \(programme.winRateWithNoDecisions.preciseText) with no-decisions counted (\(programme.winRateWithNoDecisions.count.grouped) of \(programme.winRateWithNoDecisions.of.grouped))."
            ),
            .note("Days to interview: median days from the decision to the day of the interview, with n."),
        ]
        let uncoded = programme.interviews.total - programme.codedInterviews.total
        if uncoded > 0 {
            blocks.append(
                .paragraph(
                    "\(uncoded.counted("completed interview")) \(uncoded == 1 ? "has" : "have") no themes yet and \(uncoded == 1 ? "is" : "are") left out of the theme figures: code \(uncoded == 1 ? "it" : "them") with `winloss code`."
                ))
        }
        if !programme.segments.isEmpty {
            blocks.append(.heading("Interview coverage by segment", level: 3))
            blocks.append(
                .table(
                    columns: [TableColumn("Segment"), TableColumn("Value", maximumWidth: 30)] + outcomeColumns,
                    rows: programme.segments.map { segment in
                        [TableCell(segment.dimension.title), TableCell(segment.dimension.name(segment.value))]
                            + Outcome.allCases.map { TableCell(segment.coverage[$0].text) }
                    }))
        }
        return blocks
    }

    static func themeTable(_ figures: ThemeFigures, onlyMentioned: Bool = false) -> ReportDocument.Block {
        var rows: [[TableCell]] = []
        for row in figures.rows where !onlyMentioned || row.mentions > 0 {
            let label = String(repeating: "  ", count: row.depth) + row.label
            var cells = [TableCell(label, tint: row.depth == 0 ? .bold : nil)]
            cells += Outcome.allCases.map { outcome in
                let share = row.share[outcome]
                return TableCell(share.text + (row.fewData[outcome] && share.of > 0 ? " †" : ""))
            }
            cells += Outcome.allCases.map { outcome in
                let z = row.z[outcome]
                let standsOut = (z ?? 0) >= 1.96 && !row.fewData[outcome]
                return TableCell(
                    zText(z, few: row.fewData[outcome] && z != nil), tint: standsOut ? Tint.of(outcome) : nil)
            }
            rows.append(cells)
        }
        rows.append(
            [TableCell("Coded interviews (n)", tint: .dim)]
                + Outcome.allCases.map { TableCell(figures.interviews[$0].grouped, tint: .dim) }
                + Outcome.allCases.map { _ in TableCell("") })
        return .table(
            columns: [TableColumn("Theme", maximumWidth: 44)] + outcomeColumns
                + Outcome.allCases.map { TableColumn("z " + $0.label, alignment: .right) },
            rows: rows)
    }

    static func blocks(_ figures: ThemeFigures) -> [ReportDocument.Block] {
        [
            .heading("Themes by outcome", level: 2), themeTable(figures), .chart(.themes(figures)), .note(zNote),
            .note(fewDataNote),
        ]
    }

    static func blocks(_ breakdown: Breakdown, overall: Share?) -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = [
            .heading("Themes by \(breakdown.dimension.title.lowercased())", level: 2),
            .chart(.winRate(breakdown, overall: overall)),
        ]
        for group in breakdown.groups {
            blocks.append(.heading(breakdown.dimension.name(group.value), level: 3))
            blocks.append(
                .paragraph(
                    "\(group.deals.total.counted("deal")) (\(Outcome.allCases.map { "\(group.deals[$0].grouped) \($0.label)" }.joined(separator: ", "))); \(group.winRate.of == 0 ? "nothing won or lost" : "win rate \(group.winRate.preciseText) (\(group.winRate.count.grouped)/\(group.winRate.of.grouped))")."
                ))
            if group.themes.interviews.total == 0 {
                blocks.append(.paragraph("No coded interviews."))
            } else {
                blocks.append(themeTable(group.themes, onlyMentioned: true))
            }
        }
        if !breakdown.groups.isEmpty { blocks.append(.note(fewDataNote)) }
        return blocks
    }

    static func blocks(_ trend: ThemeTrend) -> [ReportDocument.Block] {
        guard !trend.quarters.isEmpty else {
            return [.heading("Quarterly trend", level: 2), .paragraph("No coded interviews.")]
        }
        var rows: [[TableCell]] = trend.rows.map { row in
            [TableCell(String(repeating: "  ", count: row.depth) + row.label, tint: row.depth == 0 ? .bold : nil)]
                + zip(row.mentions, trend.interviews).map { mentions, interviews in
                    let few = interviews.total > 0 && interviews.total < Report.minimumInterviews
                    return TableCell(Share(mentions.total, of: interviews.total).percentText + (few ? " †" : ""))
                }
        }
        rows.append(
            [TableCell("Coded interviews (n)", tint: .dim)]
                + trend.interviews.map { TableCell($0.total.grouped, tint: .dim) })
        return [
            .heading("Quarterly trend", level: 2),
            .table(
                columns: [TableColumn("Theme", maximumWidth: 44)]
                    + trend.quarters.map { TableColumn($0, alignment: .right) }, rows: rows),
            .chart(.trend(trend)),
            .note(
                "Share of the quarter's coded interviews (all outcomes in the report) that mention each theme, by the quarter the deal was decided in; † a quarter of fewer than \(Report.minimumInterviews) coded interviews."
            ),
        ]
    }

    static func blocks(_ quotes: [ThemeQuotes]) -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = [.heading("In the buyer's words", level: 2)]
        if quotes.isEmpty { blocks.append(.paragraph("No quotes: no buyer who agreed to be quoted spoke of a theme.")) }
        for theme in quotes {
            blocks.append(.heading(theme.label, level: 3))
            for quote in theme.quotes {
                blocks.append(
                    .quote(
                        text: quote.text,
                        source:
                            "\(quote.attribution) (\(quote.outcome.label), \(quote.quarter); interview #\(quote.interviewID))"
                    ))
            }
        }
        blocks.append(
            .note(
                "Only buyers who agreed to be quoted appear; those who asked for anonymity appear by role and segment only."
            ))
        return blocks
    }

    static func blocks(_ figures: [MoneyFigure]) -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = [.heading("Value at stake", level: 2)]
        guard !figures.isEmpty else {
            blocks.append(.paragraph("No interview answered the gap questions yet."))
            return blocks
        }
        blocks.append(
            .table(
                columns: [
                    TableColumn("Measure"), TableColumn("Outcome"), TableColumn("Sum", alignment: .right),
                    TableColumn("Median", alignment: .right), TableColumn("n", alignment: .right),
                ],
                rows: MoneyFigure.Measure.allCases.flatMap { measure in
                    figures.filter { $0.measure == measure }.map { figure in
                        [
                            TableCell(measure.title), TableCell(figure.outcome.label, tint: Tint.of(figure.outcome)),
                            TableCell(figure.sum.formatted), TableCell(figure.median.formatted),
                            TableCell(figure.n.grouped),
                        ]
                    }
                }))
        blocks.append(
            .note(
                "Amounts as buyers gave them, per year (a month counts 12 times, a quarter 4); over ownership, the yearly value times the years the buyer expects to use the solution, or a one-time value once. Currencies are never added together."
            ))
        return blocks
    }

    static func blocks(_ fodder: ColumnFodder) -> [ReportDocument.Block] {
        [
            .heading("Column fodder", level: 2),
            .table(
                columns: [
                    TableColumn("Outcome"), TableColumn("Vendor preferred before us", alignment: .right),
                    TableColumn("Their head start, months", alignment: .right),
                ],
                rows: Outcome.allCases.map { outcome in
                    [
                        TableCell(title(outcome), tint: Tint.of(outcome)),
                        TableCell(fodder.preferredVendor[outcome].text),
                        TableCell(fodder.headStartMonths[outcome].text),
                    ]
                }),
            .note(
                "Interviews where the buyer already leaned towards a vendor before we were engaged, of those that answered; the head start is the median months they had been talking to it before our first meeting."
            ),
        ]
    }

    static func blocks(_ cycle: SalesCycle) -> [ReportDocument.Block] {
        var rows: [[TableCell]] = []
        for row in cycle.rows {
            let segment = row.isAllSegments ? "All" : cycle.segment.name(row.segmentValue)
            var difference = "—"
            if let actual = row.actualDays.value, let assumed = row.assumedDays.value {
                let days = Int((actual - assumed).rounded())
                difference = days > 0 ? "+\(days)" : String(days)
            }
            rows.append([
                TableCell(segment, tint: row.outcome == nil ? .bold : nil),
                TableCell(row.outcome.map(title) ?? "All", tint: row.outcome.map(Tint.of)),
                TableCell(row.actualDays.text), TableCell(row.assumedDays.text), TableCell(difference),
            ])
        }
        return [
            .heading("Sales cycle", level: 2),
            .table(
                columns: [
                    TableColumn(cycle.segment.title, maximumWidth: 30), TableColumn("Outcome"),
                    TableColumn("Actual days", alignment: .right),
                    TableColumn("Reps assumed", alignment: .right),
                    TableColumn("Difference", alignment: .right),
                ], rows: rows),
            .note(
                "Medians: days from the deal's creation to its decision, and the cycle its rep assumed (`winloss person set --assumed-cycle-days`), where recorded."
            ),
        ]
    }
}

// MARK: - CSV

extension Report {
    /// The header of ``csvRows``.
    public static let csvHeader = ["section", "group", "item", "outcome", "metric", "value", "n"]

    /// Every figure as one tidy row (section, group, item, outcome, metric, value, n), for spreadsheets and
    /// scripts. Shares are fractions (0.375), money exact decimal text.
    public var csvRows: [[String]] {
        var rows: [[String]] = []
        func add(
            _ section: String, _ group: String = "", _ item: String, _ outcome: Outcome?, _ metric: String,
            _ value: String, _ n: Int? = nil
        ) {
            rows.append([section, group, item, outcome?.rawValue ?? "", metric, value, n.map(String.init) ?? ""])
        }
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            return value == 0 ? "0" : String(format: "%.6g", value)
        }
        func share(_ section: String, _ group: String, _ item: String, _ outcome: Outcome?, _ share: Share) {
            add(section, group, item, outcome, "count", String(share.count), share.of)
            add(section, group, item, outcome, "share", number(share.value), share.of)
        }
        func themeRows(_ section: String, _ group: String, _ figures: ThemeFigures) {
            for outcome in Outcome.allCases {
                add(section, group, "coded_interviews", outcome, "count", String(figures.interviews[outcome]))
            }
            for row in figures.rows {
                for outcome in Outcome.allCases {
                    share(section, group, row.id, outcome, row.share[outcome])
                    add(section, group, row.id, outcome, "primary", String(row.primary[outcome]))
                    add(section, group, row.id, outcome, "z", number(row.z[outcome]), row.mentions)
                    add(section, group, row.id, outcome, "few_data", row.fewData[outcome] ? "1" : "0")
                }
            }
        }
        if let programme {
            for outcome in Outcome.allCases {
                add("programme", "", "deals", outcome, "count", String(programme.deals[outcome]))
                add("programme", "", "interviews", outcome, "count", String(programme.interviews[outcome]))
                add("programme", "", "coded_interviews", outcome, "count", String(programme.codedInterviews[outcome]))
                share("programme", "", "coverage", outcome, programme.coverage[outcome])
                let days = programme.daysToInterview[outcome]
                add("programme", "", "days_to_interview", outcome, "median", number(days.value), days.n)
            }
            share("programme", "", "win_rate", nil, programme.winRate)
            share("programme", "", "win_rate_with_no_decisions", nil, programme.winRateWithNoDecisions)
            for segment in programme.segments {
                for outcome in Outcome.allCases {
                    share(
                        "coverage", "\(segment.dimension.rawValue)=\(segment.value ?? "")", "coverage", outcome,
                        segment.coverage[outcome])
                }
            }
        }
        if let themes { themeRows("themes", "", themes) }
        if let breakdown {
            for group in breakdown.groups {
                let name = "\(breakdown.dimension.rawValue)=\(group.value ?? "")"
                for outcome in Outcome.allCases {
                    add("breakdown", name, "deals", outcome, "count", String(group.deals[outcome]))
                }
                share("breakdown", name, "win_rate", nil, group.winRate)
                themeRows("breakdown", name, group.themes)
            }
        }
        if let trend {
            for (index, (quarter, interviews)) in zip(trend.quarters, trend.interviews).enumerated() {
                for outcome in Outcome.allCases {
                    add("trend", quarter, "coded_interviews", outcome, "count", String(interviews[outcome]))
                }
                for row in trend.rows where index < row.mentions.count {
                    for outcome in Outcome.allCases {
                        share(
                            "trend", quarter, row.id, outcome,
                            Share(row.mentions[index][outcome], of: interviews[outcome]))
                    }
                }
            }
        }
        if let quotes {
            for theme in quotes {
                for quote in theme.quotes {
                    add("quotes", theme.themeID, "interview \(quote.interviewID)", quote.outcome, "quote", quote.text)
                    add(
                        "quotes", theme.themeID, "interview \(quote.interviewID)", quote.outcome, "attribution",
                        quote.attribution)
                }
            }
        }
        if let valueAtStake {
            for figure in valueAtStake {
                let group = figure.sum.currency.code
                add("value", group, figure.measure.rawValue, figure.outcome, "sum", figure.sum.decimalText, figure.n)
                add(
                    "value", group, figure.measure.rawValue, figure.outcome, "median", figure.median.decimalText,
                    figure.n)
            }
        }
        if let columnFodder {
            for outcome in Outcome.allCases {
                share("fodder", "", "preferred_vendor", outcome, columnFodder.preferredVendor[outcome])
                let months = columnFodder.headStartMonths[outcome]
                add("fodder", "", "head_start_months", outcome, "median", number(months.value), months.n)
            }
        }
        if let salesCycle {
            for row in salesCycle.rows {
                let group = row.isAllSegments ? "" : "\(salesCycle.segment.rawValue)=\(row.segmentValue ?? "")"
                add(
                    "cycle", group, "actual_days", row.outcome, "median", number(row.actualDays.value), row.actualDays.n
                )
                add(
                    "cycle", group, "assumed_days", row.outcome, "median", number(row.assumedDays.value),
                    row.assumedDays.n)
            }
        }
        return rows
    }
}

// MARK: - Terms

extension TermReport {
    /// The terms laid out for reading.
    public var document: ReportDocument {
        let name = Report.title(outcome)
        var blocks: [ReportDocument.Block] = [
            .note(
                "Decided deals: \(scope.isEmpty ? "all" : scope.joined(separator: ", ")). Interviews read: \(Outcome.allCases.map { "\(interviews[$0].grouped) \($0.label)" }.joined(separator: ", "))."
            )
        ]
        if terms.isEmpty {
            blocks.append(.paragraph("No term stands out in \(outcome.label) interviews."))
        } else {
            blocks.append(
                .table(
                    columns: [
                        TableColumn("Term", maximumWidth: 40), TableColumn("In \(outcome.label)", alignment: .right),
                        TableColumn("In the rest", alignment: .right), TableColumn("z", alignment: .right),
                        TableColumn("Codebook theme"),
                    ],
                    rows: terms.map { term in
                        [
                            TableCell(term.term, tint: .bold), TableCell(term.inOutcome.text),
                            TableCell(term.inRest.text), TableCell(term.z.signedText(decimals: 1)),
                            TableCell(term.themeID ?? "—", tint: term.themeID == nil ? .yellow : nil),
                        ]
                    }))
        }
        blocks.append(
            .note(
                "Interviews whose buyers used each word or two-word phrase in a text answer; z: weighted log-odds of \(outcome.label) against the other outcomes (Monroe, Colaresi and Quinn 2008). A term no codebook keyword covers may be a theme to add with `winloss codebook add`. A term only buyers who asked not to be quoted used is shown only when at least \(TermRequest.unattributableInterviews) interviews used it."
            ))
        return ReportDocument(title: "Terms distinctive of \(name.lowercased()) interviews", blocks: blocks)
    }

    public static let csvHeader = [
        "term", "outcome", "in_outcome", "outcome_interviews", "in_rest", "rest_interviews", "z", "theme",
    ]

    public var csvRows: [[String]] {
        terms.map { term in
            [
                term.term, outcome.rawValue, String(term.inOutcome.count), String(term.inOutcome.of),
                String(term.inRest.count), String(term.inRest.of), term.z.decimalText(decimals: 4), term.themeID ?? "",
            ]
        }
    }
}
