/// A calendar quarter, `2026Q1`: the days from its first to its last.
public struct QuarterRange: Sendable, Equatable, CustomStringConvertible {
    package let year: Int
    package let quarter: Int

    public init?(_ text: String) {
        let upper = text.trimmed.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = upper.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let quarter = Int(parts[1]),
            (1...4).contains(quarter)
        else {
            return nil
        }
        self.init(year: year, quarter: quarter)
    }

    package init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    package init(_ date: CalendarDate) {
        self.init(year: date.year, quarter: date.quarter)
    }

    public var first: CalendarDate { CalendarDate(uncheckedYear: year, month: (quarter - 1) * 3 + 1, day: 1) }

    public var last: CalendarDate {
        let month = quarter * 3
        return CalendarDate(uncheckedYear: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }

    public var description: String { "\(year)Q\(quarter)" }

    /// The quarter as SQL's `quarter()` gives it: `20263` for 2026Q3, cheaper to group and compare than text.
    var number: Int { year * 10 + quarter }

    /// The quarter of a number SQL's `quarter()` gave.
    init(number: Int) {
        self.init(year: number / 10, quarter: number % 10)
    }
}
