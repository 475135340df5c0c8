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
        let digits = [UInt8](unsafeUninitializedCapacity: 23) { buffer, count in
            count = writeDigits(to: buffer.baseAddress!, dateSeparator: dateSeparator.asciiValue ?? UInt8(ascii: "T"), fraction: fraction)
        }
        return String(decoding: digits, as: UTF8.self) + offset
    }

    /// Writes `YYYY-MM-DD<separator>HH:MM:SS[.mmm]` at `output` (room for 23 bytes), returning
    /// how many bytes it wrote: for writers that build a response in place (list pages write
    /// thousands of timestamps).
    func writeDigits(to output: UnsafeMutablePointer<UInt8>, dateSeparator: UInt8, fraction: Bool) -> Int {
        let zero = UInt8(ascii: "0")
        func two(_ value: Int64, at index: Int) {
            output[index] = zero + UInt8(truncatingIfNeeded: value / 10)
            output[index + 1] = zero + UInt8(truncatingIfNeeded: value % 10)
        }
        two(year / 100, at: 0)
        two(year % 100, at: 2)
        output[4] = UInt8(ascii: "-")
        two(month, at: 5)
        output[7] = UInt8(ascii: "-")
        two(day, at: 8)
        output[10] = dateSeparator
        two(hour, at: 11)
        output[13] = UInt8(ascii: ":")
        two(minute, at: 14)
        output[16] = UInt8(ascii: ":")
        two(second, at: 17)
        guard fraction else { return 19 }
        output[19] = UInt8(ascii: ".")
        output[20] = zero + UInt8(truncatingIfNeeded: millisecond / 100)
        two(millisecond % 100, at: 21)
        return 23
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
