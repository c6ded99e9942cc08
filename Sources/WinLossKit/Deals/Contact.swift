import Foundation
import GRDB

/// A person at a buying account: one of the buyers an interviewer may speak to.
public struct Contact: Codable, Sendable, Equatable, Identifiable, FetchableRecord, TableRecord {
    public var id: Int64?
    public var accountID: Int64
    public var name: String
    public var title: String?
    public var email: String?
    public var phone: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, accountID: Int64, name: String, title: String? = nil, email: String? = nil,
        phone: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.title = title
        self.email = email
        self.phone = phone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public static let databaseTableName = "contact"
}
