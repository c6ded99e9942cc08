import Foundation
import GRDB

extension WinLossStore {
    /// Imports the decided deals of a CRM export (or any CSV read through a column map).
    ///
    /// All or nothing: the whole file is read inside one transaction, and if any row is bad, nothing is
    /// written and ``ImportError/rejected(file:problems:badRows:)`` lists every bad row with its line. Importing
    /// the same file again changes nothing; a row whose deal already exists (by the CRM's id) updates the
    /// fields the file carries and leaves the others alone. Accounts, contacts and reps named in the file are
    /// matched, or created.
    @discardableResult
    public func importDeals(
        from path: String, options: ImportOptions = ImportOptions(), progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        let file = path == "-" ? "<stdin>" : path
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path, delimiter: options.delimiter)
        } catch CSVError.badEncoding(let reason) {
            throw ImportError.malformed(file: file, line: 1, message: reason)
        } catch let error as CSVError {
            throw ImportError.unreadable(file: file, reason: error.description)
        }
        let header: CSVRecord
        do {
            guard let first = try reader.next() else { throw ImportError.empty(file: file) }
            header = first
        } catch let error as CSVError {
            throw ImportError.malformed(file: file, line: error.line ?? 1, message: error.description)
        }
        let mapping = try ColumnMapping(
            header: header.fields.map { $0.trimmed }, format: options.format,
            overrides: options.columnMap, file: file)
        var importer = DealImporter(file: file, mapping: mapping, options: options)

        return try writeWithoutTransaction { db in
            // A larger page cache while the import's one transaction runs, so that SQLite spills fewer pages
            // to the file before the commit; put back afterwards.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            var summary: ImportSummary?
            try db.inTransaction(.immediate) {
                var writer = try ImportWriter(db: db, mapping: mapping, now: clock.now())
                do {
                    while let record = try reader.next() {
                        try importer.take(record, writer: &writer)
                        if importer.summary.rows % 1000 == 0 {
                            progress?(
                                ImportProgress(
                                    bytesRead: reader.bytesRead, totalBytes: reader.totalBytes,
                                    rows: importer.summary.rows))
                        }
                    }
                } catch let error as CSVError {
                    throw ImportError.malformed(file: file, line: error.line ?? 1, message: error.description)
                }
                importer.finish()
                progress?(
                    ImportProgress(
                        bytesRead: reader.bytesRead, totalBytes: reader.totalBytes, rows: importer.summary.rows))
                summary = importer.summary
                return importer.problems.isEmpty && !options.dryRun ? .commit : .rollback
            }
            guard importer.problems.isEmpty, let summary else {
                throw ImportError.rejected(file: file, problems: importer.problems, badRows: importer.badRows)
            }
            return summary
        }
    }
}

/// A deal as one row (or several agreeing rows) of an import file describes it.
struct IncomingDeal: Hashable {
    var externalID: String
    var name: String
    var account: String
    var accountExternalID: String?
    var industry: String?
    var region: String?
    var sizeBand: String?
    var accountAttributes: [String: String]
    var repName: String?
    var repEmail: String?
    var amount: Money?
    var createdOn: CalendarDate?
    var decidedOn: CalendarDate
    var outcome: Outcome
    var stage: String?
    var reason: String?
    var competitorWon: String?
    /// Sorted, without repeats, with the winner among them.
    var competitors: [String]
    var productLine: String?
    /// The mapped attributes; an empty cell removes the attribute.
    var attributes: [String: String?]
}

struct IncomingContact: Hashable {
    var name: String
    var title: String?
    var email: String?
    var phone: String?
}

/// Reads rows into deals, keeps the counts, and collects every problem.
struct DealImporter {
    let file: String
    let mapping: ColumnMapping
    let options: ImportOptions
    private(set) var summary: ImportSummary
    private(set) var problems: [ImportProblem] = []
    private(set) var badRows = 0

    /// Enough to list every bad row of any realistic file, while bounding memory for a file of garbage.
    static let maximumProblems = 100_000

