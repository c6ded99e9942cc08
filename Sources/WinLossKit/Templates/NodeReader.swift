import Foundation
import Yams

/// Reads typed values out of a YAML node tree, recording a diagnostic at the node's own line and column for
/// every value of the wrong type, every missing field and every unknown key, and carrying on, so that one lint
/// run reports every problem of a file.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func error(_ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: node?.mark?.line, column: node?.mark?.column, message))
    }

    func warning(_ node: Node?, _ message: String) {
        diagnostics.append(
            Diagnostic(.warning, file: file, line: node?.mark?.line, column: node?.mark?.column, message))
    }

    /// A warning at a place that is not a node's (a comment).
    func warning(at line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, column: column, message))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// A mapping's values by key. Keys not in `required` or `optional` are errors (with a suggestion for a typo);
    /// missing required keys are errors at the mapping.
    func fields(_ node: Node, _ what: String, required: [String], optional: [String] = []) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of keys to values, not \(describe(node))")
            return nil
        }
        let known = required + optional
        var values: [String: Node] = [:]
        var keys: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, "a key in \(what) must be a plain word")
                continue
            }
            let name = scalar.string
            guard known.contains(name) else {
                let hint = NodeReader.closest(to: name, in: known).map { "; did you mean \"\($0)\"?" } ?? ""
                error(key, "\(what) has no field \"\(name)\"\(hint)")
                continue
            }
            values[name] = value
            keys[name] = key
        }
        for name in required where values[name] == nil {
            error(node, "\(what) needs \"\(name)\"")
        }
        return Fields(node: node, values: values, keys: keys)
    }

    struct Fields {
        let node: Node
        let values: [String: Node]
        let keys: [String: Node]

        subscript(_ key: String) -> Node? { values[key] }
    }

    // MARK: - Scalars

    /// Text: any scalar that is not null.
    func text(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !NodeReader.isNull(scalar) else {
            error(node, "\(what) must be text, not \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// Non-empty text.
    func nonEmptyText(_ node: Node?, _ what: String) -> String? {
        guard let text = text(node, what) else { return nil }
        guard !text.trimmed.isEmpty else {
            error(node, "\(what) must not be empty")
            return nil
        }
        return text
    }

    func flag(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = NodeReader.booleans[scalar.string] else {
            error(node, "\(what) must be true or false, not \(describe(node))")
            return nil
        }
        return value
    }

    func integer(_ node: Node?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmed) else {
            error(node, "\(what) must be a whole number, not \(describe(node))")
            return nil
        }
        return value
    }

    func decimal(_ node: Node?, _ what: String) -> Decimal? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Decimal(string: scalar.string.trimmed),
            scalar.string.trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
        else {
            error(node, "\(what) must be a number, not \(describe(node))")
            return nil
        }
        return value
    }

    func list(_ node: Node?, _ what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            error(node, "\(what) must be a list (items starting with \"- \"), not \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// One text or a list of texts.
    func texts(_ node: Node?, _ what: String) -> [String]? {
        guard let node else { return nil }
        if case .scalar = node { return text(node, what).map { [$0] } }
        guard let items = list(node, what) else { return nil }
        return items.compactMap { text($0, "each of \(what)") }
    }

    // MARK: - Helpers

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): NodeReader.isNull(scalar) ? "nothing" : "\"\(scalar.string)\""
        }
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static let booleans: [String: Bool] = [
        "true": true, "True": true, "TRUE": true, "yes": true, "Yes": true,
        "false": false, "False": false, "FALSE": false, "no": false, "No": false,
    ]

    /// The known name nearest to a typo, if one is close.
    static func closest(to name: String, in known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(name.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
