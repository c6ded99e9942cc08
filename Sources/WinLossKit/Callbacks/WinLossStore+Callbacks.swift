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
        let (from, to) = (request.decidedFrom, request.decidedTo)
        var list = try read { db in
            var outcomes: [SQL] = ["deal.outcome = 'no_decision'"]
            if request.includeLosses {
                // Any buyer of the deal who would look again, or named a day to come back.
                let reconsider = try Self.metricAnswerJoin(
                    .wouldReconsider, as: "anyReconsider", interview: "anyIV", in: db)
                let revisit = try Self.metricAnswerJoin(.revisitWhen, as: "anyRevisit", interview: "anyIV", in: db)
                outcomes.append(
                    """
                    (deal.outcome = 'loss' AND EXISTS (
                        SELECT 1 FROM interview AS anyIV \(reconsider) \(revisit)
                        WHERE anyIV.dealID = deal.id AND anyIV.status = \(InterviewStatus.completed)
                          AND (anyReconsider.flag = 1 OR anyRevisit.value IS NOT NULL)))
                    """)
            }
            let scope: SQL = """
                (\(outcomes.joined(separator: " OR ")))
                AND (deal.decidedOn BETWEEN \(from) AND \(to)
                     OR (deal.decidedOn < \(from)
                         AND deal.id IN (SELECT dealID FROM callbackCall WHERE againOn >= \(from))
                         AND lastCall.againOn >= \(from)))
                """
            return try Self.callbacks(
                where: scope, matching: request.filter, revisitAfter: request.revisitAfter, in: db)
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
        let sorted = Self.inCallOrder(list, today: request.today)
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
                throw RequestError.notFound(
                    kind: "deal", key: dealExternalID, hint: .advice("the database is inconsistent"))
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
            let now = clock.now()
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
    static func inCallOrder(_ callbacks: [Callback], today: CalendarDate? = nil) -> [Callback] {
        typealias Key = (Int, CalendarDate, FaceValue, CalendarDate, String)
        func key(_ callback: Callback) -> Key {
            // Open callbacks whose day has passed are all due today; the largest at stake first; nothing at stake
            // last.
            let due = today.map { callback.status == .open ? max(callback.due, $0) : callback.due } ?? callback.due
            return (
                callback.status == .open ? 0 : 1, due,
                callback.atStake.map { FaceValue($0.amount).inverted } ?? FaceValue.nothing, callback.deal.decidedOn,
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
            throw RequestError.notFound(kind: "deal", key: externalID, hint: .advice("the database is inconsistent"))
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
            throw RequestError.notFound(kind: "deal", key: externalID, hint: .listDeals)
        }
        return id
    }

    /// The callbacks of the deals `scope` and `filter` select, in no particular order.
    ///
    /// One row comes back per completed interview of each deal (or one with no interview), and each deal's rows
    /// become one callback with all its interviews.
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
                   buyer.name AS buyerName, buyer.title AS buyerTitle, buyer.email AS buyerEmail,
                   buyer.phone AS buyerPhone,
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
            LEFT JOIN interview AS iv ON iv.dealID = deal.id AND iv.status = \(InterviewStatus.completed)
            LEFT JOIN contact AS buyer ON buyer.id = iv.contactID
            LEFT JOIN contact
                ON contact.id = coalesce(
                    (SELECT contactID FROM interview WHERE dealID = deal.id ORDER BY id DESC LIMIT 1),
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
            PeriodAmount(
                minorUnits: row[prefix + "Amount"], currency: row[prefix + "Currency"], period: row[prefix + "Period"])
        }
        func contact(_ row: Row, _ prefix: String) -> ContactSummary? {
            (row[prefix + "Name"] as String?).map {
                ContactSummary(
                    name: $0, title: row[prefix + "Title"], email: row[prefix + "Email"], phone: row[prefix + "Phone"])
            }
        }
        func interview(_ row: Row, id: Int64, decidedOn: CalendarDate) -> CallbackInterview {
            let permission = (row["quotePermission"] as String?).flatMap(QuotePermission.init(rawValue:))
            let quotable = permission == .named || permission == .anonymous
            func words(_ column: String) -> String? { quotable ? row[column] : nil }
            let interviewedOn = CalendarDate.fromDatabaseValue(row["interviewedOn"])
            var found = CallbackInterview(
                id: id, contact: contact(row, "buyer"), interviewedOn: interviewedOn,
                quotePermission: permission, wordsWithheld: !quotable,
                currentState: words("currentState"), measurement: words("measurement"),
                plannedState: words("plannedState"), gapReason: words("gapReason"),
                wouldReconsider: row["wouldReconsider"], openness: (row["openness"] as Double?).map { Int($0) },
                nextStepCommitted: row["nextStepCommitted"], themes: themes(row["themes"]))
            found.inactionCost = amount(row, "cost")
            found.inactionCostPerYear = found.inactionCost?.perYear
            found.gapValue = amount(row, "gap")
            if let years = PeriodAmount.years(row["ownershipYears"]), years > 0 { found.ownershipYears = years }
            found.inactionCostOverOwnership = found.inactionCost?.overOwnership(years: found.ownershipYears)
            // The day the buyer named: a date, or a number of months from the interview.
            if let day = CalendarDate.fromDatabaseValue(row["revisitOn"]) {
                found.revisitOn = day
            } else if let months = row["revisitMonths"] as Double? {
                found.revisitOn = (interviewedOn ?? decidedOn).adding(months: Int(months))
            }
            return found
        }
        var result: [Callback] = []
        func finish(_ rows: [Row]) throws {
            guard let first = rows.first else { return }
            let dealID: Int64 = first["id"]
            let deal = try DealSummary(row: first)
            let interviews = rows.compactMap { row in
                (row["interviewID"] as Int64?).map { interview(row, id: $0, decidedOn: deal.decidedOn) }
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
                deal: deal, interviews: interviews, calls: history, revisitAfter: revisitAfter)
            var callback = Callback(
                deal: deal, contact: leadInterview(interviews)?.contact ?? contact(first, "contact"), due: due,
                dueSource: source, carriedOver: false, interviews: interviews,
                interviewStatus: interviews.isEmpty
                    ? (first["latestStatus"] as String?).flatMap(InterviewStatus.init(rawValue:)) : nil,
                calls: history, returnedAs: nil, atStake: stake(deal: deal, interviews: interviews),
                status: Callback.status(after: history))
            if history.last?.result == .reopened {
                callback.returnedAs = try returnedAs(dealID: dealID, in: db)
            }
            result.append(callback)
        }
        // A join gives each deal's rows together in practice, but SQL does not promise it, and sorting for it
        // would cost the whole list a sort: rows are gathered by deal instead, the interviews of each in order.
        var rowsByDeal: [Int64: [Row]] = [:]
        var deals: [Int64] = []
        let cursor = try request.fetchCursor(db)
        while let row = try cursor.next() {
            let dealID: Int64 = row["id"]
            if rowsByDeal[dealID] == nil { deals.append(dealID) }
            rowsByDeal[dealID, default: []].append(row.copy())
        }
        for dealID in deals {
            let rows = rowsByDeal[dealID] ?? []
            try finish(
                rows.count < 2
                    ? rows : rows.sorted { ($0["interviewID"] as Int64? ?? 0) < ($1["interviewID"] as Int64? ?? 0) })
        }
        return result
    }

    /// The interview a callback leads with: the one whose buyer named the earliest day to come back, else the
    /// latest.
    static func leadInterview(_ interviews: [CallbackInterview]) -> CallbackInterview? {
        let named = interviews.compactMap { interview in interview.revisitOn.map { (day: $0, interview: interview) } }
        if let earliest = named.min(by: { ($0.day, $0.interview.id) < ($1.day, $1.interview.id) }) {
            return earliest.interview
        }
        return interviews.last
    }

    /// The day to call: the day a "not now" call named, else the earliest day a buyer named, else the default
    /// after the decision.
    private static func dueDay(
        deal: DealSummary, interviews: [CallbackInterview], calls: [CallRecord], revisitAfter: RevisitOffset
    ) -> (CalendarDate, Callback.DueSource) {
        if let again = calls.last?.againOn { return (again, .callAgain) }
        if let day = interviews.compactMap(\.revisitOn).min() { return (day, .buyer) }
        return (revisitAfter.after(deal.decidedOn), .defaultOffset)
    }

    /// The most at stake of any buyer's figures: a cost of waiting over the years of ownership (or a one-time one)
    /// before a yearly one, the largest first (at face value); else the deal's amount.
    private static func stake(deal: DealSummary, interviews: [CallbackInterview]) -> Stake? {
        let stakes = interviews.compactMap { interview -> Stake? in
            if let total = interview.inactionCostOverOwnership {
                let oneTime = interview.inactionCost?.period == .oneTime
                return Stake(amount: total, basis: oneTime ? .inactionOneTime : .inactionOverOwnership)
            }
            return interview.inactionCostPerYear.map { Stake(amount: $0, basis: .inactionPerYear) }
        }
        func rank(_ stake: Stake) -> (Int, FaceValue) {
            (stake.basis == .inactionPerYear ? 1 : 0, FaceValue(stake.amount).inverted)
        }
        if let best = stakes.min(by: { rank($0) < rank($1) }) { return best }
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

/// An amount's face value, whatever its currency, for putting amounts in different currencies in an order: whole
/// major units and ten-thousandths of one (no currency has more minor digits), exactly.
struct FaceValue: Comparable {
    var whole: Int64
    var fraction: Int64

    init(_ amount: Money) {
        let digits = min(4, amount.currency.minorUnitDigits)
        let scale = powerOfTen(digits)
        whole = amount.minorUnits / scale
        fraction = amount.minorUnits % scale * powerOfTen(4 - digits)
    }

    private init(whole: Int64, fraction: Int64) {
        self.whole = whole
        self.fraction = fraction
    }

    /// The same value bitwise inverted, so that the largest sorts first (no negation can overflow).
    var inverted: FaceValue { FaceValue(whole: ~whole, fraction: ~fraction) }

    /// After every inverted value: what has nothing at stake sorts last.
    static let nothing = FaceValue(whole: .max, fraction: .max)

    static func < (lhs: FaceValue, rhs: FaceValue) -> Bool {
        (lhs.whole, lhs.fraction) < (rhs.whole, rhs.fraction)
    }
}