    private let dates: DateParser
    private let money: MoneyParser
    /// Where each deal was first seen, and a hash of what it said, to tell agreeing repeats from conflicts.
    private var seen: [String: (line: Int, hash: Int)] = [:]
    /// Rows shorter than the header, held back: they are a report's footer if nothing but such rows follows.
    private var shortRows: [CSVRecord] = []

    init(file: String, mapping: ColumnMapping, options: ImportOptions) {
        self.file = file
        self.mapping = mapping
        self.options = options
        self.dates = DateParser(order: options.dateOrder)
        self.money = MoneyParser(defaultCurrency: options.currency, decimalComma: options.decimalComma)
        self.summary = ImportSummary(file: file, format: mapping.format, dryRun: options.dryRun)
        summary.derivedIDs = !mapping.has(.externalID)
        summary.unusedColumns = mapping.unused
    }

    mutating func take(_ record: CSVRecord, writer: inout ImportWriter) throws {
        let width = mapping.header.count
        if record.fields.count < width, record.fields.count <= 1 {
            shortRows.append(record)
            return
        }
        flushShortRows()
        summary.rows += 1
        if record.fields.count != width {
            report(
                record.line, nil,
                "this row has \(record.fields.count) fields but the header has \(width); "
                    + "is a field with a comma or quote not quoted?")
            return
        }
        if record.hasInvalidUTF8 {
            report(
                record.line, nil, "this row is not valid UTF-8 text; save the file as UTF-8 (\"CSV UTF-8\" in Excel)")
            return
        }
        if !record.fieldsWithNUL.isEmpty {
            badRows += 1
            for index in record.fieldsWithNUL {
                append(
                    ImportProblem(
                        line: record.line,
                        column: index < mapping.header.count ? mapping.header[index] : "field \(index + 1)",
                        message: "holds a NUL byte (\\0), which is not text; remove it and import the file again"))
            }
            return
        }
        var rowProblems: [ImportProblem] = []
        guard let (deal, contacts) = parse(record, problems: &rowProblems) else {
            if rowProblems.isEmpty { return }  // an open deal
            badRows += 1
            for problem in rowProblems { append(problem) }
            return
        }
        if let first = seen[deal.externalID] {
            if first.hash != deal.hashValue {
                report(
                    record.line, mapping.has(.externalID) ? mapping.columnName(.externalID) : nil,
                    "deal \(deal.externalID.debugDescription) is also on line \(first.line) with different values; "
                        + "a deal may repeat (one row per contact) only if its rows agree")
                return
            }
        } else {
            seen[deal.externalID] = (record.line, deal.hashValue)
            summary.deals += 1
        }
        do {
            try writer.apply(
                deal, contacts: contacts, firstSighting: seen[deal.externalID]?.line == record.line, summary: &summary)
        } catch let problem as ImportProblem {
            report(record.line, problem.column, problem.message)
        }
    }

    mutating func finish() {
        // Rows shorter than the header at the very end: a Salesforce report's footer.
        summary.reportFooterLines = shortRows.count
        shortRows = []
        summary.openStages = summary.openStages.filter { $0.value > 0 }
        if problems.count >= DealImporter.maximumProblems {
            problems.append(
                ImportProblem(
                    line: nil, message: "…and more; only the first \(DealImporter.maximumProblems) problems are listed")
            )
        }
    }

    private mutating func flushShortRows() {
        for row in shortRows {
            summary.rows += 1
            report(row.line, nil, "this row has \(row.fields.count) field but the header has \(mapping.header.count)")
        }
        shortRows = []
    }

    private mutating func report(_ line: Int, _ column: String?, _ message: String) {
        badRows += 1
        append(ImportProblem(line: line, column: column, message: message))
    }

    private mutating func append(_ problem: ImportProblem) {
        if problems.count < DealImporter.maximumProblems { problems.append(problem) }
    }

    // MARK: - Reading one row

