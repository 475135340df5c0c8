import Emulation

/// A Tito resource kept as a `StoredRecord`. Its seed file writes values as the API does, times
/// as ISO 8601 text and money as decimal strings (`"100.0"`); the tables keep milliseconds and
/// hundredths. An integer column given text is a time when its name ends in `_at`, money
/// otherwise; a fractional number is money.
protocol TitoRecord: StoredRecord {
    /// Fills in what a seed file leaves to be derived (an `updated_at` that is the `created_at`).
    mutating func completeSeed()
}

extension TitoRecord {
    static func seedValue(_ value: JSONValue, for column: RecordColumn) throws -> JSONValue {
        try TitoSeedValue.read(value, for: column)
    }

    mutating func completeSeed() {}

    /// Stores every record of the array `key` of the seed file `file`.
    static func loadSeed(_ seed: SeedDirectory, _ file: String, key: String, into database: Database) throws {
        for var record in try seed.records(Self.self, file, key: key) {
            record.completeSeed()
            try database.insert(record)
        }
    }
}

enum TitoSeedValue {
    static func read(_ value: JSONValue, for column: RecordColumn) throws -> JSONValue {
        guard column.storage == .integer else { return value }
        switch value {
        case .string(let text) where column.name.hasSuffix("_at"):
            guard let milliseconds = TitoFormats.parseTimestamp(text) else {
                throw RecordDecodingError(description: "\"\(column.name)\" must be an ISO 8601 timestamp")
            }
            return .int(milliseconds)
        case .string, .double:
            guard let cents = TitoFormats.cents(value) else {
                throw RecordDecodingError(description: "\"\(column.name)\" must be a decimal")
            }
            return .int(cents)
        default:
            return value
        }
    }
}
