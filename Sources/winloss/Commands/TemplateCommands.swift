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
        let catalog = try TemplateCatalog.load(userDirectory: TemplateCatalog.userDirectory(option: directory))
        for problem in catalog.problems { Console.writeError(TerminalText.sanitized(problem.description) + "\n") }
        return catalog
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
        abstract: "The themes answers are coded with.",
        subcommands: [Show.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the codebook: the themes as a tree, with their keywords.")

        @Option(help: "Output format.") var format: TemplateCommand.Show.Format = .text
        @OptionGroup var templates: TemplatesOption

        func run() throws {
            let catalog = try templates.catalog()
            guard let codebook = catalog.codebook else {
                throw TemplateError.invalid(name: "the codebook", diagnostics: catalog.problems)
            }
            switch format {
            case .text: Console.write(codebook.text(style: Console.outputStyle))
            case .yaml: Console.write(codebook.text)
            case .json: Console.line(try JSONOutput.string(codebook.codebook))
            }
        }
    }
}
