import Foundation

/// Where "now" comes from: the system's time, or a fixed one for tests, demos and reproducible samples.
public struct Clock: Sendable {
    package let now: @Sendable () -> Date

    package init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The system's time.
    public static let system = Clock { Date() }

    /// Always `date`.
    package static func fixed(_ date: Date) -> Clock { Clock { date } }

    /// The calendar day it is now in `timeZone`.
    package func today(in timeZone: TimeZone) -> CalendarDate {
        CalendarDate.today(in: timeZone, now: now())
    }
}
