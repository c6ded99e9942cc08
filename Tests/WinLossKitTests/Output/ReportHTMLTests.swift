import Foundation
import Testing

@testable import WinLossKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

struct ReportHTMLTests {
    // MARK: The file

    @Test func isOneSelfContainedFileWithAStrictPolicy() {
        let html = HTMLReportSamples.full().html

        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" "
                    + "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\" />"
            ))
        #expect(html.contains("<title>Win-loss report — decided 2026-01-01 to 2026-12-31</title>"))
        #expect(count("<style", in: html) == 1)
        #expect(count("</style>", in: html) == 1)
        #expect(html.contains("@media print"))
        #expect(html.contains("break-inside: avoid"))
        for forbidden in ["<script", "http://", "https://", "src=", "href=", "@import", "<link", "<img", "<iframe"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        // The only url() is a pattern in the same SVG.
        for match in html.matches(of: /url\(([^)]*)\)/) {
            #expect(match.output.1.hasPrefix("#"))
        }
        #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
    }

    @Test func isTheSameForTheSameReport() {
        #expect(HTMLReportSamples.full().html == HTMLReportSamples.full().html)
    }

    @Test func isWellFormed() throws {
        for report in [HTMLReportSamples.full(), HTMLReportSamples.hostile(), HTMLReportSamples.empty()] {
            let html = report.html
            try checkTagsBalance(html)
            #if canImport(FoundationXML) || os(macOS)
                // XML wants its DOCTYPE in capitals; everything after it is written to parse as XML too.
                let body = String(html.drop { $0 != "\n" })
                let document = try XMLDocument(xmlString: body, options: [])
                #expect(document.rootElement()?.name == "html")
                #expect(try document.nodes(forXPath: "//svg").count == count("<svg", in: html))
            #endif
        }
    }

    // MARK: Blocks

    @Test func rendersEveryBlockOfTheDocument() throws {
        let report = HTMLReportSamples.full()
        let html = report.html
        var headings = 0
        var tableRows = 0
        var quotes = 0
        var charts = 0
        for block in report.document.blocks {
            switch block {
            case .heading(let text, let level):
                headings += 1
                #expect(html.contains("<h\(level)>\(HTMLText.escaped(text))</h\(level)>"))
            case .paragraph(let text), .note(let text):
                let plain = HTMLText.escaped(text.replacingOccurrences(of: "`", with: ""))
                let stripped = html.replacingOccurrences(of: "<code>", with: "").replacingOccurrences(
                    of: "</code>", with: "")
                #expect(stripped.contains(plain))
            case .table(let columns, let rows):
                tableRows += rows.count + 1
                for column in columns { #expect(html.contains(">\(HTMLText.escaped(column.title))</th>")) }
                for row in rows {
                    let label = row[0].text.drop { $0 == " " }
                    #expect(html.contains(">\(HTMLText.escaped(String(label)))</th>"), "\(label)")
                }
            case .quote(let text, let source):
                quotes += 1
                #expect(html.contains("<blockquote><p>\(HTMLText.escaped(text))</p></blockquote>"))
                #expect(html.contains("<figcaption>— <cite>\(HTMLText.escaped(source))</cite></figcaption>"))
            case .fields(let fields):
                for field in fields {
                    #expect(
                        html.contains(
                            "<dt>\(HTMLText.escaped(field.label))</dt><dd>\(HTMLText.escaped(field.value))</dd>"))
                }
            case .chart(let chart):
                // Drawn where the document places it, as SVG
                charts += 1
                #expect(SVGChart.draw(chart).map(html.contains) ?? false)
            case .entry, .bullets:
                Issue.record("a report has no transcript entries or bullet lists")
            }
        }
        #expect(count("<tr>", in: html) == tableRows)
        #expect(html.matches(of: /<h[1-6]>/).count == headings + 1)
        #expect(count("<blockquote>", in: html) == quotes)
        #expect(quotes == 3)
        #expect(charts == 3 && count("<svg", in: html) == charts)
        #expect(count("<thead>", in: html) == count("<tbody>", in: html))
        #expect(count("<table>", in: html) == count("<thead>", in: html))
    }

    @Test func alignsNumbersRightAndIndentsSubThemes() {
        let html = HTMLReportSamples.full().html
        #expect(html.contains("<th scope=\"col\" class=\"num\">Win</th>"))
        #expect(html.contains("<th scope=\"col\">Theme</th>"))
        #expect(html.contains("<th scope=\"row\" class=\"strong\">Price</th>"))
        #expect(html.contains("<th scope=\"row\" style=\"padding-left: 1.8em\">Too expensive</th>"))
        #expect(html.contains("<td class=\"num\">50% (5/10)</td>"))
        #expect(html.contains("<code>winloss code</code>"))
    }

    @Test func colourEachQuoteByItsOutcome() {
        let html = HTMLReportSamples.full().html
        #expect(html.contains("<figure class=\"quote quote-win\">"))
        #expect(html.contains("<figure class=\"quote quote-loss\">"))
    }

    // MARK: Charts

    @Test func drawsThreeBarsForEachTopLevelThemeAfterTheThemesTable() throws {
        let report = HTMLReportSamples.full()
        let html = report.html
        let chart = try #require(svg("chart-themes", in: html))
        let topLevel = report.themes!.rows.filter { $0.depth == 0 }.count
        #expect(topLevel == 2)
        #expect(count("<rect class=\"bar\"", in: chart) == topLevel * 3)
        #expect(chart.contains(">50% (5/10)</text>"))
        #expect(chart.contains(">25% (1/4) †</text>"))
        for outcome in ["Win", "Loss", "No decision"] { #expect(chart.contains(">\(outcome)</text>")) }
        // After the themes table, before the next section.
        let section = try #require(sectionText("Themes by outcome", in: html))
        #expect(section.contains("id=\"chart-themes\""))
        #expect(section.range(of: "</table>")!.lowerBound < section.range(of: "<svg")!.lowerBound)
    }

    @Test func drawsTheTrendOnlyWhenThereAreQuarters() throws {
        let html = HTMLReportSamples.full().html
        let chart = try #require(svg("chart-trend", in: html))
        #expect(chart.contains(">2026Q1</text>"))
        #expect(chart.contains(">2026Q3</text>"))
        #expect(count("<polyline", in: chart) == 2)
        #expect(count("<circle", in: chart) == 6)
        let section = try #require(sectionText("Quarterly trend", in: html))
        #expect(section.contains("id=\"chart-trend\""))
        #expect(section.range(of: "</table>")!.lowerBound < section.range(of: "<svg")!.lowerBound)

        let empty = HTMLReportSamples.empty().html
        #expect(!empty.contains("chart-trend"))
        #expect(empty.contains("<h2>Quarterly trend</h2>"))

        var quiet = HTMLReportSamples.full()
        quiet.trend!.interviews = quiet.trend!.interviews.map { _ in .zero }
        quiet.trend!.rows = quiet.trend!.rows.map { row in
            var row = row
            row.mentions = row.mentions.map { _ in .zero }
            return row
        }
        #expect(!quiet.html.contains("chart-trend"))
    }

    @Test func breaksTheLineWhereAQuarterHasNoInterviews() throws {
        var report = HTMLReportSamples.full()
        report.trend!.interviews[1] = .zero
        let chart = try #require(svg("chart-trend", in: report.html))
        #expect(count("<polyline", in: chart) == 0)
        #expect(count("<circle", in: chart) == 4)
        #expect(!chart.contains("fill=\"#ffffff\""))
        #expect(chart.contains("a gap: none coded"))
    }

    @Test func drawsSharesOfFewInterviewsHollow() throws {
        var report = HTMLReportSamples.full()
        report.trend!.interviews[2] = ByOutcome(win: 3, loss: 4, noDecision: 1)
        let chart = try #require(svg("chart-trend", in: report.html))
        #expect(count("fill=\"#ffffff\" stroke=", in: chart) == 2)
        #expect(chart.contains("hollow: fewer than 10 coded"))
    }

    @Test func drawsTheWinRateOfEachSegmentInTheBreakdown() throws {
        let html = HTMLReportSamples.full().html
        let chart = try #require(svg("chart-win-rate", in: html))
        // Won and lost for each group that has a win rate; a dashed outline for the one that has none.
        #expect(count("<rect class=\"bar\"", in: chart) == 4)
        #expect(chart.contains(">Retail</text>"))
        #expect(chart.contains(">(not recorded)</text>"))
        #expect(chart.contains(">40.0% (2/5)</text>"))
        #expect(chart.contains(">— (none won or lost)</text>"))
        #expect(chart.contains(">All: 50.0%</text>"))
        let section = try #require(sectionText("Themes by industry", in: html))
        #expect(section.contains("id=\"chart-win-rate\""))

        var withoutBreakdown = HTMLReportSamples.full()
        withoutBreakdown.breakdown = nil
        #expect(!withoutBreakdown.html.contains("chart-win-rate"))
        #expect(!withoutBreakdown.html.contains("Win rate by"))
    }

    @Test func everyChartHasATitleARoleAndAViewBox() throws {
        let html = HTMLReportSamples.full().html
        let charts = svgs(in: html)
        #expect(charts.count == 3)
        for chart in charts {
            let openTag = chart.prefix { $0 != ">" }
            #expect(openTag.contains("role=\"img\""))
            #expect(openTag.contains("viewBox=\"0 0 "))
            #expect(openTag.contains("aria-label=\""))
            #expect(chart.dropFirst(openTag.count + 1).hasPrefix("\n<title>"))
        }
    }

    @Test func hasNoNaNOrInfinityWhenThereIsNothingToDraw() throws {
        for report in [HTMLReportSamples.empty(), HTMLReportSamples.full(), HTMLReportSamples.noDecisionsInterviewed()]
        {
            let html = report.html
            #expect(!html.contains("NaN"))
            #expect(!html.lowercased().contains("nan\""))
            #expect(!html.lowercased().contains("inf\""))
            #expect(!html.lowercased().contains("infinity"))
            for chart in svgs(in: html) {
                for match in chart.matches(of: /\s(x|y|x1|x2|y1|y2|cx|cy|r|width|height)="([^"]*)"/) {
                    let value = String(match.output.2)
                    #expect(Double(value)?.isFinite == true, "\(match.output.1)=\(value)")
                }
                for match in chart.matches(of: /(points|viewBox)="([^"]*)"/) {
                    let numbers = match.output.2.split { $0 == " " || $0 == "," }
                    #expect(numbers.allSatisfy { Double($0)?.isFinite == true }, "\(match.output.2)")
                }
            }
        }
    }

    @Test func drawsNothingForThemesNobodyWasInterviewedAbout() {
        let html = HTMLReportSamples.empty().html
        #expect(!html.contains("<svg"))
        #expect(html.contains("<h2>Themes by outcome</h2>"))
    }

    @Test func drawsABarWithADashForAnOutcomeWithNoInterviews() throws {
        let chart = try #require(svg("chart-themes", in: HTMLReportSamples.noDecisionsInterviewed().html))
        #expect(count("<rect class=\"bar\"", in: chart) == 6)
        #expect(chart.contains("width=\"0\" height=\"14\""))
        #expect(chart.contains(">— †</text>"))
    }

    @Test func cutsLongLabelsAndKeepsTheWholeInATooltip() throws {
        var report = HTMLReportSamples.full()
        let long =
            "Implementation, onboarding, migration of legacy data and the training of every regional team "
            + "across five continents"
        report.themes!.rows[0].label = long
        report.trend!.rows[0].label = long
        let html = report.html
        let themes = try #require(svg("chart-themes", in: html))
        #expect(themes.contains("<title>\(long)</title>"))
        #expect(themes.contains("…</text>"))
        let trend = try #require(svg("chart-trend", in: html))
        #expect(trend.contains("<title>\(long)</title>Implementation, onboarding, …</text>"))
    }

    // MARK: Escaping

    @Test func makesHostileTextInert() throws {
        let html = HTMLReportSamples.hostile().html
        // No element but those the renderer writes.
        let written: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "main", "header", "section", "h1", "h2", "h3", "p",
            "div", "table", "thead", "tbody", "tr", "th", "td", "code", "figure", "figcaption", "blockquote", "cite",
            "svg", "defs", "pattern", "rect", "circle", "line", "polyline", "text",
        ]
        for match in html.matches(of: /<\/?([a-zA-Z][a-zA-Z0-9]*)/) {
            #expect(written.contains(String(match.output.1)), "\(match.output.1)")
        }
        for match in html.matches(of: /<[a-zA-Z][^>]*>/) {
            let tag = String(match.output)
            #expect(tag.firstMatch(of: /\s(on[a-z]+|src|href)=/) == nil, "\(tag)")
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&#39;&gt;&lt;svg onload=alert(2)&gt;"))
        #expect(html.contains("AT&amp;T"))
        #expect(
            !html.unicodeScalars.contains {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
                    || $0 == "\u{202E}"
            })
        // In the charts, in text and in tooltips alike.
        let themes = try #require(svg("chart-themes", in: html))
        #expect(themes.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let winRate = try #require(svg("chart-win-rate", in: html))
        #expect(winRate.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co"))
    }

    @Test func escapesTheFiveCharactersAndDropsControls() {
        #expect(HTMLText.escaped(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escaped("a\u{1B}[31mb\u{0}c\u{7F}d\u{9B}e\u{202E}f") == "a[31mbcdef")
        #expect(HTMLText.escaped("one\r\ntwo\rthree\nfour\tfive") == "one\ntwo\nthree\nfour\tfive")
        let nonCharacters = [0xFFFE, 0xFDD0, 0x1FFFF].map { String(Unicode.Scalar($0)!) }
        #expect(HTMLText.escaped("x" + nonCharacters.joined(separator: "y") + "z") == "xyyz")
        #expect(HTMLText.escaped("Café 日本 👍") == "Café 日本 👍")
    }

    // MARK: Helpers

    func count(_ needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }

    func svgs(in html: String) -> [String] {
        html.matches(of: /<svg[^>]*>[\s\S]*?<\/svg>/).map { String($0.output) }
    }

    func svg(_ id: String, in html: String) -> String? {
        svgs(in: html).first { $0.hasPrefix("<svg id=\"\(id)\"") }
    }

    /// From a section's heading to the next section.
    func sectionText(_ heading: String, in html: String) -> String? {
        guard let start = html.range(of: "<h2>\(heading)</h2>") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// Every element the renderer writes is closed, in order; void and self-closed elements aside.
    func checkTagsBalance(_ html: String) throws {
        let void: Set<String> = ["meta"]
        var stack: [String] = []
        var body = html
        // The style sheet is text to the parser.
        if let style = body.firstRange(of: /<style>[\s\S]*?<\/style>/) { body.replaceSubrange(style, with: "") }
        for match in body.matches(of: /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>/) {
            let name = String(match.output.2)
            if match.output.1 == "/" {
                let open = stack.popLast()
                #expect(open == name, "</\(name)> closes <\(open ?? "nothing")>")
            } else if match.output.3 != "/" && !void.contains(name) {
                stack.append(name)
            }
        }
        #expect(stack.isEmpty, "left open: \(stack)")
    }
}

