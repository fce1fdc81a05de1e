import Foundation
import GongbuCore

/// A date as an author wrote it in front matter or a file name.
///
/// Keeps the calendar date and time the author typed (for display) and the instant it denotes
/// (for sorting and feeds). Without an offset, the time is taken as UTC.
public struct NoteDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Offset from UTC in seconds, when one was written and valid.
    public var offsetSeconds: Int?
    /// False for a plain calendar date (`2024-03-02`).
    public var hasTime: Bool

    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetSeconds: Int? = nil,
        hasTime: Bool? = nil
    ) {
        self.hasTime = hasTime ?? (hour != 0 || minute != 0 || second != 0 || offsetSeconds != nil)
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetSeconds = offsetSeconds
    }

    /// Seconds since 1970 of the instant this date names.
    public var timeIntervalSince1970: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second - (offsetSeconds ?? 0)
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(timeIntervalSince1970)) }

    /// `2024-03-02`
    public var isoDay: String {
        NumberText.padded(year, 4) + "-" + NumberText.padded(month, 2) + "-" + NumberText.padded(day, 2)
    }

    /// For HTML `<time datetime>`: the day alone when no time was written, else RFC 3339.
    public var htmlDateTime: String { hasTime ? rfc3339 : isoDay }

    /// RFC 3339 in the author's offset (or UTC): `2024-03-02T13:00:00+09:00`.
    public var rfc3339: String {
        var text = isoDay + "T" + NumberText.padded(hour, 2) + ":" + NumberText.padded(minute, 2) + ":" + NumberText.padded(second, 2)
        if let offset = offsetSeconds, offset != 0 {
            let sign = offset < 0 ? "-" : "+"
            let magnitude = abs(offset)
            text += sign + NumberText.padded(magnitude / 3600, 2) + ":" + NumberText.padded((magnitude % 3600) / 60, 2)
        } else {
            text += "Z"
        }
        return text
    }

    public static func < (lhs: NoteDate, rhs: NoteDate) -> Bool {
        lhs.timeIntervalSince1970 < rhs.timeIntervalSince1970
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        default:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        }
    }

    /// The outcome of reading a date: a value, maybe with a warning about what was ignored.
    public struct ParseResult: Sendable, Hashable {
        public var date: NoteDate?
        public var warning: String?
    }

    /// Reads `2024-03-02`, `2024-03-02 13:00`, `2024-03-02T13:00:00.5+09:00`, `…Z`, `… +0900`.
    ///
    /// Real time zones lie between -12:00 and +14:00; an offset outside that range
    /// (`+18:00`) is ignored with a warning rather than failing the build.
    public static func parse(_ raw: String) -> ParseResult {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var scanner = DateScanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.skip(0x2D),
            let month = scanner.digits(1...2), scanner.skip(0x2D),
            let day = scanner.digits(1...2)
        else {
            return ParseResult(date: nil, warning: "'\(raw)' is not a date (expected YYYY-MM-DD, optionally with a time)")
        }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else {
            return ParseResult(date: nil, warning: "'\(raw)' is not a valid calendar date")
        }
        var result = NoteDate(year: year, month: month, day: day)
        if scanner.atEnd { return ParseResult(date: result) }
        guard scanner.skip(0x54) || scanner.skip(0x74) || scanner.skipSpaces(),
            let hour = scanner.digits(1...2), scanner.skip(0x3A), let minute = scanner.digits(2)
        else {
            return ParseResult(date: nil, warning: "'\(raw)' has a time that cannot be read (expected HH:MM or HH:MM:SS)")
        }
        var second = 0
        if scanner.skip(0x3A) {
            guard let value = scanner.digits(2) else {
                return ParseResult(date: nil, warning: "'\(raw)' has seconds that cannot be read")
            }
            second = value
            if scanner.skip(0x2E) || scanner.skip(0x2C) { _ = scanner.digits(1...9) }
        }
        guard hour <= 23, minute <= 59, second <= 60 else {
            return ParseResult(date: nil, warning: "'\(raw)' has an impossible time of day")
        }
        result.hasTime = true
        result.hour = hour
        result.minute = minute
        result.second = min(second, 59)
        _ = scanner.skipSpaces()
        if scanner.atEnd { return ParseResult(date: result) }
        if scanner.skip(0x5A) || scanner.skip(0x7A) {
            result.offsetSeconds = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(1...2) else {
                return ParseResult(date: result, warning: "'\(raw)' has a time zone offset that cannot be read; it is ignored")
            }
            _ = scanner.skip(0x3A)
            let minutes = scanner.digits(2) ?? 0
            let offset = sign * (hours * 3600 + minutes * 60)
            if minutes > 59 || offset < -12 * 3600 || offset > 14 * 3600 {
                let written = (sign < 0 ? "-" : "+") + String(format: "%02d:%02d", hours, minutes)
                result.offsetSeconds = nil
                return ParseResult(
                    date: result,
                    warning:
                        "time zone offset \(written) in '\(raw)' is impossible (real offsets lie between -12:00 and +14:00); it is ignored and the time is read as UTC"
                )
            }
            result.offsetSeconds = offset
        }
        guard scanner.atEnd else {
            return ParseResult(date: result, warning: "'\(raw)' has trailing text after the date; it is ignored")
        }
        return ParseResult(date: result)
    }
}

/// A tiny cursor over ASCII bytes for `NoteDate.parse`.
private struct DateScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        return index > start
    }

    mutating func sign() -> Int? {
        if skip(0x2B) { return 1 }
        if skip(0x2D) { return -1 }
        return nil
    }

    mutating func digits(_ count: Int) -> Int? { digits(count...count) }

    mutating func digits(_ range: ClosedRange<Int>) -> Int? {
        var value = 0
        var length = 0
        while index < bytes.count, length < range.upperBound, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            length += 1
        }
        return length >= range.lowerBound ? value : nil
    }
}
