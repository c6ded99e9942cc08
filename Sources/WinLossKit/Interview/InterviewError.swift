/// Why an interview action was refused. Each message says what to do instead.
public enum InterviewError: Error, Equatable, CustomStringConvertible {
    /// The rule of the practice: the rep who worked a deal does not interview its buyer.
    case interviewerIsRep(person: String, deal: String)
    case overrideNotNeeded(person: String, deal: String)
    case alreadyOpen(interviewID: Int64, contact: String)
    case wrongStatus(interviewID: Int64, status: InterviewStatus, action: String, hint: String)
    case missingRequired(interviewID: Int64, questions: [String])
    case noConsent(interviewID: Int64)
    case unknownQuestion(interviewID: Int64, question: String)
    case notAsked(interviewID: Int64, question: String)
    case invalidAnswer(question: String, reason: String)
    case noTemplateFor(outcome: Outcome)

    public var description: String {
        switch self {
        case .interviewerIsRep(let person, let deal):
            "\(person) is the rep who worked deal \(deal), and the rep does not interview their own buyer: reps hear "
                + "\"price and features\" and change nothing. Choose someone from marketing or customer success, or, if "
                + "there is truly no one else, pass --allow-rep --reason \"…\" to record why"
        case .overrideNotNeeded(let person, let deal):
            "--allow-rep: \(person) is not the rep of deal \(deal), so no override is needed"
        case .alreadyOpen(let id, let contact):
            "interview #\(id) with \(contact) is already open for this deal; start it with `winloss interview start \(id)`"
        case .wrongStatus(let id, let status, let action, let hint):
            "interview #\(id) is \(status.label), so it cannot be \(action); \(hint)"
        case .missingRequired(let id, let questions):
            "interview #\(id) cannot be completed: required questions have no answer: \(questions.joined(separator: ", ")). "
                + "Answer them with `winloss interview resume \(id)` or `winloss interview edit \(id) QUESTION`"
        case .noConsent(let id):
            "interview #\(id) cannot be completed before the buyer's consent choices are recorded (resume it to record them)"
        case .unknownQuestion(let id, let question):
            "interview #\(id)'s template has no question \"\(question)\"; see `winloss interview show \(id)`"
        case .notAsked(let id, let question):
            "question \"\(question)\" does not apply to interview #\(id) (its condition does not hold)"
        case .invalidAnswer(let question, let reason):
            "\(question): \(reason)"
        case .noTemplateFor(let outcome):
            "no template is for a \(outcome.label); name one with --template"
        }
    }
}

extension InterviewStatus {
    /// What to do next with an interview in this status, for error messages.
    func hint(_ id: Int64) -> String {
        switch self {
        case .scheduled: "start it with `winloss interview start \(id)`"
        case .inProgress: "continue it with `winloss interview resume \(id)`"
        case .completed, .declined, .noShow: "it is closed; see it with `winloss interview show \(id)`"
        }
    }
}
