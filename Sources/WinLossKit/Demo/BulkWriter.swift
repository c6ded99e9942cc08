import Foundation
import GRDB

/// Writes the bulk programme inside its one transaction, with every statement prepared once, and every row as the
/// store's own code writes it: answers with the same JSON, display text and typed columns as
/// `WinLossStore.save`, codes with their interview, timestamps in GRDB's format.
struct BulkWriter {
    private let db: Database
    private let anchor: CalendarDate
    /// When the team, accounts and buyers were set up: before the first deal of the history.
    private let setUpAt: String
    private(set) var summary = BulkSummary()

    private let insertPerson: Statement
    private let findPerson: Statement
    private let insertAccount: Statement
    private let insertContact: Statement
    private let insertDeal: Statement
    private let insertCompetitor: Statement
    private let insertDealContact: Statement
    private let insertAttribute: Statement
    private let insertInterview: Statement
    private let insertAnswer: Statement
    private let insertChoice: Statement
    private let insertCode: Statement
    private let insertNote: Statement

    init(db: Database, anchor: CalendarDate) throws {
        self.db = db
        self.anchor = anchor
        setUpAt = Self.timestamp(anchor.adding(days: -760), second: 8 * 3_600)
        insertPerson = try db.makeStatement(
            sql: "INSERT INTO person (name, email, role, assumedCycleDays, createdAt) VALUES (?, ?, ?, ?, ?)")
        findPerson = try db.makeStatement(sql: "SELECT id, role FROM person WHERE email = ?")
        insertAccount = try db.makeStatement(
            sql: """
                INSERT INTO account (externalID, name, industry, region, sizeBand, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        insertContact = try db.makeStatement(
            sql: """
                INSERT INTO contact (accountID, name, title, email, phone, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        insertDeal = try db.makeStatement(
            sql: """
                INSERT INTO deal (externalID, name, accountID, repID, amountMinor, currency, createdOn, decidedOn, outcome,
                                  stage, reason, competitorWon, productLine, source, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'salesforce', ?, ?)
                """)
        insertCompetitor = try db.makeStatement(sql: "INSERT INTO dealCompetitor (dealID, name) VALUES (?, ?)")
        insertDealContact = try db.makeStatement(sql: "INSERT INTO dealContact (dealID, contactID) VALUES (?, ?)")
        insertAttribute = try db.makeStatement(sql: "INSERT INTO dealAttribute (dealID, key, value) VALUES (?, ?, ?)")
        insertInterview = try db.makeStatement(
            sql: """
                INSERT INTO interview (dealID, templateVersionID, status, contactID, interviewerID, scheduledFor,
                                       startedAt, interviewedOn, closedAt, quotePermission, recordingAllowed,
                                       createdAt, updatedAt)
                VALUES (?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertAnswer = try db.makeStatement(
            sql: """
                INSERT INTO answer (interviewID, questionID, value, displayText, raw, amountMinor, currency, period,
                                    number, flag, dateValue, answeredAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertChoice = try db.makeStatement(sql: "INSERT INTO answerChoice (answerID, choiceID) VALUES (?, ?)")
        insertCode = try db.makeStatement(
            sql: """
                INSERT INTO code (answerID, interviewID, themeID, sentiment, isPrimary, source, coderID, createdAt)
                VALUES (?, ?, ?, ?, ?, 'coder', ?, ?)
                """)
        insertNote = try db.makeStatement(
            sql: "INSERT INTO interviewNote (interviewID, questionID, text, createdAt) VALUES (?, ?, ?, ?)")
    }

    /// A member of the team, or the person of the database with the same email if the role agrees.
    mutating func person(_ member: BulkProgramme.StaffMember) throws -> Int64 {
        if let row = try Row.fetchOne(findPerson, arguments: [member.email]) {
            guard (row["role"] as String) == member.role.rawValue else {
                throw RequestError.invalid(
                    field: "database",
                    message:
                        "it already has \(member.email) as \(row["role"] as String), and the generated programme needs them as \(member.role.rawValue); generate into a new database"
                )
            }
            return row["id"]
        }
        try insertPerson.execute(
            arguments: [member.name, member.email, member.role.rawValue, member.assumedCycleDays, setUpAt])
        return db.lastInsertedRowID
    }

    mutating func account(_ account: BulkProgramme.BulkAccount) throws -> Int64 {
        try insertAccount.execute(
            arguments: [
                account.externalID, account.name, account.industry, account.region, account.sizeBand, setUpAt, setUpAt,
            ])
        summary.accounts += 1
        return db.lastInsertedRowID
    }

    mutating func contact(_ contact: BulkProgramme.BulkContact, accountID: Int64) throws -> Int64 {
        try insertContact.execute(
            arguments: [accountID, contact.name, contact.title, contact.email, contact.phone, setUpAt, setUpAt])
        summary.contacts += 1
        return db.lastInsertedRowID
    }

    mutating func deal(_ deal: BulkProgramme.BulkDeal, accountID: Int64, repID: Int64, contactIDs: [Int64]) throws
        -> Int64
    {
        // Imported from the CRM the morning after the decision.
        let importedAt = Self.timestamp(deal.decided.adding(days: 1), second: 6 * 3_600 + deal.index % 3_600)
        try insertDeal.execute(
            arguments: [
                SampleProgramme.salesforceID(deal.index),
                "\(SampleProgramme.accountName(deal.accountIndex)) — \(deal.product) \(deal.decided.year)", accountID,
                repID, deal.amount.minorUnits, deal.amount.currency.code, deal.created.description,
                deal.decided.description, deal.outcome.rawValue, deal.outcome == .win ? "Closed Won" : "Closed Lost",
                deal.reason, deal.competitorWon, deal.product, importedAt, importedAt,
            ])
        let dealID = db.lastInsertedRowID
        for name in deal.competitors { try insertCompetitor.execute(arguments: [dealID, name]) }
        for contactID in contactIDs { try insertDealContact.execute(arguments: [dealID, contactID]) }
        try insertAttribute.execute(arguments: [dealID, "lead_source", deal.leadSource])
        try insertAttribute.execute(arguments: [dealID, "type", deal.type])
        summary.deals += 1
        return dealID
    }

    mutating func interview(
        _ interview: BulkInterview, deal: BulkProgramme.BulkDeal, plan: InterviewTemplatePlan, dealID: Int64,
        contactID: Int64, interviewerID: Int64
    ) throws {
        let day = deal.decided.adding(days: deal.interviewLag)
        let start = Self.timestamp(day, second: interview.startSecond)
        let closed = Self.timestamp(day, second: interview.startSecond + interview.duration)
        // Scheduled the working day after the decision.
        let scheduledAt = Self.timestamp(deal.decided.adding(days: 1), second: 9 * 3_600 + deal.index % 7_200)
        try insertInterview.execute(
            arguments: [
                dealID, plan.versionID, contactID, interviewerID, start, start, day.description, closed,
                interview.quote.rawValue, interview.recordingAllowed, scheduledAt, closed,
            ])
        let interviewID = db.lastInsertedRowID
        summary.interviews += 1

        var answerIDs: [Int64] = []
        answerIDs.reserveCapacity(interview.answers.count)
        for answer in interview.answers {
            answerIDs.append(
                try self.answer(
                    answer, interviewID: interviewID,
                    answeredAt: Self.timestamp(day, second: interview.startSecond + answer.offset)))
        }
        // Coded the day after the interview, in one sitting, by the interviewer.
        let codedAt = Self.timestamp(day.adding(days: 1), second: 10 * 3_600 + deal.index % 14_400)
        for code in interview.codes {
            try insertCode.execute(
                arguments: [
                    answerIDs[code.answer], interviewID, code.themeID, code.sentiment.rawValue, code.isPrimary,
                    interviewerID, codedAt,
                ])
        }
        summary.codes += interview.codes.count
        for note in interview.notes {
            try insertNote.execute(
                arguments: [
                    interviewID, note.questionID, note.text,
                    Self.timestamp(day, second: interview.startSecond + note.offset),
                ])
        }
        summary.notes += interview.notes.count
    }

    /// One answer with its typed columns and choices, exactly as `WinLossStore.save` writes it.
    private mutating func answer(_ answer: BulkInterview.Answer, interviewID: Int64, answeredAt: String) throws -> Int64
    {
        let value = answer.value
        let json = value.map(Self.json)
        let display = value.map { $0.display(for: answer.question) }
        let columns = AnswerColumns(value)
        try insertAnswer.execute(
            arguments: [
                interviewID, answer.question.id, json, display, answer.raw, columns.amount?.minorUnits,
                columns.amount?.currency.code, columns.period?.rawValue, columns.number, columns.flag, columns.date,
                answeredAt,
            ])
        let answerID = db.lastInsertedRowID
        for choice in columns.choices { try insertChoice.execute(arguments: [answerID, choice]) }
        summary.answers += 1
        return answerID
    }

    // MARK: - Formats

    /// A UTC timestamp as GRDB stores a `Date` (`2026-11-13 08:00:00.000`), `second` seconds after the start of
    /// `day` (more than a day's worth moves to the next days).
    static func timestamp(_ day: CalendarDate, second: Int) -> String {
        let date = day.adding(days: second / 86_400)
        let time = second % 86_400
        // Written digit by digit into one buffer: millions of these are made.
        return String(unsafeUninitializedCapacity: 23) { buffer in
            func put(_ value: Int, width: Int, at position: Int) {
                var value = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[position + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(date.year, width: 4, at: 0)
            put(date.month, width: 2, at: 5)
            put(date.day, width: 2, at: 8)
            put(time / 3_600, width: 2, at: 11)
            put(time / 60 % 60, width: 2, at: 14)
            put(time % 60, width: 2, at: 17)
            put(0, width: 3, at: 20)
            buffer[4] = UInt8(ascii: "-")
            buffer[7] = UInt8(ascii: "-")
            buffer[10] = UInt8(ascii: " ")
            buffer[13] = UInt8(ascii: ":")
            buffer[16] = UInt8(ascii: ":")
            buffer[19] = UInt8(ascii: ".")
            return 23
        }
    }

    /// An answer as JSON, byte for byte what `JSONEncoder` with sorted keys writes for ``AnswerValue`` (a test
    /// compares the two on every generated answer), without its cost for a million answers.
    static func json(_ value: AnswerValue) -> String {
        switch value {
        case .text(let text): return #"{"text":{"_0":"# + string(text) + "}}"
        case .number(let number): return #"{"number":{"_0":"# + "\(number)" + "}}"
        case .money(let money, let period):
            let amount =
                #"{"amount":"# + string(money.decimalText) + #","currency":"# + string(money.currency.code) + "}"
            return #"{"money":{"_0":"# + amount + (period.map { #","period":"# + string($0.rawValue) } ?? "") + "}}"
        case .percent(let number): return #"{"percent":{"_0":"# + "\(number)" + "}}"
        case .scale(let point): return #"{"scale":{"_0":"# + String(point) + "}}"
        case .choice(let id): return #"{"choice":{"_0":"# + string(id) + "}}"
        case .choices(let ids): return #"{"choices":{"_0":["# + ids.map(string).joined(separator: ",") + "]}}"
        case .yesNo(let flag): return #"{"yesNo":{"_0":"# + (flag ? "true" : "false") + "}}"
        case .date(let day): return #"{"date":{"_0":"# + string(day.description) + "}}"
        case .months(let count): return #"{"months":{"_0":"# + String(count) + "}}"
        }
    }

    /// Control characters, `"`, `\\` and `/`.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        if byte < 0x20 { return true }
        return byte == 0x22 || byte == 0x5C || byte == 0x2F
    }

    /// A JSON string literal escaped as `JSONEncoder` escapes it: quotes, backslashes, slashes and control
    /// characters; everything else as it is.
    static func string(_ text: String) -> String {
        let needsEscaping = text.utf8.contains(where: Self.needsEscaping)
        guard needsEscaping else { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "/": result += "\\/"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
