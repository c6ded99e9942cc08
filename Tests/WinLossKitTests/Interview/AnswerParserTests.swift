import Foundation
import Testing

@testable import WinLossKit

struct AnswerParserTests {
    private func question(_ kind: QuestionKind) -> Question {
        Question(
            id: "q", prompt: "What?", kind: kind, required: false, guidance: nil, probes: [], condition: nil,
            metric: nil, codedWithThemes: false)
    }

    private let parser = AnswerParser(defaultCurrency: .usd)

    @Test(arguments: [
        ("$1.2M", "USD 1,200,000.00 per year"),
        ("250k", "USD 250,000.00 per year"),
        ("EUR 40,000 per year", "EUR 40,000.00 per year"),
        ("€5k a month", "EUR 5,000.00 per month"),
        ("GBP 12,500 one-time", "GBP 12,500.00 one-time"),
        ("30000 quarterly", "USD 30,000.00 per quarter"),
        ("£1.5m annually", "GBP 1,500,000.00 per year"),
    ])
    func readsMoneyWithItsPeriod(input: String, expected: String) throws {
        let q = question(.money(period: .year, currency: nil))
        #expect(try parser.parse(input, for: q).get().display(for: q) == expected)
    }

    @Test func refusesWhatIsNotMoney() {
        let q = question(.money(period: .year, currency: nil))
        if case .failure(.notMoney) = parser.parse("a lot", for: q) {} else { Issue.record("accepted \"a lot\"") }
        if case .failure(.outOfRange) = parser.parse("-5k", for: q) {
        } else {
            Issue.record("accepted a negative amount")
        }
    }

    @Test func readsChoicesByNumberIdOrName() throws {
        let choices = [
            Choice(id: "exec", label: "An executive sponsor"), Choice(id: "finance", label: "Finance"),
            Choice(id: "it", label: "IT"),
        ]
        let single = question(.singleChoice(choices))
        #expect(try parser.parse("2", for: single).get() == .choice("finance"))
        #expect(try parser.parse("exec", for: single).get() == .choice("exec"))
        #expect(try parser.parse("an EXECUTIVE sponsor", for: single).get() == .choice("exec"))
        #expect(parser.parse("4", for: single) == .failure(.noSuchChoice("4", 3)))
        #expect(parser.parse("Legal", for: single) == .failure(.noSuchChoice("Legal", 3)))
        let multiple = question(.multipleChoice(choices, maximumSelections: 2))
        #expect(try parser.parse("1, finance; 1", for: multiple).get() == .choices(["exec", "finance"]))
        #expect(parser.parse("1, 2, 3", for: multiple) == .failure(.tooManyChoices(3, 2)))
        #expect(
            try parser.parse("IT", for: question(.multipleChoice(choices, maximumSelections: nil))).get()
                == .choices(["it"]))
    }

    @Test func readsScalesByPointOrLabel() throws {
        let q = question(.scale(minimum: 1, maximum: 5, labels: [1: "Not at all", 5: "Very open"]))
        #expect(try parser.parse("4", for: q).get() == .scale(4))
        #expect(try parser.parse("very open", for: q).get() == .scale(5))
        #expect(parser.parse("6", for: q) == .failure(.outOfRange("6", "from 1 to 5")))
        #expect(parser.parse("0", for: q) == .failure(.outOfRange("0", "from 1 to 5")))
    }

    @Test func readsNumbersPercentYesNoDatesAndMonths() throws {
        #expect(
            try parser.parse("5 years", for: question(.number(minimum: 1, maximum: 20, unit: "years"))).get()
                == .number(5))
        #expect(
            try parser.parse("1 year", for: question(.number(minimum: 1, maximum: 20, unit: "years"))).get()
                == .number(1))
        #expect(
            parser.parse("30", for: question(.number(minimum: 1, maximum: 20, unit: "years")))
                == .failure(.outOfRange("30", "at most 20")))
        #expect(
            parser.parse("many", for: question(.number(minimum: nil, maximum: nil, unit: nil)))
                == .failure(.notANumber("many")))
        #expect(try parser.parse("35%", for: question(.percent)).get() == .percent(35))
        #expect(try parser.parse("12.5 percent", for: question(.percent)).get() == .percent(Decimal(string: "12.5")!))
        #expect(try parser.parse("Y", for: question(.yesNo)).get() == .yesNo(true))
        #expect(try parser.parse("no", for: question(.yesNo)).get() == .yesNo(false))
        #expect(parser.parse("maybe", for: question(.yesNo)) == .failure(.notYesOrNo("maybe")))
        #expect(try parser.parse("2027-04-01", for: question(.date)).get() == .date(CalendarDate(iso: "2027-04-01")!))
        #expect(try parser.parse("1 Apr 2027", for: question(.date)).get() == .date(CalendarDate(iso: "2027-04-01")!))
        #expect(parser.parse("next spring", for: question(.date)) == .failure(.notADate("next spring")))
        #expect(try parser.parse("6", for: question(.months)).get() == .months(6))
        #expect(try parser.parse("6 months", for: question(.months)).get() == .months(6))
        #expect(try parser.parse("2 years", for: question(.months)).get() == .months(24))
        #expect(parser.parse("soon", for: question(.months)) == .failure(.notMonths("soon")))
        #expect(parser.parse("   ", for: question(.longText)) == .failure(.empty))
    }

    @Test func inlineTagsBecomeTagsNotWords() {
        let (words, tags) = InlineTags.extract(
            from: "Too expensive #price, and slow support. #Support #price\n#1 priority was #integration-work.")
        #expect(words == "Too expensive and slow support.\n#1 priority was")
        #expect(tags == ["price", "support", "integration-work"])
    }
}

