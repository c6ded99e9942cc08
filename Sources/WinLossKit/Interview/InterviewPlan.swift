import Foundation

/// Which questions an interview asks, in what order, given the deal's outcome and the answers so far.
///
/// Pure logic with no terminal and no database: the session, the answers file and `resume` all ask it what comes
/// next, so that conditions (`when`) are evaluated the same way as the answers come in.
package struct InterviewPlan: Sendable {
    package let template: Template
    package let outcome: Outcome
    package private(set) var answers: [String: RecordedAnswer]

    package init(template: Template, outcome: Outcome, answers: [RecordedAnswer] = []) {
        self.template = template
        self.outcome = outcome
        self.answers = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
    }

    package mutating func record(_ answer: RecordedAnswer) {
        answers[answer.questionID] = answer
    }

    /// The questions that apply now, in the order they are asked.
    package var applicableQuestions: [Question] {
        var asked: Set<String> = []
        var result: [Question] = []
        for question in template.questions where applies(question, asked: asked) {
            result.append(question)
            asked.insert(question.id)
        }
        return result
    }

    package func applies(_ questionID: String) -> Bool {
        applicableQuestions.contains { $0.id == questionID }
    }

    /// The first question that applies and has neither an answer nor a skip.
    package var nextUnanswered: Question? {
        applicableQuestions.first { answers[$0.id] == nil }
    }

    /// The question that applies after `questionID`, whether answered or not.
    package func question(after questionID: String) -> Question? {
        let questions = applicableQuestions
        guard let index = questions.firstIndex(where: { $0.id == questionID }), index + 1 < questions.count else {
            return nil
        }
        return questions[index + 1]
    }

    /// The question that applies before `questionID`.
    package func question(before questionID: String) -> Question? {
        let questions = applicableQuestions
        guard let index = questions.firstIndex(where: { $0.id == questionID }), index > 0 else { return nil }
        return questions[index - 1]
    }

    /// "Question 4 of 12": the position among the questions that apply now.
    package func position(of questionID: String) -> (number: Int, total: Int)? {
        let questions = applicableQuestions
        return questions.firstIndex { $0.id == questionID }.map { ($0 + 1, questions.count) }
    }

    /// Required questions that apply and have no answer (a skip is not an answer).
    package var missingRequired: [Question] {
        applicableQuestions.filter { $0.required && answers[$0.id]?.value == nil }
    }

    /// Answers kept for questions that no longer apply (an earlier answer changed): shown, never asked.
    package var answersNoLongerAsked: [RecordedAnswer] {
        let applicable = Set(applicableQuestions.map(\.id))
        return template.questions.compactMap { answers[$0.id] }.filter { !applicable.contains($0.questionID) }
    }

    private func applies(_ question: Question, asked: Set<String>) -> Bool {
        guard let condition = question.condition else { return true }
        switch condition {
        case .outcome(let outcomes):
            return outcomes.contains(outcome)
        case .answer(let target, let test):
            let value = asked.contains(target) ? answers[target]?.value : nil
            switch test {
            case .answered(let wanted):
                return (value != nil) == wanted
            case .equals(let expected):
                return value.map { Self.matches($0, expected) } ?? false
            case .oneOf(let expected):
                return value.map { value in expected.contains { Self.matches(value, $0) } } ?? false
            case .contains(let needle):
                switch value {
                case .text(let text)?: return text.lowercased().contains(needle.lowercased())
                case .choices(let ids)?: return ids.contains(needle)
                default: return false
                }
            }
        }
    }

    private static func matches(_ value: AnswerValue, _ expected: String) -> Bool {
        switch value {
        case .yesNo(let flag):
            return ["yes", "true"].contains(expected.lowercased()) == flag
        case .number(let number), .percent(let number):
            return Decimal(string: expected) == number
        case .text(let text):
            return TextKey.folded(text) == TextKey.folded(expected)
        default:
            return value.conditionValue == expected
        }
    }
}
