import ArgumentParser
import Foundation
import WinLossKit

/// `--templates DIR`, for the commands that use templates or the codebook.
struct TemplatesOption: ParsableArguments {
    @Option(
        name: .customLong("templates"),
        help: ArgumentHelp(
            "A folder of your own templates, which add to the built-in ones and override those with the same id "
                + "(default: $WINLOSS_TEMPLATES).", valueName: "dir"))
    var directory: String?

    /// The catalog, with any problems of the user's files said on standard error.
    func catalog() throws -> TemplateCatalog {
        try Self.reported(TemplateCatalog.load(userDirectory: TemplateCatalog.userDirectory(option: directory)))
    }

    /// The catalog's codebook, or the error that keeps it from being used.
    func codebook() throws -> LoadedCodebook {
        try Self.codebook(in: catalog())
    }

    static func reported(_ catalog: TemplateCatalog) -> TemplateCatalog {
        for problem in catalog.problems { Console.writeError(TerminalText.sanitized(problem.description) + "\n") }
        return catalog
    }

    static func codebook(in catalog: TemplateCatalog) throws -> LoadedCodebook {
        guard let codebook = catalog.codebook else {
            throw TemplateError.invalid(name: "the codebook", diagnostics: catalog.problems)
        }
        return codebook
    }
}

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "The question templates interviews are run from: list, show and check them.",
        subcommands: [List.self, Show.self, Lint.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the templates, built-in and your own.")

        @OptionGroup var templates: TemplatesOption
        @OptionGroup var output: ListFormatOption

        func run() throws {
            var writer = ListWriter<TemplateSummary>(
                format: output.outputFormat, style: Console.outputStyle, write: Console.write)
            for loaded in try templates.catalog().templates { try writer.add(TemplateSummary(loaded)) }
            writer.finish(empty: "No templates.")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a template: its questions with their guidance, or its exact YAML.",
            discussion: "Example: winloss template show loss --format yaml > my-loss.yaml")

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text, yaml, json
        }

        @Argument(help: "The template's id, such as loss, win or no-decision.") var id: String
        @Option(help: "Output format.") var format: Format = .text
        @OptionGroup var templates: TemplatesOption

        func run() throws {
            let loaded = try templates.catalog().template(id)
            switch format {
            case .text: Console.write(loaded.text(style: Console.outputStyle))
            case .yaml: Console.write(loaded.text)
            case .json: Console.line(try JSONOutput.string(TemplateDocument(loaded)))
            }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check template and codebook files, reporting every problem with its line and column.",
            discussion: """
                Errors (YAML syntax, wrong types, missing or unknown fields, duplicate ids, conditions on unknown or \
                later questions, values out of range, unknown metric roles) exit with status 65. Warnings (closed \
                questions put to the buyer, questions without guidance) exit 0 unless --strict.

                Example: winloss template lint ~/winloss-templates/*.yaml --strict
                """)

        @Argument(help: ArgumentHelp("Template or codebook files.", valueName: "file")) var files: [String]
        @Flag(help: "Fail on warnings too.") var strict = false
        @Option(help: "Output format.") var format: DetailFormat = .text

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one file to check") }
        }

        func run() throws {
            let results = files.map { TemplateFiles.lint(path: $0) }
            let diagnostics = results.flatMap { $0 }
            if format == .json {
                Console.line(try JSONOutput.string(diagnostics))
            } else {
                let style = Console.outputStyle
                for diagnostic in diagnostics {
                    let tint: Tint = diagnostic.severity == .error ? .red : .yellow
                    let label = style.apply(tint, to: diagnostic.severity.rawValue + ":")
                    Console.line(
                        TerminalText.sanitized(diagnostic.description).replacingOccurrences(
                            of: " \(diagnostic.severity.rawValue): ", with: " \(label) "))
                }
                let errors = diagnostics.errors.count
                let warnings = diagnostics.warnings.count
                let verdict = errors == 0 && (warnings == 0 || !strict) ? "ok" : "failed"
                Console.line(
                    "\(files.count) \(files.count == 1 ? "file" : "files"): \(errors) \(errors == 1 ? "error" : "errors"), "
                        + "\(warnings) \(warnings == 1 ? "warning" : "warnings")\(strict ? " (strict)" : "") — \(verdict)"
                )
            }
            if !diagnostics.errors.isEmpty || (strict && !diagnostics.warnings.isEmpty) {
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
        }
    }
}

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "The themes answers are coded with: show them, add one, rename one, merge two.",
        discussion: """
            The codebook file (built in, or codebook.yaml in your templates folder) seeds the programme's codebook in \
            the database; themes added, renamed or merged there stay. Ids never change: a merged theme's codes move to \
            the theme it was merged into, and its id keeps meaning that theme.
            """,
        subcommands: [Show.self, Add.self, Rename.self, Merge.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the codebook: the themes as a tree, with their keywords.",
            discussion: "With a database, the programme's codebook; without one, the codebook file.")

        @Option(help: "Output format.") var format: TemplateCommand.Show.Format = .text
        @OptionGroup var templates: TemplatesOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            let codebook = try templates.codebook()
            if FileManager.default.fileExists(atPath: store.location.path) {
                let database = try store.open(.mustExist, templates: templates)
                try database.syncCodebook(codebook.codebook)
                let themes = try database.themes()
                switch format {
                case .text: Console.write(ThemeRecord.tree(themes, style: Console.outputStyle))
                case .yaml: Console.write(codebook.text)
                case .json: Console.line(try JSONOutput.string(themes))
                }
                return
            }
            switch format {
            case .text: Console.write(codebook.text(style: Console.outputStyle))
            case .yaml: Console.write(codebook.text)
            case .json: Console.line(try JSONOutput.string(codebook.codebook))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a theme to the programme's codebook.",
            discussion:
                "Example: winloss codebook add data_residency --label \"Data residency\" --parent security_compliance --keyword residency --keyword \"data centre\""
        )

        @Argument(help: "The new theme's id: lower-case letters and digits, joined by - or _.") var id: String
        @Option(help: "Its label.") var label: String
        @Option(help: "The theme it belongs under.") var parent: String?
        @Option(help: "What it covers, for coders.") var description: String?
        @Option(name: .customLong("keyword"), help: "A word that suggests it for an answer (repeatable).") var keywords:
            [String] = []
        @OptionGroup var templates: TemplatesOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try programmeCodebook(store: store, templates: templates)
            let theme = try database.addTheme(
                id: id, label: label, parent: parent, description: description, keywords: keywords)
            Console.line("Added theme \(TerminalText.sanitized(theme.id)) (\(TerminalText.sanitized(theme.label))).")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a theme a new label; its id and codes stay.")

        @Argument(help: "The theme's id.") var id: String
        @Option(help: "The new label.") var label: String
        @OptionGroup var templates: TemplatesOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            try programmeCodebook(store: store, templates: templates).renameTheme(id, label: label)
            Console.line(
                "Theme \(TerminalText.sanitized(id)) is now labelled \(TerminalText.sanitized(label).debugDescription)."
            )
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Merge one theme into another: its codes, sub-themes and keywords move, and its id becomes an alias.",
            discussion: "Example: winloss codebook merge pricing_model price_level")

        @Argument(help: "The theme that goes.") var from: String
        @Argument(help: "The theme it is merged into.") var into: String
        @OptionGroup var templates: TemplatesOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            let moved = try programmeCodebook(store: store, templates: templates).mergeTheme(from, into: into)
            Console.line(
                "Merged \(TerminalText.sanitized(from)) into \(TerminalText.sanitized(into)): \(moved) \(moved == 1 ? "code" : "codes") moved."
            )
        }
    }
}

