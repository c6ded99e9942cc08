import Foundation
import Yams

/// Reads a template file and checks it, reporting every problem with its line and column.
///
/// Errors make a template unusable: YAML syntax, wrong types, missing fields, unknown fields, duplicate ids,
/// conditions on unknown or later questions, values outside a question's choices or range, unknown metric roles
/// or ones on the wrong kind of question. Warnings point at weaker interviewing: a closed question ("Did you…?")
/// put to the buyer, a question without guidance.
package enum TemplateLinter {
    /// The result of reading one template: the template when it has no errors, and every diagnostic.
    package struct Report: Sendable {
        /// The template, when the file has no errors at all.
        package var template: Template?
        /// The template as read, when its structure has no errors, even if later checks found some. A version
        /// stored in the database was valid when it was stored; it must stay readable if later versions of
        /// `winloss` check more.
        package var parsed: Template?
        package var diagnostics: [Diagnostic]
    }

    package static func lint(path: String, as name: String? = nil) -> Report {
        switch YAMLDocument.read(path: path, as: name) {
        case .success(let document): lint(document)
        case .failure(let diagnostic): Report(template: nil, parsed: nil, diagnostics: [diagnostic])
        }
    }

    package static func lint(text: String, file: String) -> Report {
        switch YAMLDocument.parse(text, file: file) {
        case .success(let document): lint(document)
        case .failure(let diagnostic): Report(template: nil, parsed: nil, diagnostics: [diagnostic])
        }
    }

    static func lint(_ document: YAMLDocument) -> Report {
        var reading = Reading(reader: NodeReader(file: document.file))
        let template = reading.template(document.root)
        let parsed = reading.reader.hasErrors ? nil : template
        // Check what could be read even when the top level has errors, so that one run reports everything.
        reading.check(sections: reading.sections, outcomes: reading.outcomes ?? Outcome.allCases)
        let diagnostics = reading.reader.diagnostics.sorted {
            ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0)
        }
        let usable = diagnostics.contains { $0.severity == .error } ? nil : template
        return Report(template: usable, parsed: parsed, diagnostics: diagnostics)
    }

    /// Words that open a question inviting a yes or a no.
    static let closedOpenings: Set<String> = [
        "am", "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "would", "could", "can", "will",
        "should", "shall", "may", "might", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "don't",
        "doesn't", "didn't", "wouldn't", "couldn't", "can't", "won't", "shouldn't",
    ]

    /// Lower-case letters and digits, starting with a letter, joined by single `-` or `_`.
    static func isIdentifier(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, ("a"..."z").contains(first), let last = scalars.last, last != "-", last != "_"
        else { return false }
        var previousWasSeparator = false
        for scalar in scalars {
            if scalar == "-" || scalar == "_" {
                if previousWasSeparator { return false }
                previousWasSeparator = true
            } else if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                previousWasSeparator = false
            } else {
                return false
            }
        }
        return true
    }
}

