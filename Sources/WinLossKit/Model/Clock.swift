import Foundation

/// Where "now" comes from: the system's time, or a fixed one for tests, demos and reproducible samples.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The system's time.
    public static let system = Clock { Date() }

    /// Always `date`.
    public static func fixed(_ date: Date) -> Clock { Clock { date } }

    /// The calendar day it is now in `timeZone`.
    public func today(in timeZone: TimeZone) -> CalendarDate {
        CalendarDate.today(in: timeZone, now: now())
    }
}
