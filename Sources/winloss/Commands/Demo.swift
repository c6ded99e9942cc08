import ArgumentParser
import Foundation
import WinLossKit

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a sample programme in a database of its own and show what winloss does.",
        discussion: """
            The sample lives in $XDG_CACHE_HOME/winloss/demo (~/.cache/winloss/demo) and is rebuilt on every run; \
            your own database is never touched. The same --seed always gives the same sample.
            """,
        subcommands: [Tour.self, Export.self],
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
            try DemoTour(directory: directory, deals: deals, seed: seed).run(
                style: Console.outputStyle, write: Console.write)
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
            guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]),
                let handle = FileHandle(forWritingAtPath: output)
            else { throw OutputFileError(option: "--output", path: output) }
            defer { try? handle.close() }
            try programme.writeCSV(kind, deals: 0..<deals, footer: kind == .salesforce) {
                try handle.write(contentsOf: Data($0.utf8))
            }
        }
    }
}

extension SampleProgramme.Export: ExpressibleByArgument {}
