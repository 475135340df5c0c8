import Foundation

/// A moment kept as whole seconds since 1970 in an INTEGER column, so it sorts, compares with
/// the clock and feeds indexes as a number. Seeds may write it as ISO 8601 text
/// (`2031-07-05T01:00:00Z`) or as the number itself.
public struct EpochSeconds: ColumnCodable, Hashable, Comparable, Sendable {
    public static let columnStorage = ColumnStorage.integer
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    /// The moment's whole seconds (fractions are dropped).
    public init(_ date: Date) { value = Int64(date.timeIntervalSince1970.rounded(.down)) }

    public var date: Date { Date(timeIntervalSince1970: Double(value)) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = number
        } else {
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw RecordDecodingError(description: "\"\(text)\" is not an ISO 8601 date-time")
            }
            value = Int64(date.timeIntervalSince1970.rounded(.down))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static func < (lhs: EpochSeconds, rhs: EpochSeconds) -> Bool { lhs.value < rhs.value }
}
