import WinLossKit

/// How the command line says a library failure: where, what, and what to do in terms of commands and options.
enum ErrorText {
    /// Every line of `error` for standard error, with the colour `style` allows.
    static func lines(for error: any WinLossError, style: TextStyle) -> [String] {
        let problems = error.problems.map { problem in
            let severity = problem.isWarning ? style.apply(.yellow, to: "warning:") : style.apply(.red, to: "error:")
            let location = problem.location.map { "\($0): \(severity) " } ?? ""
            return location + sanitized(problem.message + (problem.remedy.map(suffix) ?? ""))
        }
        var summary = sanitized(sentence(for: error))
        if let location = error.location {
            let summaryIsError = (error as? ImportError)?.summaryIsError ?? true
            summary = "\(location): " + (summaryIsError ? style.apply(.red, to: "error:") + " " : "") + summary
        } else {
            summary = "winloss: " + style.apply(.red, to: "error:") + " " + summary
        }
        return problems + [summary]
    }

    /// The message with the option it is about and what to do, in the command line's terms.
    static func sentence(for error: any WinLossError) -> String {
        (error.subject.map(prefix) ?? "") + error.message + (error.remedy.map(suffix) ?? "")
    }

    /// Words from files and the database, safe on a terminal: no escape sequences or other control characters.
    private static func sanitized(_ text: String) -> String { TerminalText.sanitized(text) }

    /// The option an error is about, before its message.
    static func prefix(_ subject: ErrorSubject) -> String {
        switch subject {
        case .columnMapping(let mapping): "--map \(mapping.debugDescription): "
        case .repOverride: "--allow-rep: "
        }
    }

    /// What to do, after the message, with the punctuation that joins it.
    static func suffix(_ remedy: Remedy) -> String {
        switch remedy {
        case .advice(let words): "; \(words)"
        case .listDeals: "; list deals with `winloss deal list`"
        case .showDeal(let id): "; show it with `winloss deal show \(id)`"
        case .listInterviews: "; list interviews with `winloss interview list`"
        case .showInterview(let id): "; see it with `winloss interview show \(id)`"
        case .startInterview(let id): "; start it with `winloss interview start \(id)`"
        case .resumeInterview(let id): "; continue it with `winloss interview resume \(id)`"
        case .seeClosedInterview(let id): "; it is closed; see it with `winloss interview show \(id)`"
        case .answerRequired(let id):
            ". Answer them with `winloss interview resume \(id)` or `winloss interview edit \(id) QUESTION`"
        case .listAccounts: "; list accounts with `winloss account list`"
        case .listPeople: "; list people with `winloss person list`"
        case .addOrListPeople: "; add them with `winloss person add`, or list people with `winloss person list`"
        case .listContacts(let account): "; list \(account)'s contacts with `winloss contact list`"
        case .addOrListContacts(let account):
            "; list them with `winloss contact list --account \(account.debugDescription)`, or add one with "
                + "`winloss contact add`"
        case .showCodebook: "; see the codebook with `winloss codebook show`"
        case .addOrShowCodebook:
            "; see the codebook with `winloss codebook show`, or add it with `winloss codebook add`"
        case .listTemplates: " (see `winloss template list`)"
        case .lintTemplate: "; check it with `winloss template lint`"
        case .chooseTemplate: "; name one with --template"
        case .templatesFolder: " (set by --templates or $WINLOSS_TEMPLATES)"
        case .mapColumns:
            "\nName the columns with --map, for example --map \"Close Date=decided\" (see `winloss deal import --help`)."
        case .mapColumn(let field): " (--map \"COLUMN=\(field)\")"
        case .keepColumn: " (keep one with --map \"COLUMN=attr:KEY\")"
        case .readDayFirst: "; if this file writes the day first, import it with --day-first"
        case .readMonthFirst: "; this file seems to write the month first: drop --day-first"
        case .allowRep: ", or, if there is truly no one else, pass --allow-rep --reason \"…\" to record why"
        case .createDatabase: "; run `winloss init` to create one, or pass --db PATH"
        case .chooseDatabase: ". Point --db or WINLOSS_DB at a winloss database"
        case .upgradeDatabase:
            "; run `winloss init` once to bring it up to date (commands that only read never change it)"
        case .checkDatabase: " (see `winloss check` for everything found)"
        }
    }
}
