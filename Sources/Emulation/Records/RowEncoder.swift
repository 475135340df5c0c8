import Storage

/// Encodes a record into the values of its columns, in its layout's order, ready to bind.
final class RowEncoder: Encoder {
    private(set) var values: [SQLiteValue]
    let layout: RecordTable
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(layout: RecordTable) {
        self.layout = layout
        values = Array(repeating: .null, count: layout.columns.count)
    }

    static func values<Record: Encodable>(of record: Record, layout: RecordTable) throws -> [SQLiteValue] {
        let encoder = RowEncoder(layout: layout)
        try record.encode(to: encoder)
        return encoder.values
    }

    func set(_ value: SQLiteValue, for key: any CodingKey) throws {
        guard let index = layout.position(ofProperty: key.stringValue) else {
            throw RecordDecodingError(description: "\(layout.name) has no column for \(key.stringValue)")
        }
        values[index] = value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a stored record encodes as a keyed container")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("a stored record encodes as a keyed container")
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: RowEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { try encoder.set(.null, for: key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try encoder.set(.integer(value ? 1 : 0), for: key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try encoder.set(.text(value), for: key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try encoder.set(.real(value), for: key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try encoder.set(.real(Double(value)), for: key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try encoder.set(.integer(Int64(value)), for: key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try encoder.set(.integer(value), for: key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try encoder.set(.integer(Int64(value)), for: key) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            guard let index = encoder.layout.position(ofProperty: key.stringValue) else {
                return try encoder.set(.null, for: key)  // throws: no such column
            }
            if encoder.layout.columns[index].storage == .json {
                try encoder.set(.text(JSONWriter.string(try JSONValueEncoder.encode(value))), for: key)
            } else {
                let single = SingleColumnEncoder()
                try value.encode(to: single)
                try encoder.set(single.value, for: key)
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("stored records keep nested values in JSON columns")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("stored records keep nested values in JSON columns")
        }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
    }
}

/// Encodes a `ColumnCodable` value into its one column.
private final class SingleColumnEncoder: Encoder, SingleValueEncodingContainer {
    var value: SQLiteValue = .null
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        preconditionFailure("a ColumnCodable value encodes as a single value")
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a ColumnCodable value encodes as a single value")
    }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { value = .null }
    func encode(_ value: Bool) throws { self.value = .integer(value ? 1 : 0) }
    func encode(_ value: String) throws { self.value = .text(value) }
    func encode(_ value: Double) throws { self.value = .real(value) }
    func encode(_ value: Int) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { self.value = .integer(value) }
    func encode<T: Encodable>(_ value: T) throws { try value.encode(to: self) }
}
