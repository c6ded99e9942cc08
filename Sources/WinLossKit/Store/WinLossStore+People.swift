import Foundation
import GRDB

// MARK: - People

extension WinLossStore {
    /// Adds a person. Emails are unique, whatever their letter case.
    @discardableResult
    public func addPerson(name: String, email: String?, role: PersonRole) throws -> Person {
        let name = try Validate.required(name, field: "name")
        let email = try Validate.email(email)
        return try write { db in
            if let email, !(try Lookup.personIDs(email: email, in: db).isEmpty) {
                throw RequestError.duplicate(
                    kind: "person with email", key: email, hint: "list people with `winloss person list`")
            }
            var person = Person(name: name, email: email, role: role)
            try person.insert(db)
            return person
        }
    }

    /// People by name, optionally only those in one role.
    public func people(role: PersonRole? = nil) throws -> [Person] {
        try read { db in
            var request = Person.order(sql: "name COLLATE NOCASE, id")
            if let role { request = request.filter(sql: "role = ?", arguments: [role]) }
            return try request.fetchAll(db)
        }
    }

    /// The person with this email, or with this name if it is not an email.
    public func person(matching key: String) throws -> Person {
        try read { db in try Lookup.person(key, in: db) }
    }
}

/// Checks for values typed on the command line, shared by the commands that add records.
enum Validate {
    static func required(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { throw RequestError.invalid(field: field, message: "must not be empty") }
        return trimmed
    }

    static func optional(_ text: String?) -> String? {
        guard let trimmed = text?.trimmed, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    static func email(_ text: String?, field: String = "email") throws -> String? {
        guard let email = optional(text) else { return nil }
        guard Person.isPlausibleEmail(email) else {
            throw RequestError.invalid(field: field, message: "\(email.debugDescription) is not an email address")
        }
        return email
    }
}
