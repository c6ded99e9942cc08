import Foundation
import GRDB
import PropertyBased
import Testing

@testable import WinLossKit

/// The forms the table writers store values in are the ones GRDB and Foundation would write, so that rows
/// written by any path, and by earlier versions, read and compare the same.
struct TableWriterTests {
    // MARK: - Times

    @Test func aStoredTimeIsTheTextGRDBWritesForTheSameDate() async {
        // Any moment from 1900 to 2200, to the microsecond, and the half milliseconds
        for halves in -10...10 {
            let date = Date(timeIntervalSince1970: 1_794_556_800 + Double(halves) * 0.000_5)
            #expect(StoredTime(date).text == String.fromDatabaseValue(date.databaseValue))
        }
        await propertyCheck(count: 3000, input: Gen.int64(in: -2_208_988_800_000_000...7_258_118_400_000_000)) {
            microseconds in
            let date = Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
            #expect(StoredTime(date).text == String.fromDatabaseValue(date.databaseValue))
        }
    }

    @Test func aStoredTimeOfADayAndSecondIsThatMomentInUTC() {
        let day = CalendarDate(year: 2026, month: 11, day: 13)!
        #expect(StoredTime(day: day, second: 8 * 3_600).text == "2026-11-13 08:00:00.000")
        #expect(StoredTime(day: day, second: 86_399).text == "2026-11-13 23:59:59.000")
        // A second past the day's end is the next day: on 28 February of a leap year, 29 February
        let leap = CalendarDate(year: 2028, month: 2, day: 28)!
        #expect(StoredTime(day: leap, second: 86_400 + 3_661).text == "2028-02-29 01:01:01.000")
        // The same moment as a date gives the same text
        let date = Date(timeIntervalSince1970: 1_794_556_800)
        #expect(StoredTime(date).text == "2026-11-13 08:00:00.000")
    }

    // MARK: - Answers as JSON

    /// Text with what JSON escapes (quotes, backslashes, slashes, control characters) and what it leaves alone
    /// (accents, emoji, line separators).
    static let awkwardText = Gen<String?>.element(
        of: [
            "a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}",
            "é", "€", "💶", "\u{2028}", "\u{2029}", "<", "&", "'", "e\u{301}",
        ]
    ).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }

    @Test func anAnswersJSONIsWhatJSONEncoderWritesForIt() async {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decoder = JSONDecoder()
        await propertyCheck(
            count: 2000, input: Self.awkwardText, Gen.int64(in: -99_999_999...99_999_999), Gen.int(in: 0...4),
            Gen.int(in: 0...9)
        ) { text, number, scale, kind in
            let decimal = Decimal(number) / pow(Decimal(10), scale)
            let values: [AnswerValue] = [
                .text(text), .number(decimal), .percent(decimal), .scale(Int(number % 11)), .choice(text),
                .choices([text, "b/c"]), .yesNo(number % 2 == 0), .months(Int(number % 1_000)),
                .date(CalendarDate(year: 2026, month: 1 + Int(abs(number) % 12), day: 1)!),
                .money(
                    Money(minorUnits: number, currency: .eur),
                    period: [MoneyPeriod.year, .quarter, .month, .oneTime, nil][Int(abs(number) % 5)]),
            ]
            let value = values[kind]
            let stored = AnswerTable.json(value)
            let encoded = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
            #expect(stored == encoded)
            #expect((try? decoder.decode(AnswerValue.self, from: Data(stored.utf8))) == value)
        }
    }

    // MARK: - quarter()

    @Test func sqlsQuarterFunctionNumbersTheQuarterOfADay() throws {
        let store = try WinLossStore.inMemory()
        let rows = try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT quarter('2026-01-01'), quarter('2026-03-31'), quarter('2026-04-01'), quarter('2026-12-31'),
                           quarter(NULL), quarter('2026'), quarter('soon-ish'), quarter('2026-13-01'), quarter(20260101)
                    """)
        }
        let row = try #require(rows.first)
        #expect((0..<4).map { row[$0] as Int? } == [20261, 20261, 20262, 20264])
        // Not a day: NULL, never a guess
        #expect((4..<9).allSatisfy { (row[$0] as DatabaseValue).isNull })
        #expect(QuarterRange(number: 20264).description == "2026Q4")
    }

    // MARK: - One writer

    /// Every table is inserted into from one place in the library: the table writers, or (for the derived and
    /// full-text tables) the schema and the codebook's rebuild.
    @Test func everyTableHasOneInsertStatementInTheSources() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var inserts: [String: [String]] = [:]
        let pattern = /INSERT(?: OR IGNORE)? INTO (\w+)/
        for case let url as URL in files where url.pathExtension == "swift" {
            // The schema's migrations and triggers are frozen SQL, not writers.
            guard url.lastPathComponent != "Schema.swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: pattern) {
                inserts[String(match.output.1), default: []].append(url.lastPathComponent)
            }
        }
        #expect(inserts.filter { $0.value.count > 1 } == [:])
        for table in [
            "person", "account", "contact", "deal", "dealCompetitor", "dealContact", "dealAttribute",
            "interview", "interviewNote", "answer", "answerChoice", "answerTag", "answerRevision", "code", "theme",
        ] {
            #expect(inserts[table]?.first?.hasSuffix("Table.swift") == true, "\(table): \(inserts[table] ?? [])")
        }
    }
}
