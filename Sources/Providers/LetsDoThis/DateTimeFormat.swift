import Foundation
import Emulation

/// Ajv's `date-time` format as Fastify validates it (spec §4.2): `YYYY-MM-DD`, then `T`, `t` or
/// one space, `hh:mm:ss`, an optional fraction of any length and a zone (`Z`, `z`, `±hh`,
/// `±hh:mm` or `±hhmm`); the date must exist in the calendar.
enum DateTimeFormat {
    /// The instant in milliseconds since the epoch (fraction kept), or nil when not a date-time.
    /// With `zoneOptional`, a value without zone is read as UTC (`LDT_LENIENT_DATETIME`).
    static func milliseconds(_ text: String, zoneOptional: Bool = false) -> Double? {
        let bytes = Array(text.utf8)
        var position = 0
        func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += count
            return value
        }
        func skip(_ allowed: String) -> Bool {
            guard position < bytes.count, allowed.utf8.contains(bytes[position]) else { return false }
            position += 1
            return true
        }

        guard let year = digits(4), skip("-"), let month = digits(2), skip("-"), let day = digits(2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            skip("Tt "), let hour = digits(2), skip(":"), let minute = digits(2), skip(":"), let second = digits(2),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var fraction = 0.0
        if skip(".") {
            var scale = 0.1
            let start = position
            while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
                fraction += Double(bytes[position] - 0x30) * scale
                scale /= 10
                position += 1
            }
            guard position > start else { return nil }
        }
        var offsetMinutes = 0
        if skip("Zz") {
            // UTC
        } else if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
            position += 1
            guard let hours = digits(2), hours <= 23 else { return nil }
            var minutes = 0
            if position < bytes.count {
                _ = skip(":")
                guard let value = digits(2), value <= 59 else { return nil }
                minutes = value
            }
            offsetMinutes = sign * (hours * 60 + minutes)
        } else if !zoneOptional {
            return nil
        }
        guard position == bytes.count else { return nil }

        let days = Int(UTCDateTime.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day)))
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60)
        return (seconds + fraction) * 1000
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
