import Foundation

/// Runs an interview in progress question by question, through a ``Prompter``.
///
/// Every answer, skip, note and consent choice is committed in its own transaction the moment it is entered,
/// before the next prompt appears; a kill at any point loses nothing already entered, and `resume` continues at the
/// first unanswered question that applies. Bad answers are explained and asked again, never stored.
public final class InterviewSession {
    public enum Ending: Equatable, Sendable {
        case completed
        /// Stopped before the end (by /pause, or the end of input); everything entered is saved.
        case paused
    }

    private let store: WinLossStore
    private let id: Int64
    private let prompter: Prompter
    private let style: TextStyle
    private let parser: AnswerParser
    private var plan: InterviewPlan
    private var lastSectionTitle: String?
    /// Going through the required questions left without an answer, after the interviewer agreed to.
    private var fillingRequired = false
    /// Who answers are changed by, when a question is answered again.
    private let interviewer: String?

    public init(
        store: WinLossStore, interviewID: Int64, prompter: Prompter, style: TextStyle = .plain,
        defaultCurrency: Currency = .usd
    ) throws {
        self.store = store
        self.id = interviewID
        self.prompter = prompter
        self.style = style
        self.parser = AnswerParser(defaultCurrency: defaultCurrency)
        let detail = try store.interview(interviewID)
        self.plan = detail.plan
        self.interviewer = detail.interviewer.map { $0.email ?? $0.name }
    }

    public func run() throws -> Ending {
        let detail = try store.interview(id)
        guard detail.status == .inProgress else {
            throw InterviewError.wrongStatus(
                interviewID: id, status: detail.status, action: "run")
        }
        showHeader(detail)
        if detail.quotePermission == nil || detail.recordingAllowed == nil {
            guard try askConsent(detail) else { return pause() }
        }
        var current = plan.nextUnanswered
        while true {
            guard let question = current else {
                guard let next = try finish() else {
                    return try store.interview(id).status == .completed ? .completed : .paused
                }
                current = next
                continue
            }
            show(question)
            switch read(for: question) {
            case .end(let partial):
                if let partial, !partial.isEmpty, case .success = try accept(partial, for: question) {}
                return pause()
            case .command(.pause):
                return pause()
            case .command(.help):
                say(InterviewSession.help(id))
            case .command(.skip):
                try store.saveAnswer(id, questionID: question.id, value: nil, raw: "", changedBy: interviewer)
                plan.record(
                    RecordedAnswer(
                        questionID: question.id, value: nil, raw: "", tags: [], answeredAt: store.clock.now()))
                say(style.apply(.dim, to: "Skipped.") + "\n")
                current = next(after: question)
            case .command(.back):
                if let previous = plan.question(before: question.id) {
                    current = previous
                } else {
                    say("This is the first question.\n")
                }
            case .command(.note(let text)):
                if text.trimmed.isEmpty {
                    say("Write the note after /note, on the same line.\n")
                } else {
                    try store.addNote(id, questionID: question.id, text: text)
                    say(style.apply(.dim, to: "Private note saved.") + "\n")
                }
            case .command(.unknown(let command)):
                say(
                    "\(TerminalText.sanitized(command)) is not a command. /help lists them; to start an answer with /, type //.\n"
                )
            case .answer(let text, let thenPause):
                if text.trimmed.isEmpty, plan.answers[question.id] != nil {
                    current = next(after: question)  // Enter on a revisited question keeps its answer.
                    continue
                }
                switch try accept(text, for: question) {
                case .success: current = next(after: question)
                case .failure(let error): say(style.apply(.red, to: "Not saved:") + " \(error). Please answer again.\n")
                }
                if thenPause { return pause() }
            }
        }
    }

    // MARK: - Steps

