import Foundation
import GRDB
import Testing

@testable import WinLossDemo
@testable import WinLossKit

struct BulkProgrammeTests {
    static let anchor = SampleProgramme.defaultAnchor

    /// A generated programme of `deals` deals in a fresh in-memory database.
    private func generated(deals: Int = 300, seed: UInt64 = 7) throws -> (WinLossStore, BulkSummary) {
        // The store's own clock stamps the codebook it starts with; a fixed one, so that two runs compare.
        let store = try WinLossStore.inMemory(clock: .fixed(Date(timeIntervalSince1970: 1_780_000_000)))
        let summary = try BulkProgramme(deals: deals, seed: seed, anchor: Self.anchor).generate(into: store)
        return (store, summary)
    }

    private func value(_ store: WinLossStore, _ sql: String) throws -> Double {
        try store.read { try Double.fetchOne($0, sql: sql) ?? .nan }
    }

    @Test func everyDealIsDecidedAndInterviewedOnceByItsBuyerAndNeverByItsRep() throws {
        // Given a programme of 300 deals
        var reported: [Int] = []
        let store = try WinLossStore.inMemory()
        let summary = try BulkProgramme(deals: 300, seed: 7, anchor: Self.anchor).generate(into: store) {
            reported.append($0)
        }

        // Then the summary counts what is in the database
        #expect(summary.deals == 300 && summary.interviews == 300)
        #expect(try count(store, "deal") == 300)
        #expect(try count(store, "interview") == 300)
        #expect(try count(store, "answer") == summary.answers)
        #expect(try count(store, "code") == summary.codes)
        #expect(try count(store, "account") == summary.accounts)
        #expect(try count(store, "contact") == summary.contacts)
        #expect(try count(store, "interviewNote") == summary.notes)
        #expect(reported == [300])

        try store.read { (db: Database) throws in
            func number(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
                try Int.fetchOne(db, sql: sql, arguments: arguments) ?? -1
            }
            // Every deal decided within two years before the anchor, after a cycle of 60 to 300 days
            #expect(
                try number(
                    """
                    SELECT count(*) FROM deal WHERE decidedOn > ? OR decidedOn < ?
                        OR julianday(decidedOn) - julianday(createdOn) NOT BETWEEN 60 AND 300
                    """, [Self.anchor, Self.anchor.adding(days: -760)]) == 0)
            // ... with one completed interview, from the template for its outcome
            #expect(
                try number(
                    "SELECT count(*) FROM deal WHERE (SELECT count(*) FROM interview WHERE dealID = deal.id) <> 1")
                    == 0)
            #expect(try number("SELECT count(*) FROM interview WHERE status <> 'completed'") == 0)
            #expect(
                try number(
                    """
                    SELECT count(*) FROM interview JOIN deal ON deal.id = interview.dealID
                    JOIN templateVersion AS v ON v.id = interview.templateVersionID
                    WHERE v.templateID <> CASE deal.outcome WHEN 'no_decision' THEN 'no-decision' ELSE deal.outcome END
                    """) == 0)
            // ... 3 to 45 days after the decision, before the anchor, closed after it started, with consent recorded
            #expect(
                try number(
                    """
                    SELECT count(*) FROM interview JOIN deal ON deal.id = interview.dealID
                    WHERE julianday(date(startedAt)) - julianday(decidedOn) NOT BETWEEN 3 AND 45
                        OR date(startedAt) >= ? OR closedAt <= startedAt OR quotePermission IS NULL
                        OR recordingAllowed IS NULL
                    """, [Self.anchor]) == 0)
            // ... by a marketing or customer success interviewer, never the deal's rep
            #expect(
                try number(
                    """
                    SELECT count(*) FROM interview JOIN deal ON deal.id = interview.dealID
                    JOIN person ON person.id = interview.interviewerID
                    WHERE interview.interviewerID = deal.repID OR person.role NOT IN ('marketing', 'customer_success')
                    """) == 0)
            #expect(
                try number(
                    "SELECT count(*) FROM deal JOIN person ON person.id = deal.repID WHERE person.role <> 'rep'") == 0)
            // ... with a buyer of the deal at its account
            #expect(
                try number(
                    """
                    SELECT count(*) FROM interview JOIN deal ON deal.id = interview.dealID
                    JOIN contact ON contact.id = interview.contactID
                    WHERE contact.accountID <> deal.accountID
                        OR NOT EXISTS (SELECT 1 FROM dealContact WHERE dealID = deal.id AND contactID = contact.id)
                    """) == 0)
            // Losses name the competitor that won, among the deal's competitors; other deals name none
            #expect(
                try number(
                    """
                    SELECT count(*) FROM deal WHERE (outcome = 'loss') <> (competitorWon IS NOT NULL)
                        OR (competitorWon IS NOT NULL AND NOT EXISTS (
                            SELECT 1 FROM dealCompetitor WHERE dealID = deal.id AND name = deal.competitorWon))
                    """) == 0)
            #expect(
                try number("SELECT count(*) FROM deal WHERE amountMinor <= 0 OR currency NOT IN ('USD', 'EUR')") == 0)
            #expect(try number("SELECT count(*) FROM templateQuestion") > 0)
            #expect(try number("SELECT count(DISTINCT industry) FROM account") == SampleProgramme.industries.count)
        }

        // Roughly a quarter won, half lost and a quarter undecided
        let wins = try value(store, "SELECT avg(outcome = 'win') FROM deal")
        let losses = try value(store, "SELECT avg(outcome = 'loss') FROM deal")
        #expect((0.15...0.35).contains(wins) && (0.38...0.62).contains(losses))
        // Reps believe their cycle is shorter than it is
        let assumed = try value(store, "SELECT avg(assumedCycleDays) FROM person WHERE role = 'rep'")
        let real = try value(store, "SELECT avg(julianday(decidedOn) - julianday(createdOn)) FROM deal")
        #expect(
            try value(
                store, "SELECT count(*) FROM person WHERE role = 'rep' AND assumedCycleDays NOT BETWEEN 90 AND 150")
                == 0)
        #expect(real > assumed + 15)
    }

    @Test func answersAreStoredExactlyAsTheInterviewCodeStoresThem() throws {
        let (store, summary) = try generated()
        let catalog = try TemplateCatalog.load(userDirectory: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let parser = AnswerParser(defaultCurrency: .usd)

        // About twelve answers an interview
        let perInterview = Double(summary.answers) / Double(summary.interviews)
        #expect((10.5...13.5).contains(perInterview))

        let rows = try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT answer.*, deal.outcome,
                           (SELECT group_concat(choiceID, ',') FROM answerChoice WHERE answerID = answer.id) AS choices
                    FROM answer JOIN interview ON interview.id = answer.interviewID JOIN deal ON deal.id = interview.dealID
                    ORDER BY answer.id
                    """)
        }
        var kinds = Set<String>()
        var skipped = 0
        for row in rows {
            let outcome = try #require(Outcome(rawValue: row["outcome"]))
            let template = try #require(catalog.template(for: outcome)).template
            let question = try #require(template.question(row["questionID"]))
            guard let json: String = row["value"] else {
                // A skip: no value and no words, as a session's /skip stores it
                #expect((row["displayText"] as String?) == nil && (row["raw"] as String) == "")
                skipped += 1
                continue
            }
            let value = try JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8))
            kinds.insert(question.kind.name)
            // The JSON is byte for byte what the store's encoder writes
            #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == json)
            // The display text is the transcript's, and the raw text reads back as the same answer
            #expect((row["displayText"] as String?) == value.display(for: question))
            #expect(try parser.parse(row["raw"], for: question).get() == value, "\(row["raw"] as String)")
            // The typed columns say the same
            switch value {
            case .money(let money, let period):
                #expect((row["amountMinor"] as Int64?) == money.minorUnits)
                #expect((row["currency"] as String?) == money.currency.code)
                #expect((row["period"] as String?) == period?.rawValue)
            case .number(let number):
                #expect((row["number"] as Double?) == NSDecimalNumber(decimal: number).doubleValue)
            case .scale(let point):
                #expect((row["number"] as Double?) == Double(point))
            case .months(let months):
                #expect((row["number"] as Double?) == Double(months))
            case .yesNo(let flag):
                #expect((row["flag"] as Bool?) == flag)
            case .date(let day):
                #expect((row["dateValue"] as String?) == day.description)
            case .choices(let ids):
                #expect(Set((row["choices"] as String? ?? "").split(separator: ",").map(String.init)) == Set(ids))
            default:
                #expect((row["amountMinor"] as Int64?) == nil && (row["number"] as Double?) == nil)
            }
        }
        #expect(
            kinds == [
                "long_text", "short_text", "money", "number", "multiple_choice", "yes_no", "scale", "months", "date",
            ])
        #expect(skipped > 0 && skipped < rows.count / 50)

        // Interviews read back whole through the store, complete by the interview rules
        for id in Int64(1)...20 {
            let detail = try store.interview(id)
            #expect(detail.status == .completed && detail.consent != nil)
            #expect(detail.plan.missingRequired.isEmpty && detail.plan.answersNoLongerAsked.isEmpty)
            #expect(detail.codes.values.joined().filter(\.isPrimary).count == 1)
            // Stored timestamps are derived from the anchor, in GRDB's format
            #expect(try #require(detail.startedAt) < (try #require(detail.closedAt)))
        }
    }

    @Test func codesFollowTheCodebookAndTheOutcome() throws {
        let (store, summary) = try generated()
        let perInterview = Double(summary.codes) / Double(summary.interviews)
        #expect((17.0...23.0).contains(perInterview))

        try store.read { (db: Database) throws in
            func number(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            // Codes are on answers of theme-coded questions of their own interview, with live themes
            #expect(
                try number(
                    """
                    SELECT count(*) FROM code JOIN answer ON answer.id = code.answerID
                    JOIN interview ON interview.id = answer.interviewID
                    LEFT JOIN templateQuestion AS q ON q.templateVersionID = interview.templateVersionID
                        AND q.questionID = answer.questionID
                    LEFT JOIN theme ON theme.id = code.themeID
                    WHERE code.interviewID <> answer.interviewID OR q.codedWithThemes IS NOT 1 OR theme.id IS NULL
                        OR theme.mergedInto IS NOT NULL OR answer.value IS NULL OR code.source <> 'coder'
                    """) == 0)
            // One primary reason per interview
            #expect(
                try number(
                    """
                    SELECT count(*) FROM interview
                    WHERE (SELECT count(*) FROM code WHERE interviewID = interview.id AND isPrimary = 1) <> 1
                    """) == 0)
            // Each interview's themes hold every coded theme and the theme above it, and nothing else
            #expect(
                try number(
                    """
                    SELECT count(*) FROM code JOIN theme ON theme.id = code.themeID
                    WHERE NOT EXISTS (SELECT 1 FROM interviewTheme WHERE interviewID = code.interviewID AND themeID = code.themeID)
                        OR (theme.parentID IS NOT NULL AND NOT EXISTS (
                            SELECT 1 FROM interviewTheme WHERE interviewID = code.interviewID AND themeID = theme.parentID))
                    """) == 0)
            #expect(
                try number(
                    """
                    SELECT count(*) FROM interviewTheme AS it
                    WHERE NOT EXISTS (SELECT 1 FROM code JOIN theme ON theme.id = code.themeID
                                      WHERE code.interviewID = it.interviewID
                                          AND it.themeID IN (theme.id, theme.parentID))
                    """) == 0)
            #expect(
                try number("SELECT count(DISTINCT interviewID) FROM interviewTheme WHERE isPrimary = 1") == 300)
            // The answers use the words of their themes most of the time (matched with stemming, as suggestions are)
            var matched = 0
            var coded = 0
            for theme in try WinLossStore.themes(in: db) {
                let query = theme.keywords.map { "\"" + $0 + "\"" }.joined(separator: " OR ")
                coded +=
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM code WHERE themeID = ?", arguments: [theme.id]) ?? 0
                matched +=
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM code WHERE themeID = ? AND answerID IN (
                                SELECT rowid FROM answerSearch WHERE answerSearch MATCH ?)
                            """, arguments: [theme.id, query]) ?? 0
            }
            #expect(Double(matched) / Double(coded) > 0.75)
        }

        // Wins are mostly praise, losses mostly criticism
        let sentiment = """
            SELECT avg(code.sentiment = ?) FROM code JOIN interview ON interview.id = code.interviewID
            JOIN deal ON deal.id = interview.dealID WHERE deal.outcome = ?
            """
        let winsPositive = try store.read { try Double.fetchOne($0, sql: sentiment, arguments: ["positive", "win"]) }
        let lossesNegative = try store.read {
            try Double.fetchOne($0, sql: sentiment, arguments: ["negative", "loss"])
        }
        #expect(try #require(winsPositive) > 0.5 && (try #require(lossesNegative)) > 0.5)
        // Themes follow the outcome: price and missing capabilities in losses, the status quo in no-decisions
        func share(_ theme: String, _ outcome: Outcome) throws -> Double {
            try store.read { db in
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT avg(EXISTS (SELECT 1 FROM interviewTheme WHERE interviewID = interview.id AND themeID = ?))
                        FROM interview JOIN deal ON deal.id = interview.dealID WHERE deal.outcome = ?
                        """, arguments: [theme, outcome.rawValue]) ?? .nan
            }
        }
        #expect(try share("missing_capability", .loss) > 2 * (try share("missing_capability", .win)))
        #expect(try share("status_quo", .noDecision) > 2 * (try share("status_quo", .loss)))
        #expect(try share("ease_of_use", .win) > 2 * (try share("ease_of_use", .noDecision)))
    }

    @Test func lossesTalkOfPriceAndOfAVendorFavouredFromTheStart() throws {
        let (store, _) = try generated()
        // The share of interviews whose answers mention price, found by search with stemming ("priced", "pricing")
        func mentions(_ query: String, _ outcome: Outcome) throws -> Double {
            try store.read { db in
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT avg(EXISTS (SELECT 1 FROM answer WHERE answer.interviewID = interview.id AND answer.id IN (
                            SELECT rowid FROM answerSearch WHERE answerSearch MATCH ?)))
                        FROM interview JOIN deal ON deal.id = interview.dealID WHERE deal.outcome = ?
                        """, arguments: [query, outcome.rawValue]) ?? .nan
            }
        }
        #expect(try mentions("price", .loss) > 1.2 * (try mentions("price", .win)))
        #expect(
            try mentions("budget OR freeze OR priorities", .noDecision) > 1.5
                * (try mentions("budget OR freeze OR priorities", .win)))
        // Search finds the words through the store's own search
        let hits = try store.search(
            "priced OR pricing",
            matching: {
                var f = DealFilter(); f.outcomes = [.loss]; return f
            }())
        #expect(!hits.isEmpty && hits.allSatisfy { $0.outcome == .loss })

        // Only the loss template asks whether a vendor was favoured before we were engaged: most buyers say yes,
        // and the months of contact with the winner are asked only then
        let yesShare = try value(
            store, "SELECT avg(flag) FROM answer WHERE questionID = 'preferred_vendor' AND value IS NOT NULL")
        #expect((0.55...0.85).contains(yesShare))
        #expect(
            try value(
                store,
                """
                SELECT count(*) FROM answer AS months
                WHERE months.questionID = 'first_contact_with_winner' AND NOT EXISTS (
                    SELECT 1 FROM answer WHERE interviewID = months.interviewID AND questionID = 'preferred_vendor' AND flag = 1)
                """) == 0)
        #expect(
            try value(
                store,
                """
                SELECT count(*) FROM answer JOIN interview ON interview.id = answer.interviewID
                JOIN deal ON deal.id = interview.dealID WHERE answer.questionID = 'preferred_vendor' AND deal.outcome <> 'loss'
                """) == 0)
    }

    @Test func noBuyerWhoDidNotBuySaysTheyBought() throws {
        let (store, _) = try generated(deals: 600)
        let said = try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT deal.outcome, count(*) AS n FROM answer
                    JOIN interview ON interview.id = answer.interviewID JOIN deal ON deal.id = interview.dealID
                    WHERE answer.displayText LIKE '%we signed%' OR answer.displayText LIKE '%easy to say yes%'
                       OR answer.displayText LIKE '%rollout went to plan%'
                    GROUP BY deal.outcome
                    """
            ).map { ($0["outcome"] as String, $0["n"] as Int) }
        }
        // Winners do say so (the test would notice the sentences going away), others never.
        #expect(said.contains { $0.0 == "win" && $0.1 > 0 })
        #expect(!said.contains { $0.0 != "win" }, "\(said)")
    }

    @Test func theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws {
        let tables = [
            "person", "account", "contact", "deal", "dealCompetitor", "dealContact", "dealAttribute", "interview",
            "answer", "answerChoice", "code", "interviewNote", "interviewTheme", "templateQuestion", "templateVersion",
            "theme",
        ]
        func rows(_ store: WinLossStore) throws -> [String: [String]] {
            try store.read { db in
                var result: [String: [String]] = [:]
                for table in tables {
                    result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
                }
                return result
            }
        }
        let first = try rows(try generated(deals: 120, seed: 11).0)
        let again = try rows(try generated(deals: 120, seed: 11).0)
        let other = try rows(try generated(deals: 120, seed: 12).0)
        for table in tables {
            let same = first[table] == again[table]
            #expect(same, "\(table) differs between two runs with the same seed")
        }
        let differs =
            first["deal"] != other["deal"] && first["answer"] != other["answer"] && first["code"] != other["code"]
        #expect(differs)
    }

    @Test func refusesADatabaseThatHasDeals() throws {
        // Given a database with a deal
        let store = try WinLossStore.inMemory()
        try store.addPerson(name: "Ana Lima", email: "ana.lima@example.com", role: .rep)
        try store.addDeal(
            NewDeal(
                externalID: "D1", name: "Acme renewal", account: "Acme", rep: "ana.lima@example.com",
                decidedOn: Self.anchor, outcome: .win))
        let before = try dump(store)

        // When a programme is generated into it, it is refused and nothing changes
        guard
            case .invalid(let field, let message)? = expectError(
                RequestError.self, { try BulkProgramme(deals: 10, seed: 1).generate(into: store) })
        else { return }
        #expect(field == "database" && message.contains("already holds 1 deal"))
        #expect(try dump(store) == before)

        // And a programme generated once cannot be generated again on top of itself
        let (generatedStore, _) = try generated(deals: 20)
        #expect(
            expectError(RequestError.self) { try BulkProgramme(deals: 20, seed: 7).generate(into: generatedStore) }
                != nil)
        #expect(try count(generatedStore, "deal") == 20)
    }

    @Test func theCommandFillsANewDatabaseAndRefusesOneWithDeals() throws {
        let directory = TemporaryDirectory()
        let winloss = Winloss(home: directory.path)
        let path = directory.file("bench.sqlite")

        let created = try winloss.run(["demo", "generate", "--deals", "40", "--seed", "3", "--db", path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("Generated 40 deals, 40 interviews, "))
        #expect(created.stdout.contains(" codes in ") && created.stdout.contains(" s into \(path)"))
        // No progress line when standard error is not a terminal
        #expect(created.stderr.isEmpty)
        #expect(try permissions(path) == 0o600)

        let again = try winloss.run(["demo", "generate", "--deals", "40", "--db", path])
        #expect(again.status == 1 && again.stderr.contains("already holds 40 deals"))
        #expect(try count(try WinLossStore.open(path: path, mode: .mustExist), "deal") == 40)

        // --db is required, so that a sample never lands in the user's own database
        #expect(try winloss.run(["demo", "generate", "--deals", "40"]).status == 64)
        #expect(try winloss.run(["demo", "generate", "--deals", "0", "--db", path]).status == 64)
    }
}
