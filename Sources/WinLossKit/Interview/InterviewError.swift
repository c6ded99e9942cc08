/// Why an interview action was refused. Each message says what to do instead.
public enum InterviewError: WinLossError, Equatable {
    /// The rule of the practice: the rep who worked a deal does not interview its buyer.
    case interviewerIsRep(person: String, deal: String)
    case overrideNotNeeded(person: String, deal: String)
    case alreadyOpen(interviewID: Int64, contact: String)
    case wrongStatus(interviewID: Int64, status: InterviewStatus, action: String)
    case missingRequired(interviewID: Int64, questions: [String])
    case noConsent(interviewID: Int64)
    case unknownQuestion(interviewID: Int64, question: String)
    case notAsked(interviewID: Int64, question: String)
    case invalidAnswer(question: String, reason: String)
    case noTemplateFor(outcome: Outcome)

    public var kind: ErrorKind {
        switch self {
        case .alreadyOpen, .wrongStatus: .conflict
        case .unknownQuestion: .notFound
        case .interviewerIsRep, .overrideNotNeeded, .missingRequired, .noConsent, .notAsked, .invalidAnswer,
            .noTemplateFor:
            .invalid
        }
    }

    public var message: String {
        switch self {
        case .interviewerIsRep(let person, let deal):
            "\(person) is the rep who worked deal \(deal), and the rep does not interview their own buyer: reps hear "
                + "\"price and features\" and change nothing. Choose someone from marketing or customer success"
        case .overrideNotNeeded(let person, let deal):
            "\(person) is not the rep of deal \(deal), so no override is needed"
        case .alreadyOpen(let id, let contact):
            "interview #\(id) with \(contact) is already open for this deal"
        case .wrongStatus(let id, let status, let action):
            "interview #\(id) is \(status.label), so it cannot be \(action)"
        case .missingRequired(let id, let questions):
            "interview #\(id) cannot be completed: required questions have no answer: \(questions.joined(separator: ", "))"
        case .noConsent(let id):
            "interview #\(id) cannot be completed before the buyer's consent choices are recorded (resume it to record them)"
        case .unknownQuestion(let id, let question):
            "interview #\(id)'s template has no question \"\(question)\""
        case .notAsked(let id, let question):
            "question \"\(question)\" does not apply to interview #\(id) (its condition does not hold)"
        case .invalidAnswer(let question, let reason):
            "\(question): \(reason)"
        case .noTemplateFor(let outcome):
            "no template is for a \(outcome.label)"
        }
    }

    public var subject: ErrorSubject? {
        if case .overrideNotNeeded = self { return .repOverride }
        return nil
    }

    public var remedy: Remedy? {
        switch self {
        case .interviewerIsRep: .allowRep
        case .alreadyOpen(let id, _): .startInterview(id: id)
        case .wrongStatus(let id, let status, _): status.next(id)
        case .missingRequired(let id, _): .answerRequired(interviewID: id)
        case .unknownQuestion(let id, _): .showInterview(id: id)
        case .noTemplateFor: .chooseTemplate
        case .overrideNotNeeded, .noConsent, .notAsked, .invalidAnswer: nil
        }
    }
}

extension InterviewStatus {
    /// What to do next with an interview in this status.
    func next(_ id: Int64) -> Remedy {
        switch self {
        case .scheduled: .startInterview(id: id)
        case .inProgress: .resumeInterview(id: id)
        case .completed, .declined, .noShow: .seeClosedInterview(id: id)
        }
    }
}
