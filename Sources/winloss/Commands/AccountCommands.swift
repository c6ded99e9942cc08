import ArgumentParser
import WinLossKit

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "The buying companies, with their segment (industry, region, size).",
        subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts with their segment and counts.")

        @OptionGroup var output: ListFormatOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            var writer = ListWriter<AccountSummary>(
                format: output.outputFormat, style: Console.outputStyle, write: Console.write)
            for account in try store.open(.readOnly).accounts() { try writer.add(account) }
            writer.finish(empty: "No accounts yet: they come with deals (`winloss deal add` or `winloss deal import`).")
        }
    }
}

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "The buyers at each account: the people to interview.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a buyer to an account.",
            discussion:
                "Example: winloss contact add --account 'Northwind Logistics' --name 'Sam Okafor' --title 'VP Operations' --email sam@northwind.example"
        )

        @Option(help: "The account's name or CRM id.") var account: String
        @Option(help: "The buyer's full name.") var name: String
        @Option(help: "Their job title.") var title: String?
        @Option(help: "Their email.") var email: String?
        @Option(help: "Their phone number.") var phone: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let contact = try store.open(.mustExist).addContact(
                account: account, name: name, title: title, email: email, phone: phone)
            Console.line("Added \(TerminalText.sanitized(contact.name)) to \(TerminalText.sanitized(account)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contacts, of all accounts or one.")

        @Option(help: "Only this account's contacts (name or CRM id).") var account: String?
        @OptionGroup var output: ListFormatOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            var writer = ListWriter<ContactListing>(
                format: output.outputFormat, style: Console.outputStyle, write: Console.write)
            for contact in try store.open(.readOnly).contacts(account: account) { try writer.add(contact) }
            writer.finish(empty: "No contacts yet.")
        }
    }
}
