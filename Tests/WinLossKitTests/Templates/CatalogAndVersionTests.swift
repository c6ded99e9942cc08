import Foundation
import GRDB
import Testing

@testable import WinLossKit

struct TemplateCatalogTests {
    let folder = TemporaryDirectory()

    /// The built-in loss template with its version and first prompt changed.
    private func editedLoss(version: String = "3", prompt: String = "What is the situation in your team today?") throws
        -> String
    {
        let original = try #require(BuiltInTemplates.files.first { $0.name == "loss.yaml" }?.text)
        return
            original
            .replacingOccurrences(of: "version: \"2\"", with: "version: \"\(version)\"")
            .replacingOccurrences(
                of: "Where does your team stand today on the problem that started this evaluation?", with: prompt)
    }

    @Test func theUsersFolderAddsTemplatesAndOverridesBuiltInOnes() throws {
        try folder.write("loss.yaml", try editedLoss())
        let extra = try #require(BuiltInTemplates.files.first { $0.name == "win.yaml" }?.text)
            .replacingOccurrences(of: "id: win", with: "id: enterprise-win")
        try folder.write("enterprise-win.yml", extra)
        try folder.write("notes.txt", "not a template")
        let catalog = try TemplateCatalog.load(userDirectory: folder.path)
        #expect(catalog.problems == [])
        #expect(catalog.templates.map(\.template.id) == ["enterprise-win", "loss", "no-decision", "win"])
        let loss = try catalog.template("loss")
        #expect(loss.origin == .file(path: folder.file("loss.yaml")) && loss.template.version == "3")
        // For a win, the user's template comes before the built-in one.
        #expect(catalog.template(for: .win)?.template.id == "enterprise-win")
        #expect(catalog.template(for: .loss)?.origin == .file(path: folder.file("loss.yaml")))
        #expect(try TemplateCatalog.load(userDirectory: nil).template("loss").origin == .builtIn(file: "loss.yaml"))
    }

    @Test func theSameIDAndVersionWithOtherContentIsReported() throws {
        try folder.write("loss.yaml", try editedLoss(version: "2"))
        let catalog = try TemplateCatalog.load(userDirectory: folder.path)
        #expect(
            catalog.problems.map(\.description) == [
                "\(folder.file("loss.yaml")): warning: template \"loss\" version 2 differs from the built-in one of the same version; give your template its own version"
            ])
        try folder.write("copy.yaml", try editedLoss(version: "4"))
        let twice = try TemplateCatalog.load(userDirectory: folder.path)
        #expect(
            twice.problems.contains { $0.severity == .error && $0.message.contains("defines template \"loss\" again") })
    }

    @Test func aBrokenOverrideIsAnErrorNotAFallBack() throws {
        try folder.write("loss.yaml", "id: loss\nversion: \"9\"\n")
        let catalog = try TemplateCatalog.load(userDirectory: folder.path)
        #expect(catalog.problems.count == 4)  // title, outcomes, introduction, sections
        guard
            case .invalid(let name, let diagnostics)? = expectError(
                TemplateError.self, { try catalog.template("loss") })
        else { return }
        #expect(name == folder.file("loss.yaml") && diagnostics.count == 4)
        #expect(catalog.template(for: .win)?.template.id == "win")
        #expect(
            expectError(TemplateError.self) { try catalog.template("nope") }
                == .unknownTemplate(id: "nope", known: ["loss", "no-decision", "win"]))
        #expect(
            expectError(TemplateError.self) { try TemplateCatalog.load(userDirectory: folder.file("missing")) }
                == .folderMissing(path: folder.file("missing")))
    }

    @Test func aCodebookInTheFolderReplacesTheBuiltInOne() throws {
        try folder.write(
            "codebook.yaml",
            "version: \"7\"\nthemes:\n  - id: only\n    label: Only\n    description: The one theme.\n    keywords: [only]\n"
        )
        let catalog = try TemplateCatalog.load(userDirectory: folder.path)
        #expect(catalog.codebook?.codebook.version == "7" && catalog.codebook?.codebook.themes.map(\.id) == ["only"])
        try folder.write("codebook.yaml", "version: \"8\"\nthemes:\n  - id: Bad\n")
        #expect(try TemplateCatalog.load(userDirectory: folder.path).codebook == nil)
        #expect(try TemplateCatalog.load(userDirectory: nil).codebook?.origin == .builtIn(file: "codebook.yaml"))
    }

    @Test func theFolderComesFromTheOptionOrTheEnvironment() {
        #expect(TemplateCatalog.userDirectory(option: "/a", environment: ["WINLOSS_TEMPLATES": "/b"]) == "/a")
        #expect(TemplateCatalog.userDirectory(option: nil, environment: ["WINLOSS_TEMPLATES": "/b"]) == "/b")
        #expect(TemplateCatalog.userDirectory(option: nil, environment: [:]) == nil)
    }
}

struct TemplateVersionTests {
    let folder = TemporaryDirectory()