    /// The row's deal and contacts; nil with no problems for an open deal, nil with problems for a bad row.
    private mutating func parse(_ record: CSVRecord, problems: inout [ImportProblem]) -> (
        IncomingDeal, [IncomingContact]
    )? {
        let line = record.line
        let cells = record.fields.map(\.trimmed)
        func text(_ field: ImportField) -> String? {
            guard let index = mapping[field] else { return nil }
            var value = cells[index]
            // winloss's own CSV guards cells against spreadsheet formulas with a leading quote; undo that.
            if mapping.format == .winloss, value.hasPrefix("'"), let next = value.dropFirst().first,
                "=+-@\t\r\n".contains(next)
            {
                value.removeFirst()
            }
            return value.isEmpty ? nil : value
        }
        func problem(_ field: ImportField, _ message: String, remedy: Remedy? = nil) {
            problems.append(
                ImportProblem(line: line, column: mapping.columnName(field), message: message, remedy: remedy))
        }

        // The outcome first: open deals are skipped before anything else is checked.
        let stage = text(.stage)
        let lossReason = text(.lossReason)
        let statedReason = text(.reason)
        var outcome: Outcome?
        if let raw = text(.outcome) {
            outcome = Outcome(loose: raw)
            if outcome == nil {
                problem(.outcome, "\(raw.debugDescription) is not an outcome (win, loss or no_decision)")
                return nil
            }
            if outcome == .loss, options.outcomeRules.saysNoDecision(statedReason ?? lossReason) {
                outcome = .noDecision
            }
        } else if let stage {
            outcome = options.outcomeRules.outcome(stage: stage, reason: statedReason ?? lossReason)
        } else {
            problem(mapping.has(.stage) ? .stage : .outcome, "is empty")
            return nil
        }
        guard let outcome else {
            summary.skippedOpen += 1
            summary.openStages[stage ?? "", default: 0] += 1
            return nil
        }

        let name = text(.name)
        if name == nil { problem(.name, "is empty") }
        let account = text(.account)
        if account == nil { problem(.account, "is empty") }
        let (ownerName, ownerEmail) = NameAndEmail.split(text(.rep))
        var repEmail = text(.repEmail) ?? ownerEmail
        if let email = repEmail, !Person.isPlausibleEmail(email) {
            problem(mapping.has(.repEmail) ? .repEmail : .rep, "\(email.debugDescription) is not an email address")
            repEmail = nil
        }
        if ownerName == nil, repEmail == nil, !problems.contains(where: { $0.column == mapping.columnName(.repEmail) })
        {
            problem(mapping.has(.rep) ? .rep : .repEmail, "is empty: every deal needs its owner (the rep)")
        }

        var decidedOn: CalendarDate?
        switch text(.decided).map(dates.parse) {
        case .success(let date)?: decidedOn = date
        case .failure(let failure)?: problem(.decided, failure.message, remedy: failure.remedy)
        case nil: problem(.decided, "is empty: a closed deal needs its close date")
        }
        var createdOn: CalendarDate?
        switch text(.created).map(dates.parse) {
        case .success(let date)?: createdOn = date
        case .failure(let failure)?: problem(.created, failure.message, remedy: failure.remedy)
        case nil: break
        }
        if mapping.has(.externalID), text(.externalID) == nil {
            problem(.externalID, "is empty: every deal needs the CRM's id, which later imports match it by")
        }

        var amount: Money?
        if let raw = text(.amount) {
            var parser = money
            if let code = text(.currency) {
                guard let currency = Currency(code: code) else {
                    problem(.currency, "\(code.debugDescription) is not an ISO 4217 currency code (USD, EUR, GBP…)")
                    return nil
                }
                parser.defaultCurrency = currency
            }
            switch parser.parse(raw) {
            case .success(let value):
                if value.minorUnits < 0 {
                    problem(.amount, "\(raw.debugDescription) is negative")
                } else {
                    amount = value
                }
                if let code = text(.currency), value.currency.code != code.uppercased() {
                    problem(
                        .amount,
                        "\(raw.debugDescription) is in \(value.currency.code) but the currency column says \(code)")
                }
            case .failure(let failure):
                problem(.amount, failure.description)
            }
        }

        var reason = statedReason
        if reason == nil { reason = outcome == .win ? text(.winReason) : lossReason }
        if reason == nil { reason = text(.winReason) ?? lossReason }

        var competitors = Set(
            (text(.competitors) ?? "").split(separator: ";").map {
                $0.trimmed
            }.filter { !$0.isEmpty })
        let single = text(.competitor)
        if let single { competitors.insert(single) }
        var competitorWon = text(.competitorWon)
        if competitorWon == nil, outcome == .loss, !mapping.has(.competitorWon) { competitorWon = single }
        if outcome != .loss { competitorWon = nil }
        if let competitorWon { competitors.insert(competitorWon) }

        var attributes: [String: String?] = [:]
        for (key, column) in mapping.dealAttributeKeys {
            attributes[key] = cells[column].isEmpty ? nil as String? : cells[column]
        }
        var accountAttributes: [String: String] = [:]
        for (key, column) in mapping.accountAttributeKeys {
            if !cells[column].isEmpty { accountAttributes[key] = cells[column] }
        }

        guard problems.isEmpty, let name, let account, let decidedOn else { return nil }
        if let createdOn, createdOn > decidedOn, summary.warnings.count >= 1000 {
            summary.warningsLeftOut += 1
        } else if let createdOn, createdOn > decidedOn {
            summary.warnings.append(
                ImportProblem(
                    line: line, column: mapping.columnName(.created),
                    message:
                        "created \(createdOn), after the close date \(decidedOn); its sales cycle will be left out of reports"
                ))
        }
        let externalID =
            text(.externalID)
            ?? ([account, name] + (createdOn.map { [$0.description] } ?? [])).joined(separator: " / ")
        let deal = IncomingDeal(
            externalID: externalID, name: name, account: account, accountExternalID: text(.accountExternalID),
            industry: text(.industry), region: text(.region), sizeBand: text(.size).map(Self.sizeBand),
            accountAttributes: accountAttributes, repName: ownerName, repEmail: repEmail, amount: amount,
            createdOn: createdOn, decidedOn: decidedOn, outcome: outcome, stage: stage, reason: reason,
            competitorWon: competitorWon, competitors: competitors.sorted(), productLine: text(.product),
            attributes: attributes)
        return (deal, contacts(text))
    }

