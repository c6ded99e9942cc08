import GRDB

extension InterviewStatus: DatabaseValueConvertible {}
extension QuotePermission: DatabaseValueConvertible {}

/// The one writer of `interview` and `interviewNote`: interviews scheduled, started, answered from a session or
/// a file, closed, or generated; and the interviewer's private notes on them.
///
/// Every status change goes through here, and stamps `updatedAt`.
package enum InterviewTable {
    /// An interview as it is first written: scheduled, or (generated) already held.
    package struct New {
        package var dealID: Int64
        package var templateVersionID: Int64
        package var status: InterviewStatus
        package var contactID: Int64?
        package var interviewerID: Int64?
        package var scheduledFor: StoredTime?
        package var repOverrideReason: String?
        package var startedAt: StoredTime?
        package var interviewedOn: CalendarDate?
        package var closedAt: StoredTime?
        package var consent: Consent?
        package var createdAt: StoredTime
        package var updatedAt: StoredTime

        package init(
            dealID: Int64, templateVersionID: Int64, status: InterviewStatus, contactID: Int64?,
            interviewerID: Int64?, scheduledFor: StoredTime?, repOverrideReason: String? = nil,
            startedAt: StoredTime? = nil, interviewedOn: CalendarDate? = nil, closedAt: StoredTime? = nil,
            consent: Consent? = nil, createdAt: StoredTime, updatedAt: StoredTime
        ) {
            self.dealID = dealID
            self.templateVersionID = templateVersionID
            self.status = status
            self.contactID = contactID
            self.interviewerID = interviewerID
            self.scheduledFor = scheduledFor
            self.repOverrideReason = repOverrideReason
            self.startedAt = startedAt
            self.interviewedOn = interviewedOn
            self.closedAt = closedAt
            self.consent = consent
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }
    }

    package static func insert(_ new: New, in db: Database) throws -> Int64 {
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
    package static func start(_ id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(
            sql: "UPDATE interview SET status = ?, startedAt = ?, updatedAt = ? WHERE id = ?"
        ).execute(arguments: [InterviewStatus.inProgress, time, time, id])
    }

    /// The calendar day the interview took place.
    package static func setInterviewedOn(_ day: CalendarDate, id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE interview SET interviewedOn = ? WHERE id = ?").execute(arguments: [day, id])
    }

    /// Records the buyer's consent choices given (nil leaves a choice as it is).
    package static func setConsent(
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

    package static func complete(_ id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE interview SET status = ?, closedAt = ?, updatedAt = ? WHERE id = ?")
            .execute(arguments: [InterviewStatus.completed, time, time, id])
    }

    /// Closes an interview that did not take place, as declined or no-show, with why.
    package static func close(
        _ id: Int64, as status: InterviewStatus, note: String?, at time: StoredTime, in db: Database
    )
        throws
    {
        try db.cachedStatement(
            sql: "UPDATE interview SET status = ?, closedAt = ?, closingNote = ?, updatedAt = ? WHERE id = ?"
        ).execute(arguments: [status, time, note, time, id])
    }

    /// Why the deal's own rep interviews its buyer, given when an import made the interviewer the rep.
    package static func setRepOverrideReason(_ reason: String, id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE interview SET repOverrideReason = ? WHERE id = ?").execute(arguments: [
            reason, id,
        ])
    }

    /// Marks an interview changed when only its answers changed.
    package static func touch(_ id: Int64, at time: StoredTime, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE interview SET updatedAt = ? WHERE id = ?").execute(arguments: [time, id])
    }

    /// An interviewer's private note, on one question or the whole interview.
    package static func addNote(
        _ text: String, questionID: String?, interviewID: Int64, at time: StoredTime, in db: Database
    )
        throws
    {
        try db.cachedStatement(
            sql: "INSERT INTO interviewNote (interviewID, questionID, text, createdAt) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [interviewID, questionID, text, time])
    }
}
