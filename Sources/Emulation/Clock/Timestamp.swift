import Foundation

/// ISO 8601 timestamps in UTC, written and read without Foundation's slow formatters.
public enum Timestamp {
    /// `2024-06-15T20:00:00.000Z` (milliseconds, `Z`).
    public static func iso8601Milliseconds(_ date: Date) -> String {
        format(date, fractionDigits: 3)
    }

    /// `2024-06-15T20:00:00Z` (whole seconds, `Z`).
    public static func iso8601Seconds(_ date: Date) -> String {
        format(date, fractionDigits: 0)
    }

    /// The instants a four-digit year can write: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z.
    public static let representableRange: ClosedRange<Date> =
        Date(timeIntervalSince1970: -62_135_596_800)...Date(timeIntervalSince1970: 253_402_300_799.999)

    private static func format(_ date: Date, fractionDigits: Int) -> String {
        // Clamped, so no input can make formatting trap on a non-finite or huge value.
        let range = representableRange
        let instant = date.timeIntervalSince1970.isNaN ? 0 : date.timeIntervalSince1970
        let clamped = min(max(instant, range.lowerBound.timeIntervalSince1970), range.upperBound.timeIntervalSince1970)
        let milliseconds = Int64((clamped * 1000).rounded(.down))
        return UTCDateTime(milliseconds: milliseconds).text(dateSeparator: "T", fraction: fractionDigits == 3, offset: "Z")
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`; also a bare date `YYYY-MM-DD` (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var position = 0

        func number(_ width: Int) -> Int? {
            guard position + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + width] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += width
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard position < bytes.count, bytes[position] == character.asciiValue else { return false }
            position += 1
            return true
        }

        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if position < bytes.count {
            guard expect("T") || expect("t") || expect(" "), let h = number(2), expect(":"), let m = number(2),
                expect(":"), let s = number(2), h < 24, m < 60, s < 61
            else { return nil }
            (hour, minute, second) = (h, m, s)
            if expect(".") {
                var scale = 0.1
                let start = position
                while position < bytes.count, let digit = Int(String(UnicodeScalar(bytes[position]))) {
                    fraction += Double(digit) * scale
                    scale /= 10
                    position += 1
                }
                guard position > start else { return nil }
            }
            if expect("Z") || expect("z") {
                // UTC
            } else if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
                position += 1
                guard let offsetHours = number(2) else { return nil }
                _ = expect(":")
                guard let offsetMinutes = number(2) else { return nil }
                offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
            } else {
                return nil
            }
        }
        guard position == bytes.count else { return nil }
        let days = UTCDateTime.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day))
        let epoch = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: Double(epoch - Int64(offsetSeconds)) + fraction)
    }
}
