import Yams

extension YAMLDocument {
    /// A comment that begins like an inline theme tag (`#process`), with where it starts.
    struct TagLikeComment: Equatable {
        var line: Int
        var column: Int
        var tag: String
    }

    /// The comments of the file that begin like an inline tag.
    ///
    /// In YAML, ` #` ends a plain value and starts a comment, so `current_state: We do it by hand. #process`
    /// stores "We do it by hand." and drops the tag without a word. A `#` is a comment at the start of a line or
    /// after a space or tab, except inside a quoted value or a block (`|`, `>`) value, which are found from the
    /// composed nodes; plain values cannot hold ` #`.
    func tagLikeComments() -> [TagLikeComment] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array((line.hasSuffix("\r") ? line.dropLast() : line).unicodeScalars)
        }
        var protected = ProtectedText(lines: lines)
        var pending: [Node] = [root]
        while let node = pending.popLast() {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { pending += [key, value] }
            case .sequence(let sequence):
                pending += Array(sequence)
            case .scalar(let scalar):
                guard let mark = scalar.mark else { continue }
                switch scalar.style {
                case .singleQuoted, .doubleQuoted: protected.quoted(from: mark, double: scalar.style == .doubleQuoted)
                case .literal, .folded: protected.block(after: mark)
                default: break
                }
            case .alias:
                break
            }
        }
        var comments: [TagLikeComment] = []
        for (index, line) in lines.enumerated() {
            for column in line.indices where line[column] == "#" {
                guard column == 0 || line[column - 1] == " " || line[column - 1] == "\t",
                    !protected.contains(line: index, column: column)
                else { continue }
                let name = line[(column + 1)...].prefix { Self.isTagScalar($0) }
                if let first = name.first, first.properties.isAlphabetic {
                    comments.append(
                        TagLikeComment(
                            line: index + 1, column: column + 1,
                            tag: String(String.UnicodeScalarView(name)).lowercased()))
                }
                break  // the rest of the line is the comment
            }
        }
        return comments
    }

    private static func isTagScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    /// The parts of a file's lines that belong to quoted and block values, where `#` is text.
    private struct ProtectedText {
        let lines: [[Unicode.Scalar]]
        /// Per line, the columns (0-based) from which, and up to which, text is protected.
        private var ranges: [Int: [ClosedRange<Int>]] = [:]

        init(lines: [[Unicode.Scalar]]) {
            self.lines = lines
        }

        func contains(line: Int, column: Int) -> Bool {
            ranges[line]?.contains { $0.contains(column) } ?? false
        }

        private mutating func protect(line: Int, _ range: ClosedRange<Int>) {
            ranges[line, default: []].append(range)
        }

        /// A quoted value from its opening quote to its closing one, across lines.
        mutating func quoted(from mark: Mark, double: Bool) {
            var line = mark.line - 1
            var column = mark.column  // just after the opening quote
            var start = mark.column - 1
            while line < lines.count {
                let text = lines[line]
                while column < text.count {
                    let scalar = text[column]
                    if double, scalar == "\\" {
                        column += 2
                        continue
                    }
                    if scalar == (double ? "\"" : "'") {
                        if !double, column + 1 < text.count, text[column + 1] == "'" {
                            column += 2
                            continue
                        }
                        protect(line: line, start...column)
                        return
                    }
                    column += 1
                }
                protect(line: line, start...max(start, text.count))
                line += 1
                column = 0
                start = 0
            }
        }

        /// The lines of a block value: those after its indicator that are blank or indented more than the line of
        /// the indicator.
        mutating func block(after mark: Mark) {
            let indicatorLine = mark.line - 1
            guard indicatorLine < lines.count else { return }
            let indent = lines[indicatorLine].prefix { $0 == " " }.count
            var line = indicatorLine + 1
            while line < lines.count {
                let text = lines[line]
                let leading = text.prefix { $0 == " " }.count
                let blank = text.allSatisfy { $0 == " " || $0 == "\t" }
                guard blank || leading > indent else { return }
                protect(line: line, 0...max(0, text.count))
                line += 1
            }
        }
    }
}