    private func showHeader(_ detail: InterviewDetail) {
        let clean = TerminalText.sanitized
        let contact = detail.contact.map { clean($0.name) + ($0.title.map { ", \(clean($0))" } ?? "") } ?? "the buyer"
        say(
            style.apply(.bold, to: "Interview #\(detail.id)")
                + " — \(clean(detail.deal.name)) (\(detail.deal.outcome.label)) at \(clean(detail.deal.account))\n")
        say(
            "With \(contact); interviewer \(clean(detail.interviewer?.name ?? "not named")); template \(clean(detail.template.id)) version \(clean(detail.template.version))\n"
        )
        if let reason = detail.repOverrideReason {
            say(style.apply(.yellow, to: "The deal's own rep is interviewing:") + " \(clean(reason))\n")
        }
        if detail.answers.isEmpty {
            say(
                "\n" + style.apply(.bold, to: "Read to the buyer:") + "\n" + indented(detail.template.introduction)
                    + "\n")
            if !detail.template.guidance.isEmpty {
                say(style.apply(.bold, to: "Guidance:") + "\n" + indented(detail.template.guidance) + "\n")
            }
        } else if let next = plan.nextUnanswered, let position = plan.position(of: next.id) {
            say("\nResuming at question \(position.number) of \(position.total).\n")
        }
        say(style.apply(.dim, to: "/help lists the commands; everything you enter is saved at once.") + "\n")
    }

    /// Asks for the consent choices not yet recorded; false when the input ended.
    private func askConsent(_ detail: InterviewDetail) throws -> Bool {
        say("\n" + style.apply(.bold, to: "Before the first question, record what the buyer agrees to.") + "\n")
        if detail.quotePermission == nil {
            while true {
                say("May we quote the buyer? 1) by name  2) anonymously  3) not at all\n> ")
                guard let line = prompter.readLine() else { return false }
                guard let choice = InterviewSession.quotePermission(line) else {
                    say("Type 1, 2 or 3.\n")
                    continue
                }
                try store.recordConsent(id, quote: choice)
                say(style.apply(.green, to: "Saved:") + " the buyer \(choice.label).\n")
                break
            }
        }
        if detail.recordingAllowed == nil {
            while true {
                say("May the call be recorded? (yes or no)\n> ")
                guard let line = prompter.readLine() else { return false }
                guard case .success(.yesNo(let allowed)) = parser.parse(line, for: InterviewSession.yesNoQuestion)
                else {
                    say("Type yes or no.\n")
                    continue
                }
                try store.recordConsent(id, recordingAllowed: allowed)
                say(style.apply(.green, to: "Saved:") + " recording \(allowed ? "allowed" : "not allowed").\n")
                break
            }
        }
        return true
    }

    private func show(_ question: Question) {
        let clean = TerminalText.sanitized
        if let section = plan.template.sections.first(where: { $0.questions.contains { $0.id == question.id } }),
            section.title != lastSectionTitle
        {
            lastSectionTitle = section.title
            let audience = section.audience == .interviewer ? " (for you, the interviewer)" : ""
            say("\n" + style.apply(.bold, to: "── \(clean(section.title))\(audience) ──") + "\n")
            if let guidance = section.guidance { say(indented(guidance) + "\n") }
        }
        var facts: [String] = []
        if let position = plan.position(of: question.id) {
            facts.append("Question \(position.number) of \(position.total)")
        }
        if question.required { facts.append("required") }
        if question.codedWithThemes { facts.append("tag themes with #name") }
        say("\n" + style.apply(.cyan, to: facts.joined(separator: " · ")) + "\n")
        say(style.apply(.bold, to: clean(question.prompt)) + "\n")
        if let guidance = question.guidance { say(indented("Guidance: " + guidance) + "\n") }
        for probe in question.probes { say("  Probe: \(clean(probe))\n") }
        say(style.apply(.dim, to: "  " + hint(for: question)) + "\n")
        if let existing = plan.answers[question.id] {
            let shown = existing.value.map { clean($0.display(for: question)) } ?? "skipped"
            say("  Current answer: \(shown) (Enter keeps it)\n")
        }
        say("> ")
    }