/// Reports built by hand, so that each figure is known.
private enum HTMLReportSamples {
    static let interviews = ByOutcome(win: 10, loss: 20, noDecision: 4)

    static func row(
        _ id: String, _ label: String, depth: Int = 0, parent: String? = nil, _ counts: ByOutcome<Int>,
        of interviews: ByOutcome<Int> = interviews,
        z: ByOutcome<Double?> = ByOutcome(win: 2.1, loss: -0.4, noDecision: nil)
    ) -> ThemeRow {
        ThemeRow(
            id: id, label: label, parentID: parent, depth: depth,
            share: ByOutcome { Share(counts[$0], of: interviews[$0]) }, primary: counts.map { $0 / 2 },
            positive: counts.map { $0 / 3 }, negative: counts.map { $0 / 4 }, z: z,
            fewData: ByOutcome { interviews[$0] < Report.minimumInterviews })
    }

    static func full() -> Report {
        var report = Report(
            generatedAt: Date(timeIntervalSince1970: 1_790_000_000), scope: ["decided 2026-01-01 to 2026-12-31"])
        report.programme = ProgrammeFigures(
            deals: ByOutcome(win: 12, loss: 12, noDecision: 6), winRate: Share(12, of: 24),
            winRateWithNoDecisions: Share(12, of: 30), interviews: ByOutcome(win: 11, loss: 21, noDecision: 4),
            codedInterviews: interviews,
            coverage: ByOutcome(win: Share(10, of: 12), loss: Share(11, of: 12), noDecision: Share(4, of: 6)),
            segments: [
                SegmentCoverage(
                    dimension: .industry, value: "Retail",
                    coverage: ByOutcome(win: Share(2, of: 2), loss: Share(1, of: 3), noDecision: Share(0, of: 0)))
            ],
            daysToInterview: ByOutcome(
                win: Median(value: 12, n: 10), loss: Median(value: 20.5, n: 20), noDecision: Median(value: nil, n: 0)),
            daysToInterviewAll: Median(value: 18, n: 30))
        report.themes = ThemeFigures(
            interviews: interviews,
            rows: [
                row("price", "Price", ByOutcome(win: 5, loss: 15, noDecision: 1)),
                row(
                    "price.high", "Too expensive", depth: 1, parent: "price", ByOutcome(win: 2, loss: 12, noDecision: 0)
                ),
                row("fit", "Product fit", ByOutcome(win: 8, loss: 4, noDecision: 2)),
            ])
        let retail = ThemeFigures(
            interviews: ByOutcome(win: 2, loss: 3, noDecision: 0),
            rows: [
                row(
                    "price", "Price", ByOutcome(win: 1, loss: 3, noDecision: 0),
                    of: ByOutcome(win: 2, loss: 3, noDecision: 0))
            ])
        report.breakdown = Breakdown(
            dimension: .industry,
            groups: [
                BreakdownGroup(
                    value: "Retail", deals: ByOutcome(win: 2, loss: 3, noDecision: 1), winRate: Share(2, of: 5),
                    themes: retail),
                BreakdownGroup(
                    value: nil, deals: ByOutcome(win: 10, loss: 9, noDecision: 5), winRate: Share(10, of: 19),
                    themes: retail),
                BreakdownGroup(
                    value: "Mining", deals: ByOutcome(win: 0, loss: 0, noDecision: 1), winRate: Share(0, of: 0),
                    themes: ThemeFigures(interviews: .zero, rows: [])),
            ])
        report.trend = ThemeTrend(
            quarters: ["2026Q1", "2026Q2", "2026Q3"],
            interviews: [
                ByOutcome(win: 3, loss: 6, noDecision: 1), ByOutcome(win: 4, loss: 7, noDecision: 2),
                ByOutcome(win: 3, loss: 7, noDecision: 1),
            ],
            rows: [
                TrendRow(
                    id: "price", label: "Price", depth: 0,
                    mentions: [
                        ByOutcome(win: 1, loss: 4, noDecision: 0), ByOutcome(win: 2, loss: 5, noDecision: 1),
                        ByOutcome(win: 2, loss: 6, noDecision: 0),
                    ]),
                TrendRow(
                    id: "price.high", label: "Too expensive", depth: 1,
                    mentions: [.zero, ByOutcome(win: 1, loss: 2, noDecision: 0), .zero]),
                TrendRow(
                    id: "fit", label: "Product fit", depth: 0,
                    mentions: [
                        ByOutcome(win: 3, loss: 1, noDecision: 0), ByOutcome(win: 2, loss: 1, noDecision: 1),
                        ByOutcome(win: 3, loss: 2, noDecision: 1),
                    ]),
            ])
        report.quotes = [
            ThemeQuotes(
                themeID: "price", label: "Price",
                quotes: [
                    quote("Too dear for a first project.", "CFO, Acme Retail", .loss),
                    quote("Fair for what it does.\nWe paid gladly.", "A buyer in Retail", .win),
                ]),
            ThemeQuotes(
                themeID: "fit", label: "Product fit", quotes: [quote("It did what we needed.", "CIO, Beta", .win)]),
        ]
        let usd = Currency(code: "USD")!
        report.valueAtStake = [
            MoneyFigure(
                measure: .gapValuePerYear, outcome: .loss, sum: Money(minorUnits: 12_000_000, currency: usd),
                median: Money(minorUnits: 4_000_000, currency: usd), n: 3)
        ]
        report.columnFodder = ColumnFodder(
            preferredVendor: ByOutcome(win: Share(1, of: 10), loss: Share(9, of: 20), noDecision: Share(0, of: 0)),
            headStartMonths: ByOutcome(
                win: Median(value: 2, n: 1), loss: Median(value: 4.5, n: 8), noDecision: Median(value: nil, n: 0)))
        report.salesCycle = SalesCycle(
            segment: .industry,
            rows: [
                CycleRow(
                    segmentValue: nil, isAllSegments: true, outcome: nil, actualDays: Median(value: 90, n: 30),
                    assumedDays: Median(value: 60, n: 25))
            ])
        return report
    }

