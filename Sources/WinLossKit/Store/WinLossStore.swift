import Foundation
import GRDB

/// The winloss database: one SQLite file holding deals, interviews and themes.
///
/// All reads and writes go through this type's intent-named methods (in the `WinLossStore+…` files); each
/// write is one transaction, so a crash or a kill at any point leaves the file as it was before the write or
/// after it, never in between.
///
/// The file is opened with:
/// - the WAL journal, so that readers never block the writer;
/// - `synchronous = FULL`, so that a committed write survives an operating-system crash or power cut, not
///   only a process crash;
/// - foreign keys on;
/// - a busy timeout, so that two people running `winloss` on one file wait for each other instead of failing
///   with "database is locked".
public struct WinLossStore: Sendable {
    /// The file, or nil for an in-memory database.
    package let path: String?
    /// What "now" and "today" are for what the store records.
    package let clock: Clock
    /// What opening the file found worth telling its user, such as permissions that let others read it.
    public private(set) var notices: [String] = []
    let writer: any DatabaseWriter

    /// How long a command waits for another process to finish writing before it gives up.
    package static let busyTimeout: TimeInterval = 10

    public enum OpenMode: Sendable {
        /// For writing: create the file (mode 0600, its folder 0700) if it does not exist.
        case createIfMissing
        /// For writing to a file that must exist: refuse with ``StoreError/missing(path:)`` if it does not.
        case mustExist
        /// For reading only: the file must exist, is opened read-only (so a read-only file or mount works), and is
        /// never changed, not even to bring its schema up to date.
        case readOnly
    }

    /// Opened with ``OpenMode/readOnly``: every write fails.
    package let isReadOnly: Bool

