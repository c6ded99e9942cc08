import Foundation

/// What can go wrong with the database file itself. Each message names the file and says what to do.
public enum StoreError: WinLossError, Equatable {
    /// No database at the path, and the command does not create one.
    case missing(path: String)
    /// The path is a folder, or its folder cannot be made.
    case cannotCreate(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    /// SQLite error 26: the file is something else (or encrypted).
    case notADatabase(path: String)
    /// SQLite error 11: the file is damaged.
    case corrupt(path: String)
    /// A check of the file (``WinLossStore/checkIntegrity()``) found problems.
    case damaged(path: String, report: IntegrityReport)
    /// A SQLite file whose header this SQLite cannot use ("unsupported file format"): damaged, or from a newer
    /// SQLite.
    case unsupportedFormat(path: String, reason: String)
    /// A SQLite database, but one that another program made.
    case foreignDatabase(path: String)
    /// Written by a newer `winloss`: migrations this build does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process held the database longer than the busy timeout.
    case busy(path: String)
    /// The file, its folder or its file system cannot be written, for a command that writes.
    case readOnly(path: String, reason: String)
    /// The file exists but this user may not read it.
    case unreadable(path: String, reason: String)
    /// A winloss database without the record of its migrations: its schema cannot be told.
    case unknownHistory(path: String)
    /// Written by an earlier winloss, for a command that only reads (and so does not bring it up to date).
    case needsUpgrade(path: String)
    case diskFull(path: String)
    case io(path: String, reason: String)
    /// Any other error SQLite reports, by its code and message.
    case sqlite(code: Int32, message: String)

    public var kind: ErrorKind {
        switch self {
        case .missing, .unreadable: .inputMissing
        case .cannotCreate: .cannotCreate
        case .cannotOpen, .notADatabase, .corrupt, .damaged, .unsupportedFormat, .foreignDatabase, .newerSchema,
            .unknownHistory, .needsUpgrade:
            .unavailable
        case .busy: .busy
        case .readOnly, .diskFull, .io: .io
        case .sqlite: .failed
        }
    }

    public var message: String {
        switch self {
        case .missing(let path):
            "no winloss database at \(path)"
        case .cannotCreate(let path, let reason):
            "cannot create the database at \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            "cannot open the database at \(path): \(reason)"
        case .notADatabase(let path):
            "\(path) is not a SQLite database (it may be another kind of file, or encrypted); it was left untouched"
        case .corrupt(let path):
            "the database \(path) is damaged (SQLite reports it as malformed); it was left untouched. "
                + "Restore it from a backup; `sqlite3 \(path) .recover` may save what is readable"
        case .damaged(let path, let report):
            "the database \(path) is damaged: "
                + report.checks.filter { !$0.problems.isEmpty }.map {
                    "\($0.name): \($0.problems.prefix(3).joined(separator: "; "))"
                }
                .joined(separator: "; ")
                + "; it was left untouched. Restore it from a backup"
        case .unsupportedFormat(let path, let reason):
            "the database \(path) has a header this SQLite cannot use (\(reason)): it is damaged, or was written by a "
                + "much newer SQLite; it was left untouched. Restore it from a backup"
        case .foreignDatabase(let path):
            "\(path) is a SQLite database made by another program, not by winloss; it was left untouched"
        case .newerSchema(let path, let unknown):
            "the database \(path) was written by a newer version of winloss (it has changes this version does "
                + "not know: \(unknown.joined(separator: ", "))); it was left untouched. Upgrade winloss to use it"
        case .busy(let path):
            "the database \(path) stayed locked by another winloss process; try again in a moment"
        case .readOnly(let path, let reason):
            "the database \(path) cannot be written (\(reason)); nothing was changed. Reading it still "
                + "works; to write, make it and its folder writable, or copy it somewhere that is"
        case .unreadable(let path, let reason):
            "the database \(path) cannot be read (\(reason)); check its permissions"
        case .unknownHistory(let path):
            "the database \(path) is a winloss database whose record of schema changes (grdb_migrations) is missing, "
                + "so its schema cannot be told; it was left untouched. Restore it from a backup"
        case .needsUpgrade(let path):
            "the database \(path) was written by an earlier version of winloss"
        case .diskFull(let path):
            "the disk holding \(path) is full; nothing was written. Free some space and try again"
        case .io(let path, let reason):
            "input/output error on the database \(path): \(reason)"
        case .sqlite(let code, let message):
            "SQLite error \(code): \(message)"
        }
    }

    public var remedy: Remedy? {
        switch self {
        case .missing: .createDatabase
        case .notADatabase, .foreignDatabase: .chooseDatabase
        case .damaged: .checkDatabase
        case .needsUpgrade: .upgradeDatabase
        default: nil
        }
    }
}
