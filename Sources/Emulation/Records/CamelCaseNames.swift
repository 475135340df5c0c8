/// APIs that spell their fields in camelCase (`eventOccurrenceId`, `externalIds`) keep records
/// whose columns follow the kit's snake_case rule (`event_occurrence_id`, `external_ids`): the
/// API name of a column is its camelCase spelling, so neither is written twice. Seeds written in
/// the API's spelling read as records, and views write every column under its API name.
extension ColumnName {
    /// `event_occurrence_id` → `eventOccurrenceId`: each word after the first starts upper-case.
    static func camelCase(_ column: String) -> String {
        var result = ""
        result.reserveCapacity(column.utf8.count)
        var upperNext = false
        for character in column {
            if character == "_" {
                upperNext = !result.isEmpty
            } else if upperNext {
                result.append(contentsOf: character.uppercased())
                upperNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension StoredRecord {
    /// The record read from a seed object in the API's camelCase spelling (`eventId` fills
    /// `event_id`); nested objects (JSON columns) keep their keys as written.
    public init(camelCaseSeed object: JSONObject) throws {
        try self.init(seed: JSONObject(object.members.map { (key: ColumnName.snakeCase($0.key), value: $0.value) }))
    }
}

extension StoredRecord {
    /// The record with the members of `object` (in the API's camelCase spelling) in place of its
    /// columns, the others kept: a PATCH body applied. Values must have the columns' types.
    public func updated(camelCase object: JSONObject) throws -> Self {
        guard case .object(var merged) = try JSONValueEncoder.encode(self) else {
            throw RecordDecodingError(description: "\(Self.self) does not encode as an object")
        }
        for (key, value) in object { merged[ColumnName.snakeCase(key)] = value }
        return try Self(from: JSONValueDecoder(value: .object(merged), codingPath: []))
    }
}

extension SeedRecord {
    /// The record this seed object holds in the API's camelCase spelling; an error names the
    /// file, the object's id and the field.
    public func camelCaseRecord<Record: StoredRecord>(_ type: Record.Type) throws -> Record {
        do {
            return try Record(camelCaseSeed: fields)
        } catch {
            let id = fields["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) }.map { "\($0): " } ?? ""
            throw SeedError(file: file, reason: "\(id)\(error)")
        }
    }
}

extension SeedDirectory {
    /// The records of the array `key` in the seed file `name`, written in camelCase.
    public func camelCaseRecords<Record: StoredRecord>(_ type: Record.Type, _ name: String, key: String) throws -> [Record] {
        try seedRecords(name, key: key).map { try $0.camelCaseRecord(type) }
    }
}

extension RecordView {
    /// Every column of `table` in property order under its camelCase name, but those in
    /// `except`; a column in `formats` is written in that format (timestamps kept as numbers),
    /// and the members in `inserting` follow the column they are keyed by (derived values that
    /// the API places among the stored ones).
    public static func camelCaseColumns(
        of table: RecordTable, except: Set<String> = [], formats: [String: ColumnFormat] = [:],
        inserting: [String: [Member]] = [:]
    ) -> [Member] {
        table.columns.filter { !except.contains($0.name) }.flatMap { column -> [Member] in
            [.column(column.name, as: ColumnName.camelCase(column.name), format: formats[column.name])] + (inserting[column.name] ?? [])
        }
    }
}

extension RecordView.Member {
    /// The column `name` under its camelCase name.
    public static func camelCaseColumn(_ name: String, format: ColumnFormat? = nil) -> RecordView.Member {
        .column(name, as: ColumnName.camelCase(name), format: format)
    }
}
