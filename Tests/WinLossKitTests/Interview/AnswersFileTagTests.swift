import Foundation
import Testing

@testable import WinLossKit

/// Tags in answers files: kept where the file says so, warned about where YAML drops them or the codebook lacks
/// them.
struct AnswersFileTagTests {
    let loss: Template
    let known: Set<String>

    init() throws {
        loss = try TemplateCatalog.load(userDirectory: nil).template("loss").template
        known = Set(try Codebook.builtIn().flattened.map(\.theme.id))
    }

    private func parse(_ text: String) throws -> AnswersFile {
        try AnswersFile.parse(
            text, file: "a.yaml", template: loss, outcome: .loss, knownTags: known
        ).get()
    }

    private func tags(_ file: AnswersFile) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: file.answers.map { ($0.questionID, $0.tags) })
    }

    @Test func tagsListedWithAnAnswerOrQuotedInItAreKept() throws {
        let file = try parse(
            """
            complete: false
            answers:
              current_state: {answer: "By hand. #status_quo", tags: [integration, "#Support"]}
              gap_reason: "The upgrade slipped. #integration"
              decision_participants: {answer: [executive, finance], tags: [decision_process]}
              winner_reason: |
                Their connector. #competitor_strength
                It worked on day one.

            """)
        let tags = tags(file)
        #expect(tags["current_state"] == ["status_quo", "integration", "support"])
        #expect(tags["gap_reason"] == ["integration"])
        #expect(tags["decision_participants"] == ["decision_process"])
        #expect(tags["winner_reason"] == ["competitor_strength"])
        #expect(file.answers.first { $0.questionID == "current_state" }?.raw == "By hand.")
        #expect(file.warnings == [])
    }

    @Test func aCommentThatLooksLikeATagIsWarnedAboutWhereItIs() throws {
        let file = try parse(
            """
            # An ordinary comment, and a plain value that mentions C# and issue#4: no warnings for those.
            complete: false
            answers:
              current_state: We reconcile by hand. #status_quo
              gap_reason: "Quoted: #integration stays"   #support
              measurement: C# developers count issue#4 hours   # hours
              planned_state: 'It''s #1 on the list'

            """)
        #expect(
            file.warnings.map(\.description) == [
                "a.yaml:4:40: warning: \"#status_quo\" starts a YAML comment here, so it is dropped, not kept as a tag; quote the answer (\"… #status_quo\") or write it as {answer: …, tags: [status_quo]}",
                "a.yaml:5:46: warning: \"#support\" starts a YAML comment here, so it is dropped, not kept as a tag; quote the answer (\"… #support\") or write it as {answer: …, tags: [support]}",
            ])
        let tags = tags(file)
        #expect(tags["current_state"] == [])
        #expect(tags["gap_reason"] == ["integration"])
        // "#1" is not a tag (a tag starts with a letter), and stays in the words.
        #expect(file.answers.first { $0.questionID == "planned_state" }?.raw == "It's #1 on the list")
    }

    @Test func aTagThatNamesNoThemeIsWarnedAboutWithTheClosestTheme() throws {
        let file = try parse(
            """
            complete: false
            answers:
              current_state: "By hand. #status_qou"
              gap_reason: {answer: Slipped., tags: [integraton, status_quo]}

            """)
        #expect(
            file.warnings.map(\.description) == [
                "a.yaml:3:18: warning: #status_qou names no theme of the codebook (did you mean #status_quo?); it is kept with the answer, but counts only once a theme or alias of that name is added",
                "a.yaml:4:15: warning: #integraton names no theme of the codebook (did you mean #integration?); it is kept with the answer, but counts only once a theme or alias of that name is added",
            ])
        #expect(tags(file)["current_state"] == ["status_qou"])
    }

    @Test func aTagListThatIsNotOneIsAnError() {
        let result = AnswersFile.parse(
            """
            complete: false
            answers:
              current_state: {answer: By hand., tags: ["not a tag"], extra: 1}

            """, file: "a.yaml", template: loss, outcome: .loss)
        guard case .failure(let failure) = result else {
            Issue.record("accepted")
            return
        }
        #expect(
            failure.diagnostics.map(\.description) == [
                "a.yaml:3:44: error: \"not a tag\" is not a theme id (lower-case letters and digits, joined by - or _)",
                "a.yaml:3:58: error: the answer to current_state has no field \"extra\"",
            ])
    }

    @Test func theSessionSaysWhenATagNamesNoTheme() throws {
        let fixture = try InterviewFixture()
        let id = try fixture.schedule("L1", contact: "sam@acme.example").id
        try fixture.store.startInterview(id)
        let prompter = ScriptedPrompter(["2", "no", "By hand. #status_qou #integration", "", "/pause"])
        _ = try InterviewSession(store: fixture.store, interviewID: id, prompter: prompter).run()
        #expect(
            prompter.shown.contains(
                "✓ Saved. Tagged #status_qou #integration.\nNote: #status_qou names no theme of the codebook (did you mean #status_quo?); it is kept with the answer, but counts only once a theme or alias of that name is added; /back changes it.\n"
            ))
        #expect(!prompter.shown.contains("#integration names no theme"))
    }
}
