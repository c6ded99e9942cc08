import Foundation

extension QueueEntry: Listable {
    public static let tableColumns = [
        TableColumn("ID"), TableColumn("Deal", maximumWidth: 30), TableColumn("Outcome"),
        TableColumn("Account", maximumWidth: 24),
        TableColumn("Amount", alignment: .right), TableColumn("Rep", maximumWidth: 18),
        TableColumn("Days", alignment: .right),
        TableColumn("Interview", maximumWidth: 44),
    ]

    public var tableRow: [TableCell] {
        [
            TableCell(deal.externalID), TableCell(deal.name),
            TableCell(deal.outcome.label, tint: Tint.of(deal.outcome)),
            TableCell(deal.account), TableCell(deal.amount?.formatted ?? "—"),
            TableCell(deal.rep),
            TableCell(late ? "\(daysSinceDecision) late" : String(daysSinceDecision), tint: late ? .yellow : nil),
            TableCell(interviewSummary),
        ]
    }

    /// `not scheduled`, `scheduled #3 for 2026-12-01 14:00 +01:00`, `declined #2`.
    package var interviewSummary: String {
        guard let status, let interviewID else { return "not scheduled" }
        var text = "\(status.label) #\(interviewID)"
        if status == .scheduled, let scheduledFor {
            text += " for " + ScheduleTime.format(scheduledFor, timeZone: .current)
        }
        if repOverrideReason != nil { text += " (the rep interviews)" }
        return text
    }

    public static let csvHeader = [
        "external_id", "name", "outcome", "account", "amount", "currency", "rep", "decided", "days_since_decision",
        "late",
        "interview_status", "interview_id", "scheduled_for", "interviewer", "rep_override_reason",
    ]

    public var csvRow: [String] {
        [
            deal.externalID, deal.name, deal.outcome.rawValue, deal.account, deal.amount?.decimalText ?? "",
            deal.amount?.currency.code ?? "",
            deal.rep, deal.decidedOn.description, String(daysSinceDecision), late ? "true" : "false",
            status?.rawValue ?? "not_scheduled",
            interviewID.map(String.init) ?? "", scheduledFor.map { ISO8601DateFormatter().string(from: $0) } ?? "",
            interviewer ?? "",
            repOverrideReason ?? "",
        ]
    }
}

extension InterviewListing: Listable {
    public static let tableColumns = [
        TableColumn("#", alignment: .right), TableColumn("Status"), TableColumn("Deal", maximumWidth: 28),
        TableColumn("Outcome"),
        TableColumn("Buyer", maximumWidth: 20), TableColumn("Interviewer", maximumWidth: 26), TableColumn("When"),
        TableColumn("Answers", alignment: .right), TableColumn("Template"),
    ]

    public var tableRow: [TableCell] {
        let when = (closedAt ?? startedAt ?? scheduledFor).map { ScheduleTime.format($0, timeZone: .current) } ?? "—"
        let who = (interviewer ?? "—") + (repOverrideReason != nil ? " (rep)" : "")
        return [
            TableCell(String(id)), TableCell(status.label), TableCell(deal),
            TableCell(outcome.label, tint: Tint.of(outcome)),
            TableCell(contact ?? "—"), TableCell(who, tint: repOverrideReason != nil ? .yellow : nil), TableCell(when),
            TableCell(String(answered)), TableCell(template),
        ]
    }

    public static let csvHeader = [
        "id", "status", "deal_id", "deal", "account", "outcome", "buyer", "interviewer", "scheduled_for", "started_at",
        "closed_at",
        "answers", "template", "rep_override_reason",
    ]

    public var csvRow: [String] {
        let iso = ISO8601DateFormatter()
        return [
            String(id), status.rawValue, dealExternalID, deal, account, outcome.rawValue, contact ?? "",
            interviewer ?? "",
            scheduledFor.map(iso.string(from:)) ?? "", startedAt.map(iso.string(from:)) ?? "",
            closedAt.map(iso.string(from:)) ?? "",
            String(answered), template, repOverrideReason ?? "",
        ]
    }
}

extension InterviewDetail {
    public enum TranscriptFormat: Sendable {
        case text
        case markdown
    }

    /// The interview as it went, printed from ``document(timeZone:)``.
    public func transcript(_ format: TranscriptFormat, style: TextStyle = .plain, timeZone: TimeZone = .current)
        -> String
    {
        let document = document(timeZone: timeZone)
        switch format {
        case .text: return document.text(style: style)
        case .markdown: return document.markdown
        }
    }

