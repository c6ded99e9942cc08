import Foundation
import GRDB

/// A decided deal still waiting for a completed interview.
public struct QueueEntry: Sendable, Codable, Equatable {
    package var deal: DealSummary
    /// Days from the decision to `today`.
    package var daysSinceDecision: Int
    /// Decided more than ``QueueEntry/freshDays`` days ago: the buyer's memory is fading.
    package var late: Bool
    /// The latest interview's status, or nil when none is scheduled.
    package var status: InterviewStatus?
    package var interviewID: Int64?
    package var scheduledFor: Date?
    package var interviewer: String?
    package var repOverrideReason: String?

    /// Interview within this many days of the decision, while memory is fresh.
    package static let freshDays = 30
}

/// One line of `winloss interview list`.
public struct InterviewListing: Sendable, Codable, Equatable {
    package var id: Int64
    package var status: InterviewStatus
    package var dealExternalID: String
    package var deal: String
    package var account: String
    package var outcome: Outcome
    package var contact: String?
    package var interviewer: String?
    package var scheduledFor: Date?
    package var startedAt: Date?
    package var closedAt: Date?
    package var answered: Int
    package var template: String
    package var repOverrideReason: String?
}

extension WinLossStore {
    /// Decided deals without a completed interview, in the order to work them: open ones before those whose
    /// buyer declined or did not show; within those, the ones decided in the last ``QueueEntry/freshDays`` days
    /// first, then the largest amounts, then the most recent decisions.
    ///
    /// - Parameter today: the day "days since the decision" counts to, in the caller's time zone.
    public func forEachQueueEntry(
        matching filter: DealFilter = DealFilter(), today: CalendarDate, limit: Int? = nil,
        _ body: (QueueEntry) throws -> Void
    ) throws {
        let limitClause: SQL = limit.map { "LIMIT \($0)" } ?? ""
        try read { db in
            let request: SQLRequest<Row> = """
                SELECT \(sql: DealSummary.columns),
                       i.id AS interviewID, i.status AS interviewStatus, i.scheduledFor, i.repOverrideReason,
                       interviewer.name AS interviewerName,
                       CAST(julianday(\(today)) - julianday(deal.decidedOn) AS INTEGER) AS days
                \(sql: DealSummary.joins)
                LEFT JOIN interview AS i ON i.id = (SELECT max(id) FROM interview WHERE dealID = deal.id)
                LEFT JOIN person AS interviewer ON interviewer.id = i.interviewerID
                WHERE \(filter.condition)
                  AND NOT EXISTS (SELECT 1 FROM interview AS done WHERE done.dealID = deal.id AND done.status = \(InterviewStatus.completed))
                ORDER BY coalesce(i.status IN ('declined', 'no_show'), 0),
                         days > \(QueueEntry.freshDays),
                         \(sql: Self.majorUnits("deal")) DESC,
                         deal.decidedOn DESC, deal.id DESC
                \(limitClause)
                """
            let rows = try request.fetchCursor(db)
            while let row = try rows.next() {
                let days: Int = row["days"]
                try body(
                    QueueEntry(
                        deal: try DealSummary(row: row), daysSinceDecision: days, late: days > QueueEntry.freshDays,
                        status: (row["interviewStatus"] as String?).flatMap(InterviewStatus.init(rawValue:)),
                        interviewID: row["interviewID"],
                        scheduledFor: row["scheduledFor"], interviewer: row["interviewerName"],
                        repOverrideReason: row["repOverrideReason"]))
            }
        }
    }

    /// Interviews, newest first, optionally of one status or interviewer, for deals matching `filter`.
    public func interviews(
        status: InterviewStatus? = nil, interviewer: String? = nil, matching filter: DealFilter = DealFilter()
    ) throws -> [InterviewListing] {
        try read { db in
            var conditions: [SQL] = [filter.condition]
            if let status { conditions.append("interview.status = \(status.rawValue)") }
            if let interviewer {
                conditions.append(
                    interviewer.contains("@")
                        ? "interviewer.email = \(interviewer) COLLATE NOCASE"
                        : "interviewer.name = \(interviewer) COLLATE NOCASE")
            }
            let request: SQLRequest<Row> = """
                SELECT interview.*, deal.externalID AS dealExternalID, deal.name AS dealName, deal.outcome, account.name AS account,
                       contact.name AS contactName, interviewer.name AS interviewerName, templateVersion.templateID,
                       templateVersion.version AS templateVersion,
                       (SELECT count(*) FROM answer WHERE answer.interviewID = interview.id AND answer.value IS NOT NULL) AS answered
                FROM interview
                JOIN deal ON deal.id = interview.dealID
                JOIN account ON account.id = deal.accountID
                JOIN person ON person.id = deal.repID
                JOIN templateVersion ON templateVersion.id = interview.templateVersionID
                LEFT JOIN contact ON contact.id = interview.contactID
                LEFT JOIN person AS interviewer ON interviewer.id = interview.interviewerID
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY interview.id DESC
                """
            return try request.fetchAll(db).map { row in
                InterviewListing(
                    id: row["id"], status: InterviewStatus(rawValue: row["status"]) ?? .scheduled,
                    dealExternalID: row["dealExternalID"],
                    deal: row["dealName"], account: row["account"], outcome: Outcome(rawValue: row["outcome"]) ?? .loss,
                    contact: row["contactName"], interviewer: row["interviewerName"], scheduledFor: row["scheduledFor"],
                    startedAt: row["startedAt"], closedAt: row["closedAt"], answered: row["answered"],
                    template: "\(row["templateID"] as String) v\(row["templateVersion"] as String)",
                    repOverrideReason: row["repOverrideReason"])
            }
        }
    }

    /// An SQL expression for a deal's amount in major units (dollars, not cents), so that amounts in currencies
    /// with different minor units sort together.
    static func majorUnits(_ table: String) -> String {
        let byDigits = Dictionary(
            grouping: Currency.minorUnitDigits.keys.sorted(), by: { Currency.minorUnitDigits[$0] ?? 2 })
        let zero = (byDigits[0] ?? []).map { "'\($0)'" }.joined(separator: ", ")
        let three = (byDigits[3] ?? []).map { "'\($0)'" }.joined(separator: ", ")
        return
            "(\(table).amountMinor * 1.0 / (CASE WHEN \(table).currency IN (\(zero)) THEN 1 WHEN \(table).currency IN (\(three)) THEN 1000 ELSE 100 END))"
    }
}
