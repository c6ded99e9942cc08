import Foundation
import Testing

@testable import WinLossKit

/// The repository's `Templates/` folder, found from this file's path.
let templatesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path

struct BuiltInTemplateTests {
    @Test func theEmbeddedCopiesAreTheFilesInTemplates() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: templatesFolder).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        #expect(BuiltInTemplates.files.map(\.name) == files, "run Scripts/embed-templates.sh after editing Templates/")
        for (name, text) in BuiltInTemplates.files {
            let onDisk = try String(contentsOfFile: templatesFolder + "/" + name, encoding: .utf8)
            #expect(text == onDisk, "\(name) differs from its embedded copy: run Scripts/embed-templates.sh")
        }
    }

    @Test(arguments: ["loss.yaml", "win.yaml", "no-decision.yaml"])
    func eachBuiltInTemplateIsCleanUnderStrictLint(file: String) throws {
        let report = TemplateLinter.lint(path: templatesFolder + "/" + file)
        #expect(report.diagnostics == [], "\(report.diagnostics.map(\.description))")
        let template = try #require(report.template)
        // The seven gap questions, in the order of the practice, in every built-in template.
        let gap: [MetricRole] = [
            .currentState, .measurement, .plannedState, .gapReason, .gapValue, .inactionCost, .ownershipYears,
        ]
        #expect(Array(template.questions.compactMap(\.metric).prefix(7)) == gap)
        // An assessment for the interviewer, with the four signals.
        let assessment = try #require(template.sections.last)
        #expect(assessment.audience == .interviewer)
        #expect(assessment.questions.compactMap(\.metric) == [.uncovered, .openness, .nextStepCommitted, .candor])
        #expect(template.questions.allSatisfy { $0.guidance != nil })
        #expect(
            template.guidance.contains("defend") && template.guidance.contains("argue"),
            "guidance says not to defend or argue")
    }

    @Test func eachOutcomeHasWhatItNeeds() throws {
        let catalog = try TemplateCatalog.load(userDirectory: nil)
        #expect(catalog.problems == [])
        let loss = try #require(catalog.template(for: .loss)).template
        #expect(loss.id == "loss")
        #expect(
            Set(loss.questions.compactMap(\.metric)).isSuperset(of: [
                .preferredVendor, .firstContactWithWinner, .winnerReason, .decisionParticipants, .competitorsConsidered,
            ]))
        #expect(
            loss.question("first_contact_with_winner")?.condition
                == .answer(question: "preferred_vendor", test: .equals("yes")))
        let win = try #require(catalog.template(for: .win)).template
        #expect(win.questions.contains { $0.metric == .tippingPoint })
        let noDecision = try #require(catalog.template(for: .noDecision)).template
        #expect(noDecision.id == "no-decision")
        #expect(Set(noDecision.questions.compactMap(\.metric)).isSuperset(of: [.noDecisionReason, .revisitWhen]))
    }

    @Test func theCodebookCoversTheUsualDecisionDrivers() throws {
        let report = CodebookLinter.lint(path: templatesFolder + "/codebook.yaml")
        #expect(report.diagnostics == [])
        let codebook = try #require(report.codebook)
        let ids = Set(codebook.flattened.map(\.theme.id))
        for driver in [
            "price_value", "product_fit", "missing_capability", "implementation_risk", "integration",
            "security_compliance",
            "support", "relationship_trust", "sales_experience", "responsiveness", "business_understanding",
            "competitor_strength", "references_proof", "vendor_viability", "budget_timing", "status_quo",
            "decision_process",
        ] {
            #expect(ids.contains(driver), "\(driver)")
        }
        #expect(codebook.flattened.allSatisfy { !$0.theme.keywords.isEmpty && !$0.theme.description.isEmpty })
        #expect(
            codebook.theme("price_level").map { _ in codebook.flattened.first { $0.theme.id == "price_level" }?.parent }
                == "price_value")
    }
}

struct ReadmeExampleTests {
    /// The first YAML example after `heading` in the README.
    private func example(after heading: String) throws -> String {
        let readme = try String(contentsOfFile: templatesFolder + "/../README.md", encoding: .utf8)
        let section = try #require(readme.range(of: heading))
        let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        // Examples inside a list item are indented; the YAML is not.
        let block = readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        let indent = block.first?.prefix { $0 == " " }.count ?? 0
        return block.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
    }

    @Test func theTemplateExampleInTheReadmeLintsClean() throws {
        let report = TemplateLinter.lint(text: try example(after: "## Templates and the codebook"), file: "README.md")
        #expect(report.diagnostics == [])
        #expect(report.template?.questions.count == 4)
    }

    @Test func theAnswersFileExampleInTheReadmeRecords() throws {
        let loss = try TemplateCatalog.load(userDirectory: nil).template("loss").template
        let text = try example(after: "**`record ID --answers FILE`**")
        let known = Set(try Codebook.builtIn().flattened.map(\.theme.id))
        let file = try AnswersFile.parse(text, file: "README.md", template: loss, outcome: .loss, knownTags: known)
            .get()
        #expect(file.answers.count == 8 && file.skipped == ["measurement"] && file.notes.count == 1 && file.complete)
        #expect(file.consent == Consent(quote: .anonymous, recordingAllowed: false))
        #expect(file.warnings == [])
        let tags = Dictionary(uniqueKeysWithValues: file.answers.map { ($0.questionID, $0.tags) })
        #expect(tags["current_state"] == ["status_quo"] && tags["gap_reason"] == ["integration"])
        let gapValue = file.answers.first { $0.questionID == "gap_value" }?.value
        #expect(gapValue == .money(Money(minorUnits: 4_000_000, currency: .eur), period: .year))
    }
}

struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "The quick brown fox jumps over the lazy dog",
            "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
        ),
    ])
    func matchesTheStandardsTestVectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test func hashesLongInputsAcrossManyBlocks() {
        #expect(
            SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // 55, 56 and 64 bytes sit on the padding boundaries.
        #expect(
            SHA256.hex(String(repeating: "a", count: 55))
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            SHA256.hex(String(repeating: "a", count: 56))
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(
            SHA256.hex(String(repeating: "a", count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}
