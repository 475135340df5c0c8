/// Finds a record type's columns by encoding a default instance: every stored property reaches
/// the keyed container in declaration order (optionals through `encodeIfPresent`, nil or not),
/// which tells its name, its storage and whether it may be NULL. Runs once per record type.
final class ColumnProbe: Encoder {
    private(set) var columns: [RecordColumn] = []
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    static func columns<Record: Encodable>(of record: Record) -> [RecordColumn] {
        let probe = ColumnProbe()
        do {
            try record.encode(to: probe)
        } catch {
            preconditionFailure("\(Record.self) cannot be stored: \(error)")
        }
        return probe.columns
    }

    func add(_ key: any CodingKey, _ storage: ColumnStorage, optional: Bool) {
        columns.append(
            RecordColumn(
                property: key.stringValue, name: ColumnName.snakeCase(key.stringValue), storage: storage,
                isOptional: optional))
    }

    static func storage<T>(of type: T.Type) -> ColumnStorage {
        switch type {
        case is Bool.Type: return .boolean
        case is String.Type: return .text
        case is Int.Type, is Int64.Type, is Int32.Type, is Int16.Type, is Int8.Type, is UInt.Type, is UInt64.Type, is UInt32.Type,
            is UInt16.Type, is UInt8.Type:
            return .integer
        case is Double.Type, is Float.Type: return .real
        case let codable as any ColumnCodable.Type: return codable.columnStorage
        default: return .json
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedProbe(probe: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a stored record encodes as a keyed container")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("a stored record encodes as a keyed container")
    }

    private struct KeyedProbe<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let probe: ColumnProbe
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { probe.add(key, .text, optional: true) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            probe.add(key, ColumnProbe.storage(of: T.self), optional: false)
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            optional(key, T.self)
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { optional(key, Bool.self) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { optional(key, String.self) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { optional(key, Double.self) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { optional(key, Float.self) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { optional(key, Int.self) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { optional(key, Int8.self) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { optional(key, Int16.self) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { optional(key, Int32.self) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { optional(key, Int64.self) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { optional(key, UInt.self) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { optional(key, UInt8.self) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { optional(key, UInt16.self) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { optional(key, UInt32.self) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { optional(key, UInt64.self) }
        private func optional<T>(_ key: Key, _ type: T.Type) { probe.add(key, ColumnProbe.storage(of: type), optional: true) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("stored records declare nested values as properties of Codable types")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("stored records declare nested values as properties of Codable types")
        }
        mutating func superEncoder() -> any Encoder { probe }
        mutating func superEncoder(forKey key: Key) -> any Encoder { probe }
    }
}