    private func hint(for question: Question) -> String {
        switch question.kind {
        case .shortText: return "One line."
        case .longText: return "As many lines as needed; an empty line ends the answer."
        case .number(_, _, let unit): return "A number" + (unit.map { " of \($0)" } ?? "") + "."
        case .money(let period, _):
            return "An amount, such as EUR 40,000, 250k or $1.2M"
                + (period.map { $0 == .oneTime ? "" : " (per \($0.rawValue) unless you say otherwise)" } ?? "") + "."
        case .percent: return "A percentage, such as 35%."
        case .scale(let minimum, let maximum, let labels):
            let named = labels.sorted { $0.key < $1.key }.map { "\($0.key) \(TerminalText.sanitized($0.value))" }
            return "A number from \(minimum) to \(maximum)"
                + (named.isEmpty ? "." : ": " + named.joined(separator: " · "))
        case .singleChoice(let choices):
            return "One of: "
                + choices.enumerated().map { "\($0.offset + 1)) \(TerminalText.sanitized($0.element.label))" }.joined(
                    separator: "  ")
        case .multipleChoice(let choices, let maximum):
            return "Any of (numbers or names, separated by commas" + (maximum.map { ", at most \($0)" } ?? "") + "): "
                + choices.enumerated().map { "\($0.offset + 1)) \(TerminalText.sanitized($0.element.label))" }.joined(
                    separator: "  ")
        case .yesNo: return "yes or no."
        case .date: return "A date, such as 2027-04-01."
        case .months: return "A number of months, such as 6 or 2 years."
        }
    }

    /// Parses, tags and saves an answer; the error when it is not valid.
    private func accept(_ text: String, for question: Question) throws -> Result<Void, AnswerError> {
        let (words, tags) = InlineTags.extract(from: text)
        switch parser.parse(words, for: question) {
        case .failure(let error):
            return .failure(error)
        case .success(let value):
            try store.saveAnswer(
                id, questionID: question.id, value: value, raw: words, tags: tags, changedBy: interviewer)
            plan.record(
                RecordedAnswer(
                    questionID: question.id, value: value, raw: words, tags: tags, answeredAt: store.clock.now()))
            let tagged = tags.isEmpty ? "" : " Tagged " + tags.map { "#\($0)" }.joined(separator: " ") + "."
            say(style.apply(.green, to: "✓ Saved.") + tagged + "\n")
            for unknown in try store.unknownTags(tags) {
                say(
                    style.apply(.yellow, to: "Note:")
                        + " \(TerminalText.sanitized(unknown.description)); /back changes it.\n")
            }
            return .success(())
        }
    }

    /// At the end: offers to complete, or to go back to required questions without an answer. Returns the question
    /// to ask next, or nil when the session ends (completed, or left in progress).
    private func finish() throws -> Question? {
        let missing = plan.missingRequired
        if !missing.isEmpty {
            say(
                "\nRequired questions without an answer: "
                    + missing.map { TerminalText.sanitized($0.id) }.joined(separator: ", ") + ".\n")
            say("Go back and answer them now? (yes or no)\n> ")
            guard let line = prompter.readLine(),
                case .success(.yesNo(true)) = parser.parse(line, for: InterviewSession.yesNoQuestion)
            else {
                _ = pause()
                return nil
            }
            fillingRequired = true
            return missing.first
        }
        say("\nEvery question that applies has an answer. Complete the interview now? (yes or no)\n> ")
        guard let line = prompter.readLine() else {
            _ = pause()
            return nil
        }
        if line.trimmed == "/back" { return plan.applicableQuestions.last }
        guard case .success(.yesNo(true)) = parser.parse(line, for: InterviewSession.yesNoQuestion) else {
            say("Interview #\(id) stays in progress; complete it with `winloss interview complete \(id)`.\n")
            return nil
        }
        try store.completeInterview(id)
        say(style.apply(.green, to: "Interview #\(id) completed.") + " See it with `winloss interview show \(id)`.\n")
        return nil
    }

    /// The question to ask after `question` was answered or skipped: the first unanswered one, or, while going
    /// through required questions left without an answer, the next of those.
    private func next(after question: Question) -> Question? {
        guard fillingRequired else { return plan.nextUnanswered }
        let missing = plan.missingRequired
        let order = plan.applicableQuestions.map(\.id)
        let position = order.firstIndex(of: question.id) ?? -1
        if let later = missing.first(where: { (order.firstIndex(of: $0.id) ?? 0) > position }) { return later }
        return plan.nextUnanswered
    }

