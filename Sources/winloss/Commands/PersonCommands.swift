import ArgumentParser
import WinLossKit

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "The people of the selling team: reps, interviewers, managers.",
        subcommands: [Add.self, Set.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person.",
            discussion: "Example: winloss person add --name 'Dana Reyes' --email dana@example.com --role marketing")

        @Option(help: "Their full name.") var name: String
        @Option(help: "Their email (unique).") var email: String?
        @Option(help: "rep, marketing, customer_success, manager or other.") var role: PersonRole
        @Option(help: "For a rep: how long they say their sales cycle is, in days.") var assumedCycleDays: Int?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let person = try store.open(.createIfMissing).addPerson(
                name: name, email: email, role: role, assumedCycleDays: assumedCycleDays)
            let email = person.email.map { " <\(TerminalText.sanitized($0))>" } ?? ""
            Console.line("Added \(TerminalText.sanitized(person.name))\(email) as \(person.role.rawValue).")
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change what is recorded about a person.",
            discussion: "Example: winloss person set ana.lima@example.com --assumed-cycle-days 120")

        @Argument(help: "Their email, or name.") var person: String
        @Option(help: "How long they say their sales cycle is, in days (0 forgets it).") var assumedCycleDays: Int

        @OptionGroup var store: StoreOptions

        func run() throws {
            let updated = try store.open(.mustExist).setAssumedCycle(
                person, days: assumedCycleDays == 0 ? nil : assumedCycleDays)
            let cycle =
                updated.assumedCycleDays.map { "assumes a \($0)-day sales cycle" } ?? "has no assumed sales cycle"
            Console.line("\(TerminalText.sanitized(updated.name)) \(cycle).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List people.")

        @Option(help: "Only people in this role.") var role: PersonRole?
        @OptionGroup var output: ListFormatOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            var writer = ListWriter<Person>(
                format: output.outputFormat, style: Console.outputStyle, write: Console.write)
            for person in try store.open(.readOnly).people(role: role) { try writer.add(person) }
            writer.finish(empty: "No people yet: add them with `winloss person add`, or import deals.")
        }
    }
}
