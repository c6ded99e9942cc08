import ArgumentParser
import Foundation
import WinLossDemo
import WinLossKit

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a sample programme in a database of its own and show what winloss does.",
        discussion: """
            The sample lives in $XDG_CACHE_HOME/winloss/demo (~/.cache/winloss/demo) and is rebuilt on every run; \
            your own database is never touched. The same --seed always gives the same sample.
            """,
        subcommands: [Tour.self, Export.self, Generate.self],
        defaultSubcommand: Tour.self)

    struct Tour: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tour", abstract: "Run the tour (the default).")

        @Option(help: "The folder for the sample database and files.") var dir: String?
        @Option(help: "How many CRM deals the sample has.") var deals = 240
        @Option(help: "The seed of the sample data.") var seed: UInt64 = 2026

        func validate() throws {
            guard (10...100_000).contains(deals) else { throw ValidationError("--deals: from 10 to 100,000") }
        }

        func run() throws {
            let directory = dir.map { StoreLocation.resolve(option: $0).path } ?? DemoTour.defaultDirectory()
            // The tour runs this very binary for each command it shows.
            let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
            try DemoTour(directory: directory, deals: deals, seed: seed, executable: executable).run(
                style: Console.outputStyle,
                write: {
                    Console.write($0); Console.flush()
                })
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a sample CRM export (CSV) to standard output or a file.",
            discussion: "Example: winloss demo export salesforce --deals 100000 --seed 7 --output opportunities.csv")

        @Argument(help: "salesforce or hubspot.") var kind: SampleProgramme.Export
        @Option(help: "How many deals.") var deals = 1000
        @Option(help: "The seed of the sample data.") var seed: UInt64 = 2026
        @Option(help: "The file to write (default: standard output).") var output: String?

        func validate() throws {
            guard deals >= 1 else { throw ValidationError("--deals: at least 1") }
        }

        func run() throws {
            let programme = SampleProgramme(deals: deals, seed: seed)
            guard let output else {
                programme.writeCSV(kind, deals: 0..<deals, footer: kind == .salesforce) { Console.write($0) }
                return
            }
            try writeOutputFile(to: output, option: "--output") { write in
                try programme.writeCSV(kind, deals: 0..<deals, footer: kind == .salesforce, to: write)
            }
        }
    }
}

extension Demo {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill a new database with a whole sample programme: deals, interviews, answers and codes.",
            discussion: """
                Every deal is decided and has one completed interview from the built-in template for its outcome, \
                with about twelve answers and twenty themes coded on them. The same --deals and --seed always give \
                the same data. The database must be new (or hold no deals); --db is required, so that a sample never \
                lands in your own database.

                Example: winloss demo generate --deals 100000 --seed 7 --db /tmp/bench.sqlite
                """)

        @Option(help: "How many deals, each with its interview.") var deals = 1000
        @Option(help: "The seed of the sample data.") var seed: UInt64 = 2026
        @Option(help: ArgumentHelp("The new database file.", valueName: "path")) var db: String

        func validate() throws {
            guard (1...1_000_000).contains(deals) else { throw ValidationError("--deals: from 1 to 1,000,000") }
            guard !db.isEmpty else { throw ValidationError("--db: name the new database file") }
        }

        func run() throws {
            let path = StoreLocation.resolve(option: db).path
            let store = try WinLossStore.open(path: path, mode: .createIfMissing)
            let progress = ProgressLine(label: "Generating")
            let total = deals
            let started = ContinuousClock.now
            let summary = try withExtendedLifetime(progress) {
                defer { progress.finish() }
                return try BulkProgramme(deals: deals, seed: seed).generate(into: store) { done in
                    progress.show("\(done.grouped) of \(total.grouped) deals (\(done * 100 / max(1, total))%)")
                }
            }
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            Console.line(
                "Generated \(summary.deals.grouped) deals, \(summary.interviews.grouped) interviews, "
                    + "\(summary.answers.grouped) answers and \(summary.codes.grouped) codes in "
                    + "\(String(format: "%.1f", seconds)) s into \(TerminalText.singleLine(path))")
        }
    }
}

extension SampleProgramme.Export: ExpressibleByArgument {}
