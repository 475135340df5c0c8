/// A moment kept as a whole number of some unit since 1970 in an INTEGER column, so it sorts,
/// compares with the clock and feeds indexes as a number. Seeds may write it as the number itself
/// or as ISO 8601 text, which `init(iso8601:)` reads in the unit; the decoding, encoding and
/// order follow from that, written once for every unit (`EpochSeconds`, `EpochMilliseconds`).
public protocol EpochMoment: ColumnCodable, Hashable, Comparable {
    var value: Int64 { get }
    init(_ value: Int64)
    /// The moment of ISO 8601 text (`2031-07-05T01:00:00Z`) in this unit; nil when it is not one.
    init?(iso8601 text: String)
}

extension EpochMoment {
    public static var columnStorage: ColumnStorage { .integer }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self.init(number)
        } else {
            let text = try container.decode(String.self)
            guard let moment = Self(iso8601: text) else {
                throw RecordDecodingError(description: "\"\(text)\" is not an ISO 8601 date-time")
            }
            self = moment
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}
