import Foundation

/// A template as loaded: parsed, with its exact text, that text's SHA-256, and where it came from.
public struct LoadedTemplate: Sendable, Equatable {
    package var template: Template
    /// The file's exact text: what an interview keeps as evidence.
    public var text: String
    package var sha256: String
    package var origin: TemplateOrigin
}

public struct LoadedCodebook: Sendable, Equatable {
    public var codebook: Codebook
    public var text: String
    package var origin: TemplateOrigin
}

public enum TemplateOrigin: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Compiled into winloss, from the repository's `Templates/` folder.
    case builtIn(file: String)
    /// A file in the user's templates folder.
    case file(path: String)
    /// The version an interview keeps in the database.
    case stored(versionID: Int64)

    public var description: String {
        switch self {
        case .builtIn: "built-in"
        case .file(let path): path
        case .stored(let id): "stored version #\(id)"
        }
    }
}

/// Problems with templates as a whole: a missing folder, an unknown id, a broken file, a version conflict.
public enum TemplateError: WinLossError, Equatable {
    case folderMissing(path: String)
    case unknownTemplate(id: String, known: [String])
    case invalid(name: String, diagnostics: [Diagnostic])
    /// The database already holds this id and version with a different text.
    case versionConflict(id: String, version: String, storedAt: Date)
    case notForOutcome(id: String, outcome: Outcome, outcomes: [Outcome])

    public var kind: ErrorKind {
        switch self {
        case .folderMissing: .inputMissing
        case .invalid: .badInput
        case .unknownTemplate: .notFound
        case .versionConflict: .conflict
        case .notForOutcome: .invalid
        }
    }

    public var message: String {
        switch self {
        case .folderMissing(let path):
            return "the templates folder \(path) does not exist"
        case .unknownTemplate(let id, let known):
            return "no template \"\(id)\"; the templates are \(known.joined(separator: ", "))"
        case .invalid(let name, _):
            return "\(name) has errors"
        case .versionConflict(let id, let version, let storedAt):
            let day = ISO8601DateFormatter.string(
                from: storedAt, timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
            return "the database already keeps template \(id) version \(version) (stored \(day)) with different text; "
                + "an edited template needs a new version number"
        case .notForOutcome(let id, let outcome, let outcomes):
            return
                "the template \(id) is for \(outcomes.map(\.label).joined(separator: " and ")), not for a \(outcome.label)"
        }
    }

    public var problems: [Problem] {
        guard case .invalid(_, let diagnostics) = self else { return [] }
        return diagnostics.errors.map(\.problem)
    }

    public var remedy: Remedy? {
        switch self {
        case .folderMissing: .templatesFolder
        case .unknownTemplate: .listTemplates
        case .invalid: .lintTemplate
        case .versionConflict, .notForOutcome: nil
        }
    }
}

/// The templates and codebook `winloss` can use: the built-in ones, and those in the user's templates folder,
/// which add templates and override built-in ones with the same id.
public struct TemplateCatalog: Sendable {
    /// Usable templates, by id.
    public private(set) var templates: [LoadedTemplate] = []
    /// The codebook: the user's `codebook.yaml` if there is one, else the built-in one; nil when the user's has
    /// errors (they are in ``problems``).
    public private(set) var codebook: LoadedCodebook?
    /// Files that could not be used, ids defined twice, and versions reused with other content.
    public private(set) var problems: [Diagnostic] = []
    package let userDirectory: String?

    /// The folder from `--templates`, else `$WINLOSS_TEMPLATES`, else none.
    public static func userDirectory(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let option, !option.isEmpty { return StoreLocation.absolute(option) }
        if let folder = environment["WINLOSS_TEMPLATES"], !folder.isEmpty { return StoreLocation.absolute(folder) }
        return nil
    }

