import Foundation
import Testing

@testable import WinLossKit

struct CSVReaderTests {
    private func records(_ text: String, chunkSize: Int = 1 << 18, delimiter: UInt8? = nil) throws -> [CSVRecord] {
        try records(bytes: Array(text.utf8), chunkSize: chunkSize, delimiter: delimiter)
    }

    private func records(bytes: [UInt8], chunkSize: Int = 1 << 18, delimiter: UInt8? = nil) throws -> [CSVRecord] {
        var reader = try CSVReader(bytes: bytes, delimiter: delimiter, chunkSize: chunkSize)
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    @Test func readsQuotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let text =
            "name,note,amount\n\"Acme, Inc.\",\"She said \"\"no\"\"\",5\n\"Globex\",\"line one\nline two\",6\nInitech,plain,7\n"
        let rows = try records(text)
        #expect(
            rows.map(\.fields) == [
                ["name", "note", "amount"], ["Acme, Inc.", "She said \"no\"", "5"],
                ["Globex", "line one\nline two", "6"],
                ["Initech", "plain", "7"],
            ])
        // A record spanning two lines starts on its first; the next record starts after both.
        #expect(rows.map(\.line) == [1, 2, 3, 5])
    }

    @Test func handlesByteOrderMarkAndCRLFAndBareCR() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let crlf = try records(bytes: bom + Array("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n".utf8))
        #expect(crlf.map(\.fields) == [["a", "b"], ["1", "x\r\ny"], ["2", "z"]])
        #expect(crlf.map(\.line) == [1, 2, 4])
        let cr = try records("a,b\r1,2\r3,4")
        #expect(cr.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func findsTheDelimiterFromTheHeader() throws {
        #expect(try records("a;b;c\n1,5;2;3\n").map(\.fields) == [["a", "b", "c"], ["1,5", "2", "3"]])
        #expect(try records("a\tb\n\"x\ty\"\t2\n").map(\.fields) == [["a", "b"], ["x\ty", "2"]])
        // Delimiters inside a quoted header field do not count.
        #expect(try records("\"a;b;c\",d\n1,2\n").map(\.fields) == [["a;b;c", "d"], ["1", "2"]])
        #expect(try records("only\nx\n").map(\.fields) == [["only"], ["x"]])
    }

    @Test func honoursExcelsSeparatorLineAndAGivenDelimiter() throws {
        let rows = try records("sep=;\r\na;b\r\n1;2\r\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(rows.map(\.line) == [2, 3])
        #expect(try records("a|b\n1|2\n", delimiter: UInt8(ascii: "|")).map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func skipsBlankLinesButKeepsEmptyQuotedFields() throws {
        let rows = try records("a,b\n\n1,2\n\"\"\n\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], [""]])
        #expect(rows.map(\.line) == [1, 3, 4])
    }

    @Test func readsTheSameWhateverTheChunkBoundaries() throws {
        let text = "sep=,\r\n\"h,1\",h2\r\n\"a\"\"b\",\"c\r\nd\"\r\n\"\",x\r\ne\u{301},\"ü\"\r\n"
        let whole = try records(text)
        for size in 1...9 {
            #expect(try records(text, chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    @Test func aQuoteFollowedByACombiningMarkStillEndsTheField() throws {
        // "\"\u{301}" is one Swift Character; the reader works on bytes, so the quote still closes the field.
        let rows = try records("a,b\n\"x\"\u{301},y\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["x\u{301}", "y"]])
    }

    @Test func reportsAnUnclosedQuoteAtTheLineItOpens() throws {
        let error = expectError(CSVError.self) { try records("a,b\n1,2\n3,\"never closed\n4,5\n") }
        #expect(error == .unterminatedQuote(line: 3))
    }

    @Test func stopsAtAFieldLongerThanTheLimit() throws {
        let huge = "a\n\"" + String(repeating: "x", count: CSVReader.maximumFieldBytes + 10) + "\"\n"
        let error = expectError(CSVError.self) { try records(huge) }
        #expect(error == .fieldTooLong(line: 2, limit: CSVReader.maximumFieldBytes))
    }

    @Test func flagsInvalidUTF8() throws {
        let rows = try records(bytes: Array("a,b\n".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(",x\n".utf8))
        #expect(rows[1].hasInvalidUTF8)
        #expect(!rows[0].hasInvalidUTF8)
    }

    @Test func readsUTF16WithAByteOrderMark() throws {
        let text = "Deal\tAmount\r\nCafé\t5\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try records(bytes: bytes).map(\.fields) == [["Deal", "Amount"], ["Café", "5"]])
    }

    @Test func readsFilesAndRefusesMissingOnes() throws {
        let folder = TemporaryDirectory()
        let path = try folder.write("x.csv", "a,b\n1,2\n")
        var reader = try CSVReader(path: path, chunkSize: 3)
        #expect(reader.totalBytes == 8)
        #expect(try reader.next()?.fields == ["a", "b"])
        #expect(try reader.next()?.fields == ["1", "2"])
        #expect(try reader.next() == nil)
        #expect(reader.bytesRead == 8)
        #expect(
            expectError(CSVError.self) { try CSVReader(path: folder.file("missing.csv")) }
                == .unreadable("no such file"))
        #expect(expectError(CSVError.self) { try CSVReader(path: folder.path) } == .unreadable("it is a folder"))
    }
}
