import ArgumentParser
import Foundation
import WinLossKit

@main
struct Winloss: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winloss",
        abstract: "Run a win-loss interview programme from one local SQLite file.",
        discussion: """
            After a B2B deal is won, lost or ends in no decision, someone who is not the rep interviews the buyer; \
            winloss keeps the deals, the interviews and their themes in one database.

            The database is --db PATH, else $WINLOSS_DB, else $XDG_DATA_HOME/winloss/winloss.sqlite \
            (~/.local/share/winloss/winloss.sqlite). Try `winloss demo` for a tour on a sample database.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Check.self, Backup.self, PersonCommand.self, AccountCommand.self, ContactCommand.self,
            DealCommand.self,
            QueueCommand.self, InterviewCommand.self, CodeCommand.self, SearchCommand.self, ReportCommand.self,
            ThemesCommand.self, TermsCommand.self, CallbacksCommand.self, TemplateCommand.self,
            CodebookCommand.self,
            Demo.self,
        ]
    )

    static func main() {
        // Everything winloss creates (databases, exports) is private to the user: it holds buyers' words.
        umask(0o077)
        do {
            var command = try parseAsRoot()
            try command.run()
            Console.finish(status: ExitStatus.success.rawValue)
        } catch {
            Console.finish(status: report(error))
        }
    }

    /// Says what went wrong, on standard error (help and the version on standard output), and returns the exit
    /// status for it.
    static func report(_ error: any Error) -> Int32 {
        if let error = error as? any WinLossError {
            for line in ErrorText.lines(for: error, style: Console.errorStyle) { Console.writeError(line + "\n") }
            return ExitStatus(error.kind).rawValue
        }
        // ArgumentParser's own: usage errors, help, --version, and the exit codes commands throw.
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if !message.isEmpty {
            if code == .success { Console.line(message) } else { Console.writeError(message + "\n") }
        }
        return code.rawValue
    }
}
