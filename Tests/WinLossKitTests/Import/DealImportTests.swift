import Foundation
import GRDB
import Testing

@testable import WinLossKit

struct DealImportTests {
    let folder = TemporaryDirectory()

    @Test func importsASalesforceReport() throws {
        // Given a Salesforce report export
        let store = try WinLossStore.inMemory()
        let path = try folder.write("opportunities.csv", Fixtures.salesforce)
        // When it is imported
        let summary = try store.importDeals(from: path)
        // Then the decided deals are in, the open one skipped, the footer left out
        #expect(summary.format == .salesforce)
        #expect((summary.rows, summary.deals, summary.inserted, summary.updated, summary.unchanged) == (5, 4, 4, 0, 0))
        #expect(summary.skippedOpen == 1 && summary.openStages == ["Negotiation/Review": 1])
        #expect(summary.reportFooterLines == 4)
        #expect((summary.accountsCreated, summary.contactsCreated, summary.peopleCreated) == (3, 3, 2))
        #expect(!summary.derivedIDs)

        let loss = try store.deal(externalID: "006A1")
        #expect(loss.deal.outcome == .loss)
        #expect(loss.deal.amount == Money(minorUnits: 4_800_000, currency: .eur))
        #expect(loss.deal.createdOn?.description == "2026-01-12" && loss.deal.decidedOn.description == "2026-06-30")
        #expect(loss.deal.reason == "Price: \"too expensive\"\r\nfor year two")
        #expect(loss.deal.competitorWon == "Stratos" && loss.deal.competitors == ["Stratos"])
        #expect(loss.deal.rep == "Ana Lima" && loss.deal.productLine == "Core Platform")
        #expect((loss.deal.industry, loss.deal.region, loss.deal.sizeBand) == ("Logistics", "Germany", "1001-5000"))
        #expect(
            loss.contacts == [
                ContactSummary(
                    name: "Sam Okafor", title: "VP Operations", email: "sam@northwind.example", phone: "+49 30 1234")
            ])
        #expect(loss.attributes == ["lead_source": "Web", "type": "Renewal"])
        #expect(loss.source == .salesforce && loss.cycleDays == 169)

