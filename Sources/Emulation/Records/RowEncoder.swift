import Storage

/// Encodes a record into the values of its columns, in its layout's order, ready to bind.
final class RowEncoder: Encoder {
    private(set) var values: [SQLiteValue]
    let layout: RecordTable
    /// Where the next property is expected: synthesized `encode(to:)` writes the properties in
    /// declaration order, which is the layout's, so a comparison usually finds it without a hash.
    private var expected = 0
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
        values[try position(of: key)] = value
    }

    func position(of key: any CodingKey) throws -> Int {
        let property = key.stringValue
        let index: Int
        if expected < layout.columns.count, layout.columns[expected].property == property {
            index = expected
        } else if let found = layout.position(ofProperty: property) {
            index = found
        } else {
            throw RecordDecodingError(description: "\(layout.name) has no column for \(property)")
        }
        expected = index + 1
        return index
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
            let index = try encoder.position(of: key)
            if encoder.layout.columns[index].storage == .json {
                encoder.values[index] = .text(JSONWriter.string(try JSONValueEncoder.encode(value)))
            } else {
                let single = SingleColumnEncoder()
                try value.encode(to: single)
                encoder.values[index] = single.value
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
