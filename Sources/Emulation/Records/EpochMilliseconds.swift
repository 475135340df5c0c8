import Foundation

/// A moment kept as whole milliseconds since 1970 in an INTEGER column, so it sorts, filters and
/// feeds indexes as a number, and renders as ISO 8601 text with `ColumnFormat.utcTimestamp()`.
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