/// The database, with its codebook brought in step with the codebook file first.
func programmeCodebook(store: StoreOptions, templates: TemplatesOption, mode: WinLossStore.OpenMode = .mustExist) throws
    -> WinLossStore
{
    let database = try store.open(mode, templates: templates)
    try database.syncCodebook(try templates.codebook().codebook)
    return database
}

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code an interview's answers with themes, helped by the codebook's keywords.",
        discussion: """
            Walks the answers of theme-coded questions that have no theme yet and suggests themes whose keywords match \
            (with stemming: "pricing" finds price). Type themes as suggestion numbers or ids, each with + (positive), \
            - (negative) or = (neutral), and * for the primary reason: "1-* price_level-". Enter accepts the \
            suggestions. Inline #tags typed during the interview already count as codes.
            """)

    @Argument(help: "The interview's number.") var interview: Int64
    @Flag(help: "Also walk answers that already have themes.") var all = false
    @Option(help: "Who codes (email or name), kept with each code.") var coder: String?
    @OptionGroup var templates: TemplatesOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let database = try programmeCodebook(store: store, templates: templates)
        let session = CodingSession(
            store: database, interviewID: interview, prompter: TerminalPrompter(), style: Console.outputStyle,
            coder: coder, revisit: all)
        _ = try session.run()
    }
}