    static func quote(_ text: String, _ attribution: String, _ outcome: Outcome) -> Quote {
        Quote(
            text: text, attribution: attribution, outcome: outcome, quarter: "2026Q2", interviewID: 7,
            questionID: "why", sentiment: .negative, isPrimary: true)
    }

    /// Nothing decided, nothing coded: every share is nil and there are no quarters.
    static func empty() -> Report {
        var report = Report(generatedAt: Date(timeIntervalSince1970: 0), scope: [])
        report.programme = ProgrammeFigures(
            deals: .zero, winRate: Share(0, of: 0), winRateWithNoDecisions: Share(0, of: 0), interviews: .zero,
            codedInterviews: .zero, coverage: ByOutcome { _ in Share(0, of: 0) }, segments: [],
            daysToInterview: ByOutcome { _ in Median(value: nil, n: 0) }, daysToInterviewAll: Median(value: nil, n: 0))
        report.themes = ThemeFigures(
            interviews: .zero,
            rows: [
                row("price", "Price", .zero, of: .zero, z: ByOutcome { _ in nil }),
                row("fit", "Product fit", .zero, of: .zero, z: ByOutcome { _ in nil }),
            ])
        report.breakdown = Breakdown(dimension: .region, groups: [])
        report.trend = ThemeTrend(quarters: [], interviews: [], rows: [])
        report.quotes = []
        report.valueAtStake = []
        return report
    }

