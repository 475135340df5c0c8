import Storage

/// Why a stored row or a seed object could not become a record.
public struct RecordDecodingError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// Decodes a record from one result row whose columns are in its layout's order: scalar columns
/// directly, JSON columns through their text, `ColumnCodable` values from their one column.
///
/// A synthesized `init(from:)` asks for the properties in declaration order, which is the
/// layout's, so each key is first checked against the column after the last one read (a string
/// comparison) before the look-up by name; an optional costs one look-up, not three.
struct RowDecoder<Values: ColumnValues>: Decoder {
    let values: Values
    let layout: RecordTable
    /// The position after the last column read, shared by the containers of one decoding.
    let next: UnsafeMutablePointer<Int>
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Decodes a `Record` from `values` with a decoder that lives for the call.
    static func decode<Record: Decodable>(_ type: Record.Type, from values: Values, layout: RecordTable) throws -> Record {
        let next = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        next.initialize(to: 0)
        defer { next.deallocate() }
        return try Record(from: RowDecoder(values: values, layout: layout, next: next))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed(values: values, layout: layout, next: next))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw RecordDecodingError(description: "a stored record decodes from a keyed container")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw RecordDecodingError(description: "a stored record decodes from a keyed container")
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let values: Values
        let layout: RecordTable
        let next: UnsafeMutablePointer<Int>
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { layout.columns.compactMap { Key(stringValue: $0.property) } }

        func contains(_ key: Key) -> Bool { position(key) != nil }

        private func position(_ key: Key) -> Int? {
            let name = key.stringValue
            let guess = next.pointee
            if guess < layout.columns.count, layout.columns[guess].property == name { return guess }
            return layout.position(ofProperty: name)
        }

        private func index(_ key: Key) throws -> Int {
            guard let index = position(key), index < values.columnCount else {
                throw RecordDecodingError(description: "\(layout.name) has no column for \(key.stringValue)")
            }
            next.pointee = index + 1
            return index
        }

        /// The column of an optional property, or nil when it is NULL (or the row lacks it).
        private func presentIndex(_ key: Key) throws -> Int? {
            guard let index = position(key), index < values.columnCount else { return nil }
            next.pointee = index + 1
            return values.isNull(at: index) ? nil : index
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            try presentIndex(key).map { values.integer(at: $0) != 0 }
        }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            try presentIndex(key).map { values.string(at: $0) }
        }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
            try presentIndex(key).map { values.real(at: $0) }
        }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            try presentIndex(key).map { Int(values.integer(at: $0)) }
        }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
            try presentIndex(key).map { values.integer(at: $0) }
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let index = try presentIndex(key) else { return nil }
            return try decode(type, at: index)
        }

        func decodeNil(forKey key: Key) throws -> Bool { values.isNull(at: try index(key)) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { values.integer(at: try index(key)) != 0 }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { values.string(at: try index(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { values.real(at: try index(key)) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(values.real(at: try index(key))) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { Int(values.integer(at: try index(key))) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { values.integer(at: try index(key)) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { Int32(truncatingIfNeeded: values.integer(at: try index(key))) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try decode(type, at: try index(key))
        }

        private func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
            if layout.columns[index].storage == .json {
                let text = values.string(at: index)
                return try JSONValueDecoder.decode(T.self, from: try JSONParser.parse(Array(text.utf8)))
            }
            return try T(from: SingleColumnDecoder(values: values, index: index))
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            throw RecordDecodingError(description: "stored records keep nested values in JSON columns")
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw RecordDecodingError(description: "stored records keep nested values in JSON columns")
        }
        func superDecoder() throws -> any Decoder { RowDecoder(values: values, layout: layout, next: next) }
        func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(values: values, layout: layout, next: next) }
    }
}

/// Decodes a `ColumnCodable` value from its one column.
private struct SingleColumnDecoder<Values: ColumnValues>: Decoder, SingleValueDecodingContainer {
    let values: Values
    let index: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw RecordDecodingError(description: "a ColumnCodable value decodes from a single value")
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw RecordDecodingError(description: "a ColumnCodable value decodes from a single value")
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { values.isNull(at: index) }
    func decode(_ type: Bool.Type) throws -> Bool { values.integer(at: index) != 0 }
    func decode(_ type: String.Type) throws -> String { values.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { values.real(at: index) }
    func decode(_ type: Int.Type) throws -> Int { Int(values.integer(at: index)) }
    func decode(_ type: Int64.Type) throws -> Int64 { values.integer(at: index) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
}
