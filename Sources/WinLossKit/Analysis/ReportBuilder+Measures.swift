import Foundation
import GRDB

extension ReportBuilder {
    /// The values `values` selects (`outcome`, `grp` and `v`), counted by outcome, group and value in SQL.
    func histograms<Value: Comparable & DatabaseValueConvertible>(
        of values: SQL, as: Value.Type, dimension: ReportDimension? = nil
    ) throws
        -> Samples<Value>
    {
        let request: SQLRequest<Row> = """
            SELECT outcome, grp, v, count(*) AS n FROM (\(values)) WHERE v IS NOT NULL GROUP BY outcome, grp, v
            """
        var result = Samples<Value>()
        let cursor = try request.fetchCursor(db)
        while let row = try cursor.next() {
            guard let outcome = Outcome(rawValue: row["outcome"]), let value = Value.fromDatabaseValue(row["v"])
            else { continue }
            result.add(
                value, count: row["n"], outcome: outcome, group: Self.groupName(row["grp"], dimension: dimension))
        }
        return result
    }

    /// The answer to the question that a template gives a metric role, for each interview in scope (NULL where
    /// the template has no such question or the buyer did not answer).
    func measured(_ metric: MetricRole, as alias: String, kind: String? = nil) throws -> SQL {
        try WinLossStore.metricAnswerJoin(metric, as: alias, interview: "interview", kind: kind, in: db)
    }

    /// Sums and medians of the three money measures, by outcome and currency.
    func valueAtStake(_ facts: InterviewFacts) throws -> [MoneyFigure] {
        var figures: [MoneyFigure] = []
        for measure in MoneyFigure.Measure.allCases {
            guard let histograms = facts.money[measure] else { continue }
            let currencies = histograms.groups.compactMap { $0 }.sorted()
            for outcome in Outcome.allCases {
                for code in currencies {
                    guard let currency = Currency(code: code),
                        let middle = histograms.middle(outcome: outcome, group: code)
                    else { continue }
                    guard let sum = histograms.sum(outcome: outcome, group: code) else {
                        throw RequestError.invalid(
                            field: "value at stake",
                            message:
                                "the \(outcome.label) amounts in \(code) add up to more than can be counted exactly; narrow the report with filters"
                        )
                    }
                    figures.append(
                        MoneyFigure(
                            measure: measure, outcome: outcome, sum: Money(minorUnits: sum, currency: currency),
                            median: Money(minorUnits: Money.midpoint(middle.low, middle.high), currency: currency),
                            n: middle.n))
                }
            }
        }
        return figures
    }

    func salesCycle(_ facts: DealFacts) throws -> SalesCycle {
        let segment = request.cycleSegment
        var actual = facts.cycle
        var assumed = facts.assumed
        var dimensions: [ReportDimension?] = []
        if segment == .competitor {
            // A deal may meet several competitors, so all segments are counted apart, not added up.
            dimensions = [nil, segment]
        }
        var rows: [CycleRow] = []
        var allRows: [CycleRow] = []
        for dimension in dimensions {
            actual = try histograms(
                of: """
                    SELECT deal.outcome AS outcome, \(group(dimension)) AS grp,
                           CAST(julianday(deal.decidedOn) - julianday(deal.createdOn) AS INTEGER) AS v
                    \(deals(dimension))
                    WHERE deal.createdOn IS NOT NULL AND deal.createdOn <= deal.decidedOn AND \(filter)
                    """, as: Int64.self, dimension: dimension)
            assumed = try histograms(
                of: """
                    SELECT deal.outcome AS outcome, \(group(dimension)) AS grp, person.assumedCycleDays AS v
                    \(deals(dimension, withRep: true))
                    WHERE \(filter)
                    """, as: Int64.self, dimension: dimension)
            if dimension == nil {
                allRows = Self.cycleRows(group: nil, isAllSegments: true, actual: actual, assumed: assumed)
            }
        }
        let groups = actual.groups.union(assumed.groups)
        for group in Self.ordered(groups, by: segment, size: { actual.count(outcome: nil, group: $0) }) {
            rows += Self.cycleRows(group: group, isAllSegments: false, actual: actual, assumed: assumed)
        }
        if segment != .competitor {
            allRows = Self.cycleRows(
                group: nil, isAllSegments: true, actual: actual.mergingGroups(), assumed: assumed.mergingGroups())
        }
        return SalesCycle(segment: segment, rows: allRows + rows)
    }

    private static func cycleRows(
        group: String?, isAllSegments: Bool, actual: Samples<Int64>, assumed: Samples<Int64>
    ) -> [CycleRow] {
        ([nil] + Outcome.allCases.map(Optional.some)).compactMap { outcome in
            let actualDays = actual.median(outcome: outcome, group: group)
            let assumedDays = assumed.median(outcome: outcome, group: group)
            guard actualDays.n > 0 || assumedDays.n > 0 else { return nil }
            return CycleRow(
                segmentValue: group, isAllSegments: isAllSegments, outcome: outcome, actualDays: actualDays,
                assumedDays: assumedDays)
        }
    }
}
