import Foundation
import GRDB

/// A person as an interview names them.
public struct PersonReference: Sendable, Equatable, Codable {
    public var name: String
    package var email: String?
}

public struct InterviewNote: Sendable, Equatable, Codable {
    package var questionID: String?
    package var text: String
    package var createdAt: Date
}

/// An earlier value of an answer, kept when it changed.
public struct AnswerRevision: Sendable, Equatable, Codable {
    package var questionID: String
    package var previousText: String?
    package var previousRaw: String
    package var changedBy: PersonReference?
    package var changedAt: Date
}

/// Everything recorded about one interview: who, when, with what consent, from which template version, and
/// every answer, note and change.
public struct InterviewDetail: Sendable, Codable {
    public var id: Int64
    public var status: InterviewStatus
    public var deal: DealSummary
    public var contact: ContactSummary?
    public var interviewer: PersonReference?
    package var rep: PersonReference
    /// Why the deal's rep interviews its buyer, when that was allowed.
    public var repOverrideReason: String?
    public var scheduledFor: Date?
    package var startedAt: Date?
    /// The calendar day the interview took place: the day its session started (in the interviewer's time zone),
    /// or the day given when it was recorded afterwards.
    package var interviewedOn: CalendarDate?
    package var closedAt: Date?
    package var closingNote: String?
    package var createdAt: Date
    package var quotePermission: QuotePermission?
    package var recordingAllowed: Bool?
    package var templateVersion: StoredTemplateVersion
    /// The questions as asked: read from the stored template version, never from today's file.
    public var template: Template
    public var answers: [RecordedAnswer]
    package var notes: [InterviewNote]
    package var revisions: [AnswerRevision]
    /// Themes coded on the answers, by question.
    package var codes: [String: [ThemeCode]]

    package var consent: Consent? {
        guard let quotePermission, let recordingAllowed else { return nil }
        return Consent(quote: quotePermission, recordingAllowed: recordingAllowed)
    }

    package var plan: InterviewPlan { InterviewPlan(template: template, outcome: deal.outcome, answers: answers) }
}

/// An interview to schedule.
public struct InterviewRequest: Sendable {
    package var dealExternalID: String
    /// The buyer: a contact of the deal's account, by email or name.
    package var contact: String
    /// Who interviews, by email or name: not the deal's rep, unless `repOverrideReason` says why.
    package var interviewer: String
    package var scheduledFor: Date?
    package var template: LoadedTemplate
    package var repOverrideReason: String?

    public init(
        dealExternalID: String, contact: String, interviewer: String, scheduledFor: Date? = nil,
        template: LoadedTemplate, repOverrideReason: String? = nil
    ) {
        self.dealExternalID = dealExternalID
        self.contact = contact
        self.interviewer = interviewer
        self.scheduledFor = scheduledFor
        self.template = template
        self.repOverrideReason = repOverrideReason
    }
}

// MARK: - Interviews

extension WinLossStore {
    /// Schedules an interview of a deal's buyer. Refuses the deal's own rep as interviewer unless a reason is
    /// given, which is kept on the interview.
    @discardableResult
    public func scheduleInterview(_ request: InterviewRequest) throws -> InterviewDetail {
        let reason = Validate.optional(request.repOverrideReason)
        return try write { db in
            guard let deal = try Deal.filter(sql: "externalID = ?", arguments: [request.dealExternalID]).fetchOne(db),
                let dealID = deal.id
            else {
                throw RequestError.notFound(
                    kind: "deal", key: request.dealExternalID, hint: .listDeals)
            }
            let interviewer = try Lookup.person(request.interviewer, in: db)
            try Self.checkInterviewer(
                interviewer, deal: deal, reason: reason, overrideGiven: request.repOverrideReason != nil)
            let contact = try Self.contact(request.contact, of: deal, in: db)
            guard request.template.template.outcomes.contains(deal.outcome) else {
                throw TemplateError.notForOutcome(
                    id: request.template.template.id, outcome: deal.outcome,
                    outcomes: request.template.template.outcomes)
            }
            if let open = try Int64.fetchOne(
                db,
                sql:
                    "SELECT id FROM interview WHERE dealID = ? AND contactID = ? AND status IN ('scheduled', 'in_progress')",
                arguments: [dealID, contact.id])
            {
                throw InterviewError.alreadyOpen(interviewID: open, contact: contact.name)
            }
            let now = clock.now()
            let version = try Self.storeTemplateVersion(request.template, in: db, now: now)
            let id = try InterviewTable.insert(
                InterviewTable.New(
                    dealID: dealID, templateVersionID: version.id, status: .scheduled, contactID: contact.id,
                    interviewerID: interviewer.id, scheduledFor: request.scheduledFor.map(StoredTime.init),
                    repOverrideReason: interviewer.id == deal.repID ? reason : nil, createdAt: StoredTime(now),
                    updatedAt: StoredTime(now)),
                in: db)
            return try Self.detail(id, in: db)
        }
    }