        #expect(try store.deal(externalID: "006A2").deal.outcome == .win)
        #expect(try store.deal(externalID: "006A2").deal.competitorWon == nil)
        #expect(try store.deal(externalID: "006A3").deal.outcome == .noDecision)
        #expect(expectError(RequestError.self) { try store.deal(externalID: "006A4") } != nil)
        // Two deals of one account share the account and its contact.
        #expect(try count(store, "account") == 3 && count(store, "contact") == 3)
    }

    @Test func importsAHubSpotExport() throws {
        let store = try WinLossStore.inMemory()
        let summary = try store.importDeals(from: try folder.write("hubspot.csv", Fixtures.hubspot))
        #expect(summary.format == .hubspot)
        #expect((summary.deals, summary.inserted, summary.skippedOpen, summary.peopleCreated) == (3, 3, 1, 2))

        let win = try store.deal(externalID: "9001")
        #expect(win.deal.outcome == .win && win.deal.reason == "Implementation plan")
        #expect(win.deal.amount == Money(minorUnits: 1_250_050, currency: .eur))
        #expect(win.deal.decidedOn.description == "2026-05-02" && win.deal.repEmail == "grace@example.com")
        #expect(win.deal.competitors == ["Stratos"] && win.deal.competitorWon == nil)
        #expect(win.contacts.map(\.email) == ["jian@hooli.example"])

        let stalled = try store.deal(externalID: "9002")
        #expect(stalled.deal.outcome == .noDecision)
        #expect(stalled.contacts.map(\.name) == ["Jared Dunn", "Richard Hendricks"])
        #expect(try store.deal(externalID: "9003").deal.competitorWon == "Brightline")
        #expect(try store.people().map(\.email) == ["grace@example.com", nil])
    }

    @Test func importsAnyCSVThroughAColumnMap() throws {
        let store = try WinLossStore.inMemory()
        var options = ImportOptions()
        options.columnMap = Fixtures.mappedColumns
        options.dateOrder = .dayFirst
        options.decimalComma = true
        let summary = try store.importDeals(from: try folder.write("ours.tsv", Fixtures.mapped), options: options)
        #expect(summary.format == .mapped && summary.inserted == 2 && summary.unusedColumns.isEmpty)
        let first = try store.deal(externalID: "M-1")
        #expect(first.deal.outcome == .loss && first.deal.decidedOn.description == "2026-03-31")
        #expect(first.deal.amount == Money(minorUnits: 4_000_000, currency: .eur))
        #expect(first.accountAttributes == ["tier": "gold"])
        #expect(try store.deal(externalID: "M-2").deal.outcome == .noDecision)
        #expect(try store.deal(externalID: "M-2").deal.amount == Money(minorUnits: 500_000, currency: .eur))
        #expect(try store.people().map(\.email) == ["ana@example.com"])
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let store = try WinLossStore.inMemory()
        let path = try folder.write("opportunities.csv", Fixtures.salesforce)
        try store.importDeals(from: path)
        let before = try dump(store)
        let again = try store.importDeals(from: path)
        #expect((again.inserted, again.updated, again.unchanged) == (0, 0, 4))
        #expect(
            (
                again.accountsCreated, again.accountsUpdated, again.contactsCreated, again.contactsUpdated,
                again.peopleCreated
            ) == (0, 0, 0, 0, 0))
        #expect(try dump(store) == before)
    }

    @Test func aChangedRowUpdatesItsDealAndLeavesOtherFieldsAlone() throws {
        // Given an imported report, and a deal attribute set by hand that the report does not carry
        let store = try WinLossStore.inMemory()
        try store.importDeals(from: try folder.write("v1.csv", Fixtures.salesforce))
        try store.write { db in
            try db.execute(
                sql:
                    "INSERT INTO dealAttribute (dealID, key, value) SELECT id, 'priority', 'high' FROM deal WHERE externalID = '006A2'"
            )
        }
        // When a newer export revises one amount and closes the open deal
        let newer = Fixtures.salesforce
            .replacingOccurrences(of: "\"120,000.00\"", with: "\"130,000.00\"")
            .replacingOccurrences(of: "Negotiation/Review", with: "Closed Won")
        let summary = try store.importDeals(from: try folder.write("v2.csv", newer))
        // Then one deal is updated, one inserted, the rest untouched, and the hand-set attribute kept
        #expect((summary.inserted, summary.updated, summary.unchanged) == (1, 1, 3))
        let revised = try store.deal(externalID: "006A2")
        #expect(revised.deal.amount == Money(minorUnits: 13_000_000, currency: .usd))
        #expect(revised.attributes["priority"] == "high")
        #expect(try store.deal(externalID: "006A4").deal.outcome == .win)
        #expect(try store.deals().count == 5)
    }

    @Test func aFileWithBadRowsWritesNothingAndNamesEveryBadLine() throws {
        let header = "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Amount,Close Date,Stage"
        let lines = [
            header,  // 1
            "B1,Good one,Acme,Ana Lima,100,1/5/2026,Closed Won",  // 2
            "B2,\"Spans\ntwo lines\",Acme,Ana Lima,100,1/5/2026,Closed Won",  // 3-4
            "B3,Bad date,Acme,Ana Lima,100,13/45/2026,Closed Won",  // 5
            "B4,Bad amount,Acme,Ana Lima,12.500.00,1/5/2026,Closed Lost",  // 6
            "B5,No owner,Acme,,100,1/5/2026,Closed Lost",  // 7
            "B6,Good two,Globex,Ben Carter,100,1/6/2026,Closed Won",  // 8
            "B7,Too many,Acme,Ana Lima,100,1/5/2026,Closed Won,extra",  // 9
            "B8,Open is fine,Acme,Ana Lima,,,Prospecting",  // 10
            "B9,,Acme,Ana Lima,100,1/5/2026,Closed Won",  // 11
            ",No id,Acme,Ana Lima,100,1/5/2026,Closed Won",  // 12
        ]
        let store = try WinLossStore.inMemory()
        let path = try folder.write("bad.csv", lines.joined(separator: "\n") + "\n")
        guard
            case .rejected(let file, let problems, let badRows)? = expectError(
                ImportError.self, { try store.importDeals(from: path) })
        else { return }
        #expect(file == path && badRows == 6)
        #expect(problems.map(\.line) == [5, 6, 7, 9, 11, 12])
        #expect(
            problems.map(\.column) == [
                "Close Date", "Amount", "Opportunity Owner", nil, "Opportunity Name", "Opportunity ID",
            ])
        #expect(problems[0].message.contains("--day-first") == false)  // 13/45 is no date at all
        #expect(problems[1].message.contains("12.500.00"))
        for table in ["deal", "account", "person", "contact", "dealCompetitor"] {
            #expect(try count(store, table) == 0, "\(table) is empty")
        }
        let text = ImportError.rejected(file: "bad.csv", problems: problems, badRows: badRows).description
        #expect(text.hasPrefix("bad.csv:5: error: Close Date: "))
        #expect(text.hasSuffix("6 rows have problems; nothing was imported. Correct them and import the file again."))
    }

    @Test func aDealOnSeveralAgreeingRowsGathersItsContacts() throws {
        let header =
            "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Stage,Contact Name,Title"
        let rows = [
            header,
            "D1,Deal,Acme,Ana Lima,1/5/2026,Closed Lost,Sam Okafor,CIO",
            "D1,Deal,Acme,Ana Lima,1/5/2026,Closed Lost,Lena Novak,CFO",
        ]
        let store = try WinLossStore.inMemory()
        let summary = try store.importDeals(from: try folder.write("roles.csv", rows.joined(separator: "\n")))
        #expect((summary.rows, summary.deals, summary.inserted) == (2, 1, 1))
        #expect(try store.deal(externalID: "D1").contacts.map(\.name) == ["Lena Novak", "Sam Okafor"])
        // The same again is unchanged, not updated.
        let again = try store.importDeals(from: folder.file("roles.csv"))
        #expect((again.inserted, again.updated, again.unchanged) == (0, 0, 1))

        let conflicting = rows + ["D1,Deal,Acme,Ana Lima,1/6/2026,Closed Lost,Omar Ito,CEO"]
        let error = expectError(ImportError.self) {
            try store.importDeals(from: try folder.write("clash.csv", conflicting.joined(separator: "\n")))
        }
        guard case .rejected(_, let problems, _)? = error else { return }
        #expect(problems.map(\.line) == [4])
        #expect(problems[0].message.contains("also on line 2"))
    }

    @Test func saysWhichColumnsAreMissing() throws {
        let store = try WinLossStore.inMemory()
        let path = try folder.write("plain.csv", "Deal,Client,When\nA,B,2026-01-01\n")
        guard
            case .missingColumns(_, let format, let missing, let columns)? = expectError(
                ImportError.self, { try store.importDeals(from: path) })
        else { return }
        #expect(format == "CSV file" && columns == ["Deal", "Client", "When"])
        #expect(missing.count == 5)
        var options = ImportOptions()
        options.columnMap = [("Nope", .name)]
        guard
            case .badMap(_, let message)? = expectError(
                ImportError.self, { try store.importDeals(from: path, options: options) })
        else { return }
        #expect(message.contains("has no column \"Nope\""))
    }

    @Test func headersThatNameFieldsNeedNoMap() throws {
        let text =
            "external_id,name,account,rep,decided,outcome,attr:channel,account_attr:tier,notes\n"
            + "N1,Deal,Acme,Ana Lima,2026-03-04,win,partner,gold,free text\n"
        let store = try WinLossStore.inMemory()
        let summary = try store.importDeals(from: try folder.write("named.csv", text))
        #expect(summary.format == .winloss && summary.inserted == 1 && summary.unusedColumns == ["notes"])
        let deal = try store.deal(externalID: "N1")
        #expect(deal.attributes == ["channel": "partner"] && deal.accountAttributes == ["tier": "gold"])
    }

    @Test func anEmptyFileSaysSo() throws {
        let store = try WinLossStore.inMemory()
        let path = try folder.write("empty.csv", "\u{FEFF}\r\n\r\n")
        #expect(expectError(ImportError.self) { try store.importDeals(from: path) } == .empty(file: path))
        #expect(ImportError.empty(file: path).kind == .badInput)
    }

    @Test func withoutAnIDColumnDealsAreMatchedByAccountNameAndDate() throws {
        let text =
            "Opportunity Name,Account Name,Opportunity Owner,Created Date,Close Date,Stage\nRenewal,Acme,Ana Lima,1/2/2026,3/4/2026,Closed Won\n"
        let store = try WinLossStore.inMemory()
        let path = try folder.write("noid.csv", text)
        #expect(try store.importDeals(from: path).derivedIDs)
        #expect(try store.importDeals(from: path).unchanged == 1)
        #expect(try store.deals().map(\.externalID) == ["Acme / Renewal / 2026-01-02"])
    }

    @Test func aCreatedDateAfterTheCloseDateIsImportedWithAWarning() throws {
        let text =
            "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Created Date,Close Date,Stage\n"
            + "W1,Backfilled,Acme,Ana Lima,5/1/2026,3/4/2026,Closed Won\nW2,Fine,Acme,Ana Lima,1/1/2026,3/4/2026,Closed Won\n"
        let store = try WinLossStore.inMemory()
        let summary = try store.importDeals(from: try folder.write("w.csv", text))
        #expect(summary.inserted == 2)
        #expect(
            summary.warnings == [
                ImportProblem(
                    line: 2, column: "Created Date",
                    message:
                        "created 2026-05-01, after the close date 2026-03-04; its sales cycle will be left out of reports"
                )
            ])
        #expect(summary.text(style: .plain).contains("w.csv:2: warning: Created Date: created 2026-05-01"))
    }

    @Test func aDryRunReportsButWritesNothing() throws {
        let store = try WinLossStore.inMemory()
        var options = ImportOptions()
        options.dryRun = true
        let summary = try store.importDeals(
            from: try folder.write("opportunities.csv", Fixtures.salesforce), options: options)
        #expect(summary.dryRun && summary.inserted == 4 && summary.accountsCreated == 3)
        #expect(try count(store, "deal") == 0 && count(store, "person") == 0)
    }

    @Test func anOwnerNameSharedByTwoPeopleIsABadRow() throws {
        let store = try WinLossStore.inMemory()
        try store.addPerson(name: "Alex Kim", email: "alex.kim@example.com", role: .rep)
        try store.addPerson(name: "Alex Kim", email: "alex.kim2@example.com", role: .rep)
        let path = try folder.write(
            "a.csv",
            "Opportunity Name,Account Name,Opportunity Owner,Close Date,Stage\nX,Acme,Alex Kim,3/4/2026,Closed Won\n")
        guard case .rejected(_, let problems, _)? = expectError(ImportError.self, { try store.importDeals(from: path) })
        else { return }
        #expect(problems.map(\.line) == [2])
        #expect(problems[0].message.contains("2 people are named \"Alex Kim\""))
    }

    @Test func optionsNameStagesAndTheDelimiter() throws {
        let text =
            "Opportunity Name|Account Name|Opportunity Owner|Close Date|Stage\nX|Acme|Ana|3/4/2026|Signed\nY|Acme|Ana|3/5/2026|Parked\n"
        let store = try WinLossStore.inMemory()
        var options = ImportOptions()
        options.delimiter = UInt8(ascii: "|")
        options.outcomeRules = OutcomeRules.standard.adding(winStages: ["Signed"], noDecisionStages: ["Parked"])
        #expect(try store.importDeals(from: try folder.write("p.csv", text), options: options).inserted == 2)
        #expect(try store.dealCounts() == [.win: 1, .noDecision: 1])
    }

    @Test func aDealListInCSVImportsBackAsTheSameDeals() throws {
        // Given deals with awkward text: a formula-looking reason, commas, quotes and a newline
        let store = try WinLossStore.inMemory()
        try store.importDeals(from: try folder.write("opportunities.csv", Fixtures.salesforce))
        try store.addPerson(name: "Ana Lima 2", email: "ana2@example.com", role: .rep)
        var deal = NewDeal(
            externalID: "X-1", name: "=HYPERLINK(\"http://evil\")", account: "Acme, \"Inc\"", rep: "ana2@example.com",
            decidedOn: CalendarDate(year: 2026, month: 2, day: 3)!, outcome: .loss)
        deal.reason = "-2+3"
        deal.competitorWon = "@Stratos"
        deal.amount = Money(minorUnits: 123_456, currency: .gbp)
        try store.addDeal(deal)
        // When they are listed as CSV and imported into an empty database
        var csv = ""
        var writer = ListWriter<DealSummary>(format: .csv, style: .plain) { csv += $0 }
        for deal in try store.deals() { try writer.add(deal) }
        writer.finish(empty: "")
        #expect(csv.contains("'=HYPERLINK"))
        let copy = try WinLossStore.inMemory()
        let summary = try copy.importDeals(from: try folder.write("list.csv", csv))
        // Then the copy lists the same deals, word for word
        #expect(summary.format == .winloss && summary.inserted == 5)
        #expect(try copy.deals() == store.deals())
    }
}

struct ImportFieldTests {
    @Test func namesAndOrdinalsAgree() {
        for (index, (name, field)) in ImportField.named.enumerated() {
            #expect(ImportField(name: name) == field)
            #expect(field.name == name)
            #expect(field.ordinal == (field == .ignore ? nil : index), "\(name)")
        }
        #expect(ImportField(name: "attr:Tier") == .dealAttribute("Tier"))
        #expect(ImportField(name: "account_attr: tier") == .accountAttribute("tier"))
        #expect(ImportField(name: "owner") == .rep)
        #expect(ImportField(name: "attr:") == nil)
        #expect(ImportField(name: "nonsense") == nil)
    }
}