    private func pause() -> Ending {
        say("\nPaused. Everything entered is saved; continue with `winloss interview resume \(id)`.\n")
        return .paused
    }

    // MARK: - Input

    private enum Command: Equatable {
        case skip, back, pause, help
        case note(String)
        case unknown(String)
    }

    private enum Input {
        /// An answer, and whether /pause ended it.
        case answer(String, thenPause: Bool)
        case command(Command)
        /// The input ended, after some lines of an unfinished answer, maybe.
        case end(String?)
    }

    private func read(for question: Question) -> Input {
        guard let first = prompter.readLine() else { return .end(nil) }
        let trimmed = first.trimmed
        if trimmed.hasPrefix("/"), !trimmed.hasPrefix("//") {
            return .command(InterviewSession.command(trimmed))
        }
        let line = trimmed.hasPrefix("//") ? String(trimmed.dropFirst()) : first
        guard case .longText = question.kind, !line.trimmed.isEmpty else { return .answer(line, thenPause: false) }
        var lines = [line]
        while true {
            say("  ")
            guard let next = prompter.readLine() else { return .end(lines.joined(separator: "\n")) }
            if next.trimmed.isEmpty { break }
            // /pause on a line of its own ends the answer first; any other line is part of the answer.
            if InterviewSession.command(next.trimmed) == .pause {
                return .answer(lines.joined(separator: "\n"), thenPause: true)
            }
            lines.append(next.hasPrefix("//") ? String(next.dropFirst()) : next)
        }
        return .answer(lines.joined(separator: "\n"), thenPause: false)
    }

    private static func command(_ text: String) -> Command {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let name = parts.first.map { $0.lowercased() } ?? ""
        switch name {
        case "/skip": return .skip
        case "/back": return .back
        case "/pause", "/quit", "/stop": return .pause
        case "/help", "/?": return .help
        case "/note": return .note(parts.count > 1 ? String(parts[1]) : "")
        default: return .unknown(name)
        }
    }

    static func quotePermission(_ text: String) -> QuotePermission? {
        switch TextKey.squashed(text) {
        case "1", "named", "name", "byname": .named
        case "2", "anonymous", "anonymously", "anon": .anonymous
        case "3", "none", "no", "notatall", "notquoted", "not": QuotePermission.none
        default: nil
        }
    }

    static let yesNoQuestion = Question(
        id: "consent", prompt: "", kind: .yesNo, required: true, guidance: nil, probes: [], condition: nil, metric: nil,
        codedWithThemes: false)

    static func help(_ id: Int64) -> String {
        """
        Commands, typed at the answer prompt:
          /skip        skip this question
          /back        go back to the previous question and change its answer
          /note TEXT   add a private note to this question (never shown to reps)
          /pause       stop here; everything is saved. Continue with `winloss interview resume \(id)`
          /help        this list
        In an answer, #name tags a theme (#price_level); the tag is not part of the answer's words.
        To start an answer with /, type //.

        """
    }

    // MARK: - Output

    private func say(_ text: String) {
        prompter.show(text)
    }

    private func indented(_ text: String) -> String {
        TerminalText.sanitized(text.trimmed).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            .joined(separator: "\n")
    }
}

/// Inline theme tags typed in an answer: `#price_level`, `#missing_capability`.
package enum InlineTags {
    /// The answer's words without the tags, and the tags (lower case, without `#`, each once).
    package static func extract(from text: String) -> (words: String, tags: [String]) {
        var tags: [String] = []
        var kept: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var words: [Substring] = []
            for token in line.split(separator: " ", omittingEmptySubsequences: false) {
                let core = token.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?)"))
                if core.hasPrefix("#"), core.count > 1, let first = core.dropFirst().first, first.isLetter,
                    core.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                {
                    let tag = core.dropFirst().lowercased()
                    if !tags.contains(tag) { tags.append(tag) }
                    continue
                }
                words.append(token)
            }
            kept.append(Substring(words.joined(separator: " ").trimmed))
        }
        return (kept.joined(separator: "\n").trimmed, tags)
    }
}