    /// Starts a scheduled interview, today in `timeZone` (the interviewer's). The non-rep rule is checked again:
    /// an import may have made the interviewer the deal's rep since it was scheduled.
    @discardableResult
    public func startInterview(_ id: Int64, repOverrideReason: String? = nil, timeZone: TimeZone = .current) throws
        -> InterviewDetail
    {
        try write { db in
            let detail = try Self.detail(id, in: db)
            guard detail.status == .scheduled else {
                throw InterviewError.wrongStatus(
                    interviewID: id, status: detail.status, action: "started")
            }
            try Self.recheckInterviewer(detail, reason: Validate.optional(repOverrideReason), in: db)
            let now = clock.now()
            try InterviewTable.start(id, at: StoredTime(now), in: db)
            try InterviewTable.setInterviewedOn(CalendarDate.today(in: timeZone, now: now), id: id, in: db)
            return try Self.detail(id, in: db)
        }
    }

    /// Checks that an interview in progress may go on, and returns it.
    public func resumeInterview(_ id: Int64, repOverrideReason: String? = nil) throws -> InterviewDetail {
        try write { db in
            let detail = try Self.detail(id, in: db)
            guard detail.status == .inProgress else {
                throw InterviewError.wrongStatus(
                    interviewID: id, status: detail.status, action: "resumed")
            }
            try Self.recheckInterviewer(detail, reason: Validate.optional(repOverrideReason), in: db)
            return try Self.detail(id, in: db)
        }
    }

    public func interview(_ id: Int64) throws -> InterviewDetail {
        try read { db in try Self.detail(id, in: db) }
    }

    /// Records the buyer's consent choices, each as soon as it is given.
    package func recordConsent(_ id: Int64, quote: QuotePermission? = nil, recordingAllowed: Bool? = nil) throws {
        try write { db in
            let detail = try Self.detail(id, in: db)
            guard !detail.status.isClosed else {
                throw InterviewError.wrongStatus(
                    interviewID: id, status: detail.status, action: "changed")
            }
            try InterviewTable.setConsent(
                quote: quote, recordingAllowed: recordingAllowed, id: id, at: StoredTime(clock.now()), in: db)
        }
    }

    /// Saves one answer (or a skip, with `value` nil) in its own transaction. A changed answer keeps its earlier
    /// value as a revision, with who changed it and when.
    package func saveAnswer(
        _ id: Int64, questionID: String, value: AnswerValue?, raw: String, tags: [String] = [], changedBy: String? = nil
    ) throws {
        try write { db in
            let detail = try Self.detail(id, in: db)
            guard detail.status == .inProgress || detail.status == .completed else {
                throw InterviewError.wrongStatus(
                    interviewID: id, status: detail.status, action: "answered")
            }
            guard let question = detail.template.question(questionID) else {
                throw InterviewError.unknownQuestion(interviewID: id, question: questionID)
            }
            let changer = try changedBy.map { try Lookup.person($0, in: db) }
            let now = StoredTime(clock.now())
            try Self.save(
                id, question: question, value: value, raw: raw, tags: tags, changedByID: changer?.id, at: now, in: db)
            // A completed interview stays complete only while every required answer is there.
            if detail.status == .completed {
                let missing = try Self.plan(id, in: db).missingRequired
                if !missing.isEmpty {
                    throw InterviewError.missingRequired(interviewID: id, questions: missing.map(\.id))
                }
            }
            try InterviewTable.touch(id, at: now, in: db)
        }
    }

    package func addNote(_ id: Int64, questionID: String?, text: String) throws {
        let text = try Validate.required(text, field: "note")
        try write { db in
            let detail = try Self.detail(id, in: db)
            if let questionID, detail.template.question(questionID) == nil {
                throw InterviewError.unknownQuestion(interviewID: id, question: questionID)
            }
            try InterviewTable.addNote(
                text, questionID: questionID, interviewID: id, at: StoredTime(clock.now()), in: db)
        }
    }

    /// Completes an interview in progress: only when every required question that applies has an answer and the
    /// buyer's consent is recorded.
    @discardableResult
    public func completeInterview(_ id: Int64) throws -> InterviewDetail {
        try write { db in
            let detail = try Self.detail(id, in: db)
            guard detail.status == .inProgress else {
                throw InterviewError.wrongStatus(
                    interviewID: id, status: detail.status, action: "completed")
            }
            try Self.ensureCompletable(detail)
            try InterviewTable.complete(id, at: StoredTime(clock.now()), in: db)
            return try Self.detail(id, in: db)
        }
    }

