import Foundation
import Testing

@testable import WinLossKit

/// Every command that prints buyers' words, in every format, on a programme whose buyers chose differently:
/// nothing a buyer did not allow, no private note and no interviewer's assessment reaches an output that leaves
/// the programme team.
struct ConsentMatrixTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }
    var db: String { home.file("programme.sqlite") }

    typealias Buyer = ConsentFixture.Buyer
    let named = ConsentFixture.named
    let anonymous = ConsentFixture.anonymous
    let quiet = ConsentFixture.quiet

    private func run(_ arguments: [String]) throws -> String {
        let result = try winloss.run(arguments + ["--db", db])
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
        // A calendar folds long lines; unfolded, a word split across two lines is whole again.
        return result.stdout.replacingOccurrences(of: "\r\n ", with: "")
    }

    /// What must never be in an output that leaves the programme team: the words and identity of a buyer who may
    /// not be quoted, anything that names an anonymous buyer, any deal's CRM id and name, private notes and the
    /// interviewer's own assessment.
    var neverShared: [String] {
        [
            quiet.words, "QUIETWORDS", quiet.uniqueWord, quiet.person, quiet.account, quiet.deal, quiet.dealName,
            anonymous.person, anonymous.account, anonymous.deal, anonymous.dealName, anonymous.email,
            ConsentFixture.anonymousAttribute, named.deal, named.dealName, "PRIVATENOTE", "ASSESSMENTWORDS",
        ]
    }

    /// What a rep's call list must never hold: notes, the assessment, and a buyer's words they did not allow.
    let neverToReps = ["QUIETWORDS", "PRIVATENOTE", "ASSESSMENTWORDS"]

    private func check(_ output: String, never forbidden: [String], must required: [String], _ what: String) {
        // A zero never carries a sign.
        #expect(output.firstMatch(of: /[+-]0\.0+(?![0-9])/) == nil, "\(what) prints a signed zero")
        for text in forbidden {
            #expect(!output.lowercased().contains(text.lowercased()), "\(what) shows \(text.debugDescription)")
        }
        for text in required {
            #expect(output.contains(text), "\(what) lacks \(text.debugDescription)")
        }
    }

    @Test func everyCommandInEveryFormatShowsOnlyWhatEachBuyerAllowed() throws {
        _ = try ConsentFixture(store: try WinLossStore.open(path: db))
        let anonymousSource = "CFO at a 201-500-employee Retail company in EMEA"
        let quoted = ["NAMEDWORDS", named.person, named.account, "ANONWORDS", anonymousSource]

        for command in ["report", "themes"] {
            for format in ["table", "md", "csv", "json", "html"] {
                let output = try run([command, "--quotes", "10", "--format", format])
                // Tables cut long quotes; the full words are checked in the formats that keep them.
                let required = ["md", "json", "html"].contains(format) ? quoted : []
                check(output, never: neverShared, must: required, "\(command) --format \(format)")
            }
        }
        // "budget" is in every buyer's answers and in the interviewer's assessment.
        for query in ["invoices", "budget"] {
            for format in ["table", "md", "csv", "json"] {
                let output = try run(["search", query, "--shareable", "--format", format])
                let required = format == "table" ? [] : quoted
                check(output, never: neverShared, must: required, "search \(query) --shareable --format \(format)")
            }
        }
        for format in ["table", "md", "csv", "json"] {
            let output = try run(["terms", "--outcome", "no_decision", "--minimum", "1", "--format", format])
            check(
                output, never: neverShared, must: [named.uniqueWord, anonymous.uniqueWord],
                "terms --minimum 1 --format \(format)")
        }

        // A rep's list: their deals' buyers by name (the rep needs to call them), but no notes, no assessment,
        // and no words of a buyer who may not be quoted.
        let list = ["callbacks", "--year", "2025", "--as-of", "2026-01-05"]
        for format in ["table", "csv", "json", "md", "ics"] {
            let output = try run(list + ["--format", format])
            let required = format == "table" ? [quiet.person] : ["NAMEDWORDS", "ANONWORDS", quiet.person]
            check(output, never: neverToReps, must: required, "callbacks --format \(format)")
        }
        for buyer in ConsentFixture.buyers {
            for format in ["text", "md", "json"] {
                let output = try run(["callbacks", "show", buyer.deal, "--format", format])
                check(
                    output, never: neverToReps, must: [buyer.person], "callbacks show \(buyer.deal) --format \(format)")
            }
        }
        let sheets = home.file("sheets")
        _ = try run(list + ["--sheets", sheets])
        for name in try FileManager.default.contentsOfDirectory(atPath: sheets) {
            let sheet = try String(contentsOfFile: sheets + "/" + name, encoding: .utf8)
            check(sheet, never: neverToReps, must: ["NAMEDWORDS", "ANONWORDS"], "call sheet \(name)")
        }

        // Lists of the CRM's records and of interviews hold no one's words at all.
        let words = ["NAMEDWORDS", "ANONWORDS", "QUIETWORDS", "PRIVATENOTE", "ASSESSMENTWORDS"]
        for command in [
            ["deal", "list"], ["queue"], ["account", "list"], ["contact", "list"], ["interview", "list"],
        ] {
            for format in ["table", "csv", "json"] {
                let output = try run(command + ["--format", format])
                check(output, never: words, must: [], "\(command.joined(separator: " ")) --format \(format)")
            }
        }
    }

    @Test func aHostileAnswerIsInertInEveryMarkdownAndHTMLOutput() throws {
        let hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3)) *x* # h | p"
        _ = try ConsentFixture(store: try WinLossStore.open(path: db), extraWords: hostile)
        let markdown: [[String]] = [
            ["report", "--quotes", "10", "--format", "md"], ["themes", "--quotes", "10", "--format", "md"],
            ["terms", "--outcome", "no_decision", "--minimum", "1", "--format", "md"],
            ["search", "script", "--format", "md"], ["search", "script", "--shareable", "--format", "md"],
            ["callbacks", "--year", "2025", "--as-of", "2026-01-05", "--format", "md"],
            ["callbacks", "show", named.deal, "--format", "md"],
            ["interview", "show", "1", "--format", "md"],
        ]
        for arguments in markdown {
            let output = try run(arguments)
            let what = arguments.joined(separator: " ")
            // Terms are single words, so the answer never shows whole there.
            if arguments[0] != "terms" { #expect(output.contains("alert(1)"), "\(what) does not show the answer") }
            // An escaped bracket (`\]`) ends no link text; any other would.
            let unescaped = output.replacingOccurrences(of: "\\]", with: "")
            for live in ["<script", "<img", "](javascript:"] {
                #expect(!unescaped.contains(live), "\(what) lets \(live.debugDescription) through")
            }
        }
        let sheets = home.file("sheets")
        _ = try run(["callbacks", "--year", "2025", "--as-of", "2026-01-05", "--sheets", sheets])
        for name in try FileManager.default.contentsOfDirectory(atPath: sheets) {
            let sheet = try String(contentsOfFile: sheets + "/" + name, encoding: .utf8)
            let unescaped = sheet.replacingOccurrences(of: "\\]", with: "")
            #expect(!unescaped.contains("<script") && !unescaped.contains("](javascript:"), "call sheet \(name)")
        }
        for command in ["report", "themes"] {
            let output = try run([command, "--quotes", "10", "--format", "html"])
            #expect(output.contains("alert(1)"))
            for live in ["<script", "<img", "javascript:alert(3)\""] {
                #expect(!output.contains(live), "\(command) --format html lets \(live.debugDescription) through")
            }
        }
    }
}
