/// Encodes `Encodable` values as `JSONValue`s (JSON columns, seed defaults), with snake_case keys
/// as `JSONValueDecoder` reads them back. Properties keep their declaration order.
public final class JSONValueEncoder: Encoder {
    public var codingPath: [any CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What was encoded: set by a single value, or built up by a container.
    fileprivate var result: Storage = .unset

    fileprivate enum Storage {
        case unset
        case value(JSONValue)
        case object(ObjectBox)
        case array(ArrayBox)

        var value: JSONValue {
            switch self {
            case .unset: return .null
            case .value(let value): return value
            case .object(let box): return .object(JSONObject(box.members.map { (key: $0.key, value: $0.encoder.value) }))
            case .array(let box): return .array(box.elements.map(\.value))
            }
        }
    }

    fileprivate final class ObjectBox {
        var members: [(key: String, encoder: JSONValueEncoder)] = []
    }

    fileprivate final class ArrayBox {
        var elements: [JSONValueEncoder] = []
    }

    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = JSONValueEncoder()
        try value.encode(to: encoder)
        return encoder.value
    }

    var value: JSONValue { result.value }

    /// Makes `value` what was encoded, whole (a `JSONValue` property).
    func store(_ value: JSONValue) {
        result = .value(value)
    }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let box) = result { return KeyedEncodingContainer(Keyed(box: box)) }
        let box = ObjectBox()
        result = .object(box)
        return KeyedEncodingContainer(Keyed(box: box))
    }

    public func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let box) = result { return Unkeyed(box: box) }
        let box = ArrayBox()
        result = .array(box)
        return Unkeyed(box: box)
    }

    public func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        var codingPath: [any CodingKey] { [] }

        private func member(_ key: Key) -> JSONValueEncoder {
            let name = ColumnName.snakeCase(key.stringValue)
            if let existing = box.members.first(where: { $0.key == name }) { return existing.encoder }
            let encoder = JSONValueEncoder()
            box.members.append((name, encoder))
            return encoder
        }

        mutating func encodeNil(forKey key: Key) throws { member(key).result = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try value.encode(to: member(key)) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            // Nil members are written as null: a documented key is present with null.
            if let value { try value.encode(to: member(key)) } else { member(key).result = .value(.null) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            member(key).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            member(key).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { member(Key(stringValue: "super")!) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { member(key) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let box: ArrayBox
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.elements.count }

        private func next() -> JSONValueEncoder {
            let encoder = JSONValueEncoder()
            box.elements.append(encoder)
            return encoder
        }

        mutating func encodeNil() throws { next().result = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: next()) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            next().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { next() }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: JSONValueEncoder
        var codingPath: [any CodingKey] { [] }

        func encodeNil() throws { encoder.result = .value(.null) }
        func encode(_ value: Bool) throws { encoder.result = .value(.bool(value)) }
        func encode(_ value: String) throws { encoder.result = .value(.string(value)) }
        func encode(_ value: Double) throws { encoder.result = .value(.double(value)) }
        func encode(_ value: Float) throws { encoder.result = .value(.double(Double(value))) }
        func encode(_ value: Int) throws { encoder.result = .value(.int(Int64(value))) }
        func encode(_ value: Int64) throws { encoder.result = .value(.int(value)) }
        func encode(_ value: Int32) throws { encoder.result = .value(.int(Int64(value))) }
        func encode<T: Encodable>(_ value: T) throws { try value.encode(to: encoder) }
    }
}
