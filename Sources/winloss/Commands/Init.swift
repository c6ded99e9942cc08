import ArgumentParser
import Foundation
import WinLossKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database, or bring an existing one up to date and check it.",
        discussion: """
            A new database file is created with mode 0600 (its folder 0700): it will hold buyers' names and candid \
            words. A new programme starts with the codebook of --templates (or $WINLOSS_TEMPLATES), else the built-in \
            one, so that theme tags count from the first interview. On an existing database, init applies any \
            pending migrations and runs SQLite's quick_check.

            Example: winloss init --db ~/winloss/programme.sqlite
            """)

    @OptionGroup var templates: TemplatesOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let location = store.location
        let existed = FileManager.default.fileExists(atPath: location.path)
        let database = try store.open(.createIfMissing, templates: templates)
        let migrations = try database.appliedMigrations()
        let schema = migrations.last ?? "empty"
        if !existed {
            Console.line("Created the winloss database at \(location.path) (schema \(schema)).")
            return
        }
        let problems = try database.quickCheck()
        guard problems == ["ok"] else { throw StoreError.corrupt(path: location.path) }
        let deals = try database.dealCounts().values.reduce(0, +)
        Console.line(
            "The winloss database at \(location.path) is ready (schema \(schema), \(deals) deals; quick check: ok).")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the database for damage, without changing it.",
        discussion: """
            Runs SQLite's integrity check (every page), the foreign keys, the full-text indexes' own check, and the \
            interviews' themes against their codes, and reports what each found. Exit status 0 when the file is \
            sound, 69 when it is damaged. It reads the whole file, so it takes a while on a large programme; winloss \
            also runs it before bringing a database up to date after an upgrade.

            Example: winloss check --db ~/winloss/programme.sqlite
            """)

    @Option(help: "Output format.") var format: DetailFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        let report = try WinLossStore.check(path: store.location.path)
        if format == .json {
            Console.line(try JSONOutput.string(report))
        } else {
            let style = Console.outputStyle
            Console.line("Checked \(TerminalText.sanitized(report.path)):")
            for check in report.checks {
                let state =
                    check.skipped.map { style.apply(.dim, to: "skipped: \(TerminalText.sanitized($0))") }
                    ?? (check.problems.isEmpty
                        ? style.apply(.green, to: "ok")
                        : style.apply(
                            .red, to: "\(check.problems.count) problem\(check.problems.count == 1 ? "" : "s")"))
                Console.line("  \(check.name): \(state)")
                for problem in check.problems.prefix(20) { Console.line("    \(TerminalText.sanitized(problem))") }
            }
            Console.line(
                report.isSound
                    ? "The database is sound."
                    : "The database is damaged; restore it from a backup (`winloss backup` makes one of a sound file).")
        }
        if !report.isSound { throw ExitCode(ExitStatus.unavailable.rawValue) }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to a new file, safely while it is in use, and check the copy.",
        discussion: """
            Uses SQLite's online backup, so other winloss commands may go on meanwhile. The copy is private to you \
            (mode 0600), is written beside its path and put in place only once SQLite's integrity check of it \
            passes; an existing file is never overwritten.

            Example: winloss backup ~/backups/winloss-2026-12-02.sqlite
            """)

    @Argument(help: ArgumentHelp("The new file.", valueName: "path")) var path: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let destination = StoreLocation.resolve(option: path).path
        let summary = try store.open(.readOnly).backup(to: destination)
        Console.line(
            "Backed up \(summary.deals.counted("deal")) and \(summary.interviews.counted("interview")) to "
                + "\(TerminalText.sanitized(summary.path)) (\(summary.bytes / 1024) KiB); the copy passed SQLite's integrity check."
        )
    }
}
