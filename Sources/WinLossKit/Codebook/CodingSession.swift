import Foundation

/// `winloss code`: walks an interview's theme-coded answers that have no theme yet, suggests themes from the
/// codebook's keywords, and saves the coder's choice for each answer in its own transaction.
public final class CodingSession {
    public enum Ending: Equatable, Sendable {
        case done
        case paused
    }

    private let store: WinLossStore
    private let id: Int64
    private let prompter: Prompter
    private let style: TextStyle
    private let coder: String?
    private let revisit: Bool

    /// - Parameter revisit: also walk answers already coded (their codes are shown and can be replaced).
    public init(
        store: WinLossStore, interviewID: Int64, prompter: Prompter, style: TextStyle = .plain, coder: String? = nil,
        revisit: Bool = false
    ) {
        self.store = store
        self.id = interviewID
        self.prompter = prompter
        self.style = style
        self.coder = coder
        self.revisit = revisit
    }

    public func run() throws -> Ending {
        let detail = try store.interview(id)
        let codes = try store.codes(ofInterview: id)
        let plan = detail.plan
        let items = plan.applicableQuestions.filter { question in
            question.codedWithThemes && plan.answers[question.id]?.value != nil
                && (revisit || codes[question.id] == nil)
        }
        let clean = TerminalText.sanitized
        say(
            style.apply(.bold, to: "Coding interview #\(id)")
                + " — \(clean(detail.deal.name)) (\(detail.deal.outcome.label)): ")
        guard !items.isEmpty else {
            say("no answer is waiting for a theme.\n")
            return .done
        }
        say("\(items.count) \(items.count == 1 ? "answer" : "answers") to code.\n")
        let defaultSentiment: Sentiment = detail.deal.outcome == .win ? .positive : .negative
        say(
            style.apply(
                .dim,
                to:
                    "Type themes as numbers or ids, each with + (positive), - (negative) or = (neutral), and * for the primary reason, e.g. \"1-* price_level-\". Enter accepts the suggestions (\(defaultSentiment.rawValue)); /skip leaves the answer, /list shows the codebook, /pause stops."
            ) + "\n")
        for (index, question) in items.enumerated() {
            guard let answer = plan.answers[question.id], let value = answer.value else { continue }
            let suggestions = try store.suggestThemes(id, questionID: question.id)
            say("\n" + style.apply(.cyan, to: "Answer \(index + 1) of \(items.count) · \(clean(question.id))") + "\n")
            say(style.apply(.bold, to: clean(question.prompt)) + "\n")
            say(
                clean(value.display(for: question)).split(separator: "\n", omittingEmptySubsequences: false).map {
                    "  │ " + $0
                }.joined(separator: "\n") + "\n")
            if let existing = codes[question.id] {
                say("  Coded: " + existing.map { describe($0) }.joined(separator: ", ") + "\n")
            }
            if suggestions.isEmpty {
                say("  No theme's keywords match this answer.\n")
            } else {
                for (number, suggestion) in suggestions.enumerated() {
                    say(
                        "  \(number + 1)) \(clean(suggestion.themeID))  \(clean(suggestion.label))  "
                            + style.apply(
                                .dim, to: "(matched: \(suggestion.matched.map(clean).joined(separator: ", ")))") + "\n")
                }
            }
            while true {
                say("> ")
                guard let line = prompter.readLine() else { return paused() }
                let input = line.trimmed
                if input == "/pause" { return paused() }
                if input == "/skip" { break }
                if input == "/list" {
                    say(
                        try store.themes().filter { $0.mergedInto == nil }.map {
                            "  \(clean($0.id))  \(clean($0.label))"
                        }.joined(separator: "\n") + "\n")
                    continue
                }
                if input.hasPrefix("/") {
                    say("\(clean(input)) is not a command here: /skip, /list or /pause.\n")
                    continue
                }
                switch parse(input, suggestions: suggestions, defaultSentiment: defaultSentiment) {
                case .failure(let problem):
                    say(style.apply(.red, to: "Not saved:") + " \(problem.message)\n")
                    continue
                case .success(let chosen):
                    do {
                        try store.codeAnswer(id, questionID: question.id, codes: chosen, coder: coder)
                    } catch let error as RequestError {
                        say(style.apply(.red, to: "Not saved:") + " \(error)\n")
                        continue
                    }
                    say(
                        style.apply(.green, to: "✓ Coded:") + " " + chosen.map { describe($0) }.joined(separator: ", ")
                            + "\n")
                }
                break
            }
        }
        say("\nEvery answer of interview #\(id) that waited for a theme has been seen.\n")
        return .done
    }

    /// `1-* price_level- integration=`: themes by suggestion number or id, with sentiment and primary marks.
    private func parse(_ input: String, suggestions: [ThemeSuggestion], defaultSentiment: Sentiment) -> Result<
        [ThemeCode], InputProblem
    > {
        if input.isEmpty {
            guard !suggestions.isEmpty else {
                return .failure(InputProblem("there is no suggestion to accept; type themes, or /skip"))
            }
            return .success(
                suggestions.map { ThemeCode(themeID: $0.themeID, sentiment: defaultSentiment, isPrimary: false) })
        }
        var codes: [ThemeCode] = []
        for token in input.split(whereSeparator: { $0 == " " || $0 == "," }) {
            var name = Substring(token)
            var sentiment = defaultSentiment
            var primary = false
            while let last = name.last, "+-=*".contains(last) {
                switch last {
                case "+": sentiment = .positive
                case "-": sentiment = .negative
                case "=": sentiment = .neutral
                default: primary = true
                }
                name.removeLast()
            }
            guard !name.isEmpty else { return .failure(InputProblem("\"\(token)\" names no theme")) }
            var themeID = String(name)
            if let number = Int(name) {
                guard (1...max(suggestions.count, 1)).contains(number), number <= suggestions.count else {
                    return .failure(InputProblem("\(number) is not one of the suggestions"))
                }
                themeID = suggestions[number - 1].themeID
            }
            codes.append(ThemeCode(themeID: themeID, sentiment: sentiment, isPrimary: primary))
        }
        guard codes.filter(\.isPrimary).count <= 1 else {
            return .failure(InputProblem("mark one theme at most as the primary reason (*)"))
        }
        return .success(codes)
    }

    private struct InputProblem: Error {
        let message: String

        init(_ message: String) {
            self.message = message
        }
    }

    private func describe(_ code: ThemeCode) -> String {
        TerminalText.sanitized(code.themeID)
            + " (\(code.sentiment.rawValue)\(code.isPrimary ? ", primary" : "")\(code.source == "tag" ? ", tagged" : ""))"
    }

    private func paused() -> Ending {
        say("\nPaused; every answer coded so far is saved. Continue with `winloss code \(id)`.\n")
        return .paused
    }

    private func say(_ text: String) {
        prompter.show(text)
    }
}
