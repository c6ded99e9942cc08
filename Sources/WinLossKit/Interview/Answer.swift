import Foundation

/// A validated answer to one question, in the form its question type takes.
public enum AnswerValue: Sendable, Equatable, Codable {
    case text(String)
    case number(Decimal)
    /// An amount for a period, such as EUR 40,000 per year; the period is nil when the buyer gave none and the
    /// question names none.
    case money(Money, period: MoneyPeriod?)
    case percent(Decimal)
    case scale(Int)
    /// A choice id.
    case choice(String)
    case choices([String])
    case yesNo(Bool)
    case date(CalendarDate)
    case months(Int)

    /// The answer as the transcript shows it: choice labels, grouped amounts, "yes".
    public func display(for question: Question) -> String {
        switch self {
        case .text(let text): return text
        case .number(let value):
            if case .number(_, _, let unit?) = question.kind { return "\(value) \(unit)" }
            return "\(value)"
        case .money(let money, let period):
            return money.formatted + (period.map { $0 == .oneTime ? " one-time" : " per \($0.rawValue)" } ?? "")
        case .percent(let value): return "\(value)%"
        case .scale(let point):
            if case .scale(_, let maximum, let labels) = question.kind {
                return "\(point) of \(maximum)" + (labels[point].map { " (\($0))" } ?? "")
            }
            return "\(point)"
        case .choice(let id):
            return question.kind.choices.first { $0.id == id }?.label ?? id
        case .choices(let ids):
            return ids.map { id in question.kind.choices.first { $0.id == id }?.label ?? id }.joined(separator: "; ")
        case .yesNo(let value): return value ? "yes" : "no"
        case .date(let date): return date.description
        case .months(let count): return count == 1 ? "1 month" : "\(count) months"
        }
    }

    /// The value a condition compares (`equals`, `one_of`): a choice id, `yes` or `no`, a number.
    var conditionValue: String {
        switch self {
        case .text(let text): text
        case .number(let value), .percent(let value): "\(value)"
        case .money(let money, _): money.decimalText
        case .scale(let point): String(point)
        case .choice(let id): id
        case .choices(let ids): ids.joined(separator: ";")
        case .yesNo(let value): value ? "yes" : "no"
        case .date(let date): date.description
        case .months(let count): String(count)
        }
    }
}

/// One question's answer in an interview, as stored.
public struct RecordedAnswer: Sendable, Equatable, Codable {
    public var questionID: String
    /// nil when the question was skipped.
    public var value: AnswerValue?
    /// Exactly what the interviewer typed, without inline tags.
    package var raw: String
    /// Inline tags typed with the answer (`#price_level`), without the `#`.
    public var tags: [String]
    package var answeredAt: Date

    package init(questionID: String, value: AnswerValue?, raw: String, tags: [String], answeredAt: Date) {
        self.questionID = questionID
        self.value = value
        self.raw = raw
        self.tags = tags
        self.answeredAt = answeredAt
    }

    public var skipped: Bool { value == nil }
}

/// What the buyer agreed to at the start of the interview. Reports honour it for every quote.
package enum QuotePermission: String, Sendable, Codable, CaseIterable {
    /// May be quoted with name and company.
    case named
    /// May be quoted as a role and a segment, never by name or company.
    case anonymous
    /// Never quoted; answers count in themes and figures only.
    case none

    package var label: String {
        switch self {
        case .named: "may be quoted by name"
        case .anonymous: "may be quoted anonymously"
        case .none: "may not be quoted"
        }
    }
}

package struct Consent: Sendable, Equatable, Codable {
    package var quote: QuotePermission
    package var recordingAllowed: Bool

    package init(quote: QuotePermission, recordingAllowed: Bool) {
        self.quote = quote
        self.recordingAllowed = recordingAllowed
    }
}

public enum InterviewStatus: String, Sendable, Codable, CaseIterable {
    case scheduled
    case inProgress = "in_progress"
    case completed
    case declined
    case noShow = "no_show"

    public var label: String {
        switch self {
        case .scheduled: "scheduled"
        case .inProgress: "in progress"
        case .completed: "completed"
        case .declined: "declined"
        case .noShow: "no-show"
        }
    }

    /// Completed, declined and no-show interviews are closed: nothing more is asked.
    package var isClosed: Bool { self == .completed || self == .declined || self == .noShow }
}
