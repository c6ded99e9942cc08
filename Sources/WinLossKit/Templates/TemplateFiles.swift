import Yams

/// Checking files that may be templates or codebooks, as `winloss template lint` does.
public enum TemplateFiles {
    /// The file's diagnostics, read as a codebook when its top level has `themes` and no `sections`, else as a
    /// template.
    public static func lint(path: String) -> [Diagnostic] {
        switch YAMLDocument.read(path: path) {
        case .failure(let diagnostic):
            return [diagnostic]
        case .success(let document):
            if isCodebook(document.root) { return CodebookLinter.lint(document).diagnostics }
            return TemplateLinter.lint(document).diagnostics
        }
    }

    static func isCodebook(_ root: Node) -> Bool {
        guard case .mapping(let mapping) = root else { return false }
        let keys = Set(mapping.compactMap { key, _ in key.string })
        return keys.contains("themes") && !keys.contains("sections")
    }
}

/// A template for `winloss template show --format json`: the parsed template with its fingerprint and source.
public struct TemplateDocument: Sendable, Codable {
    package var template: Template
    package var sha256: String
    package var origin: String

    public init(_ loaded: LoadedTemplate) {
        template = loaded.template
        sha256 = loaded.sha256
        origin = loaded.origin.description
    }
}
