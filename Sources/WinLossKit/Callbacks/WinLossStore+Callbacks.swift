import Foundation
import GRDB

extension WinLossStore {
    /// Prior no-decisions (and with ``CallbackRequest/includeLosses`` the losses whose buyer would look again)
    /// to call: open ones first, then those already called; within each, the earliest due first, then the most
    /// at stake.
    ///
    /// Deals decided in the request's period are listed, and so are earlier ones whose latest call was "not now"
    /// with a day to call again in or after the period (``Callback/carriedOver``). What each callback holds is
    /// what a rep may see: never the interviewer's private notes, and the buyer's words only when the buyer
    /// agreed to be quoted.
    public func callbacks(_ request: CallbackRequest) throws -> [Callback] {
        guard request.decidedFrom <= request.decidedTo else {
            throw RequestError.invalid(
                field: "period", message: "\(request.decidedFrom) is after \(request.decidedTo)")
        }
        var outcomes: [SQL] = ["deal.outcome = 'no_decision'"]
        if request.includeLosses {
            outcomes.append("(deal.outcome = 'loss' AND (reconsider.flag = 1 OR revisit.value IS NOT NULL))")
        }
        let (from, to) = (request.decidedFrom, request.decidedTo)
        let scope: SQL = """
            (\(outcomes.joined(separator: " OR ")))
            AND (deal.decidedOn BETWEEN \(from) AND \(to)
                 OR (deal.decidedOn < \(from)
                     AND deal.id IN (SELECT dealID FROM callbackCall WHERE againOn >= \(from))
                     AND lastCall.againOn >= \(from)))
            """
        var list = try read { db in
            try Self.callbacks(where: scope, matching: request.filter, revisitAfter: request.revisitAfter, in: db)
        }
        for index in list.indices {
            list[index].carriedOver = list[index].deal.decidedOn < from
        }
        if let minimum = request.minimumAtStake {
            list.removeAll {
                guard let stake = $0.atStake?.amount else { return true }
                return stake.currency != minimum.currency || stake.minorUnits < minimum.minorUnits
            }
        }
        if let status = request.status {
            list.removeAll { $0.status != status }
        }
        let sorted = Self.inCallOrder(list)
        return request.limit.map { Array(sorted.prefix(max(0, $0))) } ?? sorted
    }

    /// One deal's callback, whatever its period: for `winloss callbacks show`.
    public func callback(dealExternalID: String, revisitAfter: RevisitOffset = .standard) throws -> Callback {
        try read { db in
            let deal = try Self.callbackDeal(dealExternalID, in: db)
            let scope: SQL = "deal.id = \(deal.id)"
            guard
                let found = try Self.callbacks(where: scope, matching: DealFilter(), revisitAfter: revisitAfter, in: db)
                    .first
            else {
                throw RequestError.notFound(kind: "deal", key: dealExternalID, hint: "the database is inconsistent")
            }
            return found
        }
    }

