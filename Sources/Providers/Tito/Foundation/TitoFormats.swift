import Emulation
import Foundation

/// How Tito writes values (spec §4): timestamps with milliseconds and a `+00:00` offset, money as
/// decimal strings, dates and times of day. Timestamps are stored as milliseconds since the epoch,
/// money as hundredths (cents), dates as `YYYY-MM-DD` and times of day as `HH:MM`.
enum TitoFormats {
    /// `2018-11-01T11:55:45.000+00:00`.
    static func timestamp(milliseconds: Int64) -> String {
        UTCDateTime(milliseconds: milliseconds).text(dateSeparator: "T", fraction: true, offset: "+00:00")
    }

    /// The registration `expires_at` form: `2018-11-12 13:50:44 +0000` (`railsTime` writes it in views).
    static func railsTimestamp(milliseconds: Int64) -> String {
        UTCDateTime(milliseconds: milliseconds).text(dateSeparator: " ", fraction: false, offset: " +0000")
    }

    static func milliseconds(_ date: Date) -> Int64 { date.millisecondsSince1970 }

    /// Parses a timestamp as clients send it (spec §7.1): ISO 8601 with `Z` or an offset, a
    /// space instead of `T`, a trailing ` UTC` (the documented `+UTC` as a query string decodes
    /// it) or a literal `+UTC` (the same value percent-encoded by the client), a bare date.
    /// Without a zone the time is read as UTC, the time zone every emulated event lives in.
    static func parseTimestamp(_ text: String) -> Int64? {
        var value = text.trimmingWhitespace()
        for suffix in [" UTC", "+UTC", "UTC", " utc", "+utc"] where value.hasSuffix(suffix) {
            value = String(value.dropLast(suffix.count)).trimmingWhitespace() + "Z"
            break
        }
        if let date = Timestamp.parse(value) { return milliseconds(date) }
        if let date = Timestamp.parse(value + "Z") { return milliseconds(date) }
        return nil
    }

    /// Money as ActiveSupport writes a BigDecimal: at least one fractional digit, no trailing zeros.
    static func money(cents: Int64) -> String {
        var json = JSONBuilder(capacity: 32)
        json.hundredths(cents, quoted: false)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A decimal given as a number or a string (`"50.0"`, `"0.25e2"`, `12.5`) in hundredths,
    /// rounded half-up; nil when it is not a number.
    static func cents(_ value: JSONValue) -> Int64? {
        switch value {
        case .int(let number): return number.multipliedReportingOverflow(by: 100).overflow ? nil : number * 100
        case .double(let number): return cents(decimal: Decimal(number))
        case .string(let text):
            if let cents = plainCents(text) { return cents }
            let trimmed = text.trimmingWhitespace()
            guard !trimmed.isEmpty, trimmed.allSatisfy({ "0123456789.eE+-".contains($0) }),
                let decimal = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
            else { return nil }
            return cents(decimal: decimal)
        default: return nil
        }
    }

    /// `123`, `123.4` or `123.45` (how money is stored and usually sent) in hundredths, without
    /// Foundation's decimal parser; nil for anything else, which `cents(_:)` then parses in full.
    private static func plainCents(_ text: String) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDigit = false
        var seenPoint = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint, seenDigit else { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let digit = Int64(byte - UInt8(ascii: "0"))
                if seenPoint {
                    guard fractionDigits < 2 else { return nil }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else {
                    guard whole < 100_000_000_000 else { return nil }
                    whole = whole * 10 + digit
                }
                seenDigit = true
            } else {
                return nil
            }
        }
        guard seenDigit, !seenPoint || fractionDigits > 0 else { return nil }
        return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
    }

    private static func cents(decimal: Decimal) -> Int64? {
        guard !decimal.isNaN, abs(decimal) < Decimal(90_000_000_000_000) else { return nil }
        var scaled = decimal * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// `YYYY-MM-DD`, checked as a real calendar date.
    static func isDate(_ text: String) -> Bool {
        guard text.count == 10, let date = Timestamp.parse(text) else { return false }
        return Timestamp.iso8601Seconds(date).hasPrefix(text)
    }

    /// A time of day as `HH:MM`; also accepts `HH:MM:SS` and a full timestamp (its time part).
    static func timeOfDay(_ text: String) -> String? {
        let value = text.trimmingWhitespace()
        if let milliseconds = parseTimestamp(value), value.count > 8 {
            return String(timestamp(milliseconds: milliseconds).dropFirst(11).prefix(5))
        }
        let parts = value.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute), parts[1].count == 2
        else { return nil }
        return (hour < 10 ? "0" : "") + "\(hour):" + parts[1]
    }

    /// Milliseconds at midnight UTC of a `YYYY-MM-DD` date plus an optional `HH:MM`.
    static func instant(date: String, time: String?) -> Int64? {
        guard let day = Timestamp.parse(date) else { return nil }
        var milliseconds = self.milliseconds(day)
        if let time, let hour = Int(time.prefix(2)), let minute = Int(time.dropFirst(3).prefix(2)) {
            milliseconds += Int64(hour * 3600 + minute * 60) * 1000
        }
        return milliseconds
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    static func date(_ instant: Date) -> String {
        String(Timestamp.iso8601Seconds(instant).prefix(10))
    }
}

/// How views write Tito's stored values (spec §4).
extension TitoFormats {
    /// A time column: `2018-11-01T11:55:45.000+00:00`.
    static let time = ColumnFormat.utcTimestamp(dateSeparator: "T", fraction: true, offset: "+00:00")

    /// The registration `expires_at` form: `2018-11-12 13:50:44 +0000`.
    static let railsTime = ColumnFormat.utcTimestamp(dateSeparator: " ", fraction: false, offset: " +0000")

    /// A column of hundredths as a money string, `"100.0"`.
    static let moneyString = ColumnFormat.hundredths(quoted: true)

    /// The same as a JSON number, `100.0`: how the live service (API 3.1) writes `price`,
    /// `total`, `price_ex_tax` and `total_less_tax` (see `TitoPrincipal.moneyAsNumbers`).
    static let moneyNumber = ColumnFormat.hundredths(quoted: false)
}
