import GRDB

/// The two passes behind every figure of a report that is not a theme's: one over the interviews in scope and one
/// over the deals. Each pass reads a row per interview or deal once, with what every section needs from it, and
/// gathers the counts and the values that medians are taken of as the rows stream past, so that a report reads
/// each table once however many sections it has, and holds only numbers, never the rows.
extension ReportBuilder {
    /// What the interviews in scope add up to.
    struct InterviewFacts {
        /// Completed interviews, and those with a theme coded, by quarter decided and outcome.
        var byQuarter: [String?: ByOutcome<InterviewTally>] = [:]
        /// Days from the decision to the day of the interview.
        var days = Samples<Int64>()
        /// Each money measure by outcome and currency (the group).
        var money: [MoneyFigure.Measure: Samples<Int64>] = [:]
        /// A vendor favoured before we were engaged, of the interviews that answered.
        var preferred = ByOutcome { _ in Share(0, of: 0) }
        /// That vendor's head start, in months.
        var months = Samples<Double>()
    }

    /// What the deals in scope add up to.
    struct DealFacts {
        var total = DealTally()
        /// Deals, and deals interviewed, by industry, region and size band.
        var segments: [ReportDimension: [String?: DealTally]] = [:]
        /// Days from created to decided, and the rep's assumed cycle, by outcome and the cycle's segment.
        var cycle = Samples<Int64>()
        var assumed = Samples<Int64>()
    }

    /// - Parameters:
    ///   - money: also the gap questions' money measures.
    ///   - fodder: also the preferred vendor and its head start.
    func interviewFacts(money: Bool, fodder: Bool) throws -> InterviewFacts {
        // Columns by position: 0 outcome, 1 quarter, 2 days, 3 coded, then 4-10 money, then 11-12 fodder. Amounts
        // come as the buyer gave them and are turned into yearly and ownership figures by ``PeriodAmount``, exactly
        // and with the one rounding rule for money.
        var columns: [SQL] = [
            "deal.outcome", ReportBuilder.quarter,
            "CAST(julianday(interview.interviewedOn) - julianday(deal.decidedOn) AS INTEGER)", "interview.coded",
        ]
        var joins: [SQL] = []
        columns += [
            money ? "gap.amountMinor" : "NULL", money ? "gap.currency" : "NULL", money ? "gap.period" : "NULL",
            money ? "years.number" : "NULL",
            money ? "cost.amountMinor" : "NULL", money ? "cost.currency" : "NULL", money ? "cost.period" : "NULL",
            fodder ? "preferred.flag" : "NULL",
            fodder ? "headStart.number" : "NULL",
        ]
        if money {
            joins += [
                try measured(.gapValue, as: "gap"), try measured(.inactionCost, as: "cost"),
                try measured(.ownershipYears, as: "years"),
            ]
        }
        if fodder {
            joins += [
                try measured(.preferredVendor, as: "preferred"),
                // A head start given as a date is not a number of months.
                try measured(.firstContactWithWinner, as: "headStart", kind: "months"),
            ]
        }
        let request: SQLRequest<Row> = """
            SELECT \(columns.joined(separator: ", "))
            \(interviews(nil))
            \(joins.joined(separator: " "))
            WHERE interview.status = \(InterviewStatus.completed) AND \(filter)
            """
        var facts = InterviewFacts()
        var quarters: [Int64: String] = [:]
        let empty = ByOutcome { _ in InterviewTally() }
        let cursor = try request.fetchCursor(db)
        while let row = try cursor.next() {
            guard let outcome = Outcome(rawValue: row[0]) else { continue }
            let quarterNumber: Int64? = row[1]
            let quarter = quarterNumber.map { number in
                if let name = quarters[number] { return name }
                let name = QuarterRange(number: Int(number)).description
                quarters[number] = name
                return name
            }
            facts.byQuarter[quarter, default: empty][outcome].interviews += 1
            if row[3] as Bool? == true { facts.byQuarter[quarter, default: empty][outcome].coded += 1 }
            if let days = row[2] as Int64? { facts.days.add(days, outcome: outcome, group: nil) }
            if money {
                if let gap = PeriodAmount(minorUnits: row[4], currency: row[5], period: row[6]) {
                    let code = gap.amount.currency.code
                    if let yearly = gap.perYear {
                        facts.money[.gapValuePerYear, default: Samples()].add(
                            yearly.minorUnits, outcome: outcome, group: code)
                    }
                    if let total = gap.overOwnership(years: PeriodAmount.years(row[7])) {
                        facts.money[.gapValueOverOwnership, default: Samples()].add(
                            total.minorUnits, outcome: outcome, group: code)
                    }
                }
                if let cost = PeriodAmount(minorUnits: row[8], currency: row[9], period: row[10]),
                    let yearly = cost.perYear
                {
                    facts.money[.inactionCostPerYear, default: Samples()].add(
                        yearly.minorUnits, outcome: outcome, group: cost.amount.currency.code)
                }
            }
            if fodder {
                if let yes = row[11] as Bool? {
                    let share = facts.preferred[outcome]
                    facts.preferred[outcome] = Share(share.count + (yes ? 1 : 0), of: share.of + 1)
                }
                if let months = row[12] as Double? { facts.months.add(months, outcome: outcome, group: nil) }
            }
        }
        return facts
    }

