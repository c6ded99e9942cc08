import Foundation
import GRDB

/// The one writer of `answer` and what hangs off it (`answerChoice`, `answerTag`, `answerRevision`): answers
/// typed in a session, read from an answers file, edited, or generated.
///
/// An answer is stored three ways at once: its value as JSON (what it is), its display text (what transcripts
/// and search show) and typed columns (what reports add up in SQL).
package enum AnswerTable {
    /// An answer's value in the forms the row keeps.
    package struct Stored {
        package var json: String?
        package var display: String?
        package var columns: AnswerColumns

        package init(_ value: AnswerValue?, question: Question) {
            json = value.map(AnswerTable.json)
            display = value.map { $0.display(for: question) }
            columns = AnswerColumns(value)
        }
    }

    /// The answer already stored for a question, as a revision keeps it.
    package struct Existing {
        package var id: Int64
        package var json: String?
        package var display: String?
        package var raw: String
    }

    package static func find(interviewID: Int64, questionID: String, in db: Database) throws -> Existing? {
        let statement = try db.cachedStatement(
            sql: "SELECT id, value, displayText, raw FROM answer WHERE interviewID = ? AND questionID = ?")
        guard let row = try Row.fetchOne(statement, arguments: [interviewID, questionID]) else { return nil }
        return Existing(id: row["id"], json: row["value"], display: row["displayText"], raw: row["raw"])
    }

    /// A new answer (nil `value`: skipped) with its choices.
    package static func insert(
        _ stored: Stored, raw: String, questionID: String, interviewID: Int64, at time: StoredTime, in db: Database
    ) throws -> Int64 {
        let columns = stored.columns
        try db.cachedStatement(
            sql: """
                INSERT INTO answer (interviewID, questionID, value, displayText, raw, amountMinor, currency, period,
                                    number, flag, dateValue, answeredAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            interviewID, questionID, stored.json, stored.display, raw, columns.amount?.minorUnits,
            columns.amount?.currency.code, columns.period?.rawValue, columns.number, columns.flag, columns.date, time,
        ])
        let id = db.lastInsertedRowID
        try addChoices(columns.choices, answerID: id, in: db)
        return id
    }

    /// Replaces an answer's value and choices, first keeping what it was as a revision.
    package static func replace(
        _ existing: Existing, with stored: Stored, raw: String, changedByID: Int64?, at time: StoredTime,
        in db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO answerRevision (answerID, previousValue, previousText, previousRaw, changedByID, changedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [existing.id, existing.json, existing.display, existing.raw, changedByID, time])
        let columns = stored.columns
        try db.cachedStatement(
            sql: """
                UPDATE answer SET value = ?, displayText = ?, raw = ?, amountMinor = ?, currency = ?, period = ?,
                                  number = ?, flag = ?, dateValue = ?, answeredAt = ?
                WHERE id = ?
                """
        ).execute(arguments: [
            stored.json, stored.display, raw, columns.amount?.minorUnits, columns.amount?.currency.code,
            columns.period?.rawValue, columns.number, columns.flag, columns.date, time, existing.id,
        ])
        try db.cachedStatement(sql: "DELETE FROM answerChoice WHERE answerID = ?").execute(arguments: [existing.id])
        try addChoices(columns.choices, answerID: existing.id, in: db)
    }

    private static func addChoices(_ choices: [String], answerID: Int64, in db: Database) throws {
        guard !choices.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO answerChoice (answerID, choiceID) VALUES (?, ?)")
        for choice in choices { try statement.execute(arguments: [answerID, choice]) }
    }

    /// The inline tags typed with an answer, sorted.
    package static func tags(answerID: Int64, in db: Database) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT tag FROM answerTag WHERE answerID = ? ORDER BY tag"), arguments: [answerID])
    }

    /// Replaces the inline tags typed with an answer.
    package static func setTags(_ tags: [String], answerID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM answerTag WHERE answerID = ?").execute(arguments: [answerID])
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO answerTag (answerID, tag) VALUES (?, ?)")
        for tag in tags { try statement.execute(arguments: [answerID, tag]) }
    }

    // MARK: - JSON

    /// An answer as JSON, byte for byte what `JSONEncoder` with sorted keys writes for ``AnswerValue`` (a test
    /// compares the two over generated values): the same value always gives the same text, so that saving an
    /// unchanged answer is seen to be no change, whichever version of winloss wrote it. Written by hand because
    /// an import or a generated programme writes a million of them.
    package static func json(_ value: AnswerValue) -> String {
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
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x2F
    }

    /// A JSON string literal escaped as `JSONEncoder` escapes it: quotes, backslashes, slashes and control
    /// characters; everything else as it is.
    package static func string(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return "\"" + text + "\"" }
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

/// An answer's value in the typed columns the database keeps beside its JSON, so that reports add up amounts,
/// numbers and flags in SQL.
package struct AnswerColumns {
    package var amount: Money?
    package var period: MoneyPeriod?
    /// Numbers, percentages, scale points and months.
    package var number: Double?
    package var flag: Bool?
    package var date: CalendarDate?
    package var choices: [String] = []

    package init(_ value: AnswerValue?) {
        switch value {
        case .money(let amount, let per)?:
            self.amount = amount
            period = per
        case .number(let decimal)?, .percent(let decimal)?: number = NSDecimalNumber(decimal: decimal).doubleValue
        case .scale(let point)?: number = Double(point)
        case .months(let count)?: number = Double(count)
        case .yesNo(let value)?: flag = value
        case .date(let day)?: date = day
        case .choice(let id)?: choices = [id]
        case .choices(let ids)?: choices = ids
        case .text?, nil: break
        }
    }
}
