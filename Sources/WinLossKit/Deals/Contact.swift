import Foundation
import GRDB

/// A person at a buying account: one of the buyers an interviewer may speak to.
package struct Contact: Codable, Sendable, Equatable, Identifiable, FetchableRecord, TableRecord {
    package var id: Int64?
    package var accountID: Int64
    package var name: String
    package var title: String?
    package var email: String?
    package var phone: String?
    package var createdAt: Date
    package var updatedAt: Date

    package init(
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

    package static let databaseTableName = "contact"
}
