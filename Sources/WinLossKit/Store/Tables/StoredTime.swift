import Foundation
import GRDB

/// A moment as the store writes it: UTC text to the millisecond (`2026-11-13 08:00:00.000`), the format GRDB
/// reads back as a `Date` and SQLite's date functions understand.
///
/// Every table writer stamps rows with these. They are written digit by digit rather than with a
/// `DateFormatter` (which GRDB uses for `Date`), because an import or a generated programme writes millions of
/// them; the text is the same, which a test checks against GRDB's own.
package struct StoredTime: Sendable, Hashable, DatabaseValueConvertible {
    package let text: String

    /// `date`, to the nearest millisecond, rounded exactly as GRDB's `DateFormatter` rounds (from the time since
    /// 2001, which is what a `Date` holds, in the same floating-point steps).
    package init(_ date: Date) {
        let milliseconds = Int(((date.timeIntervalSinceReferenceDate + 978_307_200) * 1_000 + 0.5).rounded(.down))
        let (days, rest) = Self.floorDivision(milliseconds, 86_400_000)
        self.init(day: CalendarDate(daysSince1970: days), millisecond: rest)
    }

    /// `second` seconds after the start of `day`, UTC (more than a day's worth moves to the next days).
    package init(day: CalendarDate, second: Int) {
        let (days, rest) = Self.floorDivision(second, 86_400)
        self.init(day: day.adding(days: days), millisecond: rest * 1_000)
    }

    private init(day: CalendarDate, millisecond: Int) {
        text = String(unsafeUninitializedCapacity: 23) { buffer in
            func put(_ value: Int, width: Int, at position: Int) {
                var value = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[position + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            let second = millisecond / 1_000
            put(min(max(day.year, 0), 9_999), width: 4, at: 0)
            put(day.month, width: 2, at: 5)
            put(day.day, width: 2, at: 8)
            put(second / 3_600, width: 2, at: 11)
            put(second / 60 % 60, width: 2, at: 14)
            put(second % 60, width: 2, at: 17)
            put(millisecond % 1_000, width: 3, at: 20)
            buffer[4] = UInt8(ascii: "-")
            buffer[7] = UInt8(ascii: "-")
            buffer[10] = UInt8(ascii: " ")
            buffer[13] = UInt8(ascii: ":")
            buffer[16] = UInt8(ascii: ":")
            buffer[19] = UInt8(ascii: ".")
            return 23
        }
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    package var databaseValue: DatabaseValue { text.databaseValue }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredTime? {
        String.fromDatabaseValue(dbValue).map { StoredTime(text: $0) }
    }

    private init(text: String) { self.text = text }
}
