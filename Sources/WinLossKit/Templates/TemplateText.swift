/// One line of `winloss template list`.
public struct TemplateSummary: Sendable, Equatable, Codable, Listable {
    package var id: String
    package var version: String
    package var title: String
    package var outcomes: [Outcome]
    package var questions: Int
    package var source: String
    package var sha256: String

    public init(_ loaded: LoadedTemplate) {
        id = loaded.template.id
        version = loaded.template.version
        title = loaded.template.title
        outcomes = loaded.template.outcomes
        questions = loaded.template.questions.count
        source = loaded.origin.description
        sha256 = loaded.sha256
    }

    public static let tableColumns = [
        TableColumn("ID"), TableColumn("Version"), TableColumn("Title", maximumWidth: 30), TableColumn("For"),
        TableColumn("Questions", alignment: .right), TableColumn("Source", maximumWidth: 50),
    ]
    public var tableRow: [TableCell] {
        [
            TableCell(id), TableCell(version), TableCell(title),
            TableCell(outcomes.map(\.label).joined(separator: ", ")),
            TableCell(String(questions)), TableCell(source),
        ]
    }
    public static let csvHeader = ["id", "version", "title", "outcomes", "questions", "source", "sha256"]
    public var csvRow: [String] {
        [id, version, title, outcomes.map(\.rawValue).joined(separator: ";"), String(questions), source, sha256]
    }
}

