import Foundation

/// A prior no-decision (or a loss whose buyer would look again) for a rep to call, with what the interview
/// found and what the buyer agreed the rep may see.
public struct Callback: Sendable, Codable, Equatable {
    package var deal: DealSummary
    /// Who to call: the buyer who named the earliest day to come back, else the buyer interviewed last; without a
    /// completed interview, the buyer asked for one, else the first buyer the CRM names.
    package var contact: ContactSummary?
    /// The day to call.
    package var due: CalendarDate
    package var dueSource: DueSource
    /// Decided before the period asked for, and carried into it by a "not now" call with a date to call again.
    package var carriedOver: Bool
    /// Every completed interview of the deal, the earliest first: a deal may have had several buyers
    /// interviewed, and each buyer's words, figures and day to come back are shown.
    package var interviews: [CallbackInterview]
    /// The status of the deal's latest interview when none is completed; nil when one is, or when none was ever
    /// scheduled.
    package var interviewStatus: InterviewStatus?
    /// Calls recorded so far, the latest last.
    package var calls: [CallRecord]
    /// For a reopened deal, the deal it came back as: the one named when the call was recorded, else the first
    /// deal of the same account created on or after the call.
    package var returnedAs: DealReference?
    /// The most that waiting costs any of its buyers, or failing that the deal's amount: what the list sorts by
    /// after the due day.
    package var atStake: Stake?

    /// Open until called, and open again after a "not now" call that named a day to call again.
    package var status: CallbackStatus

    static func status(after calls: [CallRecord]) -> CallbackStatus {
        guard let last = calls.last else { return .open }
        return last.result == .notNow && last.againOn != nil ? .open : .called
    }

    package enum DueSource: String, Sendable, Codable {
        /// The buyer named the day (the interview's revisit answer).
        case buyer
        /// A "not now" call named the day to call again.
        case callAgain = "call_again"
        /// Neither did: the decided day plus the list's default offset.
        case defaultOffset = "default"
    }
}

/// What a callback's interview found, limited to what the rep may see: never the interviewer's private notes,
/// and the buyer's own words only when the buyer agreed to be quoted.
package struct CallbackInterview: Sendable, Codable, Equatable {
    package var id: Int64
    /// The buyer interviewed.
    package var contact: ContactSummary?
    /// The day the interview took place.
    package var interviewedOn: CalendarDate?
    package var quotePermission: QuotePermission?
    /// The buyer asked not to be quoted: their words are left out, and only figures and themes are shown.
    package var wordsWithheld: Bool
    /// Where they are, how they measure it, where they planned to be, why the gap: the buyer's words.
    package var currentState: String?
    package var measurement: String?
    package var plannedState: String?
    package var gapReason: String?
    /// What waiting costs, as the buyer gave it (per year, quarter or month), and per year.
    package var inactionCost: PeriodAmount?
    package var inactionCostPerYear: Money?
    /// Years the buyer expects to use a solution.
    package var ownershipYears: Decimal?
    /// The cost of waiting over the years of ownership: the yearly cost times the years, or a one-time cost once.
    package var inactionCostOverOwnership: Money?
    /// What closing the gap is worth, as the buyer gave it.
    package var gapValue: PeriodAmount?
    /// A loss buyer said they would look at us again.
    package var wouldReconsider: Bool?
    /// The interviewer's judgement of how open the buyer is to taking the project up again, out of 5, and
    /// whether the buyer committed to a next step.
    package var openness: Int?
    package var nextStepCommitted: Bool?
    /// The themes coded on the interview, primary reasons first.
    package var themes: [CallbackTheme]
    /// The day the buyer said to come back: the date they gave, or the months they gave from the interview.
    package var revisitOn: CalendarDate?
}