    /// - Parameters:
    ///   - coverage: deals and deals interviewed by industry, region and size band.
    ///   - cycle: the real and assumed sales cycle by this segment (not competitor: a deal may meet several).
    func dealFacts(coverage: Bool, cycle: ReportDimension?) throws -> DealFacts {
        // Columns by position: 0 outcome, 1-4 coverage, 5-7 cycle.
        let columns: [SQL] = [
            "deal.outcome",
            coverage ? "account.industry" : "NULL", coverage ? "account.region" : "NULL",
            coverage ? "account.sizeBand" : "NULL",
            coverage ? "deal.id IN (SELECT dealID FROM interview WHERE status = \(InterviewStatus.completed))" : "NULL",
            cycle.map(\.expression) ?? "NULL",
            cycle == nil
                ? "NULL"
                : """
                CASE WHEN deal.createdOn IS NOT NULL AND deal.createdOn <= deal.decidedOn
                     THEN CAST(julianday(deal.decidedOn) - julianday(deal.createdOn) AS INTEGER) END
                """,
            cycle == nil ? "NULL" : "person.assumedCycleDays",
        ]
        let request: SQLRequest<Row> = """
            SELECT \(columns.joined(separator: ", "))
            FROM deal JOIN account ON account.id = deal.accountID JOIN person ON person.id = deal.repID
            WHERE \(filter)
            """
        var facts = DealFacts()
        // Segment values compared without letter case, shown as first met.
        var names: [ReportDimension: [String: String]] = [:]
        func name(_ value: String?, _ dimension: ReportDimension) -> String? {
            guard let value else { return nil }
            let key = value.lowercased()
            if let known = names[dimension]?[key] { return known }
            names[dimension, default: [:]][key] = value
            return value
        }
        let cursor = try request.fetchCursor(db)
        while let row = try cursor.next() {
            guard let outcome = Outcome(rawValue: row[0]) else { continue }
            if coverage {
                let interviewed: Bool = row[4]
                facts.total.add(outcome, deals: 1, interviewed: interviewed)
                for (dimension, column) in [(ReportDimension.industry, 1), (.region, 2), (.size, 3)] {
                    facts.segments[dimension, default: [:]][name(row[column], dimension), default: DealTally()].add(
                        outcome, deals: 1, interviewed: interviewed)
                }
            }
            if let cycle {
                let segment: String?
                if cycle == .quarter {
                    segment = (row[5] as Int?).map { QuarterRange(number: $0).description }
                } else {
                    segment = name(row[5], cycle)
                }
                if let days = row[6] as Int64? { facts.cycle.add(days, outcome: outcome, group: segment) }
                if let days = row[7] as Int64? { facts.assumed.add(days, outcome: outcome, group: segment) }
            }
        }
        return facts
    }
}
