import Foundation

/// A moment kept as whole milliseconds since 1970 in an INTEGER column (see `EpochMoment`), which
/// renders as ISO 8601 text with `ColumnFormat.utcTimestamp()`. Seeds may write it as ISO 8601
/// text (`2026-05-08T11:30:00.000Z`) or as the number itself.
public struct EpochMilliseconds: EpochMoment, Sendable {
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
}
