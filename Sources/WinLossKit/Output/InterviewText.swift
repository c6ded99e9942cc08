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
    public var interviewSummary: String {
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

    /// The interview as it went: the questions as asked (from the stored template version), the answers, notes,
    /// tags, consent, the interviewer and any rep override. Text from buyers is sanitised.
    public func transcript(_ format: TranscriptFormat, style: TextStyle = .plain, timeZone: TimeZone = .current)
        -> String
    {
        let markdown = format == .markdown
        func clean(_ text: String) -> String {
            let sanitized = TerminalText.sanitized(text)
            return markdown ? sanitized.replacingOccurrences(of: "\n", with: "  \n") : sanitized
        }
        func time(_ date: Date?) -> String { date.map { ScheduleTime.format($0, timeZone: timeZone) } ?? "—" }
        func person(_ reference: PersonReference?) -> String {
            reference.map { clean($0.name) + ($0.email.map { " <\(clean($0))>" } ?? "") } ?? "—"
        }
        var lines: [String] = []
        let title = "Interview #\(id) · \(status.label)"
        lines.append(markdown ? "# \(title)" : style.apply(.bold, to: title))
        if markdown { lines.append("") }
        var facts: [(String, String)] = [
            (
                "Deal",
                "\(clean(deal.name)) (\(clean(deal.externalID))) · \(deal.outcome.label) · \(clean(deal.account))"
            ),
            (
                "Buyer",
                contact.map {
                    clean($0.name) + ($0.title.map { ", \(clean($0))" } ?? "")
                        + ($0.email.map { " <\(clean($0))>" } ?? "")
                } ?? "—"
            ),
            ("Interviewer", person(interviewer)),
            ("Rep", person(rep)),
        ]
        if let repOverrideReason {
            facts.append(("Rep override", "the deal's rep interviews: " + clean(repOverrideReason)))
        }
        facts.append(("Scheduled", time(scheduledFor)))
        facts.append(("Started", time(startedAt)))
        facts.append(("Held on", interviewedOn?.description ?? "—"))
        facts.append((status == .completed ? "Completed" : "Closed", time(closedAt)))
        if let closingNote { facts.append(("Closing note", clean(closingNote))) }
        let consentText: String
        switch (quotePermission, recordingAllowed) {
        case (let quote?, let recording?):
            consentText = "the buyer \(quote.label); recording \(recording ? "allowed" : "not allowed")"
        case (let quote?, nil): consentText = "the buyer \(quote.label); recording not asked"
        default: consentText = "not recorded"
        }
        facts.append(("Consent", consentText))
        facts.append(
            ("Template", "\(clean(template.id)) version \(clean(template.version)) (SHA-256 \(templateVersion.sha256))")
        )
        let width = facts.map { $0.0.count }.max() ?? 0
        for (label, value) in facts {
            lines.append(
                markdown
                    ? "- **\(label):** \(value)"
                    : style.apply(.bold, to: label) + String(repeating: " ", count: width - label.count + 2) + value)
        }

        let plan = self.plan
        let byQuestion = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        let applicable = plan.applicableQuestions
        var number = 0
        for section in template.sections {
            let questions = section.questions.filter { question in applicable.contains { $0.id == question.id } }
            guard !questions.isEmpty else { continue }
            lines.append("")
            let heading =
                clean(section.title) + (section.audience == .interviewer ? " (the interviewer's assessment)" : "")
            lines.append(markdown ? "## \(heading)" : style.apply(.bold, to: heading))
            for question in questions {
                number += 1
                lines.append("")
                let prompt = "\(number). \(clean(question.prompt))"
                lines.append(markdown ? "**\(prompt)**" : style.apply(.cyan, to: prompt))
                let answerText: String
                switch byQuestion[question.id] {
                case nil: answerText = "(no answer yet)"
                case let answer? where answer.value == nil: answerText = "(skipped)"
                case let answer?: answerText = answer.value.map { clean($0.display(for: question)) } ?? ""
                }
                lines.append(
                    markdown ? "> " + answerText.replacingOccurrences(of: "  \n", with: "  \n> ") : indent(answerText))
                if let themes = codes[question.id], !themes.isEmpty {
                    let described = themes.map { code in
                        clean(code.themeID) + " (" + code.sentiment.rawValue + (code.isPrimary ? ", primary" : "") + ")"
                    }
                    lines.append((markdown ? "" : "   ") + "Themes: " + described.joined(separator: ", "))
                }
                if let tags = byQuestion[question.id]?.tags, !tags.isEmpty {
                    lines.append(
                        (markdown ? "" : "   ") + "Tags: " + tags.map { "#\(clean($0))" }.joined(separator: " "))
                }
                for note in notes where note.questionID == question.id {
                    lines.append((markdown ? "" : "   ") + "Private note: " + clean(note.text))
                }
            }
        }
        let orphans = plan.answersNoLongerAsked
        if !orphans.isEmpty {
            lines.append("")
            lines.append(
                markdown
                    ? "## No longer asked (an earlier answer changed)"
                    : style.apply(.bold, to: "No longer asked (an earlier answer changed)"))
            for answer in orphans {
                let question = template.question(answer.questionID)
                let value =
                    question.flatMap { question in answer.value.map { $0.display(for: question) } } ?? "(skipped)"
                lines.append("- \(clean(answer.questionID)): \(clean(value))")
            }
        }
        let general = notes.filter { $0.questionID == nil }
        if !general.isEmpty {
            lines.append("")
            lines.append(markdown ? "## Private notes" : style.apply(.bold, to: "Private notes"))
            for note in general { lines.append("- " + clean(note.text)) }
        }
        if !revisions.isEmpty {
            lines.append("")
            lines.append(markdown ? "## Changes" : style.apply(.bold, to: "Changes"))
            for revision in revisions {
                let who = revision.changedBy.map { " by \(clean($0.name))" } ?? ""
                let before = revision.previousText.map { "\"\(clean($0))\"" } ?? "skipped"
                lines.append(
                    "- \(clean(revision.questionID)) changed \(time(revision.changedAt))\(who); it was \(before)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }.joined(separator: "\n")
    }
}
