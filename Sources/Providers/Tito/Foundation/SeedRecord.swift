import Emulation

/// Tito's forms in seed files: integer ids, lenient optional fields, timestamps in milliseconds
/// and money in cents, as the tables store them.
extension SeedRecord {
    static func all(_ seed: SeedDirectory, _ file: String, key: String) throws -> [SeedRecord] {
        try seed.seedRecords(file, key: key)
    }

    func id(_ key: String = "id") throws -> Int64 {
        guard let value = fields[key]?.intValue else { throw invalid(key, "an integer") }
        return value
    }

    func int(_ key: String) -> Int64? { fields[key]?.intValue }

    func text(_ key: String) -> String? { fields[key]?.stringValue }

    func requiredText(_ key: String) throws -> String {
        guard let value = fields[key]?.stringValue else { throw invalid(key, "a string") }
        return value
    }

    func bool(_ key: String, default defaultValue: Bool) -> Bool { fields[key]?.boolValue ?? defaultValue }

    /// A nullable boolean (absent or null → nil).
    func optionalBool(_ key: String) -> Bool? { fields[key]?.boolValue }

    /// A timestamp in milliseconds; `defaultValue` when absent.
    func milliseconds(_ key: String, default defaultValue: Int64? = nil) throws -> Int64? {
        guard let value = fields[key], value != .null else { return defaultValue }
        guard let text = value.stringValue, let milliseconds = TitoFormats.parseTimestamp(text) else {
            throw invalid(key, "an ISO 8601 timestamp")
        }
        return milliseconds
    }

    func requiredMilliseconds(_ key: String) throws -> Int64 {
        guard let value = try milliseconds(key) else { throw invalid(key, "an ISO 8601 timestamp") }
        return value
    }

    /// Money in hundredths (a decimal string or number), nil when absent or null.
    func cents(_ key: String) throws -> Int64? {
        guard let value = fields[key], value != .null else { return nil }
        guard let cents = TitoFormats.cents(value) else { throw invalid(key, "a decimal") }
        return cents
    }

    /// The JSON text of a member (objects, arrays), nil when absent or null.
    func jsonText(_ key: String) -> String? {
        guard let value = fields[key], value != .null else { return nil }
        return JSONColumn.text(value)
    }
}
