/// A failure explained to whoever asked: every error the library throws to a front end is one.
///
/// A front end answers from ``kind`` (the command line with an exit status, the team server with an HTTP
/// status), shows ``message``, points at ``location`` when a file is to blame and lists ``problems`` when there
/// are several, and says ``remedy`` and ``subject`` in its own terms: the command line names a command or an
/// option, the server a page or a form field. Messages themselves name neither.
public protocol WinLossError: Error, Sendable, CustomStringConvertible {
    var kind: ErrorKind { get }
    /// What went wrong, in words for any front end.
    var message: String { get }
    /// The file, and the line if one is to blame, that the whole failure is about.
    var location: ErrorLocation? { get }
    /// The option or field of the request the failure is about, when it is one the user gave.
    var subject: ErrorSubject? { get }
    /// Each thing wrong, when there are several (the bad rows of an import, the errors of a template), each
    /// with its own place. ``message`` then sums them up.
    var problems: [Problem] { get }
    /// What the user can do about it, when there is something specific.
    var remedy: Remedy? { get }
}

extension WinLossError {
    public var location: ErrorLocation? { nil }
    public var subject: ErrorSubject? { nil }
    public var problems: [Problem] { [] }
    public var remedy: Remedy? { nil }

    /// The problems, then the message with its location, as plain text without any front end's words.
    public var description: String {
        let summary = (location.map { "\($0): " } ?? "") + message
        return (problems.map(\.description) + [summary]).joined(separator: "\n")
    }
}

/// What kind of failure an error is: all a front end needs to decide how to answer.
public enum ErrorKind: String, Sendable, CaseIterable {
    /// A record asked for does not exist: an unknown deal, interview or theme.
    case notFound
    /// The request clashes with what is recorded: a taken email, an interview already open or closed, a
    /// template version stored with other text.
    case conflict
    /// The request cannot be done as asked: an ambiguous name, a value out of range, the rep interviewing
    /// their own buyer, an interview missing required answers.
    case invalid
    /// The request itself is malformed: an option that cannot be read.
    case badRequest
    /// An input file has errors; nothing was written.
    case badInput
    /// An input file, folder or the database does not exist or cannot be read.
    case inputMissing
    /// The database cannot be used: not a SQLite database, damaged, another program's, newer or older.
    case unavailable
    /// The database or an output file cannot be created.
    case cannotCreate
    /// Reading or writing failed: a full disk, a read-only file, a failing device.
    case io
    /// The database stayed locked by another process; the same request may work in a moment.
    case busy
    /// Something failed that the user cannot fix by changing the request: an unexpected SQLite error.
    case failed
}

/// Where in a file a failure is: `file`, `file:line` or `file:line:column`, as editors and terminals read it.
public struct ErrorLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?

    package init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + (line != nil ? column.map { ":\($0)" } ?? "" : "")
    }
}

/// One thing wrong among several, at its own place; or, beside them, one worth a look.
public struct Problem: Sendable, Equatable, CustomStringConvertible {
    public var location: ErrorLocation?
    public var message: String
    public var remedy: Remedy?
    /// Worth a look, but not what made the failure.
    public var isWarning: Bool

    package init(location: ErrorLocation?, message: String, remedy: Remedy? = nil, isWarning: Bool = false) {
        self.location = location
        self.message = message
        self.remedy = remedy
        self.isWarning = isWarning
    }

    public var description: String {
        (location.map { "\($0): \(isWarning ? "warning" : "error"): " } ?? "") + message
    }
}

/// The option or field of a request an error is about.
public enum ErrorSubject: Sendable, Equatable {
    /// A column mapping as given (`Close Date=decided`).
    case columnMapping(String)
    /// The choice to let a deal's own rep interview its buyer.
    case repOverride
}

/// What the user can do about a failure. Front ends say each in their own terms: the command line as the
/// command to run or the option to pass, the team server as a link or a form field.
public enum Remedy: Sendable, Equatable {
    /// Words that need no front end's terms, such as "use their email instead".
    case advice(String)
    case listDeals
    case showDeal(externalID: String)
    case listInterviews
    case showInterview(id: Int64)
    case startInterview(id: Int64)
    case resumeInterview(id: Int64)
    /// See a closed interview.
    case seeClosedInterview(id: Int64)
    /// Answer an interview's missing required questions.
    case answerRequired(interviewID: Int64)
    case listAccounts
    case listPeople
    case addOrListPeople
    case listContacts(account: String)
    case addOrListContacts(account: String)
    case showCodebook
    case addOrShowCodebook
    case listTemplates
    case lintTemplate
    /// Name the template to use.
    case chooseTemplate
    /// Say where the templates folder is.
    case templatesFolder
    /// Name the file's columns for the fields an import needs.
    case mapColumns
    /// Map a column of the file to a field, such as `rep_email`.
    case mapColumn(field: String)
    /// Keep an unused column as an attribute.
    case keepColumn
    /// Read the file's dates day first.
    case readDayFirst
    /// Read the file's dates month first.
    case readMonthFirst
    /// Let the deal's own rep interview, with the reason why.
    case allowRep
    /// Create the database, or name another one.
    case createDatabase
    /// Name another database.
    case chooseDatabase
    /// Bring an older database's schema up to date.
    case upgradeDatabase
    /// See everything a check of the database finds.
    case checkDatabase
}