    /// Closes an interview that will not take place: the buyer declined, or did not show up.
    @discardableResult
    public func closeInterview(_ id: Int64, as status: InterviewStatus, note: String? = nil) throws -> InterviewDetail {
        precondition(status == .declined || status == .noShow, "only declined and no-show close an interview this way")
        return try write { db in
            let detail = try Self.detail(id, in: db)
            guard !detail.status.isClosed else {
                throw InterviewError.wrongStatus(
                    interviewID: id, status: detail.status, action: "closed again")
            }
            try InterviewTable.close(id, as: status, note: Validate.optional(note), at: StoredTime(clock.now()), in: db)
            return try Self.detail(id, in: db)
        }
    }

    // MARK: - Reading

    static func plan(_ id: Int64, in db: Database) throws -> InterviewPlan {
        try detail(id, in: db).plan
    }

    static func detail(_ id: Int64, in db: Database) throws -> InterviewDetail {
        guard
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM interview WHERE id = ?"), arguments: [id])
        else {
            throw RequestError.notFound(
                kind: "interview", key: "#\(id)", hint: .listInterviews)
        }
        let dealID: Int64 = row["dealID"]
        let dealRequest: SQLRequest<Row> = "\(sql: DealSummary.selection) WHERE deal.id = \(dealID)"
        guard let dealRow = try dealRequest.fetchOne(db) else {
            throw RequestError.notFound(
                kind: "deal of interview", key: "#\(id)", hint: .advice("the database is inconsistent"))
        }
        let deal = try DealSummary(row: dealRow)
        let repRow = try Row.fetchOne(
            db,
            sql: "SELECT person.name, person.email FROM deal JOIN person ON person.id = deal.repID WHERE deal.id = ?",
            arguments: [dealID])
        var contact: ContactSummary?
        if let contactID: Int64 = row["contactID"], let found = try Contact.fetchOne(db, key: contactID) {
            contact = ContactSummary(name: found.name, title: found.title, email: found.email, phone: found.phone)
        }
        var interviewer: PersonReference?
        if let personID: Int64 = row["interviewerID"], let found = try Lookup.person(id: personID, in: db) {
            interviewer = PersonReference(name: found.name, email: found.email)
        }
        let versionID: Int64 = row["templateVersionID"]
        guard
            let versionRow = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM templateVersion WHERE id = ?"), arguments: [versionID])
        else {
            throw RequestError.notFound(
                kind: "template version", key: String(versionID), hint: .advice("the database is inconsistent"))
        }
        let stored = version(versionRow)
        let loaded = try loaded(versionRow)
        var answers: [RecordedAnswer] = []
        for answer in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM answer WHERE interviewID = ? ORDER BY id"), arguments: [id])
        {
            let answerID: Int64 = answer["id"]
            let tags = try String.fetchAll(
                db.cachedStatement(sql: "SELECT tag FROM answerTag WHERE answerID = ? ORDER BY tag"),
                arguments: [answerID])
            var value: AnswerValue?
            if let json: String = answer["value"] {
                value = try JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8))
            }
            answers.append(
                RecordedAnswer(
                    questionID: answer["questionID"], value: value, raw: answer["raw"], tags: tags,
                    answeredAt: answer["answeredAt"]))
        }
        let notes = try Row.fetchAll(
            db, sql: "SELECT * FROM interviewNote WHERE interviewID = ? ORDER BY id", arguments: [id]
        ).map {
            InterviewNote(questionID: $0["questionID"], text: $0["text"], createdAt: $0["createdAt"])
        }
        let revisions = try Row.fetchAll(
            db,
            sql: """
                SELECT answer.questionID, r.previousText, r.previousRaw, r.changedAt, person.name, person.email
                FROM answerRevision AS r JOIN answer ON answer.id = r.answerID
                LEFT JOIN person ON person.id = r.changedByID
                WHERE answer.interviewID = ? ORDER BY r.id
                """, arguments: [id]
        ).map { row in
            AnswerRevision(
                questionID: row["questionID"], previousText: row["previousText"], previousRaw: row["previousRaw"],
                changedBy: (row["name"] as String?).map { PersonReference(name: $0, email: row["email"]) },
                changedAt: row["changedAt"])
        }
        return InterviewDetail(
            id: id, status: InterviewStatus(rawValue: row["status"]) ?? .scheduled, deal: deal, contact: contact,
            interviewer: interviewer,
            rep: PersonReference(name: repRow?["name"] ?? "", email: repRow?["email"]),
            repOverrideReason: row["repOverrideReason"],
            scheduledFor: row["scheduledFor"], startedAt: row["startedAt"],
            interviewedOn: CalendarDate.fromDatabaseValue(row["interviewedOn"]), closedAt: row["closedAt"],
            closingNote: row["closingNote"],
            createdAt: row["createdAt"],
            quotePermission: (row["quotePermission"] as String?).flatMap(QuotePermission.init(rawValue:)),
            recordingAllowed: row["recordingAllowed"], templateVersion: stored, template: loaded.template,
            answers: answers, notes: notes,
            revisions: revisions, codes: try codes(interviewID: id, in: db))
    }

    static func codes(interviewID: Int64, in db: Database) throws -> [String: [ThemeCode]] {
        var result: [String: [ThemeCode]] = [:]
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT answer.questionID, code.themeID, code.sentiment, code.isPrimary, code.source FROM code
                    JOIN answer ON answer.id = code.answerID WHERE code.interviewID = ? ORDER BY code.isPrimary DESC, code.id
                    """), arguments: [interviewID])
        for row in rows {
            result[row["questionID"], default: []].append(
                ThemeCode(
                    themeID: row["themeID"], sentiment: Sentiment(rawValue: row["sentiment"]) ?? .neutral,
                    isPrimary: row["isPrimary"],
                    source: row["source"]))
        }
        return result
    }

    // MARK: - Rules and writes

    /// An interview can be completed when every required question that applies has an answer and the buyer's
    /// consent is recorded.
    static func ensureCompletable(_ detail: InterviewDetail) throws {
        let missing = detail.plan.missingRequired
        guard missing.isEmpty else {
            throw InterviewError.missingRequired(interviewID: detail.id, questions: missing.map(\.id))
        }
        guard detail.consent != nil else { throw InterviewError.noConsent(interviewID: detail.id) }
    }

    private static func checkInterviewer(_ interviewer: Person, deal: Deal, reason: String?, overrideGiven: Bool) throws
    {
        if interviewer.id == deal.repID {
            guard reason != nil else {
                throw InterviewError.interviewerIsRep(person: interviewer.name, deal: deal.externalID)
            }
        } else if overrideGiven {
            throw InterviewError.overrideNotNeeded(person: interviewer.name, deal: deal.externalID)
        }
    }

    static func recheckInterviewer(_ detail: InterviewDetail, reason: String?, in db: Database) throws {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT interview.interviewerID, deal.repID FROM interview JOIN deal ON deal.id = interview.dealID WHERE interview.id = ?",
                arguments: [detail.id]),
            let interviewerID: Int64 = row["interviewerID"]
        else { return }
        let repID: Int64 = row["repID"]
        guard interviewerID == repID, detail.repOverrideReason == nil else { return }
        guard let reason else {
            throw InterviewError.interviewerIsRep(
                person: detail.interviewer?.name ?? "the interviewer", deal: detail.deal.externalID)
        }
        try InterviewTable.setRepOverrideReason(reason, id: detail.id, in: db)
    }

    private static func contact(_ key: String, of deal: Deal, in db: Database) throws -> Contact {
        let ids =
            key.contains("@")
            ? try Lookup.contactIDs(accountID: deal.accountID, email: key, in: db)
            : try Lookup.contactIDs(accountID: deal.accountID, named: key, in: db)
        guard ids.count <= 1 else {
            throw RequestError.ambiguous(
                kind: "contact", key: key, count: ids.count, hint: .advice("use the contact's email"))
        }
        guard let id = ids.first, let contact = try Contact.fetchOne(db, key: id) else {
            let account =
                try String.fetchOne(db, sql: "SELECT name FROM account WHERE id = ?", arguments: [deal.accountID])
                ?? "the account"
            throw RequestError.notFound(
                kind: "contact at \(account)", key: key,
                hint: .addOrListContacts(account: account))
        }
        return contact
    }

    /// Writes one answer: the row, its typed columns, choices and tags, and a revision if it replaces another;
    /// then the codes its tags make.
    static func save(
        _ id: Int64, question: Question, value: AnswerValue?, raw: String, tags: [String], changedByID: Int64?,
        at time: StoredTime, in db: Database
    ) throws {
        let stored = AnswerTable.Stored(value, question: question)
        let answerID: Int64
        if let existing = try AnswerTable.find(interviewID: id, questionID: question.id, in: db) {
            let unchanged = existing.json == stored.json && existing.raw == raw
            if unchanged, try AnswerTable.tags(answerID: existing.id, in: db) == tags.sorted() { return }
            try AnswerTable.replace(existing, with: stored, raw: raw, changedByID: changedByID, at: time, in: db)
            answerID = existing.id
        } else {
            answerID = try AnswerTable.insert(
                stored, raw: raw, questionID: question.id, interviewID: id, at: time, in: db)
        }
        try AnswerTable.setTags(tags, answerID: answerID, in: db)
        // A skipped answer has no words left to code.
        if value == nil { try CodeTable.removeAll(answerID: answerID, in: db) }
        // Tags that name a theme of the codebook count as codes.
        try CodeTable.codeTags(answerID: answerID, at: time, in: db)
        try refreshInterviewThemes(in: db, interviewID: id)
    }
}
