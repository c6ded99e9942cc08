import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// `winloss check`, `winloss backup`, the checks made before writing, and files others may read.
struct DatabaseCareTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("programme.sqlite") }

    private func programme() throws {
        let fixture = try ReportFixture.file(at: db)
        _ = fixture
    }

    @Test func checkReportsASoundFile() throws {
        try programme()
        let result = try winloss.run(["check", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                Checked \(db):
                  SQLite integrity check: ok
                  foreign keys: ok
                  full-text indexes: ok
                  themes of each interview: ok
                The database is sound.

                """)
    }

    @Test func checkFindsAnIndexThatNoLongerMatchesItsTableAndThemesThatNoLongerMatchTheirCodes() throws {
        try programme()
        try DatabaseQueue(path: db).writeWithoutTransaction { db in
            // An index whose definition changed behind SQLite's back: its entries no longer match the rows.
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(
                sql:
                    "UPDATE sqlite_master SET sql = 'CREATE INDEX person_on_name ON person(email)' WHERE name = 'person_on_name'"
            )
            try db.execute(sql: "PRAGMA writable_schema = OFF")
            try db.execute(
                sql:
                    "DELETE FROM interviewTheme WHERE (interviewID, themeID) = (SELECT interviewID, themeID FROM interviewTheme LIMIT 1)"
            )
        }
        let result = try winloss.run(["check", "--db", db])
        #expect(result.status == 69)
        #expect(result.stdout.contains("SQLite integrity check: "))
        #expect(result.stdout.contains("person_on_name"))
        #expect(result.stdout.contains("themes of each interview: 1 problem\n    interview #"))
        #expect(
            result.stdout.hasSuffix(
                "The database is damaged; restore it from a backup (`winloss backup` makes one of a sound file).\n"))
        let json = try JSONDecoder().decode(
            IntegrityReport.self, from: Data(try winloss.run(["check", "--format", "json", "--db", db]).stdout.utf8))
        #expect(!json.isSound && json.checks.count == 4)
    }

    @Test func aDamagedFileIsNeverMigratedAndATruncatedOneNeverWritten() throws {
        try programme()
        // Damaged, and made by an earlier winloss: the migration would rewrite it, so it is refused first.
        try DatabaseQueue(path: db).writeWithoutTransaction { db in
            try db.execute(
                sql:
                    "DELETE FROM interviewTheme WHERE (interviewID, themeID) = (SELECT interviewID, themeID FROM interviewTheme LIMIT 1)"
            )
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-interview-day'")
            try db.execute(sql: "ALTER TABLE interview DROP COLUMN interviewedOn")
        }
        let before = try fileBytes(db)
        let write = try winloss.run([
            "person", "add", "--name", "Zed", "--email", "zed@example.com", "--role", "rep", "--db", db,
        ])
        #expect(write.status == 69)
        #expect(write.stderr.contains("is damaged: themes of each interview: interview #"))
        #expect(try fileBytes(db) == before)

        // Cut short (as by a full disk during a copy): refused by the cheap check before any write.
        let truncated = home.file("truncated.sqlite")
        try Data(before.prefix(before.count - 100)).write(to: URL(fileURLWithPath: truncated))
        let refused = try winloss.run([
            "person", "add", "--name", "Zed", "--email", "zed@example.com", "--role", "rep", "--db", truncated,
        ])
        #expect(refused.status == 69)
        #expect(refused.stderr.contains("the database \(truncated) is damaged"))
    }

    @Test func backupWritesAPrivateCheckedCopyAndNeverOverwrites() throws {
        try programme()
        let copy = home.file("backups/programme-copy.sqlite")
        try FileManager.default.createDirectory(atPath: home.file("backups"), withIntermediateDirectories: true)
        let result = try winloss.run(["backup", copy, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Backed up 39 deals and 35 interviews to \(copy) ("))
        #expect(result.stdout.hasSuffix("; the copy passed SQLite's integrity check.\n"))
        #expect(try permissions(copy) == 0o600)
        #expect(try winloss.run(["check", "--db", copy]).status == 0)
        #expect(
            try winloss.run(["deal", "list", "--format", "csv", "--db", copy]).stdout
                == (try winloss.run(["deal", "list", "--format", "csv", "--db", db]).stdout))
        let again = try winloss.run(["backup", copy, "--db", db])
        #expect(again.status == 1 && again.stderr.contains("already exists; choose a new file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.file("backups")) == ["programme-copy.sqlite"])
    }

    @Test func aDatabaseOthersMayReadIsMadePrivateOrWarnedAbout() throws {
        try #require(try winloss.run(["init", "--db", db]).status == 0)
        try #require(chmod(db, 0o644) == 0)
        // Reads never change the file: they say how to fix it.
        let read = try winloss.run(["person", "list", "--db", db])
        #expect(read.status == 0)
        #expect(read.stderr.contains("can be read by other users (mode 0644)"))
        #expect(read.stderr.contains("make it private with `chmod 600 \(db)`"))
        #expect(try permissions(db) == 0o644)
        // A write by its owner makes it private, and says so.
        let write = try winloss.run([
            "person", "add", "--name", "Ana", "--email", "ana@example.com", "--role", "rep", "--db", db,
        ])
        #expect(write.status == 0)
        #expect(write.stderr.contains("could be read by other users (mode 0644); it is now private to you (0600)"))
        #expect(try permissions(db) == 0o600)
    }
}
