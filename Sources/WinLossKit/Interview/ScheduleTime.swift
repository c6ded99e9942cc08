import Foundation

/// Times of day for interviews, always with their zone: typed in one (the local zone unless the text or
/// `--time-zone` names another), stored as instants, shown in the reader's zone with its offset.
public enum ScheduleTime {
    /// `2026-12-01 14:00` (in `timeZone`), `2026-12-01T14:00:00+01:00`, `2026-12-01T13:00Z`.
    public static func parse(_ input: String, timeZone: TimeZone) -> Date? {
        var text = input.trimmed
        guard text.count >= 16 else { return nil }
        var zone = timeZone
        if text.hasSuffix("Z") || text.hasSuffix("z") {
            zone = TimeZone(secondsFromGMT: 0) ?? timeZone
            text.removeLast()
        } else if text.count >= 22, let sign = text[text.index(text.endIndex, offsetBy: -6)...].first,
            sign == "+" || sign == "-"
        {
            let offset = String(text.suffix(5))
            let parts = offset.split(separator: ":")
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else { return nil }
            zone = TimeZone(secondsFromGMT: (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)) ?? timeZone
            text.removeLast(6)
        }
        let date = String(text.prefix(10))
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == " " || separator == "T", let day = CalendarDate(iso: date) else { return nil }
        let clock = text.dropFirst(11).split(separator: ":")
        guard (2...3).contains(clock.count), let hour = Int(clock[0]), let minute = Int(clock[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) ?? -1 : 0
        guard (0...59).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(
            from: DateComponents(
                year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second))
    }

    /// `2026-12-01 14:00 +01:00`.
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day =
            CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)?.description ?? "?"
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600
        let minutes = abs(offset) % 3600 / 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(day) \(two(parts.hour ?? 0)):\(two(parts.minute ?? 0)) \(sign)\(two(hours)):\(two(minutes))"
    }
}
