import Foundation
import Yams

/// The themes answers are coded with: why deals are won, lost or left undecided. Themes nest (price and value
/// has price level and pricing model under it); ids are stable, so that codes survive relabelling.
public struct Codebook: Sendable, Equatable, Codable {
    package var version: String
    package var themes: [Theme]

    /// Every theme, parents before their children, with its depth (0 for a top-level theme) and parent's id.
    package var flattened: [(theme: Theme, depth: Int, parent: String?)] {
        var result: [(Theme, Int, String?)] = []
        func visit(_ themes: [Theme], depth: Int, parent: String?) {
            for theme in themes {
                result.append((theme, depth, parent))
                visit(theme.themes, depth: depth + 1, parent: theme.id)
            }
        }
        visit(themes, depth: 0, parent: nil)
        return result
    }

    package func theme(_ id: String) -> Theme? { flattened.first { $0.theme.id == id }?.theme }

    /// The codebook compiled into `winloss` (`Templates/codebook.yaml`), which a new programme starts from.
    public static func builtIn() throws -> Codebook {
        let name = "codebook.yaml"
        let text = BuiltInTemplates.files.first { $0.0 == name }?.1 ?? ""
        let report = CodebookLinter.lint(text: text, file: name)
        guard let codebook = report.codebook else {
            throw TemplateError.invalid(name: "the built-in codebook", diagnostics: report.diagnostics)
        }
        return codebook
    }
}

package struct Theme: Sendable, Equatable, Codable {
    package var id: String
    package var label: String
    package var description: String
    /// Words that suggest the theme for an answer ("priced", "pricing" and "expensive" for price).
    package var keywords: [String]
    package var themes: [Theme]
}

/// Reads a codebook file and checks it: YAML, types, fields, duplicate ids, nesting.
package enum CodebookLinter {
    package struct Report: Sendable {
        package var codebook: Codebook?
        package var diagnostics: [Diagnostic]
    }

    /// Themes nest at most this deep (a theme, its sub-themes, and theirs).
    static let maximumDepth = 3

    package static func lint(path: String, as name: String? = nil) -> Report {
        switch YAMLDocument.read(path: path, as: name) {
        case .success(let document): lint(document)
        case .failure(let diagnostic): Report(codebook: nil, diagnostics: [diagnostic])
        }
    }

    package static func lint(text: String, file: String) -> Report {
        switch YAMLDocument.parse(text, file: file) {
        case .success(let document): lint(document)
        case .failure(let diagnostic): Report(codebook: nil, diagnostics: [diagnostic])
        }
    }

    static func lint(_ document: YAMLDocument) -> Report {
        let reader = NodeReader(file: document.file)
        var seen: [String: Int] = [:]

        func themes(_ node: Node?, depth: Int) -> [Theme] {
            guard let items = reader.list(node, "themes") else { return [] }
            if depth > maximumDepth {
                reader.error(node, "themes nest at most \(maximumDepth) levels deep")
                return []
            }
            return items.compactMap { theme($0, depth: depth) }
        }

        func theme(_ node: Node, depth: Int) -> Theme? {
            guard
                let fields = reader.fields(
                    node, "a theme", required: ["id", "label"], optional: ["description", "keywords", "themes"])
            else { return nil }
            var id = reader.nonEmptyText(fields["id"], "the theme id")
            if let text = id, !TemplateLinter.isIdentifier(text) {
                reader.error(
                    fields["id"], "the theme id \"\(text)\" must be lower-case letters and digits, joined by - or _")
                id = nil
            }
            if let text = id {
                if let line = seen[text] {
                    reader.error(fields["id"], "the theme id \"\(text)\" is used twice (first on line \(line))")
                } else {
                    seen[text] = node.mark?.line ?? 0
                }
            }
            let label = reader.nonEmptyText(fields["label"], "the label")
            let description = fields["description"].flatMap { reader.nonEmptyText($0, "the description") }
            if fields["description"] == nil {
                reader.warning(node, "the theme \"\(id ?? "?")\" has no description for coders")
            }
            let keywords = fields["keywords"].flatMap { reader.texts($0, "keywords") } ?? []
            if keywords.isEmpty {
                reader.warning(node, "the theme \"\(id ?? "?")\" has no keywords, so it is never suggested")
            }
            let children = fields["themes"].map { themes($0, depth: depth + 1) } ?? []
            guard let id, let label else { return nil }
            return Theme(id: id, label: label, description: description ?? "", keywords: keywords, themes: children)
        }

        var codebook: Codebook?
        if let fields = reader.fields(document.root, "a codebook", required: ["version", "themes"]) {
            let version = reader.nonEmptyText(fields["version"], "the version")
            let list = themes(fields["themes"], depth: 1)
            if let version { codebook = Codebook(version: version, themes: list) }
        }
        let diagnostics = reader.diagnostics.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return Report(codebook: reader.hasErrors ? nil : codebook, diagnostics: diagnostics)
    }
}
