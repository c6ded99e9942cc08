import Foundation
import Testing

@testable import WinLossKit

/// The README's command examples, run as written through the built binary, so that they stay true.
///
/// Every `winloss` line of every `sh` block runs, in the README's order (except that the database is checked and
/// backed up last, once it holds something), on the database a new user gets by default, with the files the
/// examples name made first. The demo block is left out: `winloss demo` has a test of its own, and generating 100,000
/// deals takes minutes.
struct ReadmeCommandTests {
    let home = TemporaryDirectory()
    var winloss: Winloss { Winloss(home: home.path) }

    static var readme: String {
        get throws {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../../README.md")
            return try String(contentsOf: file, encoding: .utf8)
        }
    }

    /// The `sh` blocks of the README, each as its lines with continuation lines joined.
    static func shellBlocks(_ readme: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil, line == "```sh" {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current ?? [])
                current = nil
            } else if var lines = current {
                if let last = lines.last, last.hasSuffix("\\") {
                    lines[lines.count - 1] = String(last.dropLast()) + " " + line.trimmingCharacters(in: .whitespaces)
                } else {
                    lines.append(line)
                }
                current = lines
            }
        }
        return blocks
    }

    /// A command line split as a POSIX shell splits it: quotes, backslashes, a comment after `#`, and `> FILE`. A
    /// quoted word is kept from glob expansion by a leading U+0000, which ``expanded(_:)`` removes.
    static func words(_ line: String) -> (arguments: [String], output: String?) {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open {
                    quote = nil
                } else if open == "\"", character == "\\", index + 1 < characters.count {
                    index += 1
                    word.append(characters[index])
                } else {
                    word.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                if !inWord { word = "\u{0}" }
                inWord = true
            } else if character == "\\", index + 1 < characters.count {
                index += 1
                word.append(characters[index])
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if character == "#", !inWord {
                characters = Array(characters[..<index])
                break
            } else {
                word.append(character)
                inWord = true
            }
            index += 1
        }
        if inWord { words.append(word) }
        if let redirect = words.firstIndex(of: ">"), redirect + 1 < words.count {
            return (Array(words[..<redirect]), words[redirect + 1])
        }
        return (words, nil)
    }

    /// `my-templates/*.yaml` expanded in the working folder, as a shell would.
    private func expanded(_ argument: String) throws -> [String] {
        if argument.hasPrefix("\u{0}") { return [String(argument.dropFirst())] }
        guard argument.contains("*") else {
            return [argument.hasPrefix("~/") ? home.path + argument.dropFirst() : argument]
        }
        let folder = (argument as NSString).deletingLastPathComponent
        let suffix = (argument as NSString).lastPathComponent.replacingOccurrences(of: "*", with: "")
        return try FileManager.default.contentsOfDirectory(atPath: home.file(folder)).filter { $0.hasSuffix(suffix) }
            .sorted().map { folder + "/" + $0 }
    }

    @Test func everyCommandExampleRunsAsWritten() throws {
        // The files the examples read.
        try home.write(
            "ours.csv",
            """
            Ref,Deal,Client,Seller,Closed,Result,Value,Tier,Notes
            R-1,Harbor expansion,Harbor Freight Lines,ana@example.com,2026-08-14,loss,"EUR 40.000",Gold,Call back
            R-2,Summit pilot,Summit Foods,ana@example.com,2026-09-02,no decision,12500,Silver,

            """)
        try FileManager.default.createDirectory(atPath: home.file("my-templates"), withIntermediateDirectories: true)
        let loss = try #require(BuiltInTemplates.files.first { $0.name == "loss.yaml" }?.text)
        try home.write(
            "my-templates/exit-loss.yaml",
            loss.replacingOccurrences(of: "id: loss\n", with: "id: exit-loss\n"))

        var blocks = Self.shellBlocks(try Self.readme).filter { block in
            block.contains { $0.hasPrefix("winloss ") } && !block.contains { $0.hasPrefix("winloss demo") }
        }
        // Checking and backing up a database needs one with something in it: last.
        if let care = blocks.firstIndex(where: { $0.first?.hasPrefix("winloss check") == true }) {
            blocks.append(blocks.remove(at: care))
        }
        // The rep of the callbacks examples.
        try #require(
            try winloss.run(["person", "add", "--name", "Priya Nair", "--email", "priya@example.com", "--role", "rep"])
                .status == 0)
        var ran = 0
        for line in blocks.joined() where line.hasPrefix("winloss ") {
            let (words, output) = Self.words(line)
            let arguments = try words.dropFirst().flatMap { try expanded($0) }
            let result = try winloss.run(arguments)
            #expect(result.status == 0, "\(line)\n\(result.stderr)")
            #expect(!result.stderr.contains("error"), "\(line)\n\(result.stderr)")
            if let output { try home.write(output, result.stdout) }
            ran += 1
        }
        #expect(ran >= 40)
        // What they wrote.
        for file in ["retail-emea.csv", "my-loss.yaml", "review-2026.html", "calls.ics"] {
            #expect(FileManager.default.fileExists(atPath: home.file(file)), "\(file)")
        }
    }

    @Test func theInitExampleShowsWhatInitPrints() throws {
        let readme = try Self.readme
        let start = try #require(readme.range(of: "$ winloss init"))
        let end = try #require(readme.range(of: "```", range: start.lowerBound..<readme.endIndex))
        let lines = readme[start.lowerBound..<end.lowerBound].split(separator: "\n").map(String.init)
        var index = 0
        while index < lines.count {
            let command = String(lines[index].dropFirst("$ ".count))
            let expected = lines[index + 1].replacingOccurrences(of: "/home/dana", with: home.path)
            let arguments = try Self.words(command).arguments.dropFirst().flatMap { try expanded($0) }
            let result = try winloss.run(arguments)
            #expect(result.status == 0 && result.stdout == expected + "\n", "\(command): \(result.stdout)")
            index += 2
        }
    }
}
