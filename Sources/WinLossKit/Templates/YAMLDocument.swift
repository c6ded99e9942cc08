import Foundation
import Yams

/// A YAML file composed into a node tree, safely: bounded in size, nesting and node count, with anchors and
/// aliases refused, so that no file can make `winloss` crash, hang or exhaust memory.
///
/// Yams decodes an alias by copying the anchored node, and has no budget for that: half a kilobyte of "billion
/// laughs" takes minutes and gigabytes to decode. Templates have no use for anchors, so the first one is an error
/// at its line and column, and a node budget stops anything else that grows too large.
struct YAMLDocument {
    let file: String
    let text: String
    let root: Node

    /// What a file is, for its limits and for saying what went wrong.
    enum Kind {
        case template
        case answers

        /// Templates are a few kilobytes, an interview's answers a few dozen; anything this large is neither.
        var maximumBytes: Int {
            switch self {
            case .template: 256 * 1024
            case .answers: 1024 * 1024
            }
        }

        /// `a template or codebook`, `an answers file`.
        var name: String {
            switch self {
            case .template: "a template or codebook"
            case .answers: "an answers file"
            }
        }

        func tooLarge(_ bytes: Int?) -> String {
            guard let bytes else { return "is larger than \(maximumBytes / 1024) KiB, the most \(name) may be" }
            return "is \(bytes / 1024) KiB; \(name) may be at most \(maximumBytes / 1024) KiB"
        }
    }

    static let maximumNodes = 20_000
    static let maximumDepth = 32

    /// Standard input as the text of a YAML file, read in pieces and refused as soon as it passes the limit of its
    /// kind, so that no amount of input can take more memory than that.
    static func readStandardInput(as name: String, kind: Kind) -> Result<YAMLDocument, Diagnostic> {
        do {
            let text = try BoundedInput.standardInputText(limit: kind.maximumBytes, what: kind.name)
            return parse(text, file: name, kind: kind)
        } catch .tooLarge {
            return .failure(Diagnostic(.error, file: name, line: nil, column: nil, kind.tooLarge(nil)))
        } catch {
            return .failure(Diagnostic(.error, file: name, line: nil, column: nil, error.description))
        }
    }

    /// Reads and composes a file; problems are returned as diagnostics, never thrown past the caller.
    static func read(path: String, as name: String? = nil, kind: Kind = .template) -> Result<YAMLDocument, Diagnostic> {
        let file = name ?? path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else {
            return .failure(
                Diagnostic(
                    .error, file: file, line: nil, column: nil, "cannot read the file (no such file, or no permission)")
            )
        }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory {
            return .failure(Diagnostic(.error, file: file, line: nil, column: nil, "is a folder, not a YAML file"))
        }
        if let size = attributes[.size] as? Int, size > kind.maximumBytes {
            return .failure(Diagnostic(.error, file: file, line: nil, column: nil, kind.tooLarge(size)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(.error, file: file, line: nil, column: nil, "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(.error, file: file, line: nil, column: nil, "is not UTF-8 text"))
        }
        return parse(text, file: file, kind: kind)
    }

    /// Composes YAML text held in memory (built-in templates, stored template versions).
    static func parse(_ text: String, file: String, kind: Kind = .template) -> Result<YAMLDocument, Diagnostic> {
        guard text.utf8.count <= kind.maximumBytes else {
            return .failure(Diagnostic(.error, file: file, line: nil, column: nil, kind.tooLarge(text.utf8.count)))
        }
        let parser: Parser
        let node: Node?
        do {
            parser = try Parser(yaml: text)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file))
        } catch {
            return .failure(Diagnostic(.error, file: file, line: nil, column: nil, "cannot be read as YAML: \(error)"))
        }
        guard let node else {
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1, "is empty"))
        }
        // Yams holds a node's anchor weakly, through its parser: check while the parser is alive.
        let problem = withExtendedLifetime(parser) { checkShape(node, file: file, kind: kind) }
        if let problem { return .failure(problem) }
        return .success(YAMLDocument(file: file, text: text, root: node))
    }

    /// Walks the tree once, without recursion, refusing anchors and counting nodes and depth.
    private static func checkShape(_ root: Node, file: String, kind: Kind) -> Diagnostic? {
        var pending: [(Node, Int)] = [(root, 1)]
        var count = 0
        while let (node, depth) = pending.popLast() {
            count += 1
            let mark = node.mark
            if node.anchor != nil {
                return Diagnostic(
                    .error, file: file, line: mark?.line, column: mark?.column,
                    "anchors and aliases (&name, *name) are not allowed here; write the value out")
            }
            if count > maximumNodes {
                return Diagnostic(
                    .error, file: file, line: mark?.line, column: mark?.column,
                    "has more than \(maximumNodes) values; it is too large to be \(kind.name)")
            }
            if depth > maximumDepth {
                return Diagnostic(
                    .error, file: file, line: mark?.line, column: mark?.column,
                    "is nested more than \(maximumDepth) levels deep")
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    pending.append((value, depth + 1))
                    pending.append((key, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence.reversed() { pending.append((item, depth + 1)) }
            case .alias(let alias):
                return Diagnostic(
                    .error, file: file, line: alias.mark?.line, column: alias.mark?.column,
                    "anchors and aliases (&name, *name) are not allowed here; write the value out")
            case .scalar:
                break
            }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func cleaned(_ text: String) -> String { text.trimmed }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // The context says where the construct that failed began, such as the quote that never closed.
            let detail =
                context.map { " (\(cleaned($0.text)) that starts at line \($0.mark.line), column \($0.mark.column))" }
                ?? ""
            return Diagnostic(
                .error, file: file, line: mark.line, column: mark.column, "YAML syntax: \(cleaned(problem))\(detail)")
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, file: file, line: nil, column: nil, "YAML: \(cleaned(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                .error, file: file, line: context.mark.line, column: context.mark.column,
                "a key appears twice in one mapping: \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(.error, file: file, line: nil, column: nil, "cannot be read as YAML: \(error)")
        }
    }
}