    /// Opens (and if needed creates and migrates) the database at `path`.
    ///
    /// Before anything is written, the file is checked: a file that is not a SQLite database, is damaged,
    /// belongs to another program or was written by a newer `winloss` is refused with a ``StoreError`` and left
    /// exactly as it was.
    ///
    /// - Parameter codebook: the codebook a new programme (or one that has none yet) starts from; read only then.
    ///   The built-in one unless the caller has the user's own.
    public static func open(
        path: String, mode: OpenMode = .createIfMissing,
        codebook: @escaping @Sendable () throws -> Codebook = Codebook.builtIn, clock: Clock = .system
    ) throws -> WinLossStore {
        try prepareFile(at: path, mode: mode)
        try checkHeader(at: path)
        if mode == .readOnly { return try openReadOnly(path: path, clock: clock, allowingOlderSchema: false) }
        try checkWritable(path)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
        } catch {
            throw translate(error, path: path, opening: true)
        }
        var store = WinLossStore(path: path, writer: queue, clock: clock)
        try store.prepareSchema(Schema.migrator(seedingCodebook: codebook, clock: clock))
        store.notices = privacyNotices(path: path, fix: true)
        return store
    }

    /// A database others may read (one restored by `sqlite3 .backup`, say, is 0644): made private when this user
    /// owns it and the command writes anyway, else said, with how to fix it.
    private static func privacyNotices(path: String, fix: Bool) -> [String] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0
        else { return [] }
        let octal = "0" + String(mode & 0o777, radix: 8)
        let owned = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid()
        if fix, owned, chmod(path, mode_t(mode & 0o700)) == 0 {
            for suffix in ["-wal", "-shm"] { _ = chmod(path + suffix, mode_t(mode & 0o700)) }
            return ["\(path) could be read by other users (mode \(octal)); it is now private to you (0600)"]
        }
        return [
            "\(path) can be read by other users (mode \(octal)), and it holds buyers' names and words; "
                + "make it private with `chmod 600 \(path)`"
        ]
    }

    /// A database opened for reading only, checked as for writing but never changed.
    static func openReadOnly(path: String, clock: Clock, allowingOlderSchema: Bool) throws -> WinLossStore {
        var configuration = configuration()
        let folder = (path as NSString).deletingLastPathComponent
        if access(path, W_OK) == 0, access(folder.isEmpty ? "." : folder, W_OK | X_OK) == 0 {
            // Writable, but this connection will not write: SQLite refuses any change through it. Unlike a
            // read-only connection it tidies up after itself, removing the journal files when it closes.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
        } else {
            configuration.readonly = true
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            // A WAL database on a read-only mount (or in a folder this user cannot write) cannot get the shared
            // memory file readers use; nobody can write there either, so it is read as it stands.
            do {
                queue = try DatabaseQueue(
                    path: "file:\(Self.uriEscaped(path))?immutable=1", configuration: configuration)
            } catch {
                throw translate(error, path: path, opening: true)
            }
        } catch {
            throw translate(error, path: path, opening: true)
        }
        var store = WinLossStore(path: path, writer: queue, clock: clock, isReadOnly: true)
        store.notices = privacyNotices(path: path, fix: false)
        let migrator = Schema.migrator()
        try store.read { db in
            try store.checkOwnership(db, migrator: migrator)
            let applied = try migrator.appliedIdentifiers(db)
            let pending = migrator.migrations.filter { !applied.contains($0) }
            if !pending.isEmpty, !allowingOlderSchema { throw StoreError.needsUpgrade(path: path) }
        }
        return store
    }

    /// `%`, `?` and `#` escaped, for a file name in a SQLite URI.
    private static func uriEscaped(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3f")
            .replacingOccurrences(of: "#", with: "%23")
    }

    /// Refuses, before SQLite tries, a file that cannot be written: a read-only file or mount, or a folder where
    /// the journal files cannot be made.
    private static func checkWritable(_ path: String) throws {
        if access(path, W_OK) != 0 {
            throw StoreError.readOnly(path: path, reason: String(cString: strerror(errno)))
        }
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK | X_OK) != 0 {
            throw StoreError.readOnly(
                path: path,
                reason: "its folder is not writable (\(String(cString: strerror(errno)))), and the journal lives there")
        }
    }

    /// A fresh database in memory, for tests and previews: with the built-in codebook unless told otherwise.
    package static func inMemory(
        codebook: @escaping @Sendable () throws -> Codebook = Codebook.builtIn, clock: Clock = .system
    ) throws -> WinLossStore {
        let store = WinLossStore(path: nil, writer: try DatabaseQueue(configuration: configuration()), clock: clock)
        try store.prepareSchema(Schema.migrator(seedingCodebook: codebook, clock: clock))
        return store
    }

    private init(path: String?, writer: any DatabaseWriter, clock: Clock, isReadOnly: Bool = false) {
        self.isReadOnly = isReadOnly
        self.path = path
        self.writer = writer
        self.clock = clock
    }

    /// The migrations this build knows, in order.
    package static var knownMigrations: [String] { Schema.migrator().migrations }

    /// The migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try read { try Schema.migrator().appliedMigrations($0) }
    }

    /// SQLite's `quick_check`: `["ok"]` for a sound file, else the problems it found.
    public func quickCheck() throws -> [String] {
        try read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
    }

    // MARK: - Access

    /// Runs `body` in a read transaction; database errors become ``StoreError``s that name the file.
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw WinLossStore.translate(error, path: path ?? ":memory:")
        }
    }

    /// Runs `body` in one write transaction, committed only if it returns.
    package func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch {
            throw WinLossStore.translate(error, path: path ?? ":memory:")
        }
    }

    /// For work that manages its own transaction (imports with a dry run).
    package func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction(body)
        } catch {
            throw WinLossStore.translate(error, path: path ?? ":memory:")
        }
    }

    // MARK: - Opening

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        // Keep statement arguments out of error messages: they hold buyers' words.
        config.publicStatementArguments = false
        // The default journal mode here: WAL is switched on in prepareSchema(), after the file has been checked,
        // because GRDB's own WAL set-up lowers `synchronous` to NORMAL.
        config.journalMode = .default
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            db.add(function: QuarterRange.sqlFunction)
        }
        return config
    }

    private static func prepareFile(at path: String, mode: OpenMode) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a folder") }
            if access(path, R_OK) != 0 {
                throw StoreError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            return
        }
        guard mode == .createIfMissing else { throw StoreError.missing(path: path) }

        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !fileManager.fileExists(atPath: folder) {
            do {
                try fileManager.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(
                    path: path, reason: "its folder cannot be made (\(error.localizedDescription))")
            }
        }
        // Create the file 0600 before SQLite opens it, so that it is never readable by others, even briefly.
        let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {  // EEXIST: another process created it a moment ago, which is fine
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private func prepareSchema(_ migrator: DatabaseMigrator) throws {
        // The schema history first: a file whose history is gone is refused before any migration could run.
        // In one read transaction, so that every statement of the check sees the same state of the file.
        let pending = try read { db in
            try checkOwnership(db, migrator: migrator)
            let applied = try migrator.appliedIdentifiers(db)
            return applied.isEmpty ? [] : migrator.migrations.filter { !applied.contains($0) }
        }
        // A migration rewrites tables: never on a damaged file, which it could only make worse.
        if !pending.isEmpty, path != nil {
            let report = try checkIntegrity()
            guard report.isSound else { throw StoreError.damaged(path: path ?? "", report: report) }
        }
        if path != nil { try switchToWAL() }
        // Several processes opening a brand-new file at once: GRDB's migrator reads what is pending outside the
        // transaction that applies it, so the slower process can trip over tables the other has just made. It
        // tries again, and then finds the work done.
        var attempt = 0
        while true {
            attempt += 1
            do {
                try migrator.migrate(writer)
                return
            } catch let error as DatabaseError where attempt < 5 {
                _ = error
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
            } catch {
                throw WinLossStore.translate(error, path: path ?? ":memory:")
            }
        }
    }

    /// Turns on the WAL journal. SQLite does not wait for other connections while it changes the journal mode,
    /// so this waits itself, up to the busy timeout, while another process opens the same new file.
    private func switchToWAL() throws {
        let deadline = Date().addingTimeInterval(WinLossStore.busyTimeout)
        while true {
            do {
                let journal = try writer.writeWithoutTransaction {
                    try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL")
                }
                guard journal == "wal" else {
                    throw StoreError.cannotOpen(
                        path: path ?? "", reason: "its WAL journal cannot be switched on (is it on a network share?)")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            } catch {
                throw WinLossStore.translate(error, path: path ?? ":memory:")
            }
        }
    }

    /// Refuses a database that is not ours or is newer than this build, before anything is written to it.
    private func checkOwnership(_ db: Database, migrator: DatabaseMigrator) throws {
        let path = self.path ?? ":memory:"
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID != Schema.applicationID {
            // The migrator makes grdb_migrations before the first migration marks the file, so a file holding only
            // that table is a winloss database that another process is creating right now.
            let tables =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM sqlite_master
                        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                        """) ?? 0
            if applicationID != 0 || tables > 0 { throw StoreError.foreignDatabase(path: path) }
        } else if try !db.tableExists("grdb_migrations") {
            // Ours, but without the record of which migrations made it: running them again would fail half-way,
            // and guessing would risk the data.
            throw StoreError.unknownHistory(path: path)
        }
        if try migrator.hasBeenSuperseded(db) {
            let known = Set(migrator.migrations)
            let unknown = try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
            throw StoreError.newerSchema(path: path, unknownMigrations: unknown)
        }
    }

    /// Turns SQLite's errors about the file into ``StoreError``s; everything else passes through.
    ///
    /// - Parameter opening: the error came while opening the file, when any SQL error means the file's header is
    ///   not one SQLite can use (such as "unsupported file format").
    static func translate(_ error: any Error, path: String, opening: Bool = false) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        if opening, error.resultCode == .SQLITE_ERROR {
            return StoreError.unsupportedFormat(path: path, reason: error.message ?? "SQLite error 1")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: return StoreError.notADatabase(path: path)
        case .SQLITE_CORRUPT: return StoreError.corrupt(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_READONLY: return StoreError.readOnly(path: path, reason: error.message ?? "it is read-only")
        case .SQLITE_FULL: return StoreError.diskFull(path: path)
        case .SQLITE_CANTOPEN:
            return StoreError.cannotOpen(path: path, reason: error.message ?? "SQLite cannot open it")
        case .SQLITE_IOERR: return StoreError.io(path: path, reason: error.message ?? "unknown")
        // Never the statement: it may hold buyers' words, and says nothing a user can act on.
        default: return StoreError.sqlite(code: error.extendedResultCode.rawValue, message: error.message ?? "unknown")
        }
    }
}