    private func storeWithLoss() throws -> WinLossStore {
        let store = try WinLossStore.inMemory()
        try store.addPerson(name: "Ana Lima", email: "ana@example.com", role: .rep)
        for (id, outcome) in [("L1", Outcome.loss), ("L2", .loss), ("W1", .win)] {
            try store.addDeal(
                NewDeal(
                    externalID: id, name: id, account: "Acme", rep: "Ana Lima",
                    decidedOn: CalendarDate(iso: "2026-03-01")!, outcome: outcome))
        }
        try store.addPerson(name: "Dana Reyes", email: "dana@example.com", role: .marketing)
        try store.addContact(account: "Acme", name: "Sam Okafor", title: "CIO", email: "sam@acme.example", phone: nil)
        return store
    }

    private func schedule(_ store: WinLossStore, _ deal: String, _ template: LoadedTemplate) throws -> InterviewDetail {
        try store.scheduleInterview(
            InterviewRequest(
                dealExternalID: deal, contact: "sam@acme.example", interviewer: "dana@example.com", template: template))
    }

    @Test func anInterviewKeepsTheQuestionsItWasAskedAfterTheTemplateIsEdited() throws {
        // Given an interview started from the user's loss template
        let store = try storeWithLoss()
        let original = try #require(BuiltInTemplates.files.first { $0.name == "loss.yaml" }?.text)
        try folder.write("loss.yaml", original.replacingOccurrences(of: "version: \"2\"", with: "version: \"5\""))
        let before = try TemplateCatalog.load(userDirectory: folder.path).template("loss")
        let interview = try schedule(store, "L1", before)
        #expect(interview.templateVersion.sha256 == SHA256.hex(before.text))

        // When the file is edited, keeping its version
        let edited = original.replacingOccurrences(of: "version: \"2\"", with: "version: \"5\"")
            .replacingOccurrences(
                of: "What made the option you chose the right one for you?", with: "Why did they win?")
        try folder.write("loss.yaml", edited)
        let after = try TemplateCatalog.load(userDirectory: folder.path).template("loss")

        // Then a new interview from it is refused, the first keeps its questions, and a new version is stored apart
        guard
            case .versionConflict(let id, let version, _)? = expectError(
                TemplateError.self,
                {
                    try schedule(store, "L2", after)
                })
        else { return }
        #expect(id == "loss" && version == "5")
        let kept = try store.interviewTemplate(interview.id)
        #expect(
            kept.text == before.text && kept.origin == TemplateOrigin.stored(versionID: interview.templateVersion.id))
        #expect(
            kept.template.question("winner_reason")?.prompt == "What made the option you chose the right one for you?")

        try folder.write("loss.yaml", edited.replacingOccurrences(of: "version: \"5\"", with: "version: \"6\""))
        let newer = try schedule(store, "L2", try TemplateCatalog.load(userDirectory: folder.path).template("loss"))
        #expect(newer.templateVersion.id != interview.templateVersion.id)
        #expect(try store.interviewTemplate(newer.id).template.question("winner_reason")?.prompt == "Why did they win?")
        #expect(
            try store.interviewTemplate(interview.id).template.question("winner_reason")?.prompt
                == "What made the option you chose the right one for you?")
        #expect(try store.templateVersions().map(\.version) == ["5", "6"])
    }

    @Test func theSameVersionIsStoredOnce() throws {
        let store = try storeWithLoss()
        let loss = try TemplateCatalog.load(userDirectory: nil).template("loss")
        let first = try schedule(store, "L1", loss)
        let second = try schedule(store, "L2", loss)
        #expect(first.templateVersion == second.templateVersion)
        #expect(try store.templateVersions().count == 1)
    }

    @Test func storedVersionsCannotBeChangedOrDeleted() throws {
        let store = try storeWithLoss()
        let stored = try store.storeTemplateVersion(try TemplateCatalog.load(userDirectory: nil).template("loss"))
        let changed = expectError(StoreError.self) {
            try store.write {
                try $0.execute(
                    sql: "UPDATE templateVersion SET source = 'id: other' WHERE id = ?", arguments: [stored.id])
            }
        }
        #expect(changed.map(String.init(describing:))?.contains("is evidence and never changes") == true)
        let deleted = expectError(StoreError.self) {
            try store.write { try $0.execute(sql: "DELETE FROM templateVersion WHERE id = ?", arguments: [stored.id]) }
        }
        #expect(deleted.map(String.init(describing:))?.contains("is evidence and is never deleted") == true)
        #expect(try store.templateVersion(stored.id).sha256 == stored.sha256)
    }

    @Test func aTemplateIsUsedOnlyForItsOutcomes() throws {
        let store = try storeWithLoss()
        let loss = try TemplateCatalog.load(userDirectory: nil).template("loss")
        #expect(
            expectError(TemplateError.self) { try schedule(store, "W1", loss) }
                == .notForOutcome(id: "loss", outcome: .win, outcomes: [.loss]))
        #expect(try store.templateVersions().isEmpty)
    }
}
