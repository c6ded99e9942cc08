import Foundation
import GRDB

/// Someone in the selling company: a rep who works deals, or an interviewer, or a manager.
public struct Person: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var name: String
    /// Unique when present. CRM exports often name a deal's owner without an email, so it may be missing.
    public var email: String?
    public var role: PersonRole
    /// How long a rep says their sales cycle is, in days, to set beside the real one in reports.
    public var assumedCycleDays: Int?
    package var createdAt: Date

    package init(
        id: Int64? = nil, name: String, email: String?, role: PersonRole, assumedCycleDays: Int? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.assumedCycleDays = assumedCycleDays
        self.createdAt = createdAt
    }
}

extension Person {
    /// A row of `person`.
    init(row: Row) throws {
        self.init(
            id: row["id"], name: row["name"], email: row["email"],
            role: try row.decode(PersonRole.self, forColumn: "role"), assumedCycleDays: row["assumedCycleDays"],
            createdAt: row["createdAt"])
    }
}

extension Person {
    /// A loose check that catches the usual typing slips (one `@`, a dot in the domain, no spaces or brackets),
    /// not a full RFC 5322 validator.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else { return false }
        let domain = bytes[bytes.index(after: at)...]
        guard let firstByte = domain.first, let lastByte = domain.last, firstByte != UInt8(ascii: "."),
            lastByte != UInt8(ascii: "."), domain.contains(UInt8(ascii: ".")), !domain.contains(UInt8(ascii: "@"))
        else { return false }
        return !bytes.contains { byte in
            byte <= 0x20 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        }
    }
}
