import Foundation
import GRDB

/// What `winloss check` found.
public struct IntegrityReport: Sendable, Equatable, Codable {
    /// What was checked, in order, each with what it found: `ok`, or the problems.
    public struct Check: Sendable, Equatable, Codable {
        public var name: String
        public var problems: [String]
        /// Could not be run here (a read-only file cannot run the full-text index check).
        public var skipped: String?
    }

    public var path: String
    public var checks: [Check]

    public var isSound: Bool { checks.allSatisfy(\.problems.isEmpty) }
}

/// What `winloss backup` wrote.
public struct BackupSummary: Sendable, Equatable, Codable {
    public var path: String
    public var bytes: Int64
    public var deals: Int
    public var interviews: Int
}

extension WinLossStore {
    /// Checks the database at `path` without changing it, whatever version of winloss wrote it (see
    /// ``checkIntegrity()``).
    public static func check(path: String) throws -> IntegrityReport {
        try checkHeader(at: path)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        return try openReadOnly(path: path, clock: .system, allowingOlderSchema: true).checkIntegrity()
    }

    /// Every check SQLite and winloss can make of the file: SQLite's integrity check, the foreign keys, the
    /// full-text indexes' structure, and the interviews' themes against their codes. It reads every page: on a
    /// large programme it takes a while, so it runs on demand (`winloss check`) and before a migration, not before
    /// every write.
    package func checkIntegrity() throws -> IntegrityReport {
        var checks: [IntegrityReport.Check] = []
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            checks.append(.init(name: "SQLite integrity check", problems: integrity == ["ok"] ? [] : integrity))
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "a row of \(row[0] as String? ?? "?") (rowid \(row[1] as Int64? ?? 0)) points at a missing row of "
                    + (row[2] as String? ?? "?")
            }
            checks.append(.init(name: "foreign keys", problems: keys))
            // Databases from before the codebook (v4) have neither full-text indexes nor themes.
            if try db.tableExists("interviewTheme") {
                checks.append(.init(name: "themes of each interview", problems: try Self.derivedThemeProblems(in: db)))
            }
        }
        if try read({ try $0.tableExists("answerSearch") }) {
            checks.insert(contentsOf: try fullTextChecks(), at: 2)
        }
        return IntegrityReport(path: path ?? ":memory:", checks: checks)
    }

    /// FTS5's own check of each full-text index. It is run as an INSERT, so it needs a connection that may
    /// write (a second one, when this store only reads); it changes nothing, and is rolled back all the same.
    private func fullTextChecks() throws -> [IntegrityReport.Check] {
        let tables = ["answerSearch", "answerSearchExact", "noteSearch", "noteSearchExact"]
        let connection: any DatabaseWriter
        if !isReadOnly {
            connection = writer
        } else if let path, access(path, W_OK) == 0, let queue = try? DatabaseQueue(path: path) {
            connection = queue
        } else {
            return [.init(name: "full-text indexes", problems: [], skipped: "the file cannot be written here")]
        }
        var problems: [String] = []
        try connection.writeWithoutTransaction { db in
            try db.inTransaction {
                for table in tables {
                    do {
                        try db.execute(sql: "INSERT INTO \(table) (\(table)) VALUES ('integrity-check')")
                    } catch let error as DatabaseError {
                        problems.append("\(table): \(error.message ?? "damaged")")
                    }
                }
                return .rollback
            }
        }
        return [.init(name: "full-text indexes", problems: problems)]
    }

    /// Interviews whose stored themes differ from what their codes give.
    private static func derivedThemeProblems(in db: Database) throws -> [String] {
        let differing = try Int64.fetchAll(
            db,
            sql: """
                WITH RECURSIVE lineage (themeID, ancestorID) AS (
                    SELECT id, id FROM theme WHERE mergedInto IS NULL
                    UNION
                    SELECT lineage.themeID, theme.parentID FROM lineage JOIN theme ON theme.id = lineage.ancestorID
                    WHERE theme.parentID IS NOT NULL
                ),
                expected (interviewID, themeID, isPrimary) AS (
                    SELECT code.interviewID, lineage.ancestorID, max(code.isPrimary)
                    FROM code JOIN lineage ON lineage.themeID = code.themeID
                    GROUP BY code.interviewID, lineage.ancestorID
                )
                SELECT DISTINCT interviewID FROM (
                    SELECT * FROM expected EXCEPT SELECT interviewID, themeID, isPrimary FROM interviewTheme
                    UNION ALL
                    SELECT * FROM (SELECT interviewID, themeID, isPrimary FROM interviewTheme EXCEPT SELECT * FROM expected))
                ORDER BY interviewID LIMIT 20
                """)
        return differing.map { "interview #\($0): its themes do not match its codes" }
    }

    /// The checks cheap enough to make before every write: the file's header, its size against its pages, and that
    /// its schema reads. They catch a truncated or overwritten file, not a damaged page inside it
    /// (``checkIntegrity()`` does).
    static func checkHeader(at path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        guard !header.isEmpty else { return }  // a new, empty file
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError.notADatabase(path: path)
        }
        func number(_ offset: Int, _ size: Int) -> Int {
            header[offset..<offset + size].reduce(0) { $0 << 8 | Int($1) }
        }
        let rawPageSize = number(16, 2)
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            throw StoreError.corrupt(path: path)
        }
        let fileSize = Int((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64 ?? 0)
        // The page count in the header is valid when its "valid for" number matches the change counter.
        let pages = number(28, 4)
        if number(92, 4) == number(24, 4), pages > 0, fileSize < pages * pageSize || fileSize % pageSize != 0 {
            throw StoreError.corrupt(path: path)
        }
    }

    /// Copies the database, as it is at one moment, to a new file at `path` through SQLite's online backup (safe
    /// while others use the database), private to the user (0600), written beside `path` and renamed into place
    /// only once SQLite's integrity check of the copy passes.
    public func backup(to path: String) throws -> BackupSummary {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw RequestError.invalid(
                field: "backup", message: "\(path) already exists; choose a new file, so that no backup is overwritten")
        }
        let (descriptor, temporary) = try OutputFile.temporaryFile(beside: path)
        close(descriptor)
        var finished = false
        var counts = (0, 0)
        defer {
            if !finished {
                for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
            }
        }
        do {
            let destination = try DatabaseQueue(path: temporary)
            try writer.backup(to: destination)
            let (check, deals, interviews) = try destination.read { db in
                (
                    try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM deal") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM interview") ?? 0
                )
            }
            guard check == ["ok"] else {
                throw StoreError.io(
                    path: path,
                    reason: "the copy did not pass SQLite's integrity check: " + check.joined(separator: "; "))
            }
            try destination.close()
            counts = (deals, interviews)
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_FULL { throw OutputFileError.diskFull(path: path) }
            throw Self.translate(error, path: path)
        }
        guard rename(temporary, path) == 0 else { throw OutputFileError(errno: errno, path: path, creating: true) }
        finished = true
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64 ?? 0
        return BackupSummary(path: path, bytes: bytes, deals: counts.0, interviews: counts.1)
    }
}
