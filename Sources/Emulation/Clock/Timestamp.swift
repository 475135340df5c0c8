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
        var scanner = ASCIIScanner(text)
        guard let year = scanner.digits(4), scanner.skip(anyOf: "-"), let month = scanner.digits(2), scanner.skip(anyOf: "-"),
            let day = scanner.digits(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if !scanner.isAtEnd {
            guard scanner.skip(anyOf: "Tt "), let h = scanner.digits(2), scanner.skip(anyOf: ":"), let m = scanner.digits(2),
                scanner.skip(anyOf: ":"), let s = scanner.digits(2), h < 24, m < 60, s < 61
            else { return nil }
            (hour, minute, second) = (h, m, s)
            if scanner.skip(anyOf: ".") {
                guard let digits = scanner.fraction() else { return nil }
                fraction = digits
            }
            if scanner.skip(anyOf: "Zz") {
                // UTC
            } else if let sign = scanner.sign() {
                guard let offsetHours = scanner.digits(2) else { return nil }
                _ = scanner.skip(anyOf: ":")
                guard let offsetMinutes = scanner.digits(2) else { return nil }
                offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
            } else {
                return nil
            }
        }
        guard scanner.isAtEnd else { return nil }
        let days = UTCDateTime.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day))
        let epoch = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: Double(epoch - Int64(offsetSeconds)) + fraction)
    }
}
