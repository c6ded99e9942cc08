import Foundation
import Yams

/// A whole interview written down in advance (YAML or JSON), for `winloss interview record`:
///
/// ```yaml
/// consent: {quote: anonymous, recording: false}
/// answers:
///   current_state: {answer: We lose two days a week to manual reconciliation., tags: [status_quo]}
///   gap_reason: "The ERP upgrade slipped. #integration"
///   gap_value: EUR 200k per year
///   decision_participants: [executive, finance]
/// skip: [measurement]
/// notes:
///   - {question: gap_value, text: Unsure of the figure.}
/// complete: true
/// ```
///
/// An answer is its text (or list of choices), or `{answer: …, tags: […]}` to tag it. An inline `#tag` is part of
/// the text only where YAML keeps it: in a quoted value; in a plain value, ` #` starts a comment, which YAML
/// drops, so such comments are reported as warnings. Every answer is checked as the session would check it,
/// conditions included; problems are reported with their line and column, and nothing is written unless the
/// whole file is good.
public struct AnswersFile: Sendable {
    package var consent: Consent?
    /// In the template's order.
    package var answers: [(questionID: String, value: AnswerValue, raw: String, tags: [String])]
    public var skipped: [String]
    public var notes: [(questionID: String?, text: String)]
    /// Complete the interview after recording (the default).
    package var complete: Bool
    /// The day the interview took place (`interviewedOn:`), when the file says.
    package var interviewedOn: CalendarDate?
    /// What was read but deserves a look: comments that look like tags YAML dropped, tags that name no theme.
    public var warnings: [Diagnostic] = []

    public enum Failure: WinLossError, Equatable {
        case invalid([Diagnostic])

        package var diagnostics: [Diagnostic] {
            switch self {
            case .invalid(let diagnostics): diagnostics
            }
        }

        public var kind: ErrorKind { .badInput }
        public var message: String { "the answers file has errors; nothing was recorded" }
        public var problems: [Problem] { diagnostics.map(\.problem) }
    }

    /// Reads and checks a file (or standard input for `-`) against the interview's template and deal outcome.
    ///
    /// - Parameter knownTags: the theme ids and aliases tags may name (``WinLossStore/tagNames()``); others are
    ///   warned about. nil leaves tags unchecked.
    public static func read(
        path: String, template: Template, outcome: Outcome, defaultCurrency: Currency = .usd,
        knownTags: Set<String>? = nil
    ) -> Result<AnswersFile, Failure> {
        let document =
            path == "-"
            ? YAMLDocument.readStandardInput(as: "<stdin>", kind: .answers)
            : YAMLDocument.read(path: path, kind: .answers)
        switch document {
        case .failure(let diagnostic): return .failure(.invalid([diagnostic]))
        case .success(let document):
            return check(
                document, template: template, outcome: outcome, defaultCurrency: defaultCurrency,
                knownTags: knownTags)
        }
    }

    package static func parse(
        _ text: String, file: String, template: Template, outcome: Outcome, defaultCurrency: Currency = .usd,
        knownTags: Set<String>? = nil
    ) -> Result<AnswersFile, Failure> {
        switch YAMLDocument.parse(text, file: file, kind: .answers) {
        case .failure(let diagnostic): .failure(.invalid([diagnostic]))
        case .success(let document):
            check(
                document, template: template, outcome: outcome, defaultCurrency: defaultCurrency, knownTags: knownTags)
        }
    }

