/// The process exit status for each kind of failure (the values of BSD's sysexits.h), documented in the
/// README so that scripts can tell a bad file from a busy database.
public enum ExitStatus: Int32, Sendable, CaseIterable {
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

    /// The status for an error thrown anywhere in the library.
    public init(for error: any Error) {
        switch error {
        case let error as StoreError:
            switch error {
            case .missing, .unreadable: self = .noInput
            case .cannotCreate: self = .cannotCreate
            case .cannotOpen, .notADatabase, .corrupt, .damaged, .unsupportedFormat, .foreignDatabase, .newerSchema,
                .unknownHistory, .needsUpgrade:
                self = .unavailable
            case .busy: self = .temporaryFailure
            case .readOnly, .diskFull, .io: self = .ioError
            case .sqlite: self = .failure
            }
        case let error as ImportError:
            self = error.exitStatus
        case let error as TemplateError:
            self = error.exitStatus
        case let error as BoundedInput.Failure:
            switch error {
            case .tooLarge, .notUTF8: self = .dataError
            case .unreadable: self = .ioError
            }
        case let error as OutputFileError:
            switch error {
            case .cannotCreate: self = .cannotCreate
            case .diskFull, .io: self = .ioError
            }
        default:
            self = .failure
        }
    }
}