/// An amount for a period, as a buyer gave it.
package struct PeriodAmount: Sendable, Codable, Equatable {
    package var amount: Money
    package var period: MoneyPeriod?

    /// `USD 120,000.00 per year`.
    package var formatted: String {
        amount.formatted + (period.map { $0 == .oneTime ? " one-time" : " per \($0.rawValue)" } ?? "")
    }

    package init(amount: Money, period: MoneyPeriod?) {
        self.amount = amount
        self.period = period
    }

    /// An amount from an answer's typed columns; nil when there is none (or it is not one this build knows).
    init?(minorUnits: Int64?, currency code: String?, period: String?) {
        guard let minorUnits, let code, let currency = Currency(code: code) else { return nil }
        self.init(
            amount: Money(minorUnits: minorUnits, currency: currency),
            period: period.flatMap(MoneyPeriod.init(rawValue:)))
    }

    /// What the amount comes to over the years of ownership: a one-time amount once, whatever the years; an amount
    /// per period, per year times the years the buyer gave (see ``Money/times(_:)``); nil without years, or for an
    /// amount with no period.
    package func overOwnership(years: Decimal?) -> Money? {
        if period == .oneTime { return amount }
        guard let years, years > 0 else { return nil }
        return perYear?.times(years)
    }

    /// A number of years as an answer stores it (a binary floating-point number), as the decimal that was typed:
    /// 4, 2.5 and 1.1 are stored as the doubles nearest them, whose shortest decimal form is what was typed.
    static func years(_ stored: Double?) -> Decimal? {
        guard let stored, stored.isFinite else { return nil }
        if stored == stored.rounded(), stored.magnitude < 1e15 { return Decimal(Int64(stored)) }
        return Decimal(string: String(stored))
    }

    /// The amount for a year: a month counts 12 times, a quarter 4; nil for one-time or period-less amounts.
    package var perYear: Money? {
        let times: Int64
        switch period {
        case .year?: times = 1
        case .quarter?: times = 4
        case .month?: times = 12
        case .oneTime?, nil: return nil
        }
        let (product, overflow) = amount.minorUnits.multipliedReportingOverflow(by: times)
        return overflow ? nil : Money(minorUnits: product, currency: amount.currency)
    }
}

package struct CallbackTheme: Sendable, Codable, Equatable {
    package var id: String
    package var label: String
    package var isPrimary: Bool
}

/// A deal named by its CRM id.
package struct DealReference: Sendable, Codable, Equatable {
    package var externalID: String
    package var name: String
    package var outcome: Outcome
    package var decidedOn: CalendarDate
}

/// What the list sorts by after the due day.
package struct Stake: Sendable, Codable, Equatable {
    package var amount: Money
    package var basis: Basis

    package enum Basis: String, Sendable, Codable {
        /// The yearly cost of waiting times the years of ownership.
        case inactionOverOwnership = "inaction_over_ownership"
        /// A cost of waiting the buyer gave as one amount, not per period.
        case inactionOneTime = "inaction_one_time"
        /// The yearly cost of waiting, when the years of ownership are unknown.
        case inactionPerYear = "inaction_per_year"
        /// The deal's amount in the CRM, when the interview gave no cost of waiting.
        case dealAmount = "deal_amount"
    }

    /// `USD 480,000.00 (waiting, over 4 years)`.
    package var formatted: String {
        switch basis {
        case .inactionOverOwnership: amount.formatted + " (cost of waiting over ownership)"
        case .inactionOneTime: amount.formatted + " (one-time cost of waiting)"
        case .inactionPerYear: amount.formatted + " (cost of waiting per year)"
        case .dealAmount: amount.formatted + " (deal amount)"
        }
    }
}

public enum CallbackStatus: String, Sendable, Codable, CaseIterable {
    /// Not called yet, or called and asked to call again on a day.
    case open
    /// Called: reopened, no interest, or not now with no day to call again.
    case called
}

/// What came of a call.
public enum CallResult: String, Sendable, Codable, CaseIterable {
    /// The buyer is taking the project up again: a new deal should follow.
    case reopened
    /// Not now; perhaps with a day to call again.
    case notNow = "not_now"
    case noInterest = "no_interest"

    /// Reads `reopened`, `not-now`, `not_now`, `no-interest`…
    public init?(loose text: String) {
        self.init(rawValue: text.trimmed.lowercased().replacingOccurrences(of: "-", with: "_"))
    }

    package var label: String {
        switch self {
        case .reopened: "reopened"
        case .notNow: "not now"
        case .noInterest: "no interest"
        }
    }
}

/// One call made on a callback.
public struct CallRecord: Sendable, Codable, Equatable {
    package var calledOn: CalendarDate
    package var result: CallResult
    package var note: String?
    package var caller: PersonReference?
    /// For "not now": the day to call again.
    package var againOn: CalendarDate?
    package var recordedAt: Date

    /// `Recorded the call on 006A1 (2026-01-06): not now; it is due again on 2026-06-01.`
    public func confirmation(dealExternalID: String) -> String {
        var line = "Recorded the call on \(TerminalText.singleLine(dealExternalID)) (\(calledOn)): \(result.label)"
        if let againOn { line += "; it is due again on \(againOn)" }
        return line + "."
    }
}

