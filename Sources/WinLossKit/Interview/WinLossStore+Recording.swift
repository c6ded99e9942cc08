import Foundation
import GRDB

// MARK: - Recording and editing

extension WinLossStore {
    /// Records a whole interview from a checked answers file, all or nothing: starts it if it is scheduled (the
    /// non-rep rule applies), records consent, answers, skips and notes, and completes it unless told not to.
    ///
    /// - Parameters:
    ///   - interviewedOn: the day the interview took place, if the file does not say (they must agree when both
    ///     do). Without either, an interview being started takes the day it was scheduled for (unless that is
    ///     still to come), else today, in `timeZone`; one already in progress keeps its day.
    @discardableResult
    public func recordInterview(
        _ id: Int64, _ file: AnswersFile, repOverrideReason: String? = nil, interviewedOn: CalendarDate? = nil,
        timeZone: TimeZone = .current
    ) throws -> InterviewDetail {
        if let given = interviewedOn, let written = file.interviewedOn, given != written {
            throw RequestError.invalid(
                field: "interview day",
                message: "the day given (\(given)) differs from the answers file's interviewedOn (\(written)); give one"
            )
        }
        let now = clock.now()
        let time = StoredTime(now)
        let today = CalendarDate.today(in: timeZone, now: now)
        return try write { db in
            var detail = try Self.detail(id, in: db)
            var day = interviewedOn ?? file.interviewedOn
            if detail.status == .scheduled {
                // The day it was scheduled for, unless that is yet to come (it took place early) or before the
                // decision (the schedule was wrong): then today.
                let scheduled = detail.scheduledFor.map { CalendarDate.today(in: timeZone, now: $0) }
                day = day ?? scheduled.flatMap { ($0 <= today && $0 >= detail.deal.decidedOn) ? $0 : nil } ?? today
                try InterviewTable.start(id, at: time, in: db)
                detail = try Self.detail(id, in: db)
            }
            if let day {
                guard day >= detail.deal.decidedOn else {
                    throw RequestError.invalid(
                        field: "interview day",
                        message:
                            "\(day) is before the deal was decided (\(detail.deal.decidedOn)); a win-loss interview follows the decision"
                    )
                }
                guard day <= today else {
                    throw RequestError.invalid(
                        field: "interview day",
                        message: "\(day) is in the future; give the day the interview took place")
                }
                try InterviewTable.setInterviewedOn(day, id: id, in: db)
            }
            guard detail.status == .inProgress else {
                throw InterviewError.wrongStatus(
                    interviewID: id, status: detail.status, action: "recorded")
            }
            try Self.recheckInterviewer(detail, reason: Validate.optional(repOverrideReason), in: db)
            if let consent = file.consent {
                try InterviewTable.setConsent(
                    quote: consent.quote, recordingAllowed: consent.recordingAllowed, id: id, at: time, in: db)
            }
            for answer in file.answers {
                guard let question = detail.template.question(answer.questionID) else { continue }
                try Self.save(
                    id, question: question, value: answer.value, raw: answer.raw, tags: answer.tags, changedByID: nil,
                    at: time, in: db)
            }
            for questionID in file.skipped {
                guard let question = detail.template.question(questionID) else { continue }
                try Self.save(
                    id, question: question, value: nil, raw: "", tags: [], changedByID: nil, at: time, in: db)
            }
            for note in file.notes {
                try InterviewTable.addNote(note.text, questionID: note.questionID, interviewID: id, at: time, in: db)
            }
            if file.complete {
                try Self.ensureCompletable(try Self.detail(id, in: db))
                try InterviewTable.complete(id, at: time, in: db)
            }
            try InterviewTable.touch(id, at: time, in: db)
            return try Self.detail(id, in: db)
        }
    }

    /// Changes one answer of an interview in progress or completed, keeping the earlier value with who changed it
    /// and when. `input` is read as the session reads answers; nil skips the question.
    @discardableResult
    public func editAnswer(
        _ id: Int64, questionID: String, input: String?, by person: String?, defaultCurrency: Currency = .usd
    ) throws -> InterviewDetail {
        let detail = try interview(id)
        guard let question = detail.template.question(questionID) else {
            throw InterviewError.unknownQuestion(interviewID: id, question: questionID)
        }
        guard detail.plan.applies(questionID) else {
            throw InterviewError.notAsked(interviewID: id, question: questionID)
        }
        let changer = person ?? detail.interviewer?.email ?? detail.interviewer?.name
        guard let input else {
            try saveAnswer(id, questionID: questionID, value: nil, raw: "", changedBy: changer)
            return try interview(id)
        }
        let (words, tags) = InlineTags.extract(from: input)
        switch AnswerParser(defaultCurrency: defaultCurrency).parse(words, for: question) {
        case .failure(let error): throw InterviewError.invalidAnswer(question: questionID, reason: error.description)
        case .success(let value):
            try saveAnswer(id, questionID: questionID, value: value, raw: words, tags: tags, changedBy: changer)
        }
        return try interview(id)
    }
}
