/// A UTC calendar date and time of day, computed from milliseconds since the epoch without
/// Foundation or libc: list pages write several timestamps per record, thousands per page, so
/// this is on the hot path. Years are clamped to 1…9999, so every value has the four-digit form.
public struct UTCDateTime: Sendable {
    public let year: Int64
    public let month: Int64
    public let day: Int64
    public let hour: Int64
    public let minute: Int64
    public let second: Int64
    public let millisecond: Int64

    /// The proleptic Gregorian date of `milliseconds` (days-from-civil inverted, after Howard Hinnant).
    public init(milliseconds: Int64) {
        // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z.
        let clamped = min(max(milliseconds, -62_135_596_800_000), 253_402_300_799_999)
        let (days, dayMilliseconds) = clamped.floorDividedWithRemainder(by: 86_400_000)
        hour = dayMilliseconds / 3_600_000
        minute = dayMilliseconds / 60_000 % 60
        second = dayMilliseconds / 1000 % 60
        millisecond = dayMilliseconds % 1000
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days-from-civil).
    /// Out-of-range days roll over as `timegm` does: February 30 is March 1 or 2.
    public static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD<separator>HH:MM:SS[.mmm]<offset>`.
    public func text(dateSeparator: Character, fraction: Bool, offset: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        append(to: &bytes, dateSeparator: Array(String(dateSeparator).utf8), fraction: fraction, offset: Array(offset.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same text appended to `bytes` as UTF-8, for writers that build a response in place.
    public func append(to bytes: inout [UInt8], dateSeparator: [UInt8], fraction: Bool, offset: [UInt8]) {
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var remaining = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor))
                remaining %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(contentsOf: dateSeparator)
        digits(hour, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(minute, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(second, 2)
        if fraction {
            bytes.append(UInt8(ascii: "."))
            digits(millisecond, 3)
        }
        bytes.append(contentsOf: offset)
    }
}

extension Int64 {
    /// Quotient rounded towards minus infinity, and the matching non-negative remainder.
    func floorDividedWithRemainder(by divisor: Int64) -> (Int64, Int64) {
        let quotient = self / divisor
        let remainder = self % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
