import Foundation
import Testing

@testable import WinLossKit

struct TemplateLintTests {
    let folder = TemporaryDirectory()

    /// One template with one of each problem; the comments in the test below name the lines.
    static let broken = """
        id: Broken Template
        version: "1"
        titel: Broken
        outcomes: [loss, maybe]
        introduction: Hello.
        sections:
          - title: First
            questions:
              - id: reason
                prompt: Did you like us?
                type: long_text
                required: maybe
                metric: gap_value
              - id: reason
                prompt: What happened?
                type: long_text
                guidance: Listen.
                metric: happiness
              - id: choice
                prompt: Which option?
                type: single_choice
                guidance: Pick one.
                choices:
                  - id: a
                    label: A
                  - id: b
                    label: B
                max_choices: 3
              - id: follow
                prompt: Why that one?
                type: long_text
                guidance: Ask why.
                when:
                  question: choice
                  equals: c
              - id: early
                prompt: What came first?
                type: short_text
                guidance: Ask.
                when:
                  question: later
                  answered: true
              - id: later
                prompt: What came later?
                type: scale
                min: 1
                max: 5
                labels:
                  0: Nothing
                guidance: Ask.
              - id: ghost
                prompt: Who else?
                type: short_text
                guidance: Ask.
                when:
                  question: nobody
                  answered: true
              - prompt: Where is my id?
                type: yes_no
        """