    private func contacts(_ text: (ImportField) -> String?) -> [IncomingContact] {
        var names = (text(.contact) ?? "").split(separator: ";").map { $0.trimmed }
            .filter { !$0.isEmpty }
        let first = text(.contactFirstName)
        let last = text(.contactLastName)
        if names.isEmpty, first != nil || last != nil {
            names = [[first, last].compactMap { $0 }.joined(separator: " ")]
        }
        let email = text(.contactEmail)
        if names.isEmpty, let email { names = [email] }
        return names.map { entry in
            let (name, embeddedEmail) = NameAndEmail.split(entry)
            // The title, email and phone columns describe the row's one contact.
            let single = names.count == 1
            return IncomingContact(
                name: name ?? embeddedEmail ?? entry, title: single ? text(.contactTitle) : nil,
                email: embeddedEmail ?? (single ? email.flatMap { Person.isPlausibleEmail($0) ? $0 : nil } : nil),
                phone: single ? text(.contactPhone) : nil)
        }
    }

    /// An employee count becomes its band; anything else (a CRM segment name) is kept as written.
    static func sizeBand(_ text: String) -> String {
        let digits = text.filter { $0 != "," && $0 != " " && $0 != "." && $0 != "'" }
        if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let count = Int(digits) {
            return Account.sizeBand(employees: count)
        }
        return text
    }
}

/// Splits `Jane Doe <jane@acme.com>`, `Jane Doe (jane@acme.com)` and a bare email or name.
enum NameAndEmail {
    static func split(_ text: String?) -> (name: String?, email: String?) {
        guard let text = text?.trimmed, !text.isEmpty else { return (nil, nil) }
        if Person.isPlausibleEmail(text) { return (nil, text) }
        for (open, close) in [("<", ">"), ("(", ")")] {
            if text.hasSuffix(close), let start = text.lastIndex(of: Character(open)) {
                let inside = String(text[text.index(after: start)..<text.index(before: text.endIndex)])
                    .trimmed
                if Person.isPlausibleEmail(inside) {
                    let name = text[..<start].trimmed
                    return (name.isEmpty ? nil : name, inside)
                }
            }
        }
        return (text, nil)
    }
}