extension LoadedTemplate {
    /// The template as an interviewer reads it before a call: every question with its type, guidance, probes
    /// and condition. Text from a user's file is sanitised.
    public func text(style: TextStyle) -> String {
        let template = self.template
        func clean(_ text: String) -> String { TerminalText.sanitized(text.trimmed) }
        func block(_ text: String, indent: String) -> String {
            clean(text).split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(
                separator: "\n")
        }
        var lines: [String] = []
        lines.append(
            style.apply(.bold, to: clean(template.title))
                + " (\(clean(template.id)), version \(clean(template.version)))")
        lines.append("For: \(template.outcomes.map(\.label).joined(separator: ", "))")
        lines.append("Source: \(TerminalText.sanitized(origin.description))")
        lines.append("SHA-256: \(sha256)")
        lines.append("")
        lines.append(style.apply(.bold, to: "Introduction (read to the buyer)"))
        lines.append(block(template.introduction, indent: "  "))
        if !template.guidance.isEmpty {
            lines.append("")
            lines.append(style.apply(.bold, to: "Guidance"))
            lines.append(block(template.guidance, indent: "  "))
        }
        var number = 0
        let total = template.questions.count
        for (index, section) in template.sections.enumerated() {
            lines.append("")
            let audience = section.audience == .interviewer ? " (for the interviewer)" : ""
            lines.append(style.apply(.bold, to: "\(index + 1). \(clean(section.title))") + audience)
            if let guidance = section.guidance { lines.append(block(guidance, indent: "   ")) }
            for question in section.questions {
                number += 1
                lines.append("")
                var facts = [question.kind.summary]
                if question.required { facts.append("required") }
                if let metric = question.metric { facts.append("measures \(metric.rawValue)") }
                if question.codedWithThemes { facts.append("coded with themes") }
                lines.append(
                    "   " + style.apply(.cyan, to: "\(number)/\(total) \(clean(question.id))") + "  "
                        + style.apply(.dim, to: facts.joined(separator: ", ")))
                lines.append(block(question.prompt, indent: "      "))
                if let condition = question.condition { lines.append("      Asked when: \(condition.summary)") }
                for choice in question.kind.choices {
                    lines.append("      - \(clean(choice.id)): \(clean(choice.label))")
                }
                if case .scale(_, _, let labels) = question.kind, !labels.isEmpty {
                    lines.append(
                        "      "
                            + labels.sorted { $0.key < $1.key }.map { "\($0.key) = \(clean($0.value))" }.joined(
                                separator: "; "))
                }
                if let guidance = question.guidance { lines.append(block("Guidance: " + guidance, indent: "      ")) }
                for probe in question.probes { lines.append("      Probe: \(clean(probe))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension QuestionKind {
    /// `money per year`, `scale 1-5`, `single choice (4)`.
    package var summary: String {
        switch self {
        case .shortText: "short text"
        case .longText: "long text"
        case .number(let minimum, let maximum, let unit):
            "number" + (unit.map { " of \($0)" } ?? "")
                + (minimum != nil || maximum != nil
                    ? " (\(minimum.map { "\($0)" } ?? "…")-\(maximum.map { "\($0)" } ?? "…"))" : "")
        case .money(let period, let currency):
            "money" + (currency.map { " in \($0.code)" } ?? "")
                + (period.map { $0 == .oneTime ? ", one-time" : " per \($0.rawValue)" } ?? "")
        case .percent: "percent"
        case .scale(let minimum, let maximum, _): "scale \(minimum)-\(maximum)"
        case .singleChoice(let choices): "single choice of \(choices.count)"
        case .multipleChoice(let choices, let maximum):
            "multiple choice of \(choices.count)" + (maximum.map { ", up to \($0)" } ?? "")
        case .yesNo: "yes/no"
        case .date: "date"
        case .months: "months"
        }
    }
}

extension Condition {
    package var summary: String {
        switch self {
        case .outcome(let outcomes):
            return "the deal is a " + outcomes.map(\.label).joined(separator: " or ")
        case .answer(let question, let test):
            let clean = TerminalText.sanitized(question)
            switch test {
            case .equals(let value): return "\(clean) is \(TerminalText.sanitized(value))"
            case .oneOf(let values):
                return "\(clean) is one of \(values.map(TerminalText.sanitized).joined(separator: ", "))"
            case .contains(let value): return "\(clean) contains \(TerminalText.sanitized(value))"
            case .answered(let answered): return answered ? "\(clean) was answered" : "\(clean) was skipped"
            }
        }
    }
}

extension LoadedCodebook {
    /// The themes as an indented tree, with their keywords.
    public func text(style: TextStyle) -> String {
        let all = codebook.flattened
        var table = TextTable(columns: [
            TableColumn("Theme"), TableColumn("Label", maximumWidth: 40), TableColumn("Keywords", maximumWidth: 60),
        ])
        for (theme, depth, _) in all {
            let indent = String(repeating: "  ", count: depth)
            table.append([
                TableCell(indent + theme.id, tint: depth == 0 ? .bold : nil), TableCell(theme.label),
                TableCell(theme.keywords.joined(separator: ", ")),
            ])
        }
        let header =
            "Codebook version \(TerminalText.sanitized(codebook.version)) (\(TerminalText.sanitized(origin.description))): "
            + "\(codebook.themes.count) themes and \(all.count - codebook.themes.count) sub-themes\n\n"
        return header + table.render(style: style)
    }
}

extension ThemeRecord {
    /// The programme's codebook as an indented tree; merged themes are listed after it, with where they went.
    public static func tree(_ themes: [ThemeRecord], style: TextStyle) -> String {
        let live = themes.filter { $0.mergedInto == nil }
        var table = TextTable(columns: [
            TableColumn("Theme"), TableColumn("Label", maximumWidth: 40), TableColumn("Keywords", maximumWidth: 60),
        ])
        for (theme, depth) in treeOrder(themes) {
            table.append([
                TableCell(String(repeating: "  ", count: depth) + theme.id, tint: depth == 0 ? .bold : nil),
                TableCell(theme.label),
                TableCell(theme.keywords.joined(separator: ", ")),
            ])
        }
        let added = live.filter { $0.source == "added" }.count
        let renamed = live.filter(\.renamed).count
        var text =
            "The programme's codebook: \(live.count) themes (\(added) added, \(renamed) renamed)\n\n"
            + table.render(style: style)
        let merged = themes.filter { $0.mergedInto != nil }
        if !merged.isEmpty {
            text +=
                "\nMerged: "
                + merged.map { "\(TerminalText.sanitized($0.id)) → \(TerminalText.sanitized($0.mergedInto ?? ""))" }
                .joined(separator: ", ") + "\n"
        }
        return text
    }
}

extension ThemeRecord {
    /// The themes not merged away, each parent followed by the themes under it, with their depth (0 at the top).
    package static func treeOrder(_ themes: [ThemeRecord]) -> [(theme: ThemeRecord, depth: Int)] {
        let live = themes.filter { $0.mergedInto == nil }
        let children = Dictionary(grouping: live, by: \.parentID)
        var result: [(ThemeRecord, Int)] = []
        var seen: Set<String> = []
        func visit(_ parent: String?, depth: Int) {
            for theme in children[parent] ?? [] where seen.insert(theme.id).inserted {
                result.append((theme, depth))
                visit(theme.id, depth: depth + 1)
            }
        }
        visit(nil, depth: 0)
        return result
    }
}
