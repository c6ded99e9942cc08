import Foundation

/// Makes text from outside (buyers' answers, CRM fields, file contents) safe to print on a terminal, and
/// measures it for alignment.
public enum TerminalText {
    /// Neutralises everything that could move the cursor, recolour or rewrite the screen, or reorder text:
    /// C0 controls (other than newline and tab) become their visible control pictures (ESC prints as ␛), DEL
    /// as ␡, C1 controls and bidirectional overrides as U+FFFD.
    public static func sanitized(_ text: String) -> String {
        var clean = ""
        clean.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09:
                clean.unicodeScalars.append(scalar)
            case 0x00...0x1F:
                clean.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F:
                clean.unicodeScalars.append("\u{2421}")
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                clean.unicodeScalars.append("\u{FFFD}")
            default:
                clean.unicodeScalars.append(scalar)
            }
        }
        return clean
    }

    /// Sanitised, on one line: line breaks show as ⏎ and tabs as spaces, for table cells.
    public static func singleLine(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return sanitized(unified).replacingOccurrences(of: "\n", with: " ⏎ ").replacingOccurrences(of: "\t", with: " ")
    }

    /// Columns the text takes on a terminal: wide East Asian characters and emoji take two, combining marks none.
    package static func displayWidth(_ text: String) -> Int {
        isPrintableASCII(text) ? text.utf8.count : text.reduce(0) { $0 + width(of: $1) }
    }

    /// Letters, digits, punctuation and spaces only: text that prints as it is, a column a byte. Most cells are,
    /// and this is far cheaper to find than walking their characters.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20..<0x7F).contains($0) }
    }

    /// Cut to at most `width` columns, ending with … when cut.
    package static func truncated(_ text: String, toWidth width: Int) -> String {
        guard displayWidth(text) > width, width > 0 else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = self.width(of: character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Sanitised, on one line, then broken at spaces into lines of at most `width` columns (a longer word keeps
    /// a line of its own), each after `indent`.
    package static func wrapped(_ text: String, width: Int = 100, indent: String = "") -> String {
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in singleLine(text).split(separator: " ", omittingEmptySubsequences: true) {
            let w = displayWidth(String(word))
            if used > 0, used + 1 + w > width - displayWidth(indent) {
                lines.append(indent + line)
                line = ""
                used = 0
            }
            line += (used > 0 ? " " : "") + word
            used += (used > 0 ? 1 : 0) + w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
    }

    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let properties = first.properties
        if character.unicodeScalars.count == 1,
            properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
                || properties.generalCategory == .format
        {
            return 0
        }
        if properties.isEmojiPresentation { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
