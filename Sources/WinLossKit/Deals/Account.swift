import Foundation
import GRDB

/// A buying company, with the segment attributes reports break results down by.
package struct Account: Codable, Sendable, Equatable, Identifiable, FetchableRecord, TableRecord {
    package var id: Int64?
    /// The CRM's own id for the account, when an export carries it.
    package var externalID: String?
    package var name: String
    package var industry: String?
    package var region: String?
    /// A size band such as `201-500` (employees) or the CRM's own segment name.
    package var sizeBand: String?
    package var createdAt: Date
    package var updatedAt: Date

    package init(
        id: Int64? = nil, externalID: String? = nil, name: String, industry: String? = nil, region: String? = nil,
        sizeBand: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.industry = industry
        self.region = region
        self.sizeBand = sizeBand
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    package static let databaseTableName = "account"

    /// The band an employee count falls in (LinkedIn's bands), so that accounts of similar size group together.
    package static func sizeBand(employees: Int) -> String {
        switch employees {
        case ..<11: "1-10"
        case ..<51: "11-50"
        case ..<201: "51-200"
        case ..<501: "201-500"
        case ..<1001: "501-1000"
        case ..<5001: "1001-5000"
        case ..<10001: "5001-10000"
        default: "10001+"
        }
    }
}