    /// The built-in templates and codebook and, if given, the user's folder on top.
    public static func load(userDirectory: String?) throws -> TemplateCatalog {
        var catalog = TemplateCatalog(userDirectory: userDirectory)
        var byID: [String: LoadedTemplate] = [:]
        for (name, text) in BuiltInTemplates.files {
            if name == "codebook.yaml" {
                let report = CodebookLinter.lint(text: text, file: name)
                catalog.problems += report.diagnostics.errors
                catalog.codebook = report.codebook.map {
                    LoadedCodebook(codebook: $0, text: text, origin: .builtIn(file: name))
                }
            } else if let loaded = catalog.loadTemplate(text: text, name: name, origin: .builtIn(file: name)) {
                byID[loaded.template.id] = loaded
            }
        }
        guard let folder = userDirectory else {
            catalog.templates = byID.values.sorted { $0.template.id < $1.template.id }
            return catalog
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError.folderMissing(path: folder)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var fromFolder: [String: String] = [:]
        for name in names {
            let path = folder + "/" + name
            if name == "codebook.yaml" || name == "codebook.yml" {
                let report = CodebookLinter.lint(path: path)
                catalog.problems += report.diagnostics.errors
                catalog.codebook = report.codebook.flatMap { codebook in
                    (try? String(contentsOfFile: path, encoding: .utf8)).map {
                        LoadedCodebook(codebook: codebook, text: $0, origin: .file(path: path))
                    }
                }
                continue
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                _ = catalog.loadTemplate(path: path)  // reports why
                continue
            }
            guard let loaded = catalog.loadTemplate(text: text, name: path, origin: .file(path: path)) else { continue }
            let id = loaded.template.id
            if let first = fromFolder[id] {
                catalog.problems.append(
                    Diagnostic(
                        .error, file: path, line: nil, column: nil,
                        "defines template \"\(id)\" again; \(first) already does, and is used"))
                continue
            }
            if let builtIn = byID[id], case .builtIn = builtIn.origin,
                builtIn.template.version == loaded.template.version,
                builtIn.sha256 != loaded.sha256
            {
                catalog.problems.append(
                    Diagnostic(
                        .warning, file: path, line: nil, column: nil,
                        "template \"\(id)\" version \(loaded.template.version) differs from the built-in one of the same version; give your template its own version"
                    ))
            }
            fromFolder[id] = path
            byID[id] = loaded
        }
        catalog.templates = byID.values.sorted { $0.template.id < $1.template.id }
        return catalog
    }

    private init(userDirectory: String?) {
        self.userDirectory = userDirectory
    }

    private mutating func loadTemplate(text: String, name: String, origin: TemplateOrigin) -> LoadedTemplate? {
        let report = TemplateLinter.lint(text: text, file: name)
        guard let template = report.template else {
            problems += report.diagnostics.errors
            return nil
        }
        return LoadedTemplate(template: template, text: text, sha256: SHA256.hex(text), origin: origin)
    }

    private mutating func loadTemplate(path: String) -> LoadedTemplate? {
        problems += TemplateLinter.lint(path: path).diagnostics.errors
        return nil
    }

    /// The template with this id. A broken file of the user's named after the id is an error, not a reason to
    /// fall back on the built-in template it meant to replace.
    public func template(_ id: String) throws -> LoadedTemplate {
        if let userDirectory,
            let broken = problems.first(where: {
                $0.severity == .error && $0.file.hasPrefix(userDirectory + "/")
                    && TemplateCatalog.fileName($0.file) == id
            })
        {
            throw TemplateError.invalid(name: broken.file, diagnostics: problems.filter { $0.file == broken.file })
        }
        if let found = templates.first(where: { $0.template.id == id }) { return found }
        throw TemplateError.unknownTemplate(id: id, known: templates.map(\.template.id))
    }

    /// The template an interview of a deal with this outcome uses by default: one of the user's if any is for
    /// the outcome, else a built-in one; the one named after the outcome first.
    public func template(for outcome: Outcome) -> LoadedTemplate? {
        let candidates = templates.filter { $0.template.outcomes.contains(outcome) }
        let preferredID = outcome == .noDecision ? "no-decision" : outcome.rawValue
        func rank(_ loaded: LoadedTemplate) -> (Int, Int, String) {
            let fromUser = if case .builtIn = loaded.origin { 1 } else { 0 }
            return (fromUser, loaded.template.id == preferredID ? 0 : 1, loaded.template.id)
        }
        return candidates.min { rank($0) < rank($1) }
    }

    private static func fileName(_ path: String) -> String {
        let base = (path as NSString).lastPathComponent
        return (base as NSString).deletingPathExtension
    }
}
