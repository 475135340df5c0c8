import Emulation

/// Eventbrite ids are strings of digits (spec §1.6); the server keeps them as integers, so they
/// sort numerically and index compactly, and writes them back as strings.
enum EventbriteID {
    /// The id a path segment or body value names, or nil when it is not a decimal number (such
    /// ids answer 404 as unknown ones do, spec §6.3).
    static func parse(_ text: String) -> Int64? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(text)
    }

    /// An id in a request body: a digit string or a JSON integer.
    static func parse(_ value: JSONValue?) -> Int64? {
        switch value {
        case .string(let text)?: return parse(text)
        case .int(let number)? where number >= 0: return number
        default: return nil
        }
    }

    /// The first id the server creates; ids come from one counter shared by every resource type,
    /// so a list sorted by id is in creation order (spec §10.10).
    static let firstCreated: Int64 = 800_000_000_001
    private static let sequence = "eventbrite.ids"

    /// Starts the world's counter at `firstCreated`; part of the seed, so a reset rewinds it.
    static func startSequence(in database: Database) throws {
        try database.ids.start(sequence, at: firstCreated)
    }

    /// The next id of the world's counter, deterministic after a reset.
    static func next(in database: Database) throws -> Int64 {
        try database.ids.integer(sequence)
    }

    /// Renders an INTEGER id column as the JSON string clients compare against.
    static let format = ColumnFormat { row, index, json in
        if row.isNull(at: index) { json.null() } else { json.string(String(row.int64(at: index))) }
    }
}
