import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// A folder of its own for one test, removed when the test ends.
final class TemporaryDirectory: @unchecked Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "winloss-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// The permission bits of a file, such as 0o600.
func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

func fileBytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

/// Every row of every table, as text: two databases with equal dumps hold the same data.
func dump(_ store: WinLossStore) throws -> String {
    try store.read { db in
        var text = ""
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        for table in tables {
            text += "## \(table)\n"
            text +=
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted().joined(separator: "\n")
                + "\n"
        }
        return text
    }
}

func count(_ store: WinLossStore, _ table: String) throws -> Int {
    try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
}

/// Fails the test with the error's description when `body` throws something else than `E`.
func expectError<E: Error>(_ type: E.Type, _ body: () throws -> some Any) -> E? {
    do {
        _ = try body()
        Issue.record("expected \(E.self), but nothing was thrown")
    } catch let error as E {
        return error
    } catch {
        Issue.record("expected \(E.self), got \(error)")
    }
    return nil
}
