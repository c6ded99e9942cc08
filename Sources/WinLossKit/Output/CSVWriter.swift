/// Writes CSV (RFC 4180: CRLF line ends, fields quoted when needed) that is safe to open in a spreadsheet.
public enum CSVWriter {
    /// One record, with its line end. `guarded: false` writes cells as they are, as a CRM's export does.
    public static func record(_ fields: [String], guarded: Bool = true) -> String {
        fields.map { field($0, guarded: guarded) }.joined(separator: ",") + "\r\n"
    }

    /// A field, guarded and quoted.
    ///
    /// A cell that begins with `=`, `+`, `-`, `@`, tab, CR or LF would be run as a formula by Excel, LibreOffice
    /// or Google Sheets (OWASP "CSV injection"), so it gets a leading `'`. Plain numbers such as `-12.50` are
    /// left alone: a spreadsheet reads them as numbers, not formulas.
    public static func field(_ value: String, guarded: Bool = true) -> String {
        var text = value
        if guarded, let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first),
            !isPlainNumber(text)
        {
            text = "'" + text
        }
        let needsQuotes =
            text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.isEmpty && parts.count <= 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