/// How long after the decision to call back when the buyer named no day: a number of days, weeks, months or
/// years, written `90d`, `6w`, `6m` or `1y`.
public struct RevisitOffset: Sendable, Equatable, CustomStringConvertible {
    package enum Unit: String, Sendable {
        case days = "d", weeks = "w", months = "m", years = "y"
    }

    package var count: Int
    package var unit: Unit

    package init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Six months.
    public static let standard = RevisitOffset(count: 6, unit: .months)

    /// Reads `6m`, `90d`, `6 months`, `1 year`; nil for anything else, or a count outside 1 to 3650.
    public init?(_ text: String) {
        let trimmed = text.trimmed.lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(digits), (1...3650).contains(count) else { return nil }
        let word = trimmed.dropFirst(digits.count).trimmed
        let units: [String: Unit] = [
            "d": .days, "day": .days, "days": .days, "w": .weeks, "week": .weeks, "weeks": .weeks,
            "m": .months, "month": .months, "months": .months, "y": .years, "year": .years, "years": .years,
        ]
        guard let unit = units[word] else { return nil }
        self.init(count: count, unit: unit)
    }

    package func after(_ date: CalendarDate) -> CalendarDate {
        switch unit {
        case .days: date.adding(days: count)
        case .weeks: date.adding(days: count * 7)
        case .months: date.adding(months: count)
        case .years: date.adding(months: count * 12)
        }
    }

    public var description: String {
        let names: [Unit: String] = [.days: "day", .weeks: "week", .months: "month", .years: "year"]
        return "\(count) \(names[unit] ?? "")\(count == 1 ? "" : "s")"
    }
}

/// Which callbacks to list.
public struct CallbackRequest: Sendable, Equatable {
    /// Deals decided in these days (both included); see also ``Callback/carriedOver``.
    package var decidedFrom: CalendarDate
    package var decidedTo: CalendarDate
    /// Rep, segment, amount and other filters; its decided dates and outcomes are not used.
    public var filter: DealFilter
    /// Also losses whose buyer said they would look again (or named a day to come back).
    public var includeLosses: Bool
    /// When to call a buyer who named no day.
    public var revisitAfter: RevisitOffset
    /// Only callbacks of at least this much at stake, in the same currency.
    public var minimumAtStake: Money?
    /// Only open callbacks, or only those called; nil for both.
    public var status: CallbackStatus?
    /// At most this many, from the top of the list.
    public var limit: Int?
    /// The day the list is pulled. An open callback whose day has passed is due now: it sorts with today's
    /// calls, by what is at stake, rather than by how long ago its day was (a buyer's spring that went by before
    /// last year's list was pulled is not a reason to call them first).
    public var today: CalendarDate?

    public init(
        decidedFrom: CalendarDate, decidedTo: CalendarDate, filter: DealFilter = DealFilter(),
        includeLosses: Bool = false, revisitAfter: RevisitOffset = .standard, minimumAtStake: Money? = nil,
        status: CallbackStatus? = nil
    ) {
        self.decidedFrom = decidedFrom
        self.decidedTo = decidedTo
        self.filter = filter
        self.includeLosses = includeLosses
        self.revisitAfter = revisitAfter
        self.minimumAtStake = minimumAtStake
        self.status = status
    }

    /// The calendar year `year`: the list a rep pulls at the start of the next one.
    public init?(year: Int) {
        guard let first = CalendarDate(year: year, month: 1, day: 1),
            let last = CalendarDate(year: year, month: 12, day: 31)
        else { return nil }
        self.init(decidedFrom: first, decidedTo: last)
    }
}

/// A call to record (`winloss callbacks done`).
public struct CallOutcome: Sendable {
    package var dealExternalID: String
    package var result: CallResult
    package var calledOn: CalendarDate
    package var note: String?
    /// The rep who called (email or name), when known.
    package var caller: String?
    /// For "not now": the day to call again.
    package var againOn: CalendarDate?
    /// For "reopened": the new deal's CRM id, when it is already in the database.
    package var newDealExternalID: String?

    public init(
        dealExternalID: String, result: CallResult, calledOn: CalendarDate, note: String? = nil, caller: String? = nil,
        againOn: CalendarDate? = nil, newDealExternalID: String? = nil
    ) {
        self.dealExternalID = dealExternalID
        self.result = result
        self.calledOn = calledOn
        self.note = note
        self.caller = caller
        self.againOn = againOn
        self.newDealExternalID = newDealExternalID
    }
}
