import Foundation

/// A moment kept as whole seconds since 1970 in an INTEGER column (see `EpochMoment`). Seeds may
/// write it as ISO 8601 text (`2031-07-05T01:00:00Z`) or as the number itself.
public struct EpochSeconds: EpochMoment, Sendable {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    /// The moment's whole seconds (fractions are dropped).
    public init(_ date: Date) { value = Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// The whole seconds of ISO 8601 text (fractions are dropped).
    public init?(iso8601 text: String) {
        guard let date = Timestamp.parse(text) else { return nil }
        self.init(date)
    }

    public var date: Date { Date(timeIntervalSince1970: Double(value)) }
}
