import Foundation
import GRDB
import WinLossKit

/// Writes the bulk programme inside its one transaction, through the same table writers as the rest of the
/// store (whose statements are prepared once per connection), with the times a real programme would have.
struct BulkWriter {
    private let db: Database
    private let anchor: CalendarDate
    /// When the team, accounts and buyers were set up: before the first deal of the history.
    private let setUpAt: StoredTime
    private(set) var summary = BulkSummary()

    init(db: Database, anchor: CalendarDate) throws {
        self.db = db
        self.anchor = anchor
        setUpAt = StoredTime(day: anchor.adding(days: -760), second: 8 * 3_600)
    }

    /// A member of the team, or the person of the database with the same email if the role agrees.
    mutating func person(_ member: BulkProgramme.StaffMember) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "SELECT id, role FROM person WHERE email = ?")
        if let row = try Row.fetchOne(statement, arguments: [member.email]) {
            guard (row["role"] as String) == member.role.rawValue else {
                throw RequestError.invalid(
                    field: "database",
                    message:
                        "it already has \(member.email) as \(row["role"] as String), and the generated programme needs them as \(member.role.rawValue); generate into a new database"
                )
            }
            return row["id"]
        }
        return try PersonTable.insert(
            name: member.name, email: member.email, role: member.role, assumedCycleDays: member.assumedCycleDays,
            at: setUpAt, in: db)
    }

    mutating func account(_ account: BulkProgramme.BulkAccount) throws -> Int64 {
        summary.accounts += 1
        return try AccountTable.insert(
            externalID: account.externalID, name: account.name,
            segment: AccountTable.Segment(
                industry: account.industry, region: account.region, sizeBand: account.sizeBand),
            at: setUpAt, in: db)
    }

    mutating func contact(_ contact: BulkProgramme.BulkContact, accountID: Int64) throws -> Int64 {
        summary.contacts += 1
        return try ContactTable.insert(
            accountID: accountID, name: contact.name,
            reach: ContactTable.Reach(title: contact.title, email: contact.email, phone: contact.phone), at: setUpAt,
            in: db)
    }

    mutating func deal(_ deal: BulkProgramme.BulkDeal, accountID: Int64, repID: Int64, contactIDs: [Int64]) throws
        -> Int64
    {
        // Imported from the CRM the morning after the decision.
        let importedAt = StoredTime(day: deal.decided.adding(days: 1), second: 6 * 3_600 + deal.index % 3_600)
        let fields = DealTable.Fields(
            name: "\(SampleProgramme.accountName(deal.accountIndex)) — \(deal.product) \(deal.decided.year)",
            accountID: accountID, repID: repID, amount: deal.amount, createdOn: deal.created, decidedOn: deal.decided,
            outcome: deal.outcome, stage: deal.outcome == .win ? "Closed Won" : "Closed Lost", reason: deal.reason,
            competitorWon: deal.competitorWon, productLine: deal.product)
        let dealID = try DealTable.insert(
            fields, externalID: SampleProgramme.salesforceID(deal.index), source: .salesforce, at: importedAt, in: db)
        for name in deal.competitors { try DealTable.addCompetitor(name, dealID: dealID, in: db) }
        for contactID in contactIDs { try DealTable.linkContact(contactID, dealID: dealID, in: db) }
        try DealTable.setAttribute("lead_source", to: deal.leadSource, dealID: dealID, in: db)
        try DealTable.setAttribute("type", to: deal.type, dealID: dealID, in: db)
        summary.deals += 1
        return dealID
    }

    mutating func interview(
        _ interview: BulkInterview, deal: BulkProgramme.BulkDeal, plan: InterviewTemplatePlan, dealID: Int64,
        contactID: Int64, interviewerID: Int64
    ) throws {
        let day = deal.decided.adding(days: deal.interviewLag)
        let start = StoredTime(day: day, second: interview.startSecond)
        let closed = StoredTime(day: day, second: interview.startSecond + interview.duration)
        // Scheduled the working day after the decision.
        let scheduledAt = StoredTime(day: deal.decided.adding(days: 1), second: 9 * 3_600 + deal.index % 7_200)
        let interviewID = try InterviewTable.insert(
            InterviewTable.New(
                dealID: dealID, templateVersionID: plan.versionID, status: .completed, contactID: contactID,
                interviewerID: interviewerID, scheduledFor: start, startedAt: start, interviewedOn: day,
                closedAt: closed,
                consent: Consent(quote: interview.quote, recordingAllowed: interview.recordingAllowed),
                createdAt: scheduledAt, updatedAt: closed),
            in: db)
        summary.interviews += 1

        var answerIDs: [Int64] = []
        answerIDs.reserveCapacity(interview.answers.count)
        for answer in interview.answers {
            answerIDs.append(
                try AnswerTable.insert(
                    AnswerTable.Stored(answer.value, question: answer.question), raw: answer.raw,
                    questionID: answer.question.id, interviewID: interviewID,
                    at: StoredTime(day: day, second: interview.startSecond + answer.offset), in: db))
        }
        summary.answers += interview.answers.count
        // Coded the day after the interview, in one sitting, by the interviewer.
        let codedAt = StoredTime(day: day.adding(days: 1), second: 10 * 3_600 + deal.index % 14_400)
        for code in interview.codes {
            try CodeTable.insert(
                themeID: code.themeID, sentiment: code.sentiment, isPrimary: code.isPrimary, source: .coder,
                coderID: interviewerID, answerID: answerIDs[code.answer], interviewID: interviewID, at: codedAt, in: db)
        }
        summary.codes += interview.codes.count
        for note in interview.notes {
            try InterviewTable.addNote(
                note.text, questionID: note.questionID, interviewID: interviewID,
                at: StoredTime(day: day, second: interview.startSecond + note.offset), in: db)
        }
        summary.notes += interview.notes.count
    }
}
