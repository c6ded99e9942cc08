import Foundation

/// One record of a CSV file: its fields, and the line of the file it starts on.
package struct CSVRecord: Sendable, Equatable {
    package var fields: [String]
    /// 1-based line where the record starts; a record with a quoted newline spans several lines.
    package var line: Int
    /// Some field was not valid UTF-8; its bad bytes read as U+FFFD.
    package var hasInvalidUTF8: Bool
    /// The positions of the fields that hold a NUL byte, which no text holds.
    package var fieldsWithNUL: [Int] = []
}

/// Why a file cannot be read as CSV at all.
package enum CSVError: Error, Equatable, CustomStringConvertible {
    case unterminatedQuote(line: Int)
    case fieldTooLong(line: Int, limit: Int)
    /// The bytes are not text in the encoding the file claims.
    case badEncoding(String)
    case unreadable(String)

    package var description: String {
        switch self {
        case .unterminatedQuote:
            "a quoted field starting here never ends; is a closing quote (\") missing?"
        case .fieldTooLong(_, let limit):
            "a field is longer than \(limit / (1 << 20)) MiB; is a closing quote (\") missing?"
        case .badEncoding(let reason), .unreadable(let reason):
            reason
        }
    }

    package var line: Int? {
        switch self {
        case .unterminatedQuote(let line), .fieldTooLong(let line, _): line
        case .badEncoding: 1
        case .unreadable: nil
        }
    }
}

