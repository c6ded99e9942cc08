import Foundation

/// A versioned set of interview questions, grouped in sections, with guidance for the interviewer.
///
/// Templates are YAML files (see the README for the format). An interview keeps the exact text of the version it
/// used, so that editing a template later never changes what an earlier interview was asked.
public struct Template: Sendable, Equatable, Codable {
    /// Lower case letters, digits, `-` and `_`: `loss`, `no-decision`, `enterprise_loss`.
    public var id: String
    /// Any text without spaces, such as `1` or `2026.2`; a changed template needs a new version.
    public var version: String
    package var title: String
    /// The outcomes the template is for.
    package var outcomes: [Outcome]
    /// What the interviewer reads to the buyer at the start.
    package var introduction: String
    /// Advice for the interviewer on the whole interview.
    package var guidance: String
    package var sections: [TemplateSection]

    /// Every question, in the order asked.
    package var questions: [Question] { sections.flatMap(\.questions) }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
}

package struct TemplateSection: Sendable, Equatable, Codable {
    package var title: String
    package var guidance: String?
    /// Who answers: the buyer, or the interviewer after the call (the assessment).
    package var audience: Audience
    package var questions: [Question]
}

package enum Audience: String, Sendable, Codable, CaseIterable {
    case buyer
    case interviewer
}

public struct Question: Sendable, Equatable, Codable {
    /// Stable across versions: answers and reports refer to questions by id.
    package var id: String
    package var prompt: String
    package var kind: QuestionKind
    package var required: Bool
    package var guidance: String?
    /// Follow-up questions to dig deeper.
    package var probes: [String]
    /// Asked only when this holds.
    package var condition: Condition?
    /// What the answer measures, so that reports can aggregate it whatever the wording.
    package var metric: MetricRole?
    /// Whether answers are coded with themes from the codebook.
    package var codedWithThemes: Bool
}

/// The kinds of answer a question takes, with what each needs.
package enum QuestionKind: Sendable, Equatable, Codable {
    case shortText
    case longText
    case number(minimum: Decimal?, maximum: Decimal?, unit: String?)
    /// An amount of money for a period, such as `EUR 40,000 per year`.
    case money(period: MoneyPeriod?, currency: Currency?)
    case percent
    case scale(minimum: Int, maximum: Int, labels: [Int: String])
    case singleChoice([Choice])
    case multipleChoice([Choice], maximumSelections: Int?)
    case yesNo
    case date
    case months

    /// The name a template file uses.
    package var name: String {
        switch self {
        case .shortText: "short_text"
        case .longText: "long_text"
        case .number: "number"
        case .money: "money"
        case .percent: "percent"
        case .scale: "scale"
        case .singleChoice: "single_choice"
        case .multipleChoice: "multiple_choice"
        case .yesNo: "yes_no"
        case .date: "date"
        case .months: "months"
        }
    }

    package static let names = [
        "short_text", "long_text", "number", "money", "percent", "scale", "single_choice", "multiple_choice", "yes_no",
        "date", "months",
    ]

    package var choices: [Choice] {
        switch self {
        case .singleChoice(let choices), .multipleChoice(let choices, _): choices
        default: []
        }
    }
}

package struct Choice: Sendable, Equatable, Codable {
    package var id: String
    package var label: String
}

/// The period a money answer is counted over.
public enum MoneyPeriod: String, Sendable, Codable, CaseIterable {
    case oneTime = "one_time"
    case month
    case quarter
    case year
}

/// When a question is asked: for some outcomes only, or depending on an earlier answer.
package enum Condition: Sendable, Equatable, Codable {
    case outcome([Outcome])
    case answer(question: String, test: AnswerTest)
}

package enum AnswerTest: Sendable, Equatable, Codable {
    /// The answer is this value: a choice id, `yes` or `no`, a number.
    case equals(String)
    case oneOf([String])
    /// A text answer contains this text, or a multiple-choice answer includes this choice.
    case contains(String)
    /// The question was answered (true) or skipped (false).
    case answered(Bool)
}

/// What a question measures, from a fixed vocabulary, so that reports can add up the same measure across
/// templates and wordings.
package enum MetricRole: String, Sendable, Codable, CaseIterable {
    /// The gap questions, in the order of the practice.
    case currentState = "current_state"
    case measurement
    case plannedState = "planned_state"
    case gapReason = "gap_reason"
    case gapValue = "gap_value"
    case inactionCost = "inaction_cost"
    case ownershipYears = "ownership_years"
    /// Column fodder: a vendor was favoured before we were engaged.
    case preferredVendor = "preferred_vendor"
    case firstContactWithWinner = "first_contact_with_winner"
    /// When to call the buyer again: a day, or a number of months from the interview.
    case revisitWhen = "revisit_when"
    /// A loss buyer would look at us again when the choice comes up next.
    case wouldReconsider = "would_reconsider"
    case decisionParticipants = "decision_participants"
    case decisionProcess = "decision_process"
    case competitorsConsidered = "competitors_considered"
    case winnerReason = "winner_reason"
    case tippingPoint = "tipping_point"
    case noDecisionReason = "no_decision_reason"
    /// The interviewer's assessment.
    case uncovered
    case openness
    case nextStepCommitted = "next_step_committed"
    case candor

    /// The question kinds that can carry this measure.
    package var allowedKinds: [String] {
        switch self {
        case .currentState, .plannedState: ["short_text", "long_text", "number", "percent", "money", "scale"]
        case .measurement, .gapReason, .decisionProcess, .winnerReason, .tippingPoint, .noDecisionReason, .uncovered:
            ["short_text", "long_text"]
        case .gapValue, .inactionCost: ["money"]
        case .ownershipYears: ["number"]
        case .preferredVendor, .nextStepCommitted, .wouldReconsider: ["yes_no"]
        case .firstContactWithWinner, .revisitWhen: ["date", "months"]
        case .decisionParticipants, .competitorsConsidered: ["multiple_choice", "short_text", "long_text"]
        case .openness, .candor: ["scale"]
        }
    }
}
