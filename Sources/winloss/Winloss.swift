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
            Init.self, PersonCommand.self, AccountCommand.self, ContactCommand.self, DealCommand.self,
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
        } catch let error as ImportError where error.printsItsOwnLocation {
            Console.error(error.description, prefix: false)
            Foundation.exit(ExitStatus(for: error).rawValue)
        } catch let error as AnswersFile.Failure {
            Console.error(error.description, prefix: false)
            Foundation.exit(ExitStatus.dataError.rawValue)
        } catch let error as OutputFileError {
            Console.error(error.description)
            Foundation.exit(ExitStatus.cannotCreate.rawValue)
        } catch let error where Console.isWinlossError(error) {
            Console.error(String(describing: error))
            Foundation.exit(ExitStatus(for: error).rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

extension ImportError {
    /// Messages that already start with `file:line: error:`.
    var printsItsOwnLocation: Bool {
        switch self {
        case .empty, .malformed, .missingColumns, .rejected: true
        case .unreadable, .badMap: false
        }
    }
}
