import WinLossKit

/// The process exit status for each kind of failure (the values of BSD's sysexits.h), documented in the
/// README so that scripts can tell a bad file from a busy database.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// The command could not do what was asked: an unknown deal, a taken email, an ambiguous name.
    case failure = 1
    /// A bad option or argument.
    case usage = 64
    /// An input file has errors; nothing was written.
    case dataError = 65
    /// An input file or the database does not exist or cannot be read.
    case noInput = 66
    /// The database cannot be used: not a SQLite database, damaged, another program's, or newer.
    case unavailable = 69
    /// The database or an output file cannot be created.
    case cannotCreate = 73
    /// Input/output error: disk full, read-only file.
    case ioError = 74
    /// The database stayed locked by another process; trying again later may work.
    case temporaryFailure = 75

    /// The one place a kind of failure becomes an exit status.
    init(_ kind: ErrorKind) {
        switch kind {
        case .notFound, .conflict, .invalid, .failed: self = .failure
        case .badRequest: self = .usage
        case .badInput: self = .dataError
        case .inputMissing: self = .noInput
        case .unavailable: self = .unavailable
        case .cannotCreate: self = .cannotCreate
        case .io: self = .ioError
        case .busy: self = .temporaryFailure
        }
    }
}