extension TemplateLinter {
    /// The two passes over one file, with the node of each question kept for the second.
    fileprivate struct Reading {
        let reader: NodeReader
        /// Where each question read (in order) and its condition stand in the file, for the second pass.
        var positions: [(question: Node, condition: Node?)] = []
        /// What could be read, whatever else was wrong.
        var sections: [TemplateSection] = []
        var outcomes: [Outcome]?
        /// Questions kept for the checks of the second pass (duplicate ids, conditions) although their type or
        /// prompt could not be read: what depends on their type is not checked.
        var unreadableKinds: Set<String> = []

        init(reader: NodeReader) {
            self.reader = reader
        }

        // MARK: Structure

        mutating func template(_ root: Node) -> Template? {
            guard
                let fields = reader.fields(
                    root, "a template", required: ["id", "version", "title", "outcomes", "introduction", "sections"],
                    optional: ["guidance"])
            else { return nil }
            let id = identifier(fields["id"], "the template id")
            let version = reader.nonEmptyText(fields["version"], "the version")
            if let version, version.contains(where: \.isWhitespace) {
                reader.error(fields["version"], "the version must not contain spaces, like 1 or 2026.2")
            }
            let title = reader.nonEmptyText(fields["title"], "the title")
            let outcomes = outcomeList(fields["outcomes"], "outcomes")
            if let outcomes, outcomes.isEmpty {
                reader.error(fields["outcomes"], "outcomes must name at least one outcome")
            }
            self.outcomes = outcomes
            let introduction = reader.nonEmptyText(fields["introduction"], "the introduction")
            let guidance = fields["guidance"].flatMap { reader.nonEmptyText($0, "the guidance") }
            if fields["guidance"] == nil {
                reader.warning(root, "the template has no guidance for the interviewer")
            }
            var sections: [TemplateSection] = []
            if let items = reader.list(fields["sections"], "sections") {
                if items.isEmpty { reader.error(fields["sections"], "a template needs at least one section") }
                for item in items {
                    if let section = section(item) { sections.append(section) }
                }
            }
            self.sections = sections
            guard let id, let version, let title, let outcomes, let introduction else { return nil }
            return Template(
                id: id, version: version, title: title, outcomes: outcomes, introduction: introduction,
                guidance: guidance ?? "", sections: sections)
        }

        mutating func section(_ node: Node) -> TemplateSection? {
            guard
                let fields = reader.fields(
                    node, "a section", required: ["title", "questions"], optional: ["guidance", "audience"])
            else { return nil }
            let title = reader.nonEmptyText(fields["title"], "the section title")
            let guidance = fields["guidance"].flatMap { reader.nonEmptyText($0, "the section guidance") }
            var audience = Audience.buyer
            if let node = fields["audience"], let text = reader.text(node, "the audience") {
                if let value = Audience(rawValue: text) {
                    audience = value
                } else {
                    reader.error(node, "the audience is buyer or interviewer, not \"\(text)\"")
                }
            }
            var questions: [Question] = []
            if let items = reader.list(fields["questions"], "questions") {
                if items.isEmpty { reader.error(fields["questions"], "a section needs at least one question") }
                for item in items {
                    if let question = question(item) { questions.append(question) }
                }
            }
            // Kept even without its title (an error already), so that its questions are still checked.
            return TemplateSection(title: title ?? "", guidance: guidance, audience: audience, questions: questions)
        }

        static let kindFields: [String: [String]] = [
            "number": ["min", "max", "unit"], "money": ["period", "currency"], "scale": ["min", "max", "labels"],
            "single_choice": ["choices"], "multiple_choice": ["choices", "max_choices"],
        ]

        mutating func question(_ node: Node) -> Question? {
            let kindKeys = Set(Reading.kindFields.values.joined()).sorted()
            guard
                let fields = reader.fields(
                    node, "a question", required: ["id", "prompt", "type"],
                    optional: ["required", "guidance", "probes", "when", "metric", "themes"] + kindKeys)
            else { return nil }
            let id = identifier(fields["id"], "the question id")
            let prompt = reader.nonEmptyText(fields["prompt"], "the prompt")
            let kind = questionKind(fields)
            let required = fields["required"].flatMap { reader.flag($0, "required") } ?? false
            let guidance = fields["guidance"].flatMap { reader.nonEmptyText($0, "the guidance") }
            let probes = fields["probes"].flatMap { reader.texts($0, "probes") } ?? []
            let condition = fields["when"].flatMap { self.condition($0) }
            var metric: MetricRole?
            if let node = fields["metric"], let text = reader.text(node, "the metric") {
                metric = MetricRole(rawValue: text)
                if metric == nil {
                    let hint = NodeReader.closest(to: text, in: MetricRole.allCases.map(\.rawValue)).map {
                        "; did you mean \"\($0)\"?"
                    }
                    reader.error(
                        node,
                        "\"\(text)\" is not a metric role\(hint ?? ""); roles are \(MetricRole.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
            }
            let themes = fields["themes"].flatMap { reader.flag($0, "themes") } ?? false
            // Without its id a question cannot be named by any other check; without its type or prompt (errors
            // already) it still can, so it is kept for the second pass, every independent problem reported at once.
            guard let id else { return nil }
            if kind == nil { unreadableKinds.insert(id) }
            positions.append((node, fields["when"]))
            return Question(
                id: id, prompt: prompt ?? "", kind: kind ?? .shortText, required: required, guidance: guidance,
                probes: probes, condition: condition, metric: metric, codedWithThemes: themes)
        }

        func questionKind(_ fields: NodeReader.Fields) -> QuestionKind? {
            guard let typeNode = fields["type"], let name = reader.text(typeNode, "the type") else { return nil }
            guard QuestionKind.names.contains(name) else {
                let hint =
                    NodeReader.closest(to: name, in: QuestionKind.names).map { "; did you mean \"\($0)\"?" } ?? ""
                reader.error(
                    typeNode,
                    "\"\(name)\" is not a question type\(hint); types are \(QuestionKind.names.joined(separator: ", "))"
                )
                return nil
            }
            let allowed = Set(Reading.kindFields[name] ?? [])
            for key in Set(Reading.kindFields.values.joined()).sorted()
            where fields[key] != nil && !allowed.contains(key) {
                let owners = Reading.kindFields.filter { $0.value.contains(key) }.keys.sorted().joined(
                    separator: " and ")
                reader.error(fields.keys[key], "\"\(key)\" applies to \(owners) questions, not to \(name)")
            }
            switch name {
            case "short_text": return .shortText
            case "long_text": return .longText
            case "percent": return .percent
            case "yes_no": return .yesNo
            case "date": return .date
            case "months": return .months
            case "number":
                let minimum = fields["min"].flatMap { reader.decimal($0, "min") }
                let maximum = fields["max"].flatMap { reader.decimal($0, "max") }
                if let minimum, let maximum, minimum > maximum {
                    reader.error(fields["max"], "max (\(maximum)) is below min (\(minimum))")
                }
                return .number(
                    minimum: minimum, maximum: maximum,
                    unit: fields["unit"].flatMap { reader.nonEmptyText($0, "the unit") })
            case "money":
                var period: MoneyPeriod?
                if let node = fields["period"], let text = reader.text(node, "the period") {
                    period = MoneyPeriod(rawValue: text)
                    if period == nil {
                        reader.error(
                            node,
                            "the period is one of \(MoneyPeriod.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\""
                        )
                    }
                }
                var currency: Currency?
                if let node = fields["currency"], let text = reader.text(node, "the currency") {
                    currency = Currency(code: text)
                    if currency == nil { reader.error(node, "\"\(text)\" is not an ISO 4217 currency code") }
                }
                return .money(period: period, currency: currency)
            case "scale":
                return scale(fields)
            default:
                return choices(fields, multiple: name == "multiple_choice")
            }
        }

        func scale(_ fields: NodeReader.Fields) -> QuestionKind? {
            guard fields["min"] != nil, fields["max"] != nil else {
                reader.error(fields.node, "a scale needs \"min\" and \"max\", such as min: 1 and max: 5")
                return nil
            }
            guard let minimum = reader.integer(fields["min"], "min"), let maximum = reader.integer(fields["max"], "max")
            else { return nil }
            guard minimum < maximum, maximum - minimum <= 100 else {
                reader.error(
                    fields["max"],
                    "a scale runs from min to a larger max, with at most 100 steps (here \(minimum) to \(maximum))")
                return nil
            }
            var labels: [Int: String] = [:]
            if let node = fields["labels"] {
                if case .mapping(let mapping) = node {
                    for (key, value) in mapping {
                        guard let point = reader.integer(key, "a scale label's point") else { continue }
                        guard (minimum...maximum).contains(point) else {
                            reader.error(
                                key, "the label for \(point) is out of the scale's range \(minimum) to \(maximum)")
                            continue
                        }
                        if let label = reader.nonEmptyText(value, "the label for \(point)") { labels[point] = label }
                    }
                } else {
                    reader.error(node, "labels must map scale points to words, such as 1: Not at all")
                }
            }
            return .scale(minimum: minimum, maximum: maximum, labels: labels)
        }

        func choices(_ fields: NodeReader.Fields, multiple: Bool) -> QuestionKind? {
            guard let items = reader.list(fields["choices"], "choices") else {
                if fields["choices"] == nil { reader.error(fields.node, "a choice question needs \"choices\"") }
                return nil
            }
            var choices: [Choice] = []
            var seen: [String: Int] = [:]
            for item in items {
                guard let choiceFields = reader.fields(item, "a choice", required: ["id", "label"]) else { continue }
                guard let id = identifier(choiceFields["id"], "the choice id"),
                    let label = reader.nonEmptyText(choiceFields["label"], "the choice label")
                else { continue }
                if let line = seen[id] {
                    reader.error(choiceFields["id"], "the choice id \"\(id)\" is used twice (first on line \(line))")
                    continue
                }
                seen[id] = item.mark?.line ?? 0
                choices.append(Choice(id: id, label: label))
            }
            if items.count < 2 { reader.error(fields["choices"], "a choice question needs at least two choices") }
            var maximumSelections: Int?
            if multiple, let node = fields["max_choices"], let value = reader.integer(node, "max_choices") {
                if (1...max(1, choices.count)).contains(value) {
                    maximumSelections = value
                } else {
                    reader.error(node, "max_choices is \(value), out of range: there are \(choices.count) choices")
                }
            }
            return multiple ? .multipleChoice(choices, maximumSelections: maximumSelections) : .singleChoice(choices)
        }

        func condition(_ node: Node) -> Condition? {
            guard
                let fields = reader.fields(
                    node, "a condition (when)", required: [],
                    optional: ["outcome", "question", "equals", "one_of", "contains", "answered"])
            else { return nil }
            let tests = ["equals", "one_of", "contains", "answered"].filter { fields[$0] != nil }
            if let outcomeNode = fields["outcome"] {
                if fields["question"] != nil || !tests.isEmpty {
                    reader.error(node, "a condition is either on the outcome or on an earlier answer, not both")
                    return nil
                }
                return outcomeList(outcomeNode, "the outcome").map(Condition.outcome)
            }
            guard let questionNode = fields["question"] else {
                reader.error(
                    node,
                    "a condition names \"outcome\", or a \"question\" and a test (equals, one_of, contains or answered)"
                )
                return nil
            }
            guard tests.count == 1 else {
                reader.error(
                    node, "a condition on an answer needs exactly one test: equals, one_of, contains or answered")
                return nil
            }
            guard let question = identifier(questionNode, "the question a condition names") else { return nil }
            let test: AnswerTest?
            switch tests[0] {
            case "equals": test = reader.text(fields["equals"], "equals").map(AnswerTest.equals)
            case "one_of": test = reader.texts(fields["one_of"], "one_of").map(AnswerTest.oneOf)
            case "contains": test = reader.nonEmptyText(fields["contains"], "contains").map(AnswerTest.contains)
            default: test = reader.flag(fields["answered"], "answered").map(AnswerTest.answered)
            }
            return test.map { .answer(question: question, test: $0) }
        }

        func identifier(_ node: Node?, _ what: String) -> String? {
            guard let text = reader.nonEmptyText(node, what) else { return nil }
            guard TemplateLinter.isIdentifier(text) else {
                reader.error(node, "\(what) \"\(text)\" must be lower-case letters and digits, joined by - or _")
                return nil
            }
            return text
        }

        func outcomeList(_ node: Node?, _ what: String) -> [Outcome]? {
            guard let node else { return nil }
            var items = [node]
            if case .sequence = node { items = reader.list(node, what) ?? [] }
            var outcomes: [Outcome] = []
            var valid = true
            for item in items {
                guard let name = reader.text(item, "each of \(what)") else {
                    valid = false
                    continue
                }
                guard let outcome = Outcome(loose: name) else {
                    reader.error(item, "\"\(name)\" is not an outcome (win, loss or no_decision)")
                    valid = false
                    continue
                }
                outcomes.append(outcome)
            }
            return valid ? outcomes : nil
        }

        // MARK: Meaning

        func check(sections: [TemplateSection], outcomes: [Outcome]) {
            var seenQuestions: [String: Int] = [:]
            var order: [String: Int] = [:]
            var roles: [MetricRole: String] = [:]
            let questions = sections.flatMap(\.questions)
            var index = 0
            for section in sections {
                for question in section.questions {
                    let node: Node? = index < positions.count ? positions[index].question : nil
                    let conditionNode = index < positions.count ? positions[index].condition : nil
                    index += 1
                    if let line = seenQuestions[question.id] {
                        reader.error(node, "the question id \"\(question.id)\" is used twice (first on line \(line))")
                    } else {
                        seenQuestions[question.id] = node?.mark?.line ?? 0
                        order[question.id] = order.count
                    }
                    if let role = question.metric {
                        if let other = roles[role] {
                            reader.error(
                                node,
                                "the metric \(role.rawValue) is already measured by \"\(other)\"; each measure appears once"
                            )
                        } else {
                            roles[role] = question.id
                        }
                        if !unreadableKinds.contains(question.id), !role.allowedKinds.contains(question.kind.name) {
                            reader.error(
                                node,
                                "the metric \(role.rawValue) needs a \(role.allowedKinds.joined(separator: " or ")) question, not \(question.kind.name)"
                            )
                        }
                    }
                    if question.codedWithThemes, !unreadableKinds.contains(question.id),
                        !["short_text", "long_text"].contains(question.kind.name)
                    {
                        reader.warning(
                            node, "themes code text answers; a \(question.kind.name) answer has no words to code")
                    }
                    if section.audience == .buyer, !question.prompt.isEmpty, let first = firstWord(question.prompt),
                        TemplateLinter.closedOpenings.contains(first)
                    {
                        reader.warning(
                            node,
                            "\"\(question.id)\" is a closed question (it opens with \"\(first)\"): it invites a yes or a no; ask what, how or why instead"
                        )
                    }
                    if question.guidance == nil {
                        reader.warning(node, "\"\(question.id)\" has no guidance for the interviewer")
                    }
                    if let condition = question.condition {
                        check(
                            condition, at: conditionNode, of: question, among: questions, outcomes: outcomes,
                            order: order)
                    }
                }
            }
        }

        func check(
            _ condition: Condition, at node: Node?, of question: Question, among questions: [Question],
            outcomes templateOutcomes: [Outcome], order: [String: Int]
        ) {
            switch condition {
            case .outcome(let outcomes):
                for outcome in outcomes where !templateOutcomes.contains(outcome) {
                    reader.warning(
                        node,
                        "\"\(question.id)\" is asked only for \(outcome.rawValue), which this template is not for: it will never be asked"
                    )
                }
            case .answer(let target, let test):
                guard let earlier = questions.first(where: { $0.id == target }) else {
                    reader.error(node, "the condition names \"\(target)\", which is not a question of this template")
                    return
                }
                guard let position = order[target], let own = order[question.id], position < own else {
                    reader.error(
                        node,
                        "the condition depends on \"\(target)\", which comes after \"\(question.id)\"; a condition can only look at earlier answers"
                    )
                    return
                }
                if !unreadableKinds.contains(earlier.id) { check(test, on: earlier, node: node) }
            }
        }

        /// Whether the values a condition tests are answers the earlier question can give.
        func check(_ test: AnswerTest, on earlier: Question, node: Node?) {
            let values: [String]
            switch test {
            case .answered: return
            case .equals(let value): values = [value]
            case .oneOf(let list): values = list
            case .contains(let value):
                switch earlier.kind {
                case .shortText, .longText: return
                case .multipleChoice(let choices, _):
                    if !choices.contains(where: { $0.id == value }) {
                        reader.error(
                            node,
                            "\"\(value)\" is out of range: it is not a choice of \"\(earlier.id)\" (\(choices.map(\.id).joined(separator: ", ")))"
                        )
                    }
                    return
                default:
                    reader.error(
                        node,
                        "\"contains\" tests text or multiple-choice answers; \"\(earlier.id)\" is \(earlier.kind.name)")
                    return
                }
            }
            for value in values {
                switch earlier.kind {
                case .singleChoice(let choices):
                    if !choices.contains(where: { $0.id == value }) {
                        reader.error(
                            node,
                            "\"\(value)\" is out of range: it is not a choice of \"\(earlier.id)\" (\(choices.map(\.id).joined(separator: ", ")))"
                        )
                    }
                case .multipleChoice:
                    reader.error(node, "test a multiple-choice answer with \"contains\", not equals or one_of")
                case .yesNo:
                    if !["yes", "no", "true", "false"].contains(value.lowercased()) {
                        reader.error(node, "\"\(value)\" is out of range: \"\(earlier.id)\" is answered yes or no")
                    }
                case .scale(let minimum, let maximum, _):
                    if Int(value).map({ !(minimum...maximum).contains($0) }) ?? true {
                        reader.error(
                            node,
                            "\"\(value)\" is out of range: \"\(earlier.id)\" is a scale from \(minimum) to \(maximum)")
                    }
                case .number, .percent, .months:
                    if Decimal(string: value) == nil {
                        reader.error(node, "\"\(value)\" is not a number, and \"\(earlier.id)\" is answered with one")
                    }
                case .date:
                    if CalendarDate(iso: value) == nil {
                        reader.error(
                            node, "\"\(value)\" is not a date (YYYY-MM-DD), and \"\(earlier.id)\" is answered with one")
                    }
                case .money:
                    reader.error(
                        node,
                        "test a money answer with \"answered\"; amounts in different currencies cannot be compared here"
                    )
                case .shortText, .longText:
                    break
                }
            }
        }

        func firstWord(_ prompt: String) -> String? {
            prompt.trimmed.split(whereSeparator: { $0.isWhitespace }).first.map {
                $0.lowercased().trimmingCharacters(
                    in: CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "'")))
            }
        }
    }
}
