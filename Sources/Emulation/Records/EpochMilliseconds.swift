import Foundation

/// A moment kept as whole milliseconds since 1970 in an INTEGER column, so it sorts, filters and
/// feeds indexes as a number, and renders as ISO 8601 text with `ColumnFormat.iso8601Milliseconds`.
/// Seeds may write it as ISO 8601 text (`2026-05-08T11:30:00.000Z`) or as the number itself.
public struct EpochMilliseconds: ColumnCodable, Hashable, Comparable, Sendable {
    public static let columnStorage = ColumnStorage.integer
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    /// The moment's milliseconds, rounded down, as the clock's `millisecondsSince1970`.
    public init(_ date: Date) { value = date.millisecondsSince1970 }

    /// The instant of ISO 8601 text, to the nearest millisecond: text written with milliseconds
    /// reads back exactly, whatever the binary fraction `Timestamp.parse` computes.
    public init?(iso8601 text: String) {
        guard let date = Timestamp.parse(text) else { return nil }
        value = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public var date: Date { Date(timeIntervalSince1970: Double(value) / 1000) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = number
        } else {
            let text = try container.decode(String.self)
            guard let moment = EpochMilliseconds(iso8601: text) else {
                throw RecordDecodingError(description: "\"\(text)\" is not an ISO 8601 date-time")
            }
            self = moment
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static func < (lhs: EpochMilliseconds, rhs: EpochMilliseconds) -> Bool { lhs.value < rhs.value }
}

extension EpochMilliseconds {
    /// `milliseconds` as a JSON string `2026-05-08T11:30:00.000Z` (`ColumnFormat.iso8601Milliseconds`).
    static func writeISO8601(_ milliseconds: Int64, to json: inout JSONBuilder) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            formatISO8601(milliseconds, into: buffer.baseAddress!)
            json.string(utf8: UnsafeBufferPointer(buffer))
        }
    }

    /// Writes the 24 bytes of `2026-05-08T11:30:00.000Z` at `output`, with no allocation: list
    /// pages write two of these per record.
    static func formatISO8601(_ milliseconds: Int64, into output: UnsafeMutablePointer<UInt8>) {
        let moment = UTCDateTime(milliseconds: milliseconds)
        var position = 0
        func digits(_ value: Int64, _ width: Int) {
            var remaining = value
            for offset in stride(from: width - 1, through: 0, by: -1) {
                output[position + offset] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            position += width
        }
        func character(_ ascii: Unicode.Scalar) {
            output[position] = UInt8(ascii: ascii)
            position += 1
        }
        digits(moment.year, 4)
        character("-")
        digits(moment.month, 2)
        character("-")
        digits(moment.day, 2)
        character("T")
        digits(moment.hour, 2)
        character(":")
        digits(moment.minute, 2)
        character(":")
        digits(moment.second, 2)
        character(".")
        digits(moment.millisecond, 3)
        character("Z")
    }
}
