import GRDB

/// The database schema, as an append-only list of named migrations.
///
/// Never edit a migration once it has shipped: add a new one after it. Migrations are plain SQL, never record
/// types, so that later changes to the records cannot change what an old migration does.
///
/// Conventions: singular camelCase tables and columns; money as an integer count of the currency's minor
/// unit (`amountMinor`) beside its ISO 4217 code, never a floating-point number; calendar dates as ISO text
/// (`decidedOn = '2026-03-31'`), which sorts correctly; timestamps (`createdAt`) in UTC, as GRDB stores them.
enum Schema {
    /// Marks the file as a winloss database (`PRAGMA application_id`, "WLSS"), so that `winloss` can tell its
    /// own files from other SQLite databases and refuse to write into those.
    static let applicationID: Int32 = 0x574C_5353

    /// The migrations, in order.
    ///
    /// - Parameters:
    ///   - seed: the codebook a programme without themes starts from, read only when it is needed.
    ///   - clock: the time rows made by a migration are stamped with.
    static func migrator(
        seedingCodebook seed: @escaping @Sendable () throws -> Codebook = Codebook.builtIn, clock: Clock = .system
    ) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-deals") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-template-versions") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3-interviews") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4-themes") { db in
            // GRDB's FTS5 support stops the process on a SQLite built without it; say so instead.
            let options = try String.fetchAll(db, sql: "PRAGMA compile_options")
            guard options.contains("ENABLE_FTS5") else {
                throw StoreError.cannotOpen(
                    path: db.description,
                    reason:
                        "this system's SQLite lacks FTS5, which search needs; install a SQLite with FTS5 (Debian's libsqlite3 has it)"
                )
            }
            try db.execute(sql: v4)
            // The questions of the template versions already stored, for reports to find measures by role.
            for row in try Row.fetchAll(db, sql: "SELECT * FROM templateVersion") {
                try WinLossStore.indexQuestions(of: try WinLossStore.loaded(row), versionID: row["id"], in: db)
            }
        }
        migrator.registerMigration("v5-callbacks") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6-codebook") { db in
            // Until now the codebook arrived with the first codebook command, so inline tags counted for nothing
            // until then. A programme has its codebook from the start, and tags already typed become codes.
            // The rebuild of what reports count uses the store's quarter(), whatever connection runs this.
            db.add(function: QuarterRange.sqlFunction)
            let hasThemes = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM theme)") ?? false
            if !hasThemes { try WinLossStore.syncCodebook(try seed(), now: clock.now(), in: db) }
        }
        migrator.registerMigration("v7-interview-day") { db in
            try db.execute(sql: v7)
        }
        return migrator
    }

    private static let v1 = """
        CREATE TABLE person (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            -- Optional because CRM exports often name an owner without an email; unique when present.
            email TEXT UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('rep', 'marketing', 'customer_success', 'manager', 'other')),
            createdAt DATETIME NOT NULL
        );
        CREATE INDEX person_on_name ON person(name COLLATE NOCASE);

        CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            externalID TEXT UNIQUE,
            name TEXT NOT NULL CHECK (name <> ''),
            industry TEXT,
            region TEXT,
            sizeBand TEXT,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        );
        CREATE INDEX account_on_name ON account(name COLLATE NOCASE);
        CREATE INDEX account_on_industry ON account(industry COLLATE NOCASE);
        CREATE INDEX account_on_region ON account(region COLLATE NOCASE);
        CREATE INDEX account_on_sizeBand ON account(sizeBand COLLATE NOCASE);

        CREATE TABLE accountAttribute (
            accountID INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (accountID, key)
        ) WITHOUT ROWID;
        CREATE INDEX accountAttribute_on_key_value ON accountAttribute(key, value COLLATE NOCASE);

        CREATE TABLE contact (
            id INTEGER PRIMARY KEY,
            accountID INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (name <> ''),
            title TEXT,
            email TEXT COLLATE NOCASE,
            phone TEXT,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        );
        CREATE INDEX contact_on_account_name ON contact(accountID, name COLLATE NOCASE);
        CREATE UNIQUE INDEX contact_on_account_email ON contact(accountID, email) WHERE email IS NOT NULL;

        CREATE TABLE deal (
            id INTEGER PRIMARY KEY,
            externalID TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            accountID INTEGER NOT NULL REFERENCES account(id) ON DELETE RESTRICT,
            repID INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
            amountMinor INTEGER,
            currency TEXT,
            createdOn TEXT,
            decidedOn TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('win', 'loss', 'no_decision')),
            stage TEXT,
            reason TEXT,
            competitorWon TEXT,
            productLine TEXT,
            source TEXT NOT NULL,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL,
            CHECK ((amountMinor IS NULL) = (currency IS NULL))
        );
        CREATE INDEX deal_on_decidedOn ON deal(decidedOn);
        CREATE INDEX deal_on_outcome_decidedOn ON deal(outcome, decidedOn);
        CREATE INDEX deal_on_repID_decidedOn ON deal(repID, decidedOn);
        CREATE INDEX deal_on_accountID ON deal(accountID);

        -- Competitors involved in a deal; the one that won a loss is deal.competitorWon.
        CREATE TABLE dealCompetitor (
            dealID INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
            name TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (dealID, name)
        ) WITHOUT ROWID;
        CREATE INDEX dealCompetitor_on_name ON dealCompetitor(name, dealID);

        CREATE TABLE dealAttribute (
            dealID INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (dealID, key)
        ) WITHOUT ROWID;
        CREATE INDEX dealAttribute_on_key_value ON dealAttribute(key, value COLLATE NOCASE);

        -- The buyers involved in a deal: the people an interviewer can ask for an interview.
        CREATE TABLE dealContact (
            dealID INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
            contactID INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
            PRIMARY KEY (dealID, contactID)
        ) WITHOUT ROWID;
        CREATE INDEX dealContact_on_contactID ON dealContact(contactID);
        """

    private static let v2 = """
        -- The exact text of each template version an interview used: the evidence of what was asked. Rows are
        -- never changed or deleted; an edited template is a new version.
        CREATE TABLE templateVersion (
            id INTEGER PRIMARY KEY,
            templateID TEXT NOT NULL,
            version TEXT NOT NULL,
            title TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            source TEXT NOT NULL,
            storedAt DATETIME NOT NULL,
            UNIQUE (templateID, version)
        );
        CREATE TRIGGER templateVersion_never_changes BEFORE UPDATE ON templateVersion
        BEGIN
            SELECT RAISE(ABORT, 'a stored template version is evidence and never changes');
        END;
        CREATE TRIGGER templateVersion_is_never_deleted BEFORE DELETE ON templateVersion
        BEGIN
            SELECT RAISE(ABORT, 'a stored template version is evidence and is never deleted');
        END;

        -- An interview of a deal's buyer, asked from one stored template version.
        CREATE TABLE interview (
            id INTEGER PRIMARY KEY,
            dealID INTEGER NOT NULL REFERENCES deal(id) ON DELETE RESTRICT,
            templateVersionID INTEGER NOT NULL REFERENCES templateVersion(id) ON DELETE RESTRICT,
            status TEXT NOT NULL DEFAULT 'scheduled'
                CHECK (status IN ('scheduled', 'in_progress', 'completed', 'declined', 'no_show')),
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        );
        CREATE INDEX interview_on_dealID ON interview(dealID);
        CREATE INDEX interview_on_templateVersionID ON interview(templateVersionID);
        """

    private static let v3 = """
        ALTER TABLE interview ADD COLUMN contactID INTEGER REFERENCES contact(id) ON DELETE RESTRICT;
        ALTER TABLE interview ADD COLUMN interviewerID INTEGER REFERENCES person(id) ON DELETE RESTRICT;
        ALTER TABLE interview ADD COLUMN scheduledFor DATETIME;
        ALTER TABLE interview ADD COLUMN startedAt DATETIME;
        ALTER TABLE interview ADD COLUMN closedAt DATETIME;
        ALTER TABLE interview ADD COLUMN closingNote TEXT;
        -- Why the deal's own rep interviews its buyer, when that was allowed; shown wherever the interview is.
        ALTER TABLE interview ADD COLUMN repOverrideReason TEXT;
        -- The buyer's consent, recorded before the first question.
        ALTER TABLE interview ADD COLUMN quotePermission TEXT CHECK (quotePermission IN ('named', 'anonymous', 'none'));
        ALTER TABLE interview ADD COLUMN recordingAllowed INTEGER CHECK (recordingAllowed IN (0, 1));
        CREATE INDEX interview_on_status ON interview(status);
        -- One open interview per buyer of a deal; a deal may have several buyers interviewed.
        CREATE UNIQUE INDEX interview_one_open_per_contact ON interview(dealID, contactID)
            WHERE status IN ('scheduled', 'in_progress') AND contactID IS NOT NULL;

        -- One answer per question of an interview, committed the moment it is entered. `value` is the answer as JSON;
        -- the typed columns let reports add up amounts and numbers in SQL.
        CREATE TABLE answer (
            id INTEGER PRIMARY KEY,
            interviewID INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            questionID TEXT NOT NULL,
            value TEXT,
            displayText TEXT,
            raw TEXT NOT NULL,
            amountMinor INTEGER,
            currency TEXT,
            period TEXT,
            number REAL,
            flag INTEGER,
            dateValue TEXT,
            answeredAt DATETIME NOT NULL,
            UNIQUE (interviewID, questionID)
        );
        CREATE INDEX answer_on_questionID ON answer(questionID);

        CREATE TABLE answerChoice (
            answerID INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
            choiceID TEXT NOT NULL,
            PRIMARY KEY (answerID, choiceID)
        ) WITHOUT ROWID;
        CREATE INDEX answerChoice_on_choiceID ON answerChoice(choiceID);

        -- Themes tagged inline while answering (#price).
        CREATE TABLE answerTag (
            answerID INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (answerID, tag)
        ) WITHOUT ROWID;
        CREATE INDEX answerTag_on_tag ON answerTag(tag);

        -- Earlier values of a changed answer, with who changed it and when.
        CREATE TABLE answerRevision (
            id INTEGER PRIMARY KEY,
            answerID INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
            previousValue TEXT,
            previousText TEXT,
            previousRaw TEXT NOT NULL,
            changedByID INTEGER REFERENCES person(id) ON DELETE RESTRICT,
            changedAt DATETIME NOT NULL
        );
        CREATE INDEX answerRevision_on_answerID ON answerRevision(answerID);

        -- The interviewer's private notes: never shown to reps.
        CREATE TABLE interviewNote (
            id INTEGER PRIMARY KEY,
            interviewID INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            questionID TEXT,
            text TEXT NOT NULL,
            createdAt DATETIME NOT NULL
        );
        CREATE INDEX interviewNote_on_interviewID ON interviewNote(interviewID);
        """

    private static let v4 = """
        -- The programme's codebook: the themes of the codebook file, and those added, renamed or merged since.
        -- Ids never change; a merged theme stays as an alias of the one it was merged into.
        CREATE TABLE theme (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL CHECK (label <> ''),
            description TEXT NOT NULL DEFAULT '',
            keywords TEXT NOT NULL DEFAULT '[]',
            parentID TEXT REFERENCES theme(id),
            mergedInto TEXT REFERENCES theme(id),
            source TEXT NOT NULL CHECK (source IN ('codebook', 'added')),
            renamed INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            createdAt DATETIME NOT NULL
        ) WITHOUT ROWID;

        -- A theme coded on an answer: by a coder, or from an inline #tag. The interview is repeated here so that
        -- reports count themes per interview without going through every answer.
        CREATE TABLE code (
            id INTEGER PRIMARY KEY,
            answerID INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
            interviewID INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            themeID TEXT NOT NULL REFERENCES theme(id),
            sentiment TEXT NOT NULL CHECK (sentiment IN ('positive', 'negative', 'neutral')),
            isPrimary INTEGER NOT NULL DEFAULT 0 CHECK (isPrimary IN (0, 1)),
            source TEXT NOT NULL CHECK (source IN ('coder', 'tag')),
            coderID INTEGER REFERENCES person(id),
            createdAt DATETIME NOT NULL,
            UNIQUE (answerID, themeID)
        );
        CREATE INDEX code_on_interviewID_themeID ON code(interviewID, themeID);
        CREATE INDEX code_on_themeID_interviewID ON code(themeID, interviewID);
        -- The primary reasons, where reports look first for a theme's quotes.
        CREATE INDEX code_primary_on_themeID_interviewID ON code(themeID, interviewID) WHERE isPrimary = 1;

        -- Each interview's themes, once each, with the themes above them in the codebook: what reports count. Kept
        -- from the codes whenever they change. The interview's status and its deal's outcome and decided date are
        -- copied here (and kept by the triggers below), so that a report counts every theme by outcome and quarter
        -- from one index, without joining a row of another table per mention.
        CREATE TABLE interviewTheme (
            interviewID INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            themeID TEXT NOT NULL,
            isPrimary INTEGER NOT NULL,
            positive INTEGER NOT NULL,
            negative INTEGER NOT NULL,
            completed INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            decidedOn TEXT NOT NULL,
            -- 20263 for 2026Q3.
            quarter INTEGER NOT NULL,
            PRIMARY KEY (interviewID, themeID)
        ) WITHOUT ROWID;
        CREATE INDEX interviewTheme_for_reports
            ON interviewTheme(completed, themeID, outcome, quarter, decidedOn, isPrimary, positive, negative);
        -- The latest interviews where a theme came up in an outcome, primary reasons first: where quotes are found.
        CREATE INDEX interviewTheme_for_quotes
            ON interviewTheme(themeID, outcome, completed, isPrimary, interviewID, decidedOn);
        -- Whether an interview has any theme coded: the interviews a theme's share is taken over.
        ALTER TABLE interview ADD COLUMN coded INTEGER NOT NULL DEFAULT 0;
        CREATE TRIGGER interviewTheme_follows_status AFTER UPDATE OF status ON interview
        BEGIN
            UPDATE interviewTheme SET completed = (NEW.status = 'completed') WHERE interviewID = NEW.id;
        END;
        CREATE TRIGGER interviewTheme_follows_deal AFTER UPDATE OF outcome, decidedOn ON deal
        BEGIN
            UPDATE interviewTheme
            SET outcome = NEW.outcome, decidedOn = NEW.decidedOn,
                quarter = CAST(substr(NEW.decidedOn, 1, 4) AS INTEGER) * 10 + (CAST(substr(NEW.decidedOn, 6, 2) AS INTEGER) + 2) / 3
            WHERE interviewID IN (SELECT id FROM interview WHERE dealID = NEW.id);
        END;

        -- The questions of each stored template version, so that reports find measures by role (the value of
        -- closing the gap…) whatever a template calls its questions.
        CREATE TABLE templateQuestion (
            templateVersionID INTEGER NOT NULL REFERENCES templateVersion(id),
            questionID TEXT NOT NULL,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            metric TEXT,
            codedWithThemes INTEGER NOT NULL,
            -- 'buyer', or 'interviewer' for the interviewer's own assessment, which is never quoted as the buyer's.
            audience TEXT NOT NULL CHECK (audience IN ('buyer', 'interviewer')),
            PRIMARY KEY (templateVersionID, questionID)
        ) WITHOUT ROWID;
        CREATE INDEX templateQuestion_on_metric ON templateQuestion(metric, templateVersionID);
        -- Each interview's numeric answers, read by reports from the index alone.
        CREATE INDEX answer_figures ON answer(interviewID, questionID, amountMinor, currency, period, number, flag);

        -- How long a rep says their sales cycle is, to set beside the real one.
        ALTER TABLE person ADD COLUMN assumedCycleDays INTEGER CHECK (assumedCycleDays > 0);

        -- Full-text search over answers and private notes, reading their text where it is (no copy). Each has a
        -- stemmed index, so that "priced" and "pricing" find "price", and an exact one for prefix searches
        -- ("integrat*" must find "integration", whose stem is "integr").
        CREATE VIRTUAL TABLE answerSearch USING fts5(
            displayText, content = 'answer', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE answerSearchExact USING fts5(
            displayText, content = 'answer', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE noteSearch USING fts5(
            text, content = 'interviewNote', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE noteSearchExact USING fts5(
            text, content = 'interviewNote', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO answerSearch (answerSearch) VALUES ('rebuild');
        INSERT INTO answerSearchExact (answerSearchExact) VALUES ('rebuild');
        INSERT INTO noteSearch (noteSearch) VALUES ('rebuild');
        INSERT INTO noteSearchExact (noteSearchExact) VALUES ('rebuild');
        CREATE TRIGGER answer_search_insert AFTER INSERT ON answer
        BEGIN
            INSERT INTO answerSearch (rowid, displayText) VALUES (NEW.id, NEW.displayText);
            INSERT INTO answerSearchExact (rowid, displayText) VALUES (NEW.id, NEW.displayText);
        END;
        CREATE TRIGGER answer_search_update AFTER UPDATE OF displayText ON answer
        BEGIN
            INSERT INTO answerSearch (answerSearch, rowid, displayText) VALUES ('delete', OLD.id, OLD.displayText);
            INSERT INTO answerSearchExact (answerSearchExact, rowid, displayText) VALUES ('delete', OLD.id, OLD.displayText);
            INSERT INTO answerSearch (rowid, displayText) VALUES (NEW.id, NEW.displayText);
            INSERT INTO answerSearchExact (rowid, displayText) VALUES (NEW.id, NEW.displayText);
        END;
        CREATE TRIGGER answer_search_delete AFTER DELETE ON answer
        BEGIN
            INSERT INTO answerSearch (answerSearch, rowid, displayText) VALUES ('delete', OLD.id, OLD.displayText);
            INSERT INTO answerSearchExact (answerSearchExact, rowid, displayText) VALUES ('delete', OLD.id, OLD.displayText);
        END;
        CREATE TRIGGER note_search_insert AFTER INSERT ON interviewNote
        BEGIN
            INSERT INTO noteSearch (rowid, text) VALUES (NEW.id, NEW.text);
            INSERT INTO noteSearchExact (rowid, text) VALUES (NEW.id, NEW.text);
        END;
        CREATE TRIGGER note_search_delete AFTER DELETE ON interviewNote
        BEGIN
            INSERT INTO noteSearch (noteSearch, rowid, text) VALUES ('delete', OLD.id, OLD.text);
            INSERT INTO noteSearchExact (noteSearchExact, rowid, text) VALUES ('delete', OLD.id, OLD.text);
        END;
        """

    private static let v7 = """
        -- The calendar day the interview took place, which "days from the decision to the interview" count to: the
        -- day a session started, in the interviewer's time zone, or the day an interview recorded afterwards was
        -- held. Interviews started before this column existed took the UTC day they started.
        ALTER TABLE interview ADD COLUMN interviewedOn TEXT CHECK (interviewedOn IS NULL OR date(interviewedOn) = interviewedOn);
        UPDATE interview SET interviewedOn = date(startedAt) WHERE startedAt IS NOT NULL;
        """

    private static let v5 = """
        -- Calls made to prior no-decisions and losses (callbacks), the latest last. A "not now" call may name the
        -- day to call again; a reopened deal may name the deal it came back as, once that is in the database.
        CREATE TABLE callbackCall (
            id INTEGER PRIMARY KEY,
            dealID INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
            calledOn TEXT NOT NULL,
            result TEXT NOT NULL CHECK (result IN ('reopened', 'not_now', 'no_interest')),
            note TEXT,
            callerID INTEGER REFERENCES person(id) ON DELETE RESTRICT,
            againOn TEXT CHECK (againOn IS NULL OR (result = 'not_now' AND againOn > calledOn)),
            newDealID INTEGER REFERENCES deal(id) ON DELETE SET NULL CHECK (newDealID IS NULL OR result = 'reopened'),
            recordedAt DATETIME NOT NULL
        );
        CREATE INDEX callbackCall_on_dealID ON callbackCall(dealID, id);
        -- Callbacks carried into a later list by a "not now" call with a day to call again.
        CREATE INDEX callbackCall_on_againOn ON callbackCall(againOn) WHERE againOn IS NOT NULL;
        """
}
