import Foundation
import GRDB

// MARK: - People

extension WinLossStore {
    /// Adds a person. Emails are unique, whatever their letter case.
    @discardableResult
    public func addPerson(name: String, email: String?, role: PersonRole, assumedCycleDays: Int? = nil) throws
        -> Person
    {
        let name = try Validate.required(name, field: "name")
        let email = try Validate.email(email)
        try Validate.cycleDays(assumedCycleDays)
        return try write { db in
            if let email, !(try Lookup.personIDs(email: email, in: db).isEmpty) {
                throw RequestError.duplicate(
                    kind: "person with email", key: email, hint: .listPeople)
            }
            let now = clock.now()
            let id = try PersonTable.insert(
                name: name, email: email, role: role, assumedCycleDays: assumedCycleDays, at: StoredTime(now), in: db)
            return Person(
                id: id, name: name, email: email, role: role, assumedCycleDays: assumedCycleDays, createdAt: now)
        }
    }

    /// Records how long a rep says their sales cycle is (nil forgets it), for reports to set beside the real one.
    @discardableResult
    public func setAssumedCycle(_ key: String, days: Int?) throws -> Person {
        try Validate.cycleDays(days)
        return try write { db in
            var person = try Lookup.person(key, in: db)
            try PersonTable.setAssumedCycle(days, id: person.id ?? 0, in: db)
            person.assumedCycleDays = days
            return person
        }
    }

    /// People by name, optionally only those in one role.
    public func people(role: PersonRole? = nil) throws -> [Person] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM person WHERE ?1 IS NULL OR role = ?1 ORDER BY name COLLATE NOCASE, id",
                arguments: [role?.rawValue]
            ).map(Person.init(row:))
        }
    }

    /// The person with this email, or with this name if it is not an email.
    package func person(matching key: String) throws -> Person {
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

    static func cycleDays(_ days: Int?) throws {
        guard let days else { return }
        guard (1...3650).contains(days) else {
            throw RequestError.invalid(
                field: "assumed cycle", message: "\(days) days is not a sales cycle; give 1 to 3650")
        }
    }

    static func email(_ text: String?, field: String = "email") throws -> String? {
        guard let email = optional(text) else { return nil }
        guard Person.isPlausibleEmail(email) else {
            throw RequestError.invalid(field: field, message: "\(email.debugDescription) is not an email address")
        }
        return email
    }
}
