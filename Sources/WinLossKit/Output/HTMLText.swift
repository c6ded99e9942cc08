import Foundation

/// Text from anywhere (buyers, CRM fields, codebooks) made safe to put in HTML.
package enum HTMLText {
    /// Inert in element content and in a quoted attribute value alike: `&`, `<`, `>`, `"` and `'` escaped, and
    /// what has no place in a document dropped (see ``cleaned(_:)``).
    package static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in cleaned(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Line breaks as newlines (CR LF and CR become LF), and without the characters that could hide or reorder
    /// text or that XML forbids: C0 controls other than newline and tab, DEL, C1 controls, bidirectional
    /// overrides and isolates, and Unicode noncharacters.
    package static func cleaned(_ text: String) -> String {
        var clean = ""
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { afterCarriageReturn = value == 0x0D }
            switch value {
            case 0x0D:
                clean.unicodeScalars.append("\n")
            case 0x0A:
                if !afterCarriageReturn { clean.unicodeScalars.append(scalar) }
            case 0x09:
                clean.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFDD0...0xFDEF:
                continue
            default:
                if value & 0xFFFE == 0xFFFE { continue }
                clean.unicodeScalars.append(scalar)
            }
        }
        return clean
    }

    /// Escaped, with the highlighted runs of ``Highlight`` in `<mark>`.
    package static func highlighted(_ text: String) -> String {
        Highlight.runs(text).map { $0.highlighted ? "<mark>" + escaped($0.text) + "</mark>" : escaped($0.text) }
            .joined()
    }

    /// On one line, cut to `width` terminal columns with … when longer, then escaped: for chart labels.
    static func label(_ text: String, width: Int) -> (text: String, isCut: Bool) {
        let line = cleaned(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        let cut = TerminalText.truncated(line, toWidth: width)
        return (escaped(cut), cut != line)
    }
}
