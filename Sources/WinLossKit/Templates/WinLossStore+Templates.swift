import Foundation
import GRDB

/// A template version kept in the database.
package struct StoredTemplateVersion: Sendable, Equatable, Codable {
    package var id: Int64
    package var templateID: String
    package var version: String
    package var title: String
    package var sha256: String
    package var storedAt: Date
}

// MARK: - Template versions

extension WinLossStore {
    /// Keeps the exact text of a template version, or finds it kept already. The same id and version with a
    /// different text is refused: an edited template must have a new version, so that earlier interviews keep
    /// the questions they were asked.
    @discardableResult
    package func storeTemplateVersion(_ loaded: LoadedTemplate) throws -> StoredTemplateVersion {
        try write { db in try Self.storeTemplateVersion(loaded, in: db, now: clock.now()) }
    }

    /// Every stored template version, by template and version.
    package func templateVersions() throws -> [StoredTemplateVersion] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM templateVersion ORDER BY templateID, storedAt, id").map(
                Self.version)
        }
    }

    /// A stored version, read back from its kept text.
    package func templateVersion(_ id: Int64) throws -> LoadedTemplate {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM templateVersion WHERE id = ?", arguments: [id])
            else {
                throw RequestError.notFound(
                    kind: "template version", key: String(id), hint: .advice("it is not in this database"))
            }
            return try Self.loaded(row)
        }
    }

    /// The template an interview is asked from: the version it kept, whatever the files say now.
    package func interviewTemplate(_ interviewID: Int64) throws -> LoadedTemplate {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT templateVersion.* FROM interview
                        JOIN templateVersion ON templateVersion.id = interview.templateVersionID
                        WHERE interview.id = ?
                        """, arguments: [interviewID])
            else {
                throw RequestError.notFound(
                    kind: "interview", key: String(interviewID), hint: .advice("it is not in this database"))
            }
            return try Self.loaded(row)
        }
    }

    package static func storeTemplateVersion(_ loaded: LoadedTemplate, in db: Database, now: Date) throws
        -> StoredTemplateVersion
    {
        let template = loaded.template
        if let row = try Row.fetchOne(
            db, sql: "SELECT * FROM templateVersion WHERE templateID = ? AND version = ?",
            arguments: [template.id, template.version])
        {
            let stored = version(row)
            guard stored.sha256 == loaded.sha256 else {
                throw TemplateError.versionConflict(
                    id: template.id, version: template.version, storedAt: stored.storedAt)
            }
            return stored
        }
        try db.execute(
            sql: """
                INSERT INTO templateVersion (templateID, version, title, sha256, source, storedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [template.id, template.version, template.title, loaded.sha256, loaded.text, now])
        let versionID = db.lastInsertedRowID
        try indexQuestions(of: loaded, versionID: versionID, in: db)
        // Read back, so that a new version and one found later compare equal (timestamps keep milliseconds).
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM templateVersion WHERE id = ?", arguments: [versionID])
        else {
            throw RequestError.notFound(kind: "template version", key: template.id, hint: .advice("it was not stored"))
        }
        return version(row)
    }

    static func version(_ row: Row) -> StoredTemplateVersion {
        StoredTemplateVersion(
            id: row["id"], templateID: row["templateID"], version: row["version"], title: row["title"],
            sha256: row["sha256"],
            storedAt: row["storedAt"])
    }

    static func loaded(_ row: Row) throws -> LoadedTemplate {
        let stored = version(row)
        let text: String = row["source"]
        let name = "\(stored.templateID) version \(stored.version) (stored)"
        guard SHA256.hex(text) == stored.sha256, let template = TemplateLinter.lint(text: text, file: name).parsed
        else {
            throw TemplateError.invalid(
                name: name,
                diagnostics: [
                    Diagnostic(
                        .error, file: name, line: nil, column: nil,
                        "the stored text no longer matches its SHA-256 or no longer reads")
                ])
        }
        return LoadedTemplate(
            template: template, text: text, sha256: stored.sha256, origin: .stored(versionID: stored.id))
    }

    /// Records a stored version's questions, with their kind and metric role, for reports.
    static func indexQuestions(of loaded: LoadedTemplate, versionID: Int64, in db: Database) throws {
        var position = 0
        for section in loaded.template.sections {
            for question in section.questions {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO templateQuestion (templateVersionID, questionID, position, kind, metric, codedWithThemes, audience)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        versionID, question.id, position, question.kind.name, question.metric?.rawValue,
                        question.codedWithThemes, section.audience.rawValue,
                    ])
                position += 1
            }
        }
    }
}

extension WinLossStore {
    /// `LEFT JOIN answer AS alias`: the answer, in each interview of the table `interview` names, to the question
    /// that its template gives a metric role (NULL where the template has no such question or the buyer did not
    /// answer). The few stored template versions are looked up here once, and each interview's question named
    /// by its template version in the SQL, rather than joining the template questions for every interview.
    ///
    /// - Parameter kind: only questions of this kind (`months`, not `date`).
    static func metricAnswerJoin(
        _ metric: MetricRole, as alias: String, interview: String, kind: String? = nil, in db: Database
    ) throws -> SQL {
        let rows = try Row.fetchAll(
            db, sql: "SELECT templateVersionID, questionID, kind FROM templateQuestion WHERE metric = ?",
            arguments: [metric.rawValue])
        let cases: [SQL] = rows.compactMap { row in
            guard kind == nil || (row["kind"] as String) == kind else { return nil }
            return "WHEN \(row["templateVersionID"] as Int64) THEN \(row["questionID"] as String)"
        }
        guard !cases.isEmpty else {
            return "LEFT JOIN answer AS \(sql: alias) ON 0"
        }
        return """
            LEFT JOIN answer AS \(sql: alias) ON \(sql: alias).interviewID = \(sql: interview).id
                AND \(sql: alias).questionID = (CASE \(sql: interview).templateVersionID \(cases.joined(separator: " ")) END)
            """
    }
}
