import Foundation
import GRDB

/// Someone in the selling company: a rep who works deals, or an interviewer, or a manager.
public struct Person: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var name: String
    /// Unique when present. CRM exports often name a deal's owner without an email, so it may be missing.
    public var email: String?
    public var role: PersonRole
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, email: String?, role: PersonRole, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.createdAt = createdAt
    }

    public static let databaseTableName = "person"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Person {
    /// A loose check that catches the usual typing slips, not a full RFC 5322 validator.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == "<" || $0 == ">" })
    }
}
