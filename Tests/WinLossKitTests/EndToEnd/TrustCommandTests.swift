import Foundation
import GRDB
import Testing

@testable import WinLossKit

/// Figures a sales leader acts on, and words a buyer allowed, through the built binary.
struct TrustCommandTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("winloss.sqlite") }

    @Test func europeanThousandsAreReadAsThousandsInImportsAndAnswers() throws {
        let fixture = try InterviewFixture(store: try WinLossStore.open(path: db))
        let csv = try home.write(
            "deals.csv",
            """
            external_id,name,account,rep_email,amount,decided,outcome
            E1,Berlin renewal,Berlin GmbH,ana@example.com,EUR 40.000,2026-06-30,loss
            E2,Paris expansion,Paris SA,ana@example.com,5.000 €,2026-06-30,loss
            E3,Vienna pilot,Wien AG,ana@example.com,"EUR 12.345",2026-06-30,no_decision

            """)
        let imported = try winloss.run(["deal", "import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let listed = try winloss.run(["deal", "list", "--format", "csv", "--db", db]).stdout
        #expect(listed.contains("E1,Berlin renewal,Berlin GmbH,,,,Ana Lima,ana@example.com,40000.00,EUR"))
        #expect(listed.contains("E2,Paris expansion,Paris SA,,,,Ana Lima,ana@example.com,5000.00,EUR"))
        #expect(listed.contains("E3,Vienna pilot,Wien AG,,,,Ana Lima,ana@example.com,12345.00,EUR"))

        // An answer typed the European way, through `interview edit`.
        let interview = try fixture.schedule("L1", contact: "sam@acme.example")
        try fixture.store.startInterview(interview.id)
        let edited = try winloss.run([
            "interview", "edit", String(interview.id), "gap_value", "--answer", "EUR 40.000 per year", "--db", db,
        ])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout == "Interview #\(interview.id), gap_value: EUR 40,000.00 per year\n")
    }
}
