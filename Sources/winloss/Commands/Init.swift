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