    /// The interview as it went: the questions as asked (from the stored template version), the answers, notes,
    /// tags, consent, the interviewer and any rep override. It holds everything, private notes included: it is
    /// for the programme's interviewers, never for reps or anything shared.
    package func document(timeZone: TimeZone = .current) -> ReportDocument {
        typealias Field = ReportDocument.Field
        func time(_ date: Date?) -> String { date.map { ScheduleTime.format($0, timeZone: timeZone) } ?? "—" }
        func person(_ reference: PersonReference?) -> String {
            reference.map { $0.name + ($0.email.map { " <\($0)>" } ?? "") } ?? "—"
        }
        var facts: [Field] = [
            Field("Deal", "\(deal.name) (\(deal.externalID)) · \(deal.outcome.label) · \(deal.account)"),
            Field(
                "Buyer",
                contact.map {
                    $0.name + ($0.title.map { ", \($0)" } ?? "") + ($0.email.map { " <\($0)>" } ?? "")
                } ?? "—"),
            Field("Interviewer", person(interviewer)),
            Field("Rep", person(rep)),
        ]
        if let repOverrideReason {
            facts.append(Field("Rep override", "the deal's rep interviews: " + repOverrideReason))
        }
        facts.append(Field("Scheduled", time(scheduledFor)))
        facts.append(Field("Started", time(startedAt)))
        facts.append(Field("Held on", interviewedOn?.description ?? "—"))
        facts.append(Field(status == .completed ? "Completed" : "Closed", time(closedAt)))
        if let closingNote { facts.append(Field("Closing note", closingNote)) }
        let consentText: String
        switch (quotePermission, recordingAllowed) {
        case (let quote?, let recording?):
            consentText = "the buyer \(quote.label); recording \(recording ? "allowed" : "not allowed")"
        case (let quote?, nil): consentText = "the buyer \(quote.label); recording not asked"
        default: consentText = "not recorded"
        }
        facts.append(Field("Consent", consentText))
        facts.append(
            Field("Template", "\(template.id) version \(template.version) (SHA-256 \(templateVersion.sha256))"))
        var blocks: [ReportDocument.Block] = [.fields(facts)]

        let plan = self.plan
        let byQuestion = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        let applicable = Set(plan.applicableQuestions.map(\.id))
        var number = 0
        for section in template.sections {
            let questions = section.questions.filter { applicable.contains($0.id) }
            guard !questions.isEmpty else { continue }
            blocks.append(
                .heading(
                    section.title + (section.audience == .interviewer ? " (the interviewer's assessment)" : ""),
                    level: 3))
            for question in questions {
                number += 1
                let answerText: String
                switch byQuestion[question.id] {
                case nil: answerText = "(no answer yet)"
                case let answer? where answer.value == nil: answerText = "(skipped)"
                case let answer?: answerText = answer.value.map { $0.display(for: question) } ?? ""
                }
                var details: [Field] = []
                if let themes = codes[question.id], !themes.isEmpty {
                    let described = themes.map { code in
                        code.themeID + " (" + code.sentiment.rawValue + (code.isPrimary ? ", primary" : "") + ")"
                    }
                    details.append(Field("Themes", described.joined(separator: ", ")))
                }
                if let tags = byQuestion[question.id]?.tags, !tags.isEmpty {
                    details.append(Field("Tags", tags.map { "#\($0)" }.joined(separator: " ")))
                }
                for note in notes where note.questionID == question.id {
                    details.append(Field("Private note", note.text))
                }
                blocks.append(.entry(title: "\(number). \(question.prompt)", text: answerText, details: details))
            }
        }
        let orphans = plan.answersNoLongerAsked
        if !orphans.isEmpty {
            blocks.append(.heading("No longer asked (an earlier answer changed)", level: 3))
            blocks.append(
                .bullets(
                    orphans.map { answer in
                        let question = template.question(answer.questionID)
                        let value =
                            question.flatMap { question in answer.value.map { $0.display(for: question) } }
                            ?? "(skipped)"
                        return "\(answer.questionID): \(value)"
                    }))
        }
        let general = notes.filter { $0.questionID == nil }
        if !general.isEmpty {
            blocks.append(.heading("Private notes", level: 3))
            blocks.append(.bullets(general.map(\.text)))
        }
        if !revisions.isEmpty {
            blocks.append(.heading("Changes", level: 3))
            blocks.append(
                .bullets(
                    revisions.map { revision in
                        let who = revision.changedBy.map { " by \($0.name)" } ?? ""
                        let before = revision.previousText.map { "\"\($0)\"" } ?? "skipped"
                        return "\(revision.questionID) changed \(time(revision.changedAt))\(who); it was \(before)"
                    }))
        }
        return ReportDocument(title: "Interview #\(id) · \(status.label)", blocks: blocks)
    }
}
