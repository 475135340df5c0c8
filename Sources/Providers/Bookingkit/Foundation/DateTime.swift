import Emulation
import Foundation

/// A date-time as bookingkit writes it everywhere, `2025-08-06T11:00:00Z` (UTC, whole seconds),
/// kept as seconds since 1970 in an INTEGER column so lists sort and filter on it by index.
/// Seeds write it as text; an optional one that is absent renders as `""` (spec §1, empty values).
struct DateTime: ColumnCodable, Comparable, Hashable {
    static let columnStorage = ColumnStorage.integer

    var seconds: Int64

    init(seconds: Int64) {
        self.seconds = seconds
    }

    init(_ date: Date) {
        let range = Timestamp.representableRange
        seconds = Int64(min(max(date, range.lowerBound), range.upperBound).timeIntervalSince1970.rounded(.down))
    }

    /// The spec's strict query form, `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$`.
    init?(strict text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return nil }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 10: guard byte == UInt8(ascii: "T") else { return nil }
            case 13, 16: guard byte == UInt8(ascii: ":") else { return nil }
            case 19: guard byte == UInt8(ascii: "Z") else { return nil }
            default: guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            }
        }
        guard let date = Timestamp.parse(text) else { return nil }
        self.init(date)
    }

    /// Any RFC 3339 date-time (an offset is normalised to UTC), as request bodies may send it.
    init?(lenient text: String) {
        guard text.utf8.count >= 20, let date = Timestamp.parse(text), Timestamp.representableRange.contains(date) else { return nil }
        self.init(date)
    }

    var text: String {
        UTCDateTime(milliseconds: seconds.saturatingMultiply(1000))
            .text(dateSeparator: "T", fraction: false, offset: "Z")
    }

    func adding(seconds delta: Int64) -> DateTime { DateTime(seconds: seconds.saturatingAdd(delta)) }

    static func < (lhs: DateTime, rhs: DateTime) -> Bool { lhs.seconds < rhs.seconds }

    /// In a row: the seconds. In a seed or a JSON column: the text (or seconds).
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Int64.self) {
            self.seconds = seconds
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = DateTime(lenient: text) else {
            throw RecordDecodingError(description: "\"\(text)\" is not a date-time like 2025-08-06T11:00:00Z")
        }
        self = parsed
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if encoder is JSONValueEncoder { try container.encode(text) } else { try container.encode(seconds) }
    }
}

extension ColumnFormat {
    /// A `DateTime` column as its text; NULL (not set) as `""`.
    static let dateTime = ColumnFormat { row, index, json in
        if row.isNull(at: index) {
            json.string("")
        } else {
            json.string(DateTime(seconds: row.int64(at: index)).text)
        }
    }
}

extension DateTime: SQLiteBindable {
    var sqliteValue: SQLiteValue { .integer(seconds) }
}
