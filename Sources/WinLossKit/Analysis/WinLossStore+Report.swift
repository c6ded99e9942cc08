import Foundation
import GRDB

extension WinLossStore {
    /// The manager's report over the deals `request.filter` keeps and their completed interviews. Counts and
    /// sums are taken in SQL, medians from the values as they stream past; only numbers are held, never rows.
    ///
    /// On a database file the deals are read on a second connection, on another thread, from the same snapshot
    /// as everything else (see ``SnapshotPartner``), so that a report uses both cores of a small machine.
    public func report(_ request: ReportRequest, now: Date? = nil) throws -> Report {
        let now = now ?? clock.now()
        let partner = ReportBuilder.needsDealFacts(request) && !isReadOnly ? SnapshotPartner(path: path) : nil
        return try read { db in
            try Self.withLargeCache(db) {
                let builder = ReportBuilder(db: db, request: request)
                guard let partner else { return try builder.build(now: now) }
                try partner.start(alongside: db) { db in
                    try Self.withLargeCache(db) { try ReportBuilder(db: db, request: request).dealFacts() }
                }
                return try builder.build(now: now) { try partner.result(as: ReportBuilder.DealFacts.self) }
            }
        }
    }

    /// Runs `body` with a page cache large enough to keep what a report reads several times in memory.
    private static func withLargeCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -32768")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        return try body()
    }
}
