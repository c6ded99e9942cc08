import Foundation
import GRDB

/// The queries behind a report, over one read transaction.
struct ReportBuilder {
    let db: Database
    let request: ReportRequest

    /// The quarter of the decided date, `20263` for 2026Q3.
    static let quarter: SQL = "quarter(deal.decidedOn)"

    var filter: SQL { request.filter.condition }

    /// The deals; their accounts and reps too when a filter or the dimension needs them.
    func deals(_ dimension: ReportDimension?, withRep: Bool = false) -> SQL {
        let join: SQL = dimension?.join ?? ""
        guard request.filter == DealFilter(), dimension == nil || dimension == .quarter || dimension == .product,
            !withRep
        else {
            return """
                FROM deal JOIN account ON account.id = deal.accountID JOIN person ON person.id = deal.repID \(join)
                """
        }
        return "FROM deal"
    }

    /// The interviews and their deals; their accounts and reps too when a filter or the dimension needs them.
    func interviews(_ dimension: ReportDimension?) -> SQL {
        let join: SQL = dimension?.join ?? ""
        guard request.filter == DealFilter(), dimension == nil || dimension == .quarter else {
            return """
                FROM interview JOIN deal ON deal.id = interview.dealID JOIN account ON account.id = deal.accountID
                JOIN person ON person.id = deal.repID \(join)
                """
        }
        return "FROM interview JOIN deal ON deal.id = interview.dealID"
    }

    /// The group of a row: the dimension's value, or one group for everything.
    func group(_ dimension: ReportDimension?) -> SQL {
        guard let dimension else { return "NULL" }
        return dimension.expression
    }

    /// Whether the report needs the pass over the deals.
    static func needsDealFacts(_ request: ReportRequest) -> Bool {
        request.sections.contains(.programme) || cycleSegment(request) != nil
    }

    /// The segment the deals' pass gathers the sales cycle by: none for competitors, which a deal may have several
    /// of (the cycle section counts those itself).
    static func cycleSegment(_ request: ReportRequest) -> ReportDimension? {
        request.sections.contains(.cycle) && request.cycleSegment != .competitor ? request.cycleSegment : nil
    }

    /// The pass over the deals this report needs.
    func dealFacts() throws -> DealFacts {
        try dealFacts(coverage: request.sections.contains(.programme), cycle: Self.cycleSegment(request))
    }

    /// - Parameter deals: the pass over the deals, when another connection makes it.
    func build(now: Date, deals: (() throws -> DealFacts)? = nil) throws -> Report {
        let sections = request.sections
        let themes = try WinLossStore.themes(in: db)
        var report = Report(generatedAt: now, scope: request.filter.summary)
        let needsThemes = !sections.isDisjoint(with: [.themes, .quotes, .trend])
        // Two passes, one over the interviews and one over the deals, give every figure that is not a theme's.
        var interviewFacts = InterviewFacts()
        if needsThemes || !sections.isDisjoint(with: [.programme, .value, .fodder]) {
            interviewFacts = try self.interviewFacts(
                money: sections.contains(.value), fodder: sections.contains(.fodder))
        }
        var figures: ThemeFigures?
        if needsThemes {
            let byQuarter = try themeCounts(by: .quarter)
            let interviewsByQuarter = interviewFacts.byQuarter
            let all = ThemeTally.merged(byQuarter.values)
            let coded = interviewsByQuarter.values.reduce(ByOutcome<Int>.zero) { sum, tally in
                ByOutcome { sum[$0] + tally[$0].coded }
            }
            figures = Self.figures(themes: themes, counts: all, interviews: coded)
            if sections.contains(.themes) { report.themes = figures }
            if sections.contains(.trend) {
                report.trend = Self.trend(themes: themes, counts: byQuarter, interviews: interviewsByQuarter)
            }
        }
        if sections.contains(.breakdown), let dimension = request.breakdown {
            report.breakdown = try breakdown(dimension, themes: themes)
        }
        if sections.contains(.quotes), let figures {
            let inScope = interviewFacts.byQuarter.values.reduce(0) {
                $0 + $1.win.interviews + $1.loss.interviews + $1.noDecision.interviews
            }
            report.quotes = try quotes(figures, interviewsInScope: inScope)
        }
        if sections.contains(.value) { report.valueAtStake = try valueAtStake(interviewFacts) }
        if sections.contains(.fodder) {
            report.columnFodder = ColumnFodder(
                preferredVendor: interviewFacts.preferred,
                headStartMonths: ByOutcome { interviewFacts.months.median(outcome: $0, group: nil) })
        }
        // Last, so that a partner connection has had all the time above to read the deals.
        var dealFacts = DealFacts()
        if Self.needsDealFacts(request) { dealFacts = try deals?() ?? self.dealFacts() }
        if sections.contains(.programme) { report.programme = programme(dealFacts, interviewFacts) }
        if sections.contains(.cycle) { report.salesCycle = try salesCycle(dealFacts) }
        return report
    }
}
