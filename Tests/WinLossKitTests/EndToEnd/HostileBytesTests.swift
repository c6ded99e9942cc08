import Foundation
import Testing

@testable import WinLossKit

/// Bytes from imported files that could act on a terminal or hide text: shown harmlessly wherever a person reads
/// them, kept exactly wherever a program reads them.
struct HostileBytesTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("winloss.sqlite") }

    static let hostileName = "Evil\u{1B}]52;c;cGF5bG9hZA==\u{07}\u{1B}[2J \u{202E}deal"
    static let raw: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{202E}"]

    private func importHostile() throws {
        let csv =
            "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Stage\n"
            + "H1,\"\(Self.hostileName)\",Acme,Ana Lima,1/5/2026,Closed Lost\n"
        #expect(try winloss.run(["deal", "import", try home.write("h.csv", csv), "--db", db]).status == 0)
    }

    private func onTerminal(_ arguments: [String]) throws -> String {
        try winloss.runUnderTerminal(arguments, environment: ["TERM": "xterm-256color"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func csvOnATerminalIsAsSafeAsATable() throws {
        try importHostile()
        for arguments in [["deal", "list"], ["account", "list"], ["person", "list"]] {
            let csv = try onTerminal(arguments + ["--format", "csv", "--db", db])
            #expect(!csv.unicodeScalars.contains { Self.raw.contains($0) }, "\(arguments)")
        }
        #expect(
            try onTerminal(["deal", "list", "--format", "csv", "--db", db]).contains("Evil␛]52;c;cGF5bG9hZA==␇␛[2J"))
    }

    @Test func csvToAFileKeepsEveryByteAndImportsBackExactly() throws {
        try importHostile()
        let csv = try winloss.run(["deal", "list", "--format", "csv", "--db", db]).stdout
        #expect(csv.contains(Self.hostileName))
        let again = home.file("again.sqlite")
        #expect(try winloss.run(["deal", "import", try home.write("list.csv", csv), "--db", again]).status == 0)
        #expect(
            try WinLossStore.open(path: again, mode: .readOnly).deal(externalID: "H1").deal.name == Self.hostileName)
    }

    @Test func jsonEscapesControlsAndBidiMarksAndReadsBackTheSame() throws {
        try importHostile()
        for arguments in [["deal", "list", "--format", "json"], ["deal", "show", "H1", "--format", "json"]] {
            let json = try winloss.run(arguments + ["--db", db]).stdout
            #expect(!json.unicodeScalars.contains { Self.raw.contains($0) }, "\(arguments)")
            #expect(json.contains("\\u001b]52") && json.contains("\\u202edeal"), "\(arguments)")
        }
        let list = try winloss.run(["deal", "list", "--format", "json", "--db", db]).stdout
        let decoded = try JSONDecoder().decode([DealSummary].self, from: Data(list.utf8))
        #expect(decoded.first?.name == Self.hostileName)
        #expect(JSONOutput.escaped("a\u{7F}b\u{85}c\u{2066}d\u{2028}") == "a\\u007fb\\u0085c\\u2066d\\u2028")
    }

    @Test func aNULInACellIsAnInputErrorAtItsLineAndColumn() throws {
        let header = "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Stage\n"
        let csv =
            header + "N1,Renewal,Acme,Ana\u{0}Lima,1/5/2026,Closed Lost\n"
            + "N2,Pilot,Acme,\u{0},1/6/2026,Closed Lost\n"
        let file = try home.write("nul.csv", csv)
        let result = try winloss.run(["deal", "import", file, "--db", db])
        #expect(result.status == 65)
        #expect(
            result.stderr == """
                \(file):2: error: Opportunity Owner: holds a NUL byte (\\0), which is not text; remove it and import the file again
                \(file):3: error: Opportunity Owner: holds a NUL byte (\\0), which is not text; remove it and import the file again
                \(file): 2 rows have problems; nothing was imported. Correct them and import the file again.

                """)
        #expect(!result.stderr.contains("SQLite"))
    }

    @Test func aUTF8FileWithAUTF16MarkIsOneLineThatSaysSo() throws {
        var rows = "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Stage\n"
        for index in 0..<2000 { rows += "N\(index),Renewal \(index),Acme,Ana Lima,1/5/2026,Closed Lost\n" }
        let file = try home.write("marked.csv", bytes: [0xFF, 0xFE] + Array(rows.utf8))
        let result = try winloss.run(["deal", "import", file, "--db", db])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "\(file):1: error: it starts with a UTF-16 byte-order mark, but what follows is not UTF-16 "
                + "text (a UTF-8 file saved with the wrong mark?); save it as UTF-8 (\"CSV UTF-8\" in Excel) and import "
                + "it again; nothing was imported\n")
        // A real UTF-16 file still imports.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in rows.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try winloss.run(["deal", "import", try home.write("utf16.csv", bytes: utf16), "--db", db]).status == 0)
    }
}
