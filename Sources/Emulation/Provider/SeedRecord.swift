/// One object of a seed file, read field by field into the forms tables store; errors name the
/// file, the record's id and the field, so a broken seed stops start-up with a clear line.
/// Providers add readers for their own forms (ids, money…) in extensions.
public struct SeedRecord: Sendable {
    public let fields: JSONObject
    public let file: String

    public init(fields: JSONObject, file: String) {
        self.fields = fields
        self.file = file
    }

    public init(value: JSONValue, file: String) throws {
        guard let object = value.objectValue else {
            throw SeedError(file: file, reason: "holds a non-object where an object belongs")
        }
        self.init(fields: object, file: file)
    }

    /// The objects of the array `key` of a parsed seed file (parse a file once when it holds several arrays).
    public static func array(_ key: String, in document: JSONValue, file: String) throws -> [SeedRecord] {
        guard let array = document[key]?.arrayValue else { throw SeedError(file: file, reason: "has no array \"\(key)\"") }
        return try array.map { try SeedRecord(value: $0, file: file) }
    }

    public subscript(key: String) -> JSONValue? { fields[key] }

    /// The objects of a nested array.
    public func records(_ key: String) throws -> [SeedRecord] {
        guard let array = fields[key]?.arrayValue else { throw invalid(key, "an array") }
        return try array.map { try SeedRecord(value: $0, file: file) }
    }

    public func string(_ key: String) throws -> String {
        guard let value = fields[key]?.stringValue, !value.isEmpty else { throw invalid(key, "a non-empty string") }
        return value
    }

    public func optionalString(_ key: String) throws -> String? {
        guard let value = fields[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw invalid(key, "a string or null") }
        return text
    }

    public func integer(_ key: String) throws -> Int64 {
        guard let value = fields[key]?.intValue else { throw invalid(key, "an integer") }
        return value
    }

    public func bool(_ key: String) throws -> Bool {
        guard let value = fields[key]?.boolValue else { throw invalid(key, "true or false") }
        return value
    }

    /// A date-time, in the one form the JSON APIs write: milliseconds and `Z`.
    public func timestamp(_ key: String) throws -> String {
        guard let date = fields[key]?.stringValue.flatMap(Timestamp.parse) else {
            throw invalid(key, "an ISO 8601 date-time")
        }
        return Timestamp.iso8601Milliseconds(date)
    }

    public func invalid(_ key: String, _ expected: String) -> SeedError {
        let id = fields["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) }.map { " of \($0)" } ?? ""
        return SeedError(file: file, reason: "\"\(key)\"\(id) must be \(expected)")
    }
}

extension SeedDirectory {
    /// The objects of the array `key` in the file `name`, as seed records.
    public func seedRecords(_ name: String, key: String) throws -> [SeedRecord] {
        try SeedRecord.array(key, in: try json(name), file: name)
    }
}