/// Reads CSV as spreadsheets and CRMs write it (RFC 4180 and its usual variations), a record at a time, in
/// bounded memory:
/// - fields quoted with `"`, quotes doubled inside them, newlines inside quoted fields;
/// - `,`, `;` or tab as the delimiter, found from the header line, or given; an Excel `sep=;` first line;
/// - LF, CRLF or CR line ends; a UTF-8 byte-order mark; UTF-16 files with a byte-order mark (Excel's "Unicode
///   text"), converted to UTF-8 first;
/// - blank lines are skipped.
///
/// It works on UTF-8 bytes, not on `Character`s: a quote followed by a combining mark is one `Character` in
/// Swift but must still end a field.
package struct CSVReader {
    /// A field longer than this stops the reader: usually a quote that was never closed.
    package static let maximumFieldBytes = 1 << 20

    package private(set) var delimiter: UInt8
    /// Bytes consumed so far, for progress.
    package var bytesRead: Int { consumedBefore + position }
    /// The file's size, when it is a regular file.
    package let totalBytes: Int?

    private var readChunk: () throws -> [UInt8]
    private var buffer: [UInt8] = []
    private var position = 0
    private var consumedBefore = 0
    private var atEnd = false
    private var line = 1
    private var field: [UInt8] = []

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Reads the file at `path`, or standard input for `-`.
    package init(path: String, delimiter: UInt8? = nil, chunkSize: Int = 1 << 18) throws {
        let handle: FileHandle
        var size: Int?
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CSVError.unreadable("no such file")
            }
            guard !isDirectory.boolValue else { throw CSVError.unreadable("it is a folder") }
            do {
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            } catch {
                throw CSVError.unreadable("permission denied or unreadable (\(error.localizedDescription))")
            }
            size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        }
        try self.init(delimiter: delimiter, totalBytes: size) {
            do {
                return [UInt8](try handle.read(upToCount: chunkSize) ?? Data())
            } catch {
                throw CSVError.unreadable(error.localizedDescription)
            }
        }
    }

    /// Reads CSV from memory; `chunkSize` lets tests put chunk boundaries anywhere.
    package init(bytes: [UInt8], delimiter: UInt8? = nil, chunkSize: Int = 1 << 18) throws {
        var offset = 0
        try self.init(delimiter: delimiter, totalBytes: bytes.count) {
            let end = min(offset + chunkSize, bytes.count)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    package init(string: String, delimiter: UInt8? = nil, chunkSize: Int = 1 << 18) throws {
        try self.init(bytes: Array(string.utf8), delimiter: delimiter, chunkSize: chunkSize)
    }

    private init(delimiter: UInt8?, totalBytes: Int?, readChunk: @escaping () throws -> [UInt8]) throws {
        self.totalBytes = totalBytes
        self.readChunk = readChunk
        self.delimiter = delimiter ?? UInt8(ascii: ",")
        try fill(atLeast: 4)
        try decodeByteOrderMark()
        try fillFirstLine()
        if try skipSeparatorLine() == nil, delimiter == nil {
            self.delimiter = sniffDelimiter()
        }
    }

    /// The next record, or nil at the end of the file.
    package mutating func next() throws -> CSVRecord? {
        while true {
            guard let record = try readRecord() else { return nil }
            if record.fields.count == 1, record.fields[0].isEmpty, !record.hasQuotedField { continue }  // blank line
            return CSVRecord(
                fields: record.fields, line: record.line, hasInvalidUTF8: record.invalid,
                fieldsWithNUL: record.fieldsWithNUL)
        }
    }

    // MARK: - Records

    private mutating func readRecord() throws -> (
        fields: [String], line: Int, invalid: Bool, hasQuotedField: Bool, fieldsWithNUL: [Int]
    )? {
        guard try peek() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var invalid = false
        var quoted = false
        var inQuotes = false
        var fieldsWithNUL: [Int] = []
        field.removeAll(keepingCapacity: true)

        func finishField() {
            if field.contains(0) { fieldsWithNUL.append(fields.count) }
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                invalid = true
                fields.append(String(decoding: field, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
        }

        while let byte = try nextByte() {
            if inQuotes {
                if byte == CSVReader.quote {
                    if try peek() == CSVReader.quote {
                        position += 1
                        field.append(byte)
                    } else {
                        inQuotes = false
                    }
                    continue
                }
                if byte == CSVReader.lineFeed {
                    line += 1
                } else if byte == CSVReader.carriageReturn {
                    line += 1
                    if try peek() == CSVReader.lineFeed {
                        position += 1
                        field.append(byte)
                        field.append(CSVReader.lineFeed)
                        continue
                    }
                }
                field.append(byte)
            } else if byte == CSVReader.quote && field.isEmpty {
                inQuotes = true
                quoted = true
            } else if byte == delimiter {
                finishField()
            } else if byte == CSVReader.lineFeed || byte == CSVReader.carriageReturn {
                line += 1
                if byte == CSVReader.carriageReturn, try peek() == CSVReader.lineFeed { position += 1 }
                finishField()
                return (fields, startLine, invalid, quoted, fieldsWithNUL)
            } else {
                // A quote in the middle of an unquoted field, or text after a closing quote, is kept as it is.
                field.append(byte)
            }
            if field.count > CSVReader.maximumFieldBytes {
                throw CSVError.fieldTooLong(line: startLine, limit: CSVReader.maximumFieldBytes)
            }
        }
        if inQuotes { throw CSVError.unterminatedQuote(line: startLine) }
        finishField()
        return (fields, startLine, invalid, quoted, fieldsWithNUL)
    }

    // MARK: - Bytes

    @inline(__always)
    private mutating func nextByte() throws -> UInt8? {
        if position == buffer.count {
            try refill()
            if position == buffer.count { return nil }
        }
        defer { position += 1 }
        return buffer[position]
    }

    @inline(__always)
    private mutating func peek() throws -> UInt8? {
        if position == buffer.count {
            try refill()
            if position == buffer.count { return nil }
        }
        return buffer[position]
    }

    /// Replaces the consumed buffer with the next chunk.
    private mutating func refill() throws {
        guard !atEnd else { return }
        consumedBefore += position
        buffer = try readChunk()
        position = 0
        if buffer.isEmpty { atEnd = true }
    }

    /// Appends chunks until the unread bytes number at least `count`, or the input ends.
    private mutating func fill(atLeast count: Int) throws {
        while !atEnd, buffer.count - position < count {
            let chunk = try readChunk()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    /// Makes sure the header line is wholly in the buffer (up to 1 MiB), so that its delimiter can be counted.
    private mutating func fillFirstLine() throws {
        var scanned = position
        while true {
            if buffer[scanned...].contains(where: { $0 == CSVReader.lineFeed || $0 == CSVReader.carriageReturn }) {
                return
            }
            scanned = buffer.count
            if atEnd || buffer.count - position > CSVReader.maximumFieldBytes { return }
            try fill(atLeast: buffer.count - position + 1)
        }
    }

    private mutating func decodeByteOrderMark() throws {
        let head = Array(buffer.prefix(3))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            position += 3
            return
        }
        let littleEndian = head.starts(with: [0xFF, 0xFE])
        guard littleEndian || head.starts(with: [0xFE, 0xFF]) else { return }
        // UTF-16: convert the whole file to UTF-8 (such files come from spreadsheets and are small).
        while !atEnd { try fill(atLeast: buffer.count - position + (1 << 20)) }
        let data = Data(buffer[2...])
        guard let text = String(data: data, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian),
            Self.looksLikeText(text)
        else {
            throw CSVError.badEncoding(
                "it starts with a UTF-16 byte-order mark, but what follows is not UTF-16 text (a UTF-8 file saved "
                    + "with the wrong mark?); save it as UTF-8 (\"CSV UTF-8\" in Excel) and import it again")
        }
        buffer = Array(text.utf8)
        position = 0
    }

    /// Whether text decoded as UTF-16 is a CSV file's: its first line has a delimiter, or the file is one line
    /// of ASCII. UTF-8 bytes read as UTF-16 pair into CJK ideographs and have neither.
    static func looksLikeText(_ text: String) -> Bool {
        let head = text.unicodeScalars.prefix(4096)
        let firstLine = head.prefix { $0 != "\n" && $0 != "\r" }
        return firstLine.contains { $0 == "," || $0 == ";" || $0 == "\t" } || head.allSatisfy(\.isASCII)
    }

    /// Excel writes `sep=;` as a first line to name the delimiter.
    private mutating func skipSeparatorLine() throws -> UInt8? {
        try fill(atLeast: 7)  // "sep=;" and a CRLF
        let sep = Array("sep=".utf8)
        guard buffer.count - position >= 5, Array(buffer[position..<position + 4]) == sep else { return nil }
        let candidate = buffer[position + 4]
        let after = position + 5
        guard after == buffer.count || buffer[after] == CSVReader.lineFeed || buffer[after] == CSVReader.carriageReturn
        else { return nil }
        delimiter = candidate
        position = after
        if position < buffer.count, buffer[position] == CSVReader.carriageReturn { position += 1 }
        if position < buffer.count, buffer[position] == CSVReader.lineFeed { position += 1 }
        line = 2
        return candidate
    }

    /// The most frequent of `,` `;` and tab outside quotes on the header line; `,` when none appears.
    private func sniffDelimiter() -> UInt8 {
        let candidates = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]  // in order of preference
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        for byte in buffer[position...] {
            if byte == CSVReader.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == CSVReader.lineFeed || byte == CSVReader.carriageReturn { break }
                if candidates.contains(byte) { counts[byte, default: 0] += 1 }
            }
        }
        var best = candidates[0]
        for candidate in candidates where counts[candidate, default: 0] > counts[best, default: 0] { best = candidate }
        return best
    }
}
