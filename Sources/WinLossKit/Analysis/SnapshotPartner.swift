import Dispatch
import GRDB

/// A second read-only connection to a database file that reads the very same snapshot as a transaction already
/// open on the main connection, on another thread: a report reads its deals while it counts its interviews and
/// themes, and every figure still comes from one state of the file.
///
/// SQLite fixes a reader's snapshot at its first read. Both readers take theirs while a third connection holds the
/// write lock (`BEGIN IMMEDIATE`), so no commit can fall between them; the lock is let go at once, before any
/// real work. If the lock is taken (an import is writing) or the file cannot be opened for writing, there is no
/// partner, and the caller reads everything on its own connection.
final class SnapshotPartner: @unchecked Sendable {
    private let lock: DatabaseQueue
    private let partner: DatabaseQueue
    private let established = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var started = false
    // Written by the partner's thread before `finished` is signalled, read after waiting for it.
    private var outcome: Result<Any, any Error>?

    /// nil when the file has no room for a partner: in memory, not writable, or locked by a writer.
    init?(path: String?) {
        guard let path else { return nil }
        do {
            // Fails at once, rather than waiting, when another connection is writing.
            var lockConfiguration = Configuration()
            lockConfiguration.busyMode = .immediateError
            // The lock is a transaction held from one access to the next, on purpose.
            lockConfiguration.allowsUnsafeTransactions = true
            lock = try DatabaseQueue(path: path, configuration: lockConfiguration)
            var partnerConfiguration = Configuration()
            partnerConfiguration.readonly = true
            partnerConfiguration.busyMode = .timeout(WinLossStore.busyTimeout)
            partnerConfiguration.publicStatementArguments = false
            partner = try DatabaseQueue(path: path, configuration: partnerConfiguration)
            try lock.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        } catch {
            return nil
        }
    }

    deinit {
        if started {
            finished.wait()
        } else {
            try? lock.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        }
    }

    /// Takes the snapshot of `db` (a read transaction on the main connection), starts `work` on the partner's
    /// connection with the same snapshot on another thread, and lets go of the write lock.
    func start<T>(alongside db: Database, _ work: @escaping @Sendable (Database) throws -> T) throws {
        defer { try? lock.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") } }
        // The main connection's snapshot.
        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
        started = true
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            do {
                let value = try partner.read { db -> T in
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                    established.signal()
                    return try work(db)
                }
                outcome = .success(value)
            } catch {
                established.signal()
                outcome = .failure(error)
            }
            finished.signal()
        }
        established.wait()
    }

    /// The partner's result, once it has finished.
    func result<T>(as: T.Type) throws -> T {
        guard started else { throw RequestError.invalid(field: "report", message: "the parallel reader never started") }
        finished.wait()
        finished.signal()
        switch outcome {
        case .success(let value as T)?: return value
        case .failure(let error)?: throw error
        default: throw RequestError.invalid(field: "report", message: "the parallel reader gave nothing back")
        }
    }
}
