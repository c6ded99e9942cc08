import GRDB

extension InterviewStatus: DatabaseValueConvertible {}
extension QuotePermission: DatabaseValueConvertible {}

/// The one writer of `interview` and `interviewNote`: interviews scheduled, started, answered from a session or
/// a file, closed, or generated; and the interviewer's private notes on them.
///
/// Every status change goes through here, and stamps `updatedAt`.
enum InterviewTable {
    /// An interview as it is first written: scheduled, or (generated) already held.
    struct New {
        var dealID: Int64
        var templateVersionID: Int64
        var status: InterviewStatus
        var contactID: Int64?
        var interviewerID: Int64?
        var scheduledFor: StoredTime?
        var repOverrideReason: String?
        var startedAt: StoredTime?
        var interviewedOn: CalendarDate?
        var closedAt: StoredTime?
        var consent: Consent?
        var createdAt: StoredTime
        var updatedAt: StoredTime
    }

    static func insert(_ new: New, in db: Database) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO interview (dealID, templateVersionID, status, contactID, interviewerID, scheduledFor,
                                       repOverrideReason, startedAt, interviewedOn, closedAt, quotePermission,
                                       recordingAllowed, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            new.dealID, new.templateVersionID, new.status, new.contactID, new.interviewerID, new.scheduledFor,
            new.repOverrideReason, new.startedAt, new.interviewedOn, new.closedAt, new.consent?.quote,
            new.consent?.recordingAllowed, new.createdAt, new.updatedAt,
        ])
        return db.lastInsertedRowID
    }

    /// A scheduled interview begins.
    static func start(_ id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(
            sql: "UPDATE interview SET status = ?, startedAt = ?, updatedAt = ? WHERE id = ?"
        ).execute(arguments: [InterviewStatus.inProgress, time, time, id])
    }

    /// The calendar day the interview took place.
    static func setInterviewedOn(_ day: CalendarDate, id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE interview SET interviewedOn = ? WHERE id = ?").execute(arguments: [day, id])
    }

    /// Records the buyer's consent choices given (nil leaves a choice as it is).
    static func setConsent(
        quote: QuotePermission?, recordingAllowed: Bool?, id: Int64, at time: StoredTime, in db: Database
    ) throws {
        guard quote != nil || recordingAllowed != nil else { return }
        try db.cachedStatement(
            sql: """
                UPDATE interview SET quotePermission = coalesce(?, quotePermission),
                                     recordingAllowed = coalesce(?, recordingAllowed), updatedAt = ?
                WHERE id = ?
                """
        ).execute(arguments: [quote, recordingAllowed, time, id])
    }

    static func complete(_ id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE interview SET status = ?, closedAt = ?, updatedAt = ? WHERE id = ?")
            .execute(arguments: [InterviewStatus.completed, time, time, id])
    }

    /// Closes an interview that did not take place, as declined or no-show, with why.
    static func close(_ id: Int64, as status: InterviewStatus, note: String?, at time: StoredTime, in db: Database)
        throws
    {
        try db.cachedStatement(
            sql: "UPDATE interview SET status = ?, closedAt = ?, closingNote = ?, updatedAt = ? WHERE id = ?"
        ).execute(arguments: [status, time, note, time, id])
    }

    /// Why the deal's own rep interviews its buyer, given when an import made the interviewer the rep.
    static func setRepOverrideReason(_ reason: String, id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE interview SET repOverrideReason = ? WHERE id = ?").execute(arguments: [
            reason, id,
        ])
    }

    /// Marks an interview changed when only its answers changed.
    static func touch(_ id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE interview SET updatedAt = ? WHERE id = ?").execute(arguments: [time, id])
    }

    /// An interviewer's private note, on one question or the whole interview.
    static func addNote(_ text: String, questionID: String?, interviewID: Int64, at time: StoredTime, in db: Database)
        throws
    {
        try db.cachedStatement(
            sql: "INSERT INTO interviewNote (interviewID, questionID, text, createdAt) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [interviewID, questionID, text, time])
    }
}