    private func located(_ report: TemplateLinter.Report) -> [String] {
        report.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.severity.rawValue): \($0.message)" }
    }

    @Test func aQuestionWhoseTypeCannotBeReadStillHasItsOtherProblemsReported() {
        let text = """
            id: bad
            version: "1"
            title: Bad
            outcomes: [loss]
            introduction: Hello.
            guidance: Be kind.
            sections:
              - title: One
                questions:
                  - id: q1
                    prompt: What happened?
                    type: short_text
                    guidance: Listen.
                  - id: q1
                    prompt: What else happened?
                    type: nonsense
                    metric: gap_value
                    when: {question: q9, answered: true}
                    guidance: Listen.
                  - id: q2
                    prompt: Why?
                    type: long_text
                    when: {question: q1, equals: "x"}
                    guidance: Listen.

            """
        let report = TemplateLinter.lint(text: text, file: "bad.yaml")
        #expect(report.template == nil)
        #expect(
            located(report) == [
                "14:9 error: the question id \"q1\" is used twice (first on line 10)",
                "16:15 error: \"nonsense\" is not a question type; types are short_text, long_text, number, money, percent, scale, single_choice, multiple_choice, yes_no, date, months",
                "18:15 error: the condition names \"q9\", which is not a question of this template",
            ])
    }

    @Test func reportsEveryProblemWithItsLineAndColumn() throws {
        let report = TemplateLinter.lint(text: TemplateLintTests.broken, file: "broken.yaml")
        #expect(report.template == nil)
        let found = located(report)
        let expected = [
            "1:1 error: a template needs \"title\"",
            "1:1 warning: the template has no guidance for the interviewer",
            "1:5 error: the template id \"Broken Template\" must be lower-case letters and digits, joined by - or _",
            "3:1 error: a template has no field \"titel\"; did you mean \"title\"?",
            "4:18 error: \"maybe\" is not an outcome (win, loss or no_decision)",
            "9:9 error: the metric gap_value needs a money question, not long_text",
            "9:9 warning: \"reason\" is a closed question (it opens with \"did\"): it invites a yes or a no; ask what, how or why instead",
            "9:9 warning: \"reason\" has no guidance for the interviewer",
            "12:19 error: required must be true or false, not \"maybe\"",
            "14:9 error: the question id \"reason\" is used twice (first on line 9)",
            "28:9 error: \"max_choices\" applies to multiple_choice questions, not to single_choice",
            "34:11 error: \"c\" is out of range: it is not a choice of \"choice\" (a, b)",
            "41:11 error: the condition depends on \"later\", which comes after \"early\"; a condition can only look at earlier answers",
            "49:11 error: the label for 0 is out of the scale's range 1 to 5",
            "56:11 error: the condition names \"nobody\", which is not a question of this template",
            "58:9 error: a question needs \"id\"",
        ]
        #expect(found.filter { !$0.contains("metric role") } == expected)
        // An unknown metric role names the vocabulary.
        #expect(
            found.contains {
                $0.hasPrefix("18:17 error: \"happiness\" is not a metric role; roles are current_state, measurement,")
            })
        #expect(report.diagnostics.allSatisfy { $0.file == "broken.yaml" })
        #expect(report.diagnostics[0].description == "broken.yaml:1:1: error: a template needs \"title\"")
    }

    @Test func reportsYAMLSyntaxWhereTheProblemIsAndWhereItBegan() {
        let text =
            "id: syntax\nversion: \"1\"\ntitle: Syntax\noutcomes: [loss]\nintroduction: \"unterminated\nsections: []\n"
        #expect(
            located(TemplateLinter.lint(text: text, file: "s.yaml")) == [
                "7:1 error: YAML syntax: found unexpected end of stream (while scanning a quoted scalar that starts at line 5, column 15)"
            ])
        #expect(
            located(TemplateLinter.lint(text: "id: a\n  b: c\n", file: "s.yaml")) == [
                "2:4 error: YAML syntax: mapping values are not allowed in this context"
            ])
        #expect(
            located(TemplateLinter.lint(text: "id: a\nid: b\n", file: "s.yaml")).first?.contains("a key appears twice")
                == true)
    }

    @Test func wrongTypesAndShapes() {
        let text = """
            id: shapes
            version: 1 2
            title: [not, text]
            outcomes: win
            introduction: Hi.
            guidance: Be kind.
            sections:
              - title: Only
                questions:
                  - id: n
                    prompt: How many?
                    type: number
                    min: ten
                    guidance: Count.
                  - id: m
                    prompt: How much?
                    type: money
                    period: fortnight
                    currency: XXY
                    guidance: Ask.
                  - id: s
                    prompt: How sure?
                    type: scale
                    min: 5
                    max: 1
                    guidance: Ask.
                  - id: c
                    prompt: Which one?
                    type: single_choice
                    choices: [{id: only, label: Only}]
                    guidance: Ask.
                  - id: t
                    prompt: What else?
                    type: essay
                    guidance: Ask.
            """
        #expect(
            located(TemplateLinter.lint(text: text, file: "t.yaml")) == [
                "2:10 error: the version must not contain spaces, like 1 or 2026.2",
                "3:8 error: the title must be text, not a list",
                "13:14 error: min must be a number, not \"ten\"",
                "18:17 error: the period is one of one_time, month, quarter, year, not \"fortnight\"",
                "19:19 error: \"XXY\" is not an ISO 4217 currency code",
                "25:14 error: a scale runs from min to a larger max, with at most 100 steps (here 5 to 1)",
                "30:18 error: a choice question needs at least two choices",
                "34:15 error: \"essay\" is not a question type; types are short_text, long_text, number, money, percent, scale, single_choice, multiple_choice, yes_no, date, months",
            ])
    }

    @Test func conditionsMustTestValuesTheEarlierQuestionCanGive() {
        func lint(_ kind: String, _ test: String) -> [String] {
            let text = """
                id: c
                version: "1"
                title: C
                outcomes: [loss]
                introduction: Hi.
                guidance: Be kind.
                sections:
                  - title: S
                    questions:
                      - id: first
                        prompt: What first?
                        \(kind)
                        guidance: Ask.
                      - id: second
                        prompt: What next?
                        type: short_text
                        guidance: Ask.
                        when: {question: first, \(test)}
                """
            return TemplateLinter.lint(text: text, file: "c.yaml").diagnostics.map(\.message)
        }
        #expect(lint("type: yes_no", "equals: maybe") == ["\"maybe\" is out of range: \"first\" is answered yes or no"])
        #expect(lint("type: yes_no", "equals: \"yes\"") == [])
        #expect(
            lint("type: scale\n        min: 1\n        max: 5", "one_of: [4, 9]") == [
                "\"9\" is out of range: \"first\" is a scale from 1 to 5"
            ])
        #expect(
            lint("type: multiple_choice\n        choices: [{id: a, label: A}, {id: b, label: B}]", "contains: z")
                == ["\"z\" is out of range: it is not a choice of \"first\" (a, b)"])
        #expect(
            lint("type: multiple_choice\n        choices: [{id: a, label: A}, {id: b, label: B}]", "equals: a")
                == ["test a multiple-choice answer with \"contains\", not equals or one_of"])
        #expect(
            lint("type: date", "equals: soon") == [
                "\"soon\" is not a date (YYYY-MM-DD), and \"first\" is answered with one"
            ])
        #expect(lint("type: long_text", "contains: budget") == [])
        #expect(lint("type: number", "answered: true") == [])
        #expect(
            lint("type: number", "equals: 3, contains: x") == [
                "a condition on an answer needs exactly one test: equals, one_of, contains or answered"
            ])
    }

    @Test func refusesHostileFilesWithoutHangingOrCrashing() throws {
        // A billion laughs: nine levels of nine aliases.
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        #expect(
            located(TemplateLinter.lint(text: bomb, file: "bomb.yaml")) == [
                "1:4 error: anchors and aliases (&name, *name) are not allowed here; write the value out"
            ])
        let deep = "id: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(
            located(TemplateLinter.lint(text: deep, file: "d.yaml")) == [
                "1:36 error: is nested more than 32 levels deep"
            ])
        let deeper = "id: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(
            located(TemplateLinter.lint(text: deeper, file: "d.yaml")).first?.contains("Maximum nesting level reached")
                == true)
        let wide = "id: [" + Array(repeating: "x", count: 25_000).joined(separator: ",") + "]"
        #expect(
            located(TemplateLinter.lint(text: wide, file: "w.yaml")).first?.hasSuffix(
                "has more than 20000 values; it is too large to be a template or codebook") == true)

        let big = try folder.write("big.yaml", String(repeating: "# padding\n", count: 30_000))
        #expect(
            TemplateLinter.lint(path: big).diagnostics.map(\.description) == [
                "\(big): error: is 292 KiB; a template or codebook may be at most 256 KiB"
            ])
        let latin1 = try folder.write("latin.yaml", bytes: Array("id: caf".utf8) + [0xE9, 0x0A])
        #expect(TemplateLinter.lint(path: latin1).diagnostics.map(\.message) == ["is not UTF-8 text"])
        #expect(
            TemplateLinter.lint(path: folder.file("missing.yaml")).diagnostics.map(\.message) == [
                "cannot read the file (no such file, or no permission)"
            ])
        #expect(TemplateLinter.lint(path: folder.path).diagnostics.map(\.message) == ["is a folder, not a YAML file"])
        #expect(located(TemplateLinter.lint(text: "", file: "e.yaml")) == ["1:1 error: is empty"])
        #expect(
            located(TemplateLinter.lint(text: "- just\n- a list\n", file: "l.yaml")) == [
                "1:1 error: a template must be a mapping of keys to values, not a list"
            ])
        #expect(
            located(TemplateLinter.lint(text: "id: a\n---\nid: b\n", file: "two.yaml")).first?.contains(
                "expected a single document") == true)
    }

    @Test func lintsCodebooksToo() throws {
        let text = """
            version: "1"
            themes:
              - id: price
                label: Price
                description: Money.
                keywords: [price]
                themes:
                  - id: price
                    label: Again
                    description: Duplicate.
                    keywords: [cost]
              - id: Fit
                label: Fit
              - id: trust
                description: No label.
                keywords: [trust]
            """
        let path = try folder.write("codebook.yaml", text)
        #expect(
            TemplateFiles.lint(path: path).map {
                "\($0.line ?? 0):\($0.column ?? 0) \($0.severity.rawValue): \($0.message)"
            } == [
                "8:13 error: the theme id \"price\" is used twice (first on line 3)",
                "12:5 warning: the theme \"?\" has no description for coders",
                "12:5 warning: the theme \"?\" has no keywords, so it is never suggested",
                "12:9 error: the theme id \"Fit\" must be lower-case letters and digits, joined by - or _",
                "14:5 error: a theme needs \"label\"",
            ])
        // The same command reads a template as a template.
        let template = try folder.write("t.yaml", "id: x\n")
        #expect(TemplateFiles.lint(path: template).contains { $0.message == "a template needs \"title\"" })
    }
}
