import Foundation
import GRDB
import Testing

@testable import WinLossKit

struct StoreFileTests {
    @Test func createsThePrivateFileAndFolder() throws {
        // Given a path whose folder does not exist
        let folder = TemporaryDirectory()
        let path = folder.file("nested/winloss/db.sqlite")
        // When the store opens it
        let store = try WinLossStore.open(path: path)
        try store.addPerson(name: "Dana", email: "dana@example.com", role: .marketing)
        // Then the file is 0600, its folders 0700, and SQLite's side files as private as the database
        #expect(try permissions(path) == 0o600)
        #expect(try permissions(folder.file("nested/winloss")) == 0o700)
        #expect(try permissions(folder.file("nested")) == 0o700)
        #expect(try permissions(path + "-wal") == 0o600)
        #expect(try permissions(path + "-shm") == 0o600)
    }

    @Test func usesWALFullSyncForeignKeysAndABusyTimeout() throws {
        let folder = TemporaryDirectory()
        let store = try WinLossStore.open(path: folder.file("db.sqlite"))
        let pragmas = try store.read { db in
            try ["journal_mode", "synchronous", "foreign_keys", "busy_timeout", "application_id"].map {
                try String.fetchOne(db, sql: "PRAGMA \($0)")
            }
        }
        let expected = ["wal", "2", "1", String(Int(WinLossStore.busyTimeout * 1000)), String(Schema.applicationID)]
        #expect(pragmas == expected)  // synchronous 2 is FULL
    }

    @Test func migratesANewFile() throws {
        let folder = TemporaryDirectory()
        let store = try WinLossStore.open(path: folder.file("db.sqlite"))
        #expect(try store.appliedMigrations() == WinLossStore.knownMigrations)
        for table in [
            "person", "account", "accountAttribute", "contact", "deal", "dealCompetitor", "dealAttribute",
            "dealContact", "templateVersion", "interview",
        ] {
            #expect(try store.read { try $0.tableExists(table) }, "table \(table)")
        }
    }

    @Test func migratesAnExistingFileFromEveryEarlierSchema() throws {
        // For each state a released winloss may have left a file in, the current one brings it up to date
        // and keeps what it held.
        let migrations = WinLossStore.knownMigrations
        for (index, identifier) in migrations.enumerated() {
            let folder = TemporaryDirectory()
            let path = folder.file("db.sqlite")
            do {
                let queue = try DatabaseQueue(path: path)
                try Schema.migrator().migrate(queue, upTo: identifier)
                try queue.write { db in
                    try db.execute(
                        sql:
                            "INSERT INTO person (name, email, role, createdAt) VALUES ('Old', 'old@example.com', 'rep', '2025-01-01 00:00:00.000')"
                    )
                }
            }
            let store = try WinLossStore.open(path: path)
            #expect(try store.appliedMigrations() == migrations, "from \(identifier) (#\(index + 1))")
            #expect(try store.people().map(\.email) == ["old@example.com"])
        }
    }

    @Test func reopensAnExistingDatabaseWithItsData() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("db.sqlite")
        try WinLossStore.open(path: path).addPerson(name: "Ana", email: "ana@example.com", role: .rep)
        let again = try WinLossStore.open(path: path, mode: .mustExist)
        #expect(try again.people().map(\.name) == ["Ana"])
        #expect(try again.quickCheck() == ["ok"])
    }

    @Test func refusesADatabaseFromANewerWinlossAndLeavesItUntouched() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("db.sqlite")
        do {
            let store = try WinLossStore.open(path: path)
            try store.addPerson(name: "Ana", email: "ana@example.com", role: .rep)
            try store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-future')") }
        }
        let before = try fileBytes(path)
        let error = expectError(StoreError.self) { try WinLossStore.open(path: path) }
        #expect(error == .newerSchema(path: path, unknownMigrations: ["v9-future"]))
        #expect(error?.description.contains("newer version of winloss") == true)
        #expect(try fileBytes(path) == before)
    }

    @Test func refusesAFileThatIsNotADatabaseAndNeverOverwritesIt() throws {
        let folder = TemporaryDirectory()
        let path = try folder.write(
            "notes.sqlite", String(repeating: "These are my notes, not a database.\n", count: 200))
        let before = try fileBytes(path)
        let error = expectError(StoreError.self) { try WinLossStore.open(path: path) }
        #expect(error == .notADatabase(path: path))
        #expect(error?.description.contains(path) == true)
        #expect(try fileBytes(path) == before)
        #expect(error?.kind == .unavailable)
    }

    @Test func refusesADamagedDatabase() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("db.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID); CREATE TABLE t (x)")
            }
        }
        // Scribble over the first page's b-tree header, where SQLite finds the schema.
        var bytes = [UInt8](try fileBytes(path))
        for offset in 100..<112 { bytes[offset] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = expectError(StoreError.self) { try WinLossStore.open(path: path) }
        #expect(error == .corrupt(path: path))
        #expect(try [UInt8](fileBytes(path)) == bytes)
    }

    @Test func refusesAnotherProgramsDatabase() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
            }
        }
        let before = try fileBytes(path)
        #expect(expectError(StoreError.self) { try WinLossStore.open(path: path) } == .foreignDatabase(path: path))
        #expect(try fileBytes(path) == before)
    }

    @Test func readOnlyCommandsDoNotCreateAFile() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("typo.sqlite")
        #expect(
            expectError(StoreError.self) { try WinLossStore.open(path: path, mode: .mustExist) } == .missing(path: path)
        )
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(
            expectError(StoreError.self) { try WinLossStore.open(path: folder.path) }
                == .cannotOpen(path: folder.path, reason: "it is a folder"))
    }

    @Test func manyConnectionsOpeningANewFileAtOnceAllSucceed() throws {
        // The migrator's race: every opener finds the schema missing; the slower ones must not fail.
        for round in 0..<5 {
            let folder = TemporaryDirectory()
            let path = folder.file("db.sqlite")
            let failures = LockedList()
            DispatchQueue.concurrentPerform(iterations: 6) { worker in
                do {
                    let store = try WinLossStore.open(path: path)
                    try store.addPerson(name: "P\(worker)", email: "p\(worker)@example.com", role: .rep)
                } catch {
                    failures.append("\(error)")
                }
            }
            #expect(failures.items.isEmpty, "round \(round): \(failures.items)")
            #expect(try WinLossStore.open(path: path).people().count == 6)
        }
    }
}

struct StoreLocationTests {
    @Test func followsOptionThenEnvironmentThenXDGThenHome() {
        let env = ["WINLOSS_DB": "/data/w.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]
        #expect(
            StoreLocation.resolve(option: "/opt/x.sqlite", environment: env)
                == StoreLocation(path: "/opt/x.sqlite", source: .option))
        #expect(
            StoreLocation.resolve(option: nil, environment: env)
                == StoreLocation(path: "/data/w.sqlite", source: .environment))
        #expect(
            StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]).path
                == "/xdg/winloss/winloss.sqlite")
        #expect(
            StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]).path
                == "/home/u/.local/share/winloss/winloss.sqlite")
        #expect(StoreLocation.resolve(option: nil, environment: ["HOME": "/home/u"]).source == .home)
        #expect(StoreLocation.resolve(option: "rel.sqlite", environment: [:]).path.hasSuffix("/rel.sqlite"))
    }
}

final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ item: String) {
        lock.lock()
        storage.append(item)
        lock.unlock()
    }

    var items: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
