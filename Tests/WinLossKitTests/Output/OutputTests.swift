import Testing

@testable import WinLossKit

struct CSVWriterTests {
    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1 555 0100", "'+1 555 0100"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("-12.50", "-12.50"),
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("crlf\r\nlines", "\"crlf\r\nlines\""),
        (" padded", "\" padded\""),
        ("a;b", "\"a;b\""),
        ("é \"ü\"", "\"é \"\"ü\"\"\""),
        ("=1,2", "\"'=1,2\""),
    ])
    func noCellStartsAFormula(input: String, expected: String) {
        #expect(CSVWriter.field(input) == expected)
    }

    @Test func writesRecordsWithCRLF() {
        #expect(CSVWriter.record(["a", "b c", ""]) == "a,b c,\r\n")
        #expect(CSVWriter.record(["+1"], guarded: false) == "+1\r\n")
    }
}

struct TerminalTextTests {
    @Test func neutralisesEscapesControlsAndBidiOverrides() {
        let hostile = "ok\u{1B}]0;pwned\u{07}\u{1B}[2Jx\u{9B}31m\u{202E}evil\u{7F}"
        let clean = TerminalText.sanitized(hostile)
        #expect(
            !clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(clean == "ok␛]0;pwned␇␛[2Jx\u{FFFD}31m\u{FFFD}evil␡")
        #expect(TerminalText.sanitized("line\nnext\ttab") == "line\nnext\ttab")
        #expect(TerminalText.singleLine("a\r\nb\nc\td") == "a ⏎ b ⏎ c d")
    }

    @Test func measuresWideAndCombiningCharacters() {
        #expect(TerminalText.displayWidth("abc") == 3)
        #expect(TerminalText.displayWidth("日本") == 4)
        #expect(TerminalText.displayWidth("e\u{301}") == 1)
        #expect(TerminalText.displayWidth("👍") == 2)
        #expect(TerminalText.truncated("日本語テキスト", toWidth: 7) == "日本語…")
    }

    @Test func tablesAlignByDisplayWidth() {
        var table = TextTable(columns: [TableColumn("Name"), TableColumn("Amount", alignment: .right)])
        table.append(["日本商事", "5"])
        table.append(["Café\u{1B}[31m", "1,000"])
        let lines = table.render(style: .plain).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let widths = Set(lines.map(TerminalText.displayWidth))
        #expect(widths.count == 1, "every line is as wide as the others: \(lines)")
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func colourOnlyOnATerminalWithoutNO_COLOR() {
        #expect(TextStyle.forTerminal(isTTY: true, environment: [:]).colors)
        #expect(!TextStyle.forTerminal(isTTY: false, environment: [:]).colors)
        #expect(!TextStyle.forTerminal(isTTY: true, environment: ["NO_COLOR": "1"]).colors)
        #expect(TextStyle.forTerminal(isTTY: true, environment: ["NO_COLOR": ""]).colors)
        #expect(!TextStyle.forTerminal(isTTY: true, environment: ["TERM": "dumb"]).colors)
        #expect(TextStyle.plain.apply(.red, to: "x") == "x")
        #expect(TextStyle(colors: true).apply(.red, to: "x") == "\u{1B}[31mx\u{1B}[0m")
    }
}