struct ScheduleTimeTests {
    @Test func readsLocalTimesAndOffsetsAndShowsTheOffset() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        let local = try #require(ScheduleTime.parse("2026-12-01 14:00", timeZone: berlin))
        #expect(ScheduleTime.format(local, timeZone: utc) == "2026-12-01 13:00 +00:00")
        #expect(ScheduleTime.format(local, timeZone: berlin) == "2026-12-01 14:00 +01:00")
        // Summer time is the zone's business, not the caller's.
        let summer = try #require(ScheduleTime.parse("2026-07-01T09:30", timeZone: berlin))
        #expect(ScheduleTime.format(summer, timeZone: utc) == "2026-07-01 07:30 +00:00")
        let eastern = try #require(ScheduleTime.parse("2026-12-01T14:00:00-05:00", timeZone: berlin))
        #expect(eastern == ScheduleTime.parse("2026-12-01T19:00Z", timeZone: berlin))
        for bad in ["2026-12-01", "tomorrow 2pm", "2026-13-01 10:00", "2026-12-01 25:00", "2026-12-01 10:61"] {
            #expect(ScheduleTime.parse(bad, timeZone: berlin) == nil, "\(bad)")
        }
    }
}

struct InterviewPlanTests {
    private func loss() throws -> Template {
        try TemplateCatalog.load(userDirectory: nil).template("loss").template
    }

    private func answer(_ id: String, _ value: AnswerValue?) -> RecordedAnswer {
        RecordedAnswer(questionID: id, value: value, raw: "", tags: [], answeredAt: Date())
    }

    @Test func conditionsAreEvaluatedAsTheAnswersComeIn() throws {
        var plan = InterviewPlan(template: try loss(), outcome: .loss)
        #expect(!plan.applies("first_contact_with_winner"))
        #expect(plan.position(of: "preferred_vendor")?.total == 20)
        plan.record(answer("preferred_vendor", .yesNo(true)))
        #expect(plan.applies("first_contact_with_winner"))
        #expect(plan.position(of: "first_contact_with_winner")! == (14, 21))
        #expect(plan.question(after: "preferred_vendor")?.id == "first_contact_with_winner")
        plan.record(answer("first_contact_with_winner", .months(6)))
        // Changing the earlier answer hides the later question; its answer is kept, not asked.
        plan.record(answer("preferred_vendor", .yesNo(false)))
        #expect(!plan.applies("first_contact_with_winner"))
        #expect(plan.answersNoLongerAsked.map(\.questionID) == ["first_contact_with_winner"])
    }

    @Test func theNextQuestionIsTheFirstUnansweredThatApplies() throws {
        let template = try loss()
        var plan = InterviewPlan(template: template, outcome: .loss)
        #expect(plan.nextUnanswered?.id == "current_state")
        plan.record(answer("current_state", .text("Manual work.")))
        plan.record(answer("measurement", nil))
        #expect(plan.nextUnanswered?.id == "planned_state")
        #expect(plan.question(before: "planned_state")?.id == "measurement")
        #expect(plan.question(before: "current_state") == nil)
        #expect(plan.missingRequired.map(\.id) == ["decision_process", "winner_reason"])
        plan.record(answer("winner_reason", nil))
        #expect(plan.missingRequired.map(\.id) == ["decision_process", "winner_reason"], "a skip is not an answer")
    }

    @Test func outcomeConditionsAndAnswerTests() throws {
        let text = """
            id: t
            version: "1"
            title: T
            outcomes: [loss, no_decision]
            introduction: Hi.
            guidance: Be kind.
            sections:
              - title: S
                questions:
                  - {id: who, prompt: Who decided?, type: multiple_choice, guidance: Ask., choices: [{id: cfo, label: CFO}, {id: cio, label: CIO}]}
                  - {id: cfo_view, prompt: What did the CFO want?, type: long_text, guidance: Ask., when: {question: who, contains: cfo}}
                  - {id: loss_only, prompt: Who won?, type: short_text, guidance: Ask., when: {outcome: loss}}
                  - {id: score, prompt: How likely to return?, type: scale, min: 1, max: 5, guidance: Ask.}
                  - {id: why_low, prompt: What would change that?, type: long_text, guidance: Ask., when: {question: score, one_of: ["1", "2"]}}
                  - {id: skipped_score, prompt: What stopped you answering?, type: long_text, guidance: Ask., when: {question: score, answered: false}}
            """
        let template = try #require(TemplateLinter.lint(text: text, file: "t.yaml").template)
        var plan = InterviewPlan(template: template, outcome: .noDecision)
        #expect(plan.applicableQuestions.map(\.id) == ["who", "score", "skipped_score"])
        plan.record(answer("who", .choices(["cio", "cfo"])))
        plan.record(answer("score", .scale(2)))
        #expect(plan.applicableQuestions.map(\.id) == ["who", "cfo_view", "score", "why_low"])
        #expect(InterviewPlan(template: template, outcome: .loss).applies("loss_only"))
    }
}
