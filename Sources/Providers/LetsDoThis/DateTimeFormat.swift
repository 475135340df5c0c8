import Foundation
import Emulation

/// Ajv's `date-time` format as Fastify validates it (spec §4.2): `YYYY-MM-DD`, then `T`, `t` or
/// one space, `hh:mm:ss`, an optional fraction of any length and a zone (`Z`, `z`, `±hh`,
/// `±hh:mm` or `±hhmm`); the date must exist in the calendar.
enum DateTimeFormat {
    /// The instant in milliseconds since the epoch (fraction kept), or nil when not a date-time.
    /// With `zoneOptional`, a value without zone is read as UTC (`LDT_LENIENT_DATETIME`).
    static func milliseconds(_ text: String, zoneOptional: Bool = false) -> Double? {
        var scanner = ASCIIScanner(text)
        guard let year = scanner.digits(4), scanner.skip(anyOf: "-"), let month = scanner.digits(2), scanner.skip(anyOf: "-"),
            let day = scanner.digits(2), (1...12).contains(month), day >= 1, day <= UTCDateTime.daysIn(month: Int64(month), year: Int64(year)),
            scanner.skip(anyOf: "Tt "), let hour = scanner.digits(2), scanner.skip(anyOf: ":"), let minute = scanner.digits(2),
            scanner.skip(anyOf: ":"), let second = scanner.digits(2), hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var fraction = 0.0
        if scanner.skip(anyOf: ".") {
            guard let digits = scanner.fraction() else { return nil }
            fraction = digits
        }
        var offsetMinutes = 0
        if scanner.skip(anyOf: "Zz") {
            // UTC
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(2), hours <= 23 else { return nil }
            var minutes = 0
            if !scanner.isAtEnd {
                _ = scanner.skip(anyOf: ":")
                guard let value = scanner.digits(2), value <= 59 else { return nil }
                minutes = value
            }
            offsetMinutes = sign * (hours * 60 + minutes)
        } else if !zoneOptional {
            return nil
        }
        guard scanner.isAtEnd else { return nil }

        let days = Int(UTCDateTime.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day)))
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60)
        return (seconds + fraction) * 1000
    }
}
