/// Writes CSV (RFC 4180: CRLF line ends, fields quoted when needed) that is safe to open in a spreadsheet.
///
/// Written to a file or a pipe, a cell keeps every character it holds, so that `deal import` reads back exactly
/// what `deal list` wrote. Printed on a terminal (`forTerminal`), cells are sanitised as table cells are
/// (``TerminalText/sanitized(_:)``): an escape sequence in an imported field is shown, never run.
public enum CSVWriter {
    /// One record, with its line end. `guarded: false` writes cells as they are, as a CRM's export does.
    package static func record(_ fields: [String], guarded: Bool = true, forTerminal: Bool = false) -> String {
        fields.map { field(forTerminal ? TerminalText.sanitized($0) : $0, guarded: guarded) }.joined(separator: ",")
            + "\r\n"
    }

    /// Records, each with its line end.
    public static func records(_ rows: [[String]], forTerminal: Bool = false) -> String {
        rows.map { record($0, forTerminal: forTerminal) }.joined()
    }

    /// A field, guarded and quoted.
    ///
    /// A cell that begins with `=`, `+`, `-`, `@`, tab, CR or LF would be run as a formula by Excel, LibreOffice
    /// or Google Sheets (OWASP "CSV injection"), so it gets a leading `'`. Plain numbers such as `-12.50` are
    /// left alone: a spreadsheet reads them as numbers, not formulas.
    package static func field(_ value: String, guarded: Bool = true) -> String {
        var text = value
        if guarded, let first = text.utf8.first, "=+-@\t\r\n".utf8.contains(first), !isPlainNumber(text) {
            text = "'" + text
        }
        // Read as bytes: every character that matters is ASCII, and a CR LF pair must count as a line break too.
        var needsQuotes = text.utf8.first == UInt8(ascii: " ") || text.utf8.last == UInt8(ascii: " ")
        var hasQuote = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): hasQuote = true
            case UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"): needsQuotes = true
            default: continue
            }
        }
        guard needsQuotes || hasQuote else { return text }
        guard hasQuote else { return "\"" + text + "\"" }
        var quoted = "\""
        quoted.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    private static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.isEmpty && parts.count <= 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
