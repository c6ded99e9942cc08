import Foundation

/// An iCalendar file (RFC 5545) of all-day events.
///
/// Written to the letter so that any calendar imports it: CRLF line ends; content lines folded so that none is
/// longer than 75 octets, never inside a UTF-8 sequence; TEXT values escaped (backslash, semicolon, comma and
/// newline) and stripped of the control characters TEXT may not hold. An event keeps its UID from one export to
/// the next, so that importing a new export updates the events of the last one instead of adding copies.
public struct ICalendar {
    package struct Event: Sendable, Equatable {
        /// Globally unique and stable: the same callback always has the same UID.
        package var uid: String
        /// The day of the event; it lasts the whole day.
        package var day: CalendarDate
        package var summary: String
        package var description: String
        package var categories: [String]
        /// Goes up each time the event changes, so that calendars take the newer copy.
        package var sequence: Int
        /// A cancelled event is removed by calendars that had imported it.
        package var cancelled: Bool

        package init(
            uid: String, day: CalendarDate, summary: String, description: String, categories: [String] = [],
            sequence: Int = 0, cancelled: Bool = false
        ) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.description = description
            self.categories = categories
            self.sequence = sequence
            self.cancelled = cancelled
        }
    }

    package var name: String
    package var events: [Event]

    package init(name: String, events: [Event]) {
        self.name = name
        self.events = events
    }

    /// The file's text. `stamp` is when it was made (DTSTAMP, in UTC).
    public func text(stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//winloss//callbacks//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escaped(name),
        ]
        let dateStamp = Self.timestamp(stamp)
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + Self.escaped(event.uid),
                "DTSTAMP:" + dateStamp,
                "DTSTART;VALUE=DATE:" + Self.day(event.day),
                "DTEND;VALUE=DATE:" + Self.day(event.day.adding(days: 1)),
                "SEQUENCE:\(event.sequence)",
                "SUMMARY:" + Self.escaped(event.summary),
                "DESCRIPTION:" + Self.escaped(event.description),
            ]
            if !event.categories.isEmpty {
                lines.append("CATEGORIES:" + event.categories.map(Self.escaped).joined(separator: ","))
            }
            lines += [
                "STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"), "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined()
    }

    /// A TEXT value (RFC 5545 section 3.3.11): cleaned like HTML text (line breaks unified, controls and bidi
    /// overrides, which TEXT may not hold or which would disguise it, dropped), then `\` `;` `,` escaped and each
    /// line break written `\n`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in HTMLText.cleaned(text).unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One content line, folded (RFC 5545 section 3.1): at most 75 octets per line, continuation lines starting
    /// with a space, never splitting a character's UTF-8 bytes; each line ends with CRLF.
    static func folded(_ line: String) -> String {
        var result = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > limit, octets > 0 {
                result += "\r\n "
                octets = 0
                limit = 74  // the leading space counts
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result + "\r\n"
    }

    private static func day(_ date: CalendarDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// `20260112T093000Z`: the basic ISO 8601 form RFC 5545 uses, in UTC.
    private static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter.string(
            from: date, timeZone: TimeZone(identifier: "UTC") ?? .current,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone])
    }
}
