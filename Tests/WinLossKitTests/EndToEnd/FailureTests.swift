import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// A small file system of its own, mounted for a test and gone after it: to fill a disk to the brim, or to make
/// a folder read-only for root too. Tests that need one run where mounting is allowed (as root).
final class TemporaryMount: @unchecked Sendable {
    let path: String
    private let folder = TemporaryDirectory()

    static var isAvailable: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")
    }

    init(kilobytes: Int) throws {
        path = folder.file("mount")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", path])
    }

    /// No more writes, even by root.
    func makeReadOnly() throws {
        try Self.run("/bin/mount", ["-o", "remount,ro", path])
    }

    /// Fills what is left of the space with one file.
    func fill() {
        _ = FileManager.default.createFile(atPath: path + "/filler", contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path + "/filler") else { return }
        let block = Data(count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
    }

    deinit {
        try? Self.run("/bin/umount", ["-l", path])
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RequestError.invalid(field: tool, message: "\(arguments) exited \(process.terminationStatus)")
        }
    }
}

/// Failures are reported with their own exit status and a message, and never crash, pass silently or leave a
/// half-written file.
struct FailureTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("winloss.sqlite") }

    /// Runs the binary with its standard output, or its standard error, going to `/dev/full`.
    private func runToFullDevice(_ arguments: [String], errors: Bool = false) throws -> (status: Int32, other: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Winloss.executable)
        process.arguments = arguments
        process.environment = winloss.environment
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let other = home.file("other-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: other, contents: nil)
        let otherHandle = try #require(FileHandle(forWritingAtPath: other))
        process.standardOutput = errors ? otherHandle : full
        process.standardError = errors ? full : otherHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOfFile: other, encoding: .utf8))
    }

    @Test func aFullDiskOnStandardOutputExits74WithAMessage() throws {
        _ = try ReportFixture.file(at: db)
        for arguments in [
            ["deal", "list", "--format", "csv", "--db", db], ["person", "list", "--db", db],
            ["report", "--format", "json", "--db", db], ["search", "price", "--db", db],
            ["template", "show", "loss"], ["codebook", "show", "--format", "yaml"], ["--help"], ["--version"],
        ] {
            let (status, stderr) = try runToFullDevice(arguments)
            #expect(status == 74, "\(arguments.joined(separator: " ")) exited \(status)")
            #expect(
                stderr.contains("winloss: error: cannot write the output: No space left on device"),
                "\(arguments.joined(separator: " ")): \(stderr)")
        }
    }

    @Test func aFullDiskOnStandardErrorKeepsTheExitStatus() throws {
        let (status, _) = try runToFullDevice(["person", "list", "--db", "/nonexistent/x.sqlite"], errors: true)
        #expect(status == 66)
        let (usage, _) = try runToFullDevice(["deal", "list", "--outcome", "maybe"], errors: true)
        #expect(usage == 64)
    }

    @Test(.enabled(if: TemporaryMount.isAvailable))
    func aReadOnlyDatabaseCanBeReadAndRefusesWritesWithAReason() throws {
        let mount = try TemporaryMount(kilobytes: 4096)
        let path = mount.path + "/programme.sqlite"
        #expect(
            try winloss.run([
                "person", "add", "--name", "Ana Lima", "--email", "ana@example.com", "--role", "rep", "--db", path,
            ])
            .status == 0)
        try mount.makeReadOnly()
        let listed = try winloss.run(["person", "list", "--format", "csv", "--db", path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Ana Lima"))
        #expect(try winloss.run(["report", "--format", "json", "--db", path]).status == 0)
        let added = try winloss.run([
            "person", "add", "--name", "Ben", "--email", "ben@example.com", "--role", "rep", "--db", path,
        ])
        #expect(added.status == 74)
        #expect(added.stderr.contains("cannot be written (Read-only file system); nothing was changed"))
    }

    @Test(.enabled(if: TemporaryMount.isAvailable))
    func anOutputFileOnAFullDiskExits74AndLeavesNoFile() throws {
        _ = try ReportFixture.file(at: db)
        let mount = try TemporaryMount(kilobytes: 64)
        mount.fill()
        let report = mount.path + "/report.html"
        let written = try winloss.run(["report", "--format", "html", "--output", report, "--db", db])
        #expect(written.status == 74)
        #expect(written.stderr.contains("--output: the disk is full: \(report) was not written"))
        let export = mount.path + "/export.csv"
        let exported = try winloss.run(["demo", "export", "salesforce", "--deals", "2000", "--output", export])
        #expect(exported.status == 74)
        #expect(exported.stderr.contains("--output: the disk is full"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.path) == ["filler"])
    }

    @Test func anOutputFileInAFolderThatIsNotThereExits73() throws {
        _ = try ReportFixture.file(at: db)
        let result = try winloss.run([
            "report", "--output", home.file("no/such/report.md"), "--format", "md", "--db", db,
        ])
        #expect(result.status == 73)
        #expect(
            result.stderr.contains(
                "--output: cannot create \(home.file("no/such/report.md")): its folder does not exist"))
    }

    @Test func aDatabaseWithoutItsMigrationRecordIsRefusedUntouchedByReadsAndWrites() throws {
        try #require(
            try winloss.run([
                "person", "add", "--name", "Ana", "--email", "ana@example.com", "--role", "rep", "--db", db,
            ])
            .status == 0)
        try DatabaseQueue(path: db).write { try $0.execute(sql: "DROP TABLE grdb_migrations") }
        let before = try fileBytes(db)
        for arguments in [
            ["deal", "list"], ["person", "add", "--name", "Ben", "--email", "ben@example.com", "--role", "rep"],
        ] {
            let result = try winloss.run(arguments + ["--db", db])
            #expect(result.status == 69, "\(arguments)")
            #expect(result.stderr.contains("record of schema changes (grdb_migrations) is missing"))
            #expect(!result.stderr.contains("CREATE TABLE"))
        }
        #expect(try fileBytes(db) == before)
    }

    @Test func aReadNeverBringsAnOlderSchemaUpToDate() throws {
        try #require(
            try winloss.run([
                "person", "add", "--name", "Ana", "--email", "ana@example.com", "--role", "rep", "--db", db,
            ])
            .status == 0)
        // As an earlier winloss left it: without the last migration.
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-interview-day'")
            try db.execute(sql: "ALTER TABLE interview DROP COLUMN interviewedOn")
        }
        let before = try fileBytes(db)
        let read = try winloss.run(["person", "list", "--db", db])
        #expect(read.status == 69)
        #expect(read.stderr.contains("was written by an earlier version of winloss; run `winloss init` once"))
        #expect(try fileBytes(db) == before)
        #expect(try winloss.run(["init", "--db", db]).status == 0)
        #expect(try winloss.run(["person", "list", "--db", db]).status == 0)
    }

    @Test func aHeaderSQLiteCannotUseIsRefusedWithTheFilesName() throws {
        try #require(try winloss.run(["init", "--db", db]).status == 0)
        var bytes = [UInt8](try fileBytes(db))
        bytes[47] = 5  // the schema format number: 1 to 4 are the ones SQLite knows
        try Data(bytes).write(to: URL(fileURLWithPath: db))
        for arguments in [
            ["deal", "list"], ["person", "add", "--name", "Ben", "--email", "b@x.example", "--role", "rep"],
        ] {
            let result = try winloss.run(arguments + ["--db", db])
            #expect(result.status == 69)
            #expect(result.stderr.contains("the database \(db) has a header this SQLite cannot use"))
        }
    }

    @Test func anIOErrorIsNeverCalledDamage() {
        let error = WinLossStore.translate(
            DatabaseError(resultCode: .SQLITE_IOERR_SHORT_READ, message: "disk I/O error"), path: "/x.sqlite")
        #expect(error as? StoreError == .io(path: "/x.sqlite", reason: "disk I/O error"))
        #expect((error as? any WinLossError)?.kind == .io)
    }

    @Test func standardInputIsRefusedAsSoonAsItPassesItsLimitAndNamedForWhatItIs() throws {
        let fixture = try InterviewFixture(store: try WinLossStore.open(path: db))
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        try fixture.store.startInterview(id)
        // 20 MB of answers: read only up to the limit, in bounded memory.
        let big = home.file("big.yaml")
        let line = Data("answers:\n".utf8) + Data(repeating: UInt8(ascii: "#"), count: 1 << 20) + Data("\n".utf8)
        let handle = try #require(FileHandle(forWritingAtPath: try home.write("big.yaml", "")))
        for _ in 0..<20 { try handle.write(contentsOf: line) }
        try handle.close()
        let recorded = try winloss.run(
            ["interview", "record", String(id), "--answers", "-", "--db", db], stdinFile: big)
        #expect(recorded.status == 65)
        #expect(recorded.stderr.contains("<stdin>: error: is larger than 1024 KiB, the most an answers file may be"))
        #expect(!recorded.stderr.contains("template"))
        // The same limit for a named file, with its size.
        let named = try winloss.run(["interview", "record", String(id), "--answers", big, "--db", db])
        #expect(named.status == 65)
        #expect(named.stderr.contains("big.yaml: error: is 20480 KiB; an answers file may be at most 1024 KiB"))
        // And for an answer typed into `interview edit`.
        let edited = try winloss.run(["interview", "edit", String(id), "current_state", "--db", db], stdinFile: big)
        #expect(edited.status == 65)
        #expect(edited.stderr.contains("standard input is larger than 1024 KiB; an answer may be at most 1024 KiB"))
    }
}