    static func check(
        _ document: YAMLDocument, template: Template, outcome: Outcome, defaultCurrency: Currency,
        knownTags: Set<String>?
    ) -> Result<AnswersFile, Failure> {
        let reader = NodeReader(file: document.file)
        let parser = AnswerParser(defaultCurrency: defaultCurrency)
        guard
            let fields = reader.fields(
                document.root, "an answers file", required: ["answers"],
                optional: ["consent", "skip", "notes", "complete", "interviewedOn"])
        else {
            return .failure(.invalid(reader.diagnostics))
        }
        var file = AnswersFile(consent: nil, answers: [], skipped: [], notes: [], complete: true, interviewedOn: nil)
        if let node = fields["consent"], let consent = reader.fields(node, "consent", required: ["quote", "recording"])
        {
            let quote = reader.text(consent["quote"], "quote").flatMap { text -> QuotePermission? in
                let value = QuotePermission(rawValue: text)
                if value == nil { reader.error(consent["quote"], "quote is named, anonymous or none, not \"\(text)\"") }
                return value
            }
            let recording = reader.flag(consent["recording"], "recording")
            if let quote, let recording { file.consent = Consent(quote: quote, recordingAllowed: recording) }
        }
        if let node = fields["complete"] { file.complete = reader.flag(node, "complete") ?? true }
        if let node = fields["interviewedOn"], let text = reader.text(node, "interviewedOn") {
            file.interviewedOn = CalendarDate(iso: text.trimmed)
            if file.interviewedOn == nil {
                reader.error(
                    node, "interviewedOn is the day the interview took place, YYYY-MM-DD, not \(text.debugDescription)")
            }
        }

        var nodes: [String: Node] = [:]
        var values: [String: (AnswerValue, String, [String])] = [:]
        if let node = fields["answers"] {
            if case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    guard let id = reader.text(key, "a question id") else { continue }
                    guard let question = template.question(id) else {
                        let hint =
                            NodeReader.closest(to: id, in: template.questions.map(\.id)).map {
                                "; did you mean \"\($0)\"?"
                            } ?? ""
                        reader.error(
                            key, "template \(template.id) version \(template.version) has no question \"\(id)\"\(hint)")
                        continue
                    }
                    // `{answer: …, tags: […]}`, or the answer alone.
                    var answerNode = value
                    var listedTags: [String] = []
                    if case .mapping = value {
                        guard
                            let parts = reader.fields(
                                value, "the answer to \(id)", required: ["answer"], optional: ["tags"]),
                            let answer = parts["answer"]
                        else { continue }
                        answerNode = answer
                        listedTags = tagList(parts["tags"], reader: reader)
                    }
                    let text: String?
                    if case .sequence = answerNode {
                        text = reader.texts(answerNode, "the answer to \(id)")?.joined(separator: ", ")
                    } else {
                        text = reader.text(answerNode, "the answer to \(id)")
                    }
                    guard let text else { continue }
                    let (words, inline) = InlineTags.extract(from: text)
                    let tags = inline + listedTags.filter { !inline.contains($0) }
                    if let knownTags {
                        for unknown in UnknownTag.find(tags, known: knownTags) {
                            reader.warning(value, unknown.description)
                        }
                    }
                    switch parser.parse(words, for: question) {
                    case .success(let answer):
                        values[id] = (answer, words, tags)
                        nodes[id] = key
                    case .failure(let error):
                        reader.error(answerNode, "\(id): \(error)")
                    }
                }
            } else {
                reader.error(node, "answers must map question ids to answers")
            }
        }
        for node in fields["skip"].flatMap({ reader.list($0, "skip") }) ?? (fields["skip"].map { [$0] } ?? []) {
            guard let id = reader.text(node, "a skipped question id") else { continue }
            if template.question(id) == nil {
                reader.error(node, "template \(template.id) version \(template.version) has no question \"\(id)\"")
            } else if values[id] != nil {
                reader.error(node, "\"\(id)\" is both answered and skipped")
            } else {
                file.skipped.append(id)
                nodes[id] = node
            }
        }
        for node in fields["notes"].flatMap({ reader.list($0, "notes") }) ?? [] {
            guard let note = reader.fields(node, "a note", required: ["text"], optional: ["question"]) else { continue }
            let question = note["question"].flatMap { reader.text($0, "the note's question") }
            if let question, template.question(question) == nil {
                reader.error(
                    note["question"],
                    "template \(template.id) version \(template.version) has no question \"\(question)\"")
            }
            if let text = reader.nonEmptyText(note["text"], "the note") { file.notes.append((question, text)) }
        }

        // Conditions, as the session would evaluate them.
        var plan = InterviewPlan(template: template, outcome: outcome)
        for question in template.questions {
            if let (value, raw, tags) = values[question.id] {
                plan.record(
                    RecordedAnswer(questionID: question.id, value: value, raw: raw, tags: tags, answeredAt: Date()))
            } else if file.skipped.contains(question.id) {
                plan.record(RecordedAnswer(questionID: question.id, value: nil, raw: "", tags: [], answeredAt: Date()))
            }
        }
        for question in template.questions where plan.answers[question.id] != nil && !plan.applies(question.id) {
            let condition = question.condition.map { "the condition \"\($0.summary)\"" } ?? "its condition"
            reader.error(
                nodes[question.id],
                "\"\(question.id)\" is not asked in this interview: \(condition) does not hold"
            )
        }
        if file.complete {
            if fields["consent"] == nil {
                reader.error(
                    document.root,
                    "a completed interview needs the buyer's consent: add consent: {quote: …, recording: …}")
            }
            let missing = plan.missingRequired.map(\.id)
            if !missing.isEmpty {
                reader.error(
                    fields["answers"],
                    "required questions have no answer: \(missing.joined(separator: ", ")); answer them, or record with complete: false"
                )
            }
        }
        for comment in document.tagLikeComments() {
            reader.warning(
                at: comment.line, comment.column,
                "\"#\(comment.tag)\" starts a YAML comment here, so it is dropped, not kept as a tag; quote the "
                    + "answer (\"… #\(comment.tag)\") or write it as {answer: …, tags: [\(comment.tag)]}")
        }
        let diagnostics = reader.diagnostics.sorted {
            ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0)
        }
        guard !reader.hasErrors else { return .failure(.invalid(diagnostics)) }
        file.answers = template.questions.compactMap { question in
            values[question.id].map { (question.id, $0.0, $0.1, $0.2) }
        }
        file.warnings = diagnostics.warnings
        return .success(file)
    }

    /// `tags: [process, "#integration"]`: theme ids, with or without `#`, in lower case, each once.
    private static func tagList(_ node: Node?, reader: NodeReader) -> [String] {
        guard let node else { return [] }
        let items = reader.list(node, "tags") ?? []
        var tags: [String] = []
        for item in items {
            guard let text = reader.nonEmptyText(item, "a tag") else { continue }
            let name = (text.hasPrefix("#") ? String(text.dropFirst()) : text).lowercased()
            guard TemplateLinter.isIdentifier(name) else {
                reader.error(
                    item, "\(text.debugDescription) is not a theme id (lower-case letters and digits, joined by - or _)"
                )
                continue
            }
            if !tags.contains(name) { tags.append(name) }
        }
        return tags
    }
}
