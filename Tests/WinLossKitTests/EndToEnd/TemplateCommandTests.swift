import Foundation
import Testing

@testable import WinLossKit

/// `winloss template …` and `winloss codebook …` through the built binary.
struct TemplateCommandTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }

    @Test func listsTheBuiltInTemplates() throws {
        let table = try winloss.run(["template", "list"])
        #expect(table.status == 0 && table.stderr.isEmpty)
        #expect(
            table.stdout == """
                ID           Version  Title                  For          Questions  Source
                ───────────  ───────  ─────────────────────  ───────────  ─────────  ────────
                loss         2        Loss interview         loss                22  built-in
                no-decision  1        No-decision interview  no decision         18  built-in
                win          1        Win interview          win                 18  built-in

                """)
        let json = try JSONDecoder().decode(
            [TemplateSummary].self, from: Data(try winloss.run(["template", "list", "--format", "json"]).stdout.utf8))
        let loss = try String(contentsOfFile: templatesFolder + "/loss.yaml", encoding: .utf8)
        #expect(json.first { $0.id == "loss" }?.sha256 == SHA256.hex(loss))
    }

    @Test func theBuiltInsTravelWithTheBinary() throws {
        // A copy of the binary, run from a folder that has nothing to do with the repository.
        let bin = home.file("elsewhere/bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Winloss.executable, toPath: bin + "/winloss")
        var copy = winloss
        copy.environment["PATH"] = bin + ":/usr/bin:/bin"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin + "/winloss")
        process.arguments = ["template", "show", "win", "--format", "yaml"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.environment = copy.environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(
            String(decoding: data, as: UTF8.self)
                == (try String(contentsOfFile: templatesFolder + "/win.yaml", encoding: .utf8)))
    }

    @Test func showsATemplateAsTextYAMLOrJSON() throws {
        let text = try winloss.run(["template", "show", "no-decision"]).stdout
        #expect(
            text.hasPrefix(
                "No-decision interview (no-decision, version 1)\nFor: no decision\nSource: built-in\nSHA-256: "))
        #expect(text.contains("   13/18 revisit_when  date, measures revisit_when"))
        #expect(text.contains("4. After the interview (for the interviewer)"))
        let yaml = try winloss.run(["template", "show", "loss", "--format", "yaml"]).stdout
        #expect(yaml == (try String(contentsOfFile: templatesFolder + "/loss.yaml", encoding: .utf8)))
        let json = try JSONDecoder().decode(
            TemplateDocument.self,
            from: Data(try winloss.run(["template", "show", "loss", "--format", "json"]).stdout.utf8))
        #expect(
            json.template.question("first_contact_with_winner")?.condition
                == .answer(question: "preferred_vendor", test: .equals("yes")))
        #expect(json.sha256 == SHA256.hex(yaml))

        let unknown = try winloss.run(["template", "show", "lost"])
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr
                == "winloss: error: no template \"lost\"; the templates are loss, no-decision, win (see `winloss template list`)\n"
        )
    }

    @Test func theUsersFolderComesFromTheOptionOrTheEnvironment() throws {
        let folder = home.file("my-templates")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let loss = try String(contentsOfFile: templatesFolder + "/loss.yaml", encoding: .utf8)
        try loss.replacingOccurrences(of: "version: \"2\"", with: "version: \"3\"").write(
            toFile: folder + "/loss.yaml", atomically: true, encoding: .utf8)
        let viaOption = try winloss.run(["template", "list", "--templates", folder, "--format", "csv"]).stdout
        #expect(viaOption.contains("loss,3,Loss interview,loss,22,\(folder)/loss.yaml,"))
        let viaEnvironment = try winloss.run(
            ["template", "list", "--format", "csv"], extraEnvironment: ["WINLOSS_TEMPLATES": folder]
        ).stdout
        #expect(viaEnvironment == viaOption)

        // A broken file is reported on standard error; the others still list.
        try "id: broken\n".write(toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)
        let withBroken = try winloss.run(["template", "list", "--templates", folder])
        #expect(withBroken.status == 0)
        #expect(withBroken.stderr.contains("\(folder)/broken.yaml:1:1: error: a template needs \"title\""))
        #expect(withBroken.stdout.contains("no-decision"))

        let missing = try winloss.run(["template", "list", "--templates", home.file("nowhere")])
        #expect(
            missing.status == 66
                && missing.stderr.contains("the templates folder \(home.file("nowhere")) does not exist"))
    }

    @Test func lintExitsNonZeroOnErrorsAndOnWarningsOnlyWhenStrict() throws {
        let builtIns = ["codebook", "loss", "no-decision", "win"].map { templatesFolder + "/\($0).yaml" }
        let clean = try winloss.run(["template", "lint", "--strict"] + builtIns)
        #expect(clean.status == 0)
        #expect(clean.stdout == "4 files: 0 errors, 0 warnings (strict) — ok\n")

        let warned = try home.write(
            "warned.yaml",
            """
            id: warned
            version: "1"
            title: Warned
            outcomes: [loss]
            introduction: Hello.
            guidance: Be kind.
            sections:
              - title: Only
                questions:
                  - id: liked
                    prompt: Did you like the demo?
                    type: long_text
                    guidance: Listen.

            """)
        let lenient = try winloss.run(["template", "lint", warned])
        #expect(lenient.status == 0)
        #expect(
            lenient.stdout == """
                \(warned):10:9: warning: "liked" is a closed question (it opens with "did"): it invites a yes or a no; ask what, how or why instead
                1 file: 0 errors, 1 warning — ok

                """)
        #expect(try winloss.run(["template", "lint", "--strict", warned]).status == 65)

        let broken = try home.write("broken.yaml", "id: broken\nversion: \"1\"\ntitel: x\n")
        let failed = try winloss.run(["template", "lint", broken, warned])
        #expect(failed.status == 65)
        #expect(failed.stdout.hasPrefix("\(broken):1:1: error: a template needs \"title\"\n"))
        #expect(
            failed.stdout.contains("\(broken):3:1: error: a template has no field \"titel\"; did you mean \"title\"?\n")
        )
        #expect(failed.stdout.hasSuffix("2 files: 5 errors, 2 warnings — failed\n"))

        let json = try JSONDecoder().decode(
            [Diagnostic].self,
            from: Data(try winloss.run(["template", "lint", broken, "--format", "json"]).stdout.utf8))
        #expect(json.first == Diagnostic(.error, file: broken, line: 1, column: 1, "a template needs \"title\""))
        #expect(try winloss.run(["template", "lint"]).status == 64)
    }

    @Test func showsTheCodebook() throws {
        let text = try winloss.run(["codebook", "show"]).stdout
        #expect(text.hasPrefix("Codebook version 1 (built-in): 15 themes and 12 sub-themes\n"))
        #expect(text.contains("\n  price_level             Price level "))
        let yaml = try winloss.run(["codebook", "show", "--format", "yaml"]).stdout
        #expect(yaml == (try String(contentsOfFile: templatesFolder + "/codebook.yaml", encoding: .utf8)))
        let json = try JSONDecoder().decode(
            Codebook.self, from: Data(try winloss.run(["codebook", "--format", "json"]).stdout.utf8))
        #expect(json.flattened.count == 27)
    }
}
