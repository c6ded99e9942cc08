import Foundation
import GRDB

extension ReportBuilder {
    struct DealTally {
        var deals = ByOutcome<Int>.zero
        var interviewed = ByOutcome<Int>.zero

        mutating func add(_ outcome: Outcome, deals count: Int, interviewed: Bool) {
            deals[outcome] += count
            if interviewed { self.interviewed[outcome] += count }
        }
    }

    /// Deals, and deals with a completed interview, by outcome and by the dimension's value.
    func dealCounts(by dimension: ReportDimension?) throws -> [String?: DealTally] {
        let request: SQLRequest<Row> = """
            SELECT deal.outcome AS outcome, \(group(dimension)) AS grp, count(*) AS deals,
                   sum(deal.id IN (SELECT dealID FROM interview WHERE status = \(InterviewStatus.completed))) AS interviewed
            \(deals(dimension))
            WHERE \(filter)
            GROUP BY deal.outcome, grp
            """
        var result: [String?: DealTally] = [:]
        for row in try request.fetchAll(db) {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            let key = Self.groupName(row["grp"], dimension: dimension)
            result[key, default: DealTally()].deals[outcome] += row["deals"] as Int
            result[key, default: DealTally()].interviewed[outcome] += row["interviewed"] as Int
        }
        return result
    }

    struct InterviewTally {
        var interviews = 0
        var coded = 0
    }

    /// Completed interviews, and those with a theme coded, by outcome and by the dimension's value.
    func interviewCounts(by dimension: ReportDimension?) throws -> [String?: ByOutcome<InterviewTally>] {
        let request: SQLRequest<Row> = """
            SELECT deal.outcome AS outcome, \(group(dimension)) AS grp, count(*) AS interviews,
                   sum(interview.coded) AS coded
            \(interviews(dimension))
            WHERE interview.status = \(InterviewStatus.completed) AND \(filter)
            GROUP BY deal.outcome, grp
            """
        var result: [String?: ByOutcome<InterviewTally>] = [:]
        let empty = ByOutcome { _ in InterviewTally() }
        for row in try request.fetchAll(db) {
            guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
            let key = Self.groupName(row["grp"], dimension: dimension)
            result[key, default: empty][outcome].interviews += row["interviews"] as Int
            result[key, default: empty][outcome].coded += row["coded"] as Int
        }
        return result
    }

    func programme(_ deals: DealFacts, _ interviews: InterviewFacts) -> ProgrammeFigures {
        var segments: [SegmentCoverage] = []
        for dimension in [ReportDimension.industry, .region, .size] {
            let counts = deals.segments[dimension] ?? [:]
            for value in Self.ordered(counts.keys, by: dimension, size: { counts[$0]?.deals.total ?? 0 }) {
                let tally = counts[value] ?? DealTally()
                segments.append(
                    SegmentCoverage(
                        dimension: dimension, value: value,
                        coverage: ByOutcome { Share(tally.interviewed[$0], of: tally.deals[$0]) }))
            }
        }
        let tally = interviews.byQuarter.values.reduce(ByOutcome { _ in InterviewTally() }) { sum, quarter in
            ByOutcome {
                InterviewTally(
                    interviews: sum[$0].interviews + quarter[$0].interviews, coded: sum[$0].coded + quarter[$0].coded)
            }
        }
        let days = interviews.days
        let total = deals.total
        return ProgrammeFigures(
            deals: total.deals, winRate: Share(total.deals.win, of: total.deals.win + total.deals.loss),
            winRateWithNoDecisions: Share(total.deals.win, of: total.deals.total),
            interviews: tally.map(\.interviews), codedInterviews: tally.map(\.coded),
            coverage: ByOutcome { Share(total.interviewed[$0], of: total.deals[$0]) }, segments: segments,
            daysToInterview: ByOutcome { days.median(outcome: $0, group: nil) },
            daysToInterviewAll: days.median(outcome: nil, group: nil))
    }

    /// Groups in reading order: size bands and quarters in their natural order, other values with the most
    /// deals first; those that do not say last.
    static func ordered(_ groups: some Collection<String?>, by dimension: ReportDimension?, size: (String?) -> Int)
        -> [String?]
    {
        let natural = dimension == .size || dimension == .quarter
        return groups.sorted { a, b in
            switch (a, b) {
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                let (m, n) = (size(a), size(b))
                if natural || m == n { return x.localizedStandardCompare(y) == .orderedAscending }
                return m > n
            }
        }
    }
}