    /// Records a call made on a callback, and returns it.
    @discardableResult
    public func recordCall(_ outcome: CallOutcome) throws -> CallRecord {
        let note = Validate.optional(outcome.note)
        return try write { db in
            let deal = try Self.callbackDeal(outcome.dealExternalID, in: db)
            guard outcome.calledOn >= deal.decidedOn else {
                throw RequestError.invalid(
                    field: "called on",
                    message:
                        "\(outcome.calledOn) is before the deal was decided (\(deal.decidedOn)); give the day of the call"
                )
            }
            if let again = outcome.againOn {
                guard outcome.result == .notNow else {
                    throw RequestError.invalid(
                        field: "call again", message: "only a \"not now\" call has a day to call again")
                }
                guard again > outcome.calledOn else {
                    throw RequestError.invalid(
                        field: "call again", message: "\(again) is not after the call (\(outcome.calledOn))")
                }
            }
            var newDealID: Int64?
            if let newDeal = outcome.newDealExternalID {
                guard outcome.result == .reopened else {
                    throw RequestError.invalid(
                        field: "new deal", message: "only a reopened deal comes back as a new one")
                }
                let found = try Self.dealID(newDeal, in: db)
                guard found != deal.id else {
                    throw RequestError.invalid(
                        field: "new deal", message: "\(newDeal.debugDescription) is the deal called back itself")
                }
                newDealID = found
            }
            let caller = try outcome.caller.map { try Lookup.person($0, in: db) }
            let now = Date()
            try db.execute(
                sql: """
                    INSERT INTO callbackCall (dealID, calledOn, result, note, callerID, againOn, newDealID, recordedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    deal.id, outcome.calledOn, outcome.result.rawValue, note, caller?.id, outcome.againOn, newDealID,
                    now,
                ])
            return CallRecord(
                calledOn: outcome.calledOn, result: outcome.result, note: note,
                caller: caller.map { PersonReference(name: $0.name, email: $0.email) }, againOn: outcome.againOn,
                recordedAt: now)
        }
    }

    // MARK: - Queries

    /// The order of the list: open before called, then due first, then the most at stake (amounts in different
    /// currencies compared at face value), then the earliest decided. Each callback's key is worked out once.
    static func inCallOrder(_ callbacks: [Callback]) -> [Callback] {
        typealias Key = (Int, CalendarDate, Int64, Int64, CalendarDate, String)
        func key(_ callback: Callback) -> Key {
            // Face value as whole major units and ten-thousandths of one (no currency has more minor digits),
            // exactly, each bitwise inverted so that the largest sorts first (and no negation can overflow); nothing
            // at stake sorts last.
            var whole = Int64.max
            var fraction = Int64.max
            if let amount = callback.atStake?.amount {
                let digits = min(4, amount.currency.minorUnitDigits)
                let scale = powerOfTen(digits)
                whole = ~(amount.minorUnits / scale)
                fraction = ~(amount.minorUnits % scale * powerOfTen(4 - digits))
            }
            return (
                callback.status == .open ? 0 : 1, callback.due, whole, fraction, callback.deal.decidedOn,
                callback.deal.externalID
            )
        }
        let keys = callbacks.map(key)
        return callbacks.indices.sorted { keys[$0] < keys[$1] }.map { callbacks[$0] }
    }

    /// A deal that can be called back: a no-decision or a loss.
    private static func callbackDeal(
        _ externalID: String, in db: Database
    ) throws -> (id: Int64, decidedOn: CalendarDate) {
        let id = try dealID(externalID, in: db)
        guard let row = try Row.fetchOne(db, sql: "SELECT outcome, decidedOn FROM deal WHERE id = ?", arguments: [id]),
            let outcome = Outcome(rawValue: row["outcome"]),
            let decidedOn = CalendarDate.fromDatabaseValue(row["decidedOn"])
        else {
            throw RequestError.notFound(kind: "deal", key: externalID, hint: "the database is inconsistent")
        }
        guard outcome != .win else {
            throw RequestError.invalid(
                field: "deal", message: "\(externalID.debugDescription) was won; callbacks are no-decisions and losses")
        }
        return (id, decidedOn)
    }

    private static func dealID(_ externalID: String, in db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM deal WHERE externalID = ?", arguments: [externalID])
        else {
            throw RequestError.notFound(kind: "deal", key: externalID, hint: "list deals with `winloss deal list`")
        }
        return id
    }

    /// The callbacks of the deals `scope` and `filter` select, in no particular order.
    private static func callbacks(
        where scope: SQL, matching filter: DealFilter, revisitAfter: RevisitOffset, in db: Database
    ) throws -> [Callback] {
        var segment = filter
        (segment.outcomes, segment.decidedFrom, segment.decidedTo) = ([], nil, nil)
        var joins: [SQL] = []
        for (metric, alias) in [
            (MetricRole.currentState, "current"), (.measurement, "measure"), (.plannedState, "planned"),
            (.gapReason, "reason"), (.inactionCost, "cost"), (.ownershipYears, "years"), (.gapValue, "gap"),
            (.revisitWhen, "revisit"), (.wouldReconsider, "reconsider"), (.openness, "openness"),
            (.nextStepCommitted, "nextStep"),
        ] {
            joins.append(try metricAnswerJoin(metric, as: alias, interview: "iv", in: db))
        }
        let request: SQLRequest<Row> = """
            SELECT \(sql: DealSummary.columns),
                   iv.id AS interviewID, iv.quotePermission, iv.interviewedOn,
                   (SELECT status FROM interview WHERE dealID = deal.id ORDER BY id DESC LIMIT 1) AS latestStatus,
                   contact.name AS contactName, contact.title AS contactTitle, contact.email AS contactEmail,
                   contact.phone AS contactPhone,
                   current.displayText AS currentState, measure.displayText AS measurement,
                   planned.displayText AS plannedState, reason.displayText AS gapReason,
                   cost.amountMinor AS costAmount, cost.currency AS costCurrency, cost.period AS costPeriod,
                   gap.amountMinor AS gapAmount, gap.currency AS gapCurrency, gap.period AS gapPeriod,
                   years.number AS ownershipYears, revisit.dateValue AS revisitOn, revisit.number AS revisitMonths,
                   reconsider.flag AS wouldReconsider, openness.number AS openness, nextStep.flag AS nextStepCommitted,
                   (SELECT group_concat(themeID || ':' || isPrimary, ' ')
                    FROM (SELECT themeID, max(isPrimary) AS isPrimary FROM code WHERE interviewID = iv.id
                          GROUP BY themeID)) AS themes
            \(sql: DealSummary.joins)
            LEFT JOIN interview AS iv
                ON iv.id = (SELECT max(id) FROM interview WHERE dealID = deal.id AND status = 'completed')
            LEFT JOIN contact
                ON contact.id = coalesce(
                    iv.contactID, (SELECT contactID FROM interview WHERE dealID = deal.id ORDER BY id DESC LIMIT 1),
                    (SELECT min(contactID) FROM dealContact WHERE dealID = deal.id))
            LEFT JOIN callbackCall AS lastCall
                ON lastCall.id = (SELECT max(id) FROM callbackCall WHERE dealID = deal.id)
            \(joins.joined(separator: " "))
            WHERE \(segment.condition) AND \(scope)
            """
        let calls = try db.cachedStatement(
            sql: """
                SELECT callbackCall.*, person.name AS callerName, person.email AS callerEmail FROM callbackCall
                LEFT JOIN person ON person.id = callbackCall.callerID WHERE dealID = ? ORDER BY callbackCall.id
                """)
        // Theme ids are identifiers (letters, digits, - and _), so `id:1 id:0` splits safely; labels are looked
        // up once.
        let labels = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, label FROM theme").map {
                ($0["id"] as String, $0["label"] as String)
            },
            uniquingKeysWith: { first, _ in first })
        func themes(_ list: String?) -> [CallbackTheme] {
            (list ?? "").split(separator: " ").compactMap { item -> CallbackTheme? in
                let parts = item.split(separator: ":")
                guard parts.count == 2 else { return nil }
                let id = String(parts[0])
                return CallbackTheme(id: id, label: labels[id] ?? id, isPrimary: parts[1] == "1")
            }.sorted { ($0.isPrimary ? 0 : 1, $0.label) < ($1.isPrimary ? 0 : 1, $1.label) }
        }
        func amount(_ row: Row, _ prefix: String) -> PeriodAmount? {
            guard let minor: Int64 = row[prefix + "Amount"], let code: String = row[prefix + "Currency"],
                let currency = Currency(code: code)
            else { return nil }
            return PeriodAmount(
                amount: Money(minorUnits: minor, currency: currency),
                period: (row[prefix + "Period"] as String?).flatMap(MoneyPeriod.init(rawValue:)))
        }
        var result: [Callback] = []
        let cursor = try request.fetchCursor(db)
        while let row = try cursor.next() {
            let dealID: Int64 = row["id"]
            let deal = try DealSummary(row: row)
            let contact = (row["contactName"] as String?).map {
                ContactSummary(
                    name: $0, title: row["contactTitle"], email: row["contactEmail"], phone: row["contactPhone"])
            }
            var interview: CallbackInterview?
            var revisit: AnswerValue?
            if let interviewID: Int64 = row["interviewID"] {
                let permission = (row["quotePermission"] as String?).flatMap(QuotePermission.init(rawValue:))
                let quotable = permission == .named || permission == .anonymous
                func words(_ column: String) -> String? { quotable ? row[column] : nil }
                var found = CallbackInterview(
                    id: interviewID, interviewedOn: CalendarDate.fromDatabaseValue(row["interviewedOn"]),
                    quotePermission: permission, wordsWithheld: !quotable,
                    currentState: words("currentState"), measurement: words("measurement"),
                    plannedState: words("plannedState"), gapReason: words("gapReason"),
                    wouldReconsider: row["wouldReconsider"], openness: (row["openness"] as Double?).map { Int($0) },
                    nextStepCommitted: row["nextStepCommitted"], themes: themes(row["themes"]))
                found.inactionCost = amount(row, "cost")
                found.inactionCostPerYear = found.inactionCost?.perYear
                found.gapValue = amount(row, "gap")
                // A number of years as typed (4, 2.5): its shortest decimal form is exact.
                if let years = (row["ownershipYears"] as Double?).flatMap({ Decimal(string: String($0)) }), years > 0 {
                    found.ownershipYears = years
                    found.inactionCostOverOwnership = found.inactionCostPerYear.flatMap { $0.times(years) }
                }
                if let day = CalendarDate.fromDatabaseValue(row["revisitOn"]) {
                    revisit = .date(day)
                } else if let months = row["revisitMonths"] as Double? {
                    revisit = .months(Int(months))
                }
                interview = found
            }
            let history = try Row.fetchAll(calls, arguments: [dealID]).map { call in
                CallRecord(
                    calledOn: CalendarDate.fromDatabaseValue(call["calledOn"]) ?? deal.decidedOn,
                    result: CallResult(rawValue: call["result"]) ?? .notNow, note: call["note"],
                    caller: (call["callerName"] as String?).map {
                        PersonReference(name: $0, email: call["callerEmail"])
                    },
                    againOn: CalendarDate.fromDatabaseValue(call["againOn"]), recordedAt: call["recordedAt"])
            }
            let (due, source) = dueDay(
                deal: deal, interview: interview, revisit: revisit, calls: history, revisitAfter: revisitAfter)
            var callback = Callback(
                deal: deal, contact: contact, due: due, dueSource: source, carriedOver: false, interview: interview,
                interviewStatus: interview == nil
                    ? (row["latestStatus"] as String?).flatMap(InterviewStatus.init(rawValue:)) : nil,
                calls: history, returnedAs: nil, atStake: stake(deal: deal, interview: interview),
                status: Callback.status(after: history))
            if history.last?.result == .reopened {
                callback.returnedAs = try returnedAs(dealID: dealID, in: db)
            }
            result.append(callback)
        }
        return result
    }

    /// The day to call: the day a "not now" call named, else the buyer's, else the default after the decision.
    private static func dueDay(
        deal: DealSummary, interview: CallbackInterview?, revisit: AnswerValue?, calls: [CallRecord],
        revisitAfter: RevisitOffset
    ) -> (CalendarDate, Callback.DueSource) {
        if let again = calls.last?.againOn { return (again, .callAgain) }
        switch revisit {
        case .date(let day)?:
            return (day, .buyer)
        case .months(let count)?:
            return ((interview?.interviewedOn ?? deal.decidedOn).adding(months: count), .buyer)
        default:
            return (revisitAfter.after(deal.decidedOn), .defaultOffset)
        }
    }

    private static func stake(deal: DealSummary, interview: CallbackInterview?) -> Stake? {
        if let total = interview?.inactionCostOverOwnership {
            return Stake(amount: total, basis: .inactionOverOwnership)
        }
        if let yearly = interview?.inactionCostPerYear { return Stake(amount: yearly, basis: .inactionPerYear) }
        return deal.amount.map { Stake(amount: $0, basis: .dealAmount) }
    }

    /// The deal a reopened deal came back as: the one named when the call was recorded, else the first deal of the
    /// same account created on or after the call (or, lacking a created day, decided after it).
    private static func returnedAs(dealID: Int64, in db: Database) throws -> DealReference? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT next.externalID, next.name, next.outcome, next.decidedOn
                FROM callbackCall AS call JOIN deal AS called ON called.id = call.dealID
                JOIN deal AS next ON next.id = coalesce(call.newDealID, (
                    SELECT candidate.id FROM deal AS candidate
                    WHERE candidate.accountID = called.accountID AND candidate.id <> called.id
                      AND (candidate.createdOn >= call.calledOn
                           OR (candidate.createdOn IS NULL AND candidate.decidedOn > call.calledOn))
                    ORDER BY coalesce(candidate.createdOn, candidate.decidedOn), candidate.id LIMIT 1))
                WHERE call.id = (SELECT max(id) FROM callbackCall WHERE dealID = ?)
                """, arguments: [dealID])
        guard let row, let outcome = Outcome(rawValue: row["outcome"]),
            let decidedOn = CalendarDate.fromDatabaseValue(row["decidedOn"])
        else { return nil }
        return DealReference(externalID: row["externalID"], name: row["name"], outcome: outcome, decidedOn: decidedOn)
    }
}

extension Money {
    /// This amount times a number of years: whole years exactly, a fraction rounded to the minor unit (half away
    /// from zero); nil when the product does not fit.
    func times(_ factor: Decimal) -> Money? {
        var product = Decimal(minorUnits) * factor
        var rounded = Decimal()
        NSDecimalRound(&rounded, &product, 0, .plain)
        guard rounded.magnitude <= Decimal(Int64.max) else { return nil }
        return Money(minorUnits: NSDecimalNumber(decimal: rounded).int64Value, currency: currency)
    }
}