    /// Wins and losses interviewed, no-decisions not: one bar in three has nothing to show.
    static func noDecisionsInterviewed() -> Report {
        var report = full()
        let counted = ByOutcome(win: 10, loss: 20, noDecision: 0)
        report.themes = ThemeFigures(
            interviews: counted,
            rows: [
                row("price", "Price", ByOutcome(win: 5, loss: 15, noDecision: 0), of: counted),
                row("fit", "Product fit", ByOutcome(win: 10, loss: 0, noDecision: 0), of: counted),
            ])
        report.breakdown!.groups = report.breakdown!.groups.map { group in
            var group = group
            group.winRate = Share(0, of: 0)
            return group
        }
        return report
    }

    /// Markup and controls in every piece of text that comes from outside.
    static func hostile() -> Report {
        var report = full()
        report.scope = ["industry AT&T <b>", "region \u{1B}[31mred\u{7}"]
        report.themes!.rows[0].label = "<script>alert(1)</script>"
        report.trend!.rows[0].label = "<script>alert(1)</script> \u{202E}evil"
        report.breakdown!.groups[0].value = "<b>Bold</b> & co"
        report.quotes![0].label = "</h3><script>x</script>"
        report.quotes![0].quotes[0].text = "\"><img src=x onerror=alert(1)>"
        report.quotes![0].quotes[0].attribution = "'><svg onload=alert(2)> \u{0}\u{9B}"
        report.trend!.quarters[0] = "<i>Q1</i>"
        return report
    }
}
