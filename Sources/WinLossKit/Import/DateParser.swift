import Foundation

/// Whether a date written with slashes puts the month or the day first: `3/4/2026` is 4 March in the US and
/// 3 April in most other places.
public enum DateOrder: String, Sendable, CaseIterable {
    case monthFirst = "mdy"
    case dayFirst = "dmy"
}

/// Reads the date forms CRM exports hold: ISO dates (`2026-03-04`, also with a time after them), `M/D/YYYY`
/// or `D/M/YYYY`, `D.M.YYYY`, two-digit years, and English month names (`4 Mar 2026`, `March 4, 2026`).
///
/// A timestamp's date is taken as written: the export wrote it in its own zone, and the CRM's day is the day
/// that counts.
package struct DateParser: Sendable {
    package var order: DateOrder

    package init(order: DateOrder = .monthFirst) {
        self.order = order
    }

    package func parse(_ input: String) -> Result<CalendarDate, Failure> {
        let text = input.trimmed
        guard !text.isEmpty else { return .failure(.empty) }
        // ISO 8601, with an optional time: "2026-03-04", "2026-03-04 10:23", "2026-03-04T10:23:00Z".
        if text.count >= 10, let date = CalendarDate(iso: text.prefix(10)),
            text.count == 10 || [" ", "T", "t"].contains(text[text.index(text.startIndex, offsetBy: 10)])
        {
            return .success(date)
        }
        let bytes = Array(text.utf8)
        let datePart = bytes.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "T") }
        for separator in [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "-")] where datePart.contains(separator) {
            let parts = datePart.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4 || parts[2].count == 2, parts[0].count <= 2,
                parts[1].count <= 2,
                let first = CalendarDate.number(parts[0]), let second = CalendarDate.number(parts[1]),
                let rawYear = CalendarDate.number(parts[2])
            else { break }
            let year = parts[2].count == 2 ? (rawYear < 70 ? 2000 + rawYear : 1900 + rawYear) : rawYear
            // Dots are day-first wherever they are used (15.03.2026).
            let dayFirst = separator == UInt8(ascii: ".") || order == .dayFirst
            let (day, month) = dayFirst ? (first, second) : (second, first)
            if let date = CalendarDate(year: year, month: month, day: day) { return .success(date) }
            if !dayFirst, first > 12, second <= 12, CalendarDate(year: year, month: second, day: first) != nil {
                return .failure(.looksDayFirst(text))
            }
            if dayFirst, second > 12, first <= 12, CalendarDate(year: year, month: first, day: second) != nil {
                return .failure(.looksMonthFirst(text))
            }
            return .failure(.notADate(text, order))
        }
        if let date = parseMonthName(text) { return .success(date) }
        return .failure(.notADate(text, order))
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case notADate(String, DateOrder)
        case looksDayFirst(String)
        case looksMonthFirst(String)

        package var message: String {
            switch self {
            case .empty:
                "no date given"
            case .notADate(let text, let order):
                "\(text.debugDescription) is not a date (expected YYYY-MM-DD or \(order == .monthFirst ? "M/D/YYYY" : "D/M/YYYY"))"
            case .looksDayFirst(let text):
                "\(text.debugDescription) is not a M/D/YYYY date"
            case .looksMonthFirst(let text):
                "\(text.debugDescription) is not a D/M/YYYY date"
            }
        }

        /// Reading the file's dates the other way round, when they look written that way.
        package var remedy: Remedy? {
            switch self {
            case .looksDayFirst: .readDayFirst
            case .looksMonthFirst: .readMonthFirst
            case .empty, .notADate: nil
            }
        }

        package var description: String { message }
    }

    private static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        ]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// `4 Mar 2026`, `4-Mar-2026`, `March 4, 2026`, `Mar 4 2026`.
    private func parseMonthName(_ text: String) -> CalendarDate? {
        let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "." })
        guard tokens.count == 3 else { return nil }
        var month: Int?
        var numbers: [Substring] = []
        for token in tokens {
            if let value = DateParser.months[String(token)] { month = value } else { numbers.append(token) }
        }
        guard let month, numbers.count == 2 else { return nil }
        let yearToken = numbers.first(where: { $0.count == 4 }) ?? numbers[1]
        let dayToken = numbers.first(where: { $0 != yearToken }) ?? numbers[0]
        guard yearToken.count == 4, let year = Int(yearToken), let day = Int(dayToken) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
