/// Decodes `Decodable` values from a parsed `JSONValue`: seed objects and JSON columns. Object
/// keys are the snake_case names of the properties (`ColumnName`), as in every table.
public struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let keys: JSONKeyStyle
    public let codingPath: [any CodingKey]
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, keys: JSONKeyStyle = .snakeCase, codingPath: [any CodingKey] = []) {
        self.value = value
        self.keys = keys
        self.codingPath = codingPath
    }

    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, keys: JSONKeyStyle = .snakeCase) throws -> T {
        try T(from: JSONValueDecoder(value: value, keys: keys))
    }

    func mismatch(_ expected: String) -> RecordDecodingError {
        let path = codingPath.map { keys.key($0.stringValue) }.joined(separator: ".")
        return RecordDecodingError(description: "\(path.isEmpty ? "value" : "\"\(path)\"") must be \(expected)")
    }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let object = value.objectValue else { throw mismatch("an object") }
        return KeyedDecodingContainer(Keyed(object: object, keys: keys, codingPath: codingPath))
    }

    public func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let array = value.arrayValue else { throw mismatch("an array") }
        return Unkeyed(elements: array, keys: keys, codingPath: codingPath)
    }

    public func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(decoder: self)
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: JSONObject
        let keys: JSONKeyStyle
        let codingPath: [any CodingKey]
        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { object[keys.key(key.stringValue)] != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            (object[keys.key(key.stringValue)] ?? .null) == .null
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let value = object[keys.key(key.stringValue)] ?? .null
            return try T(from: JSONValueDecoder(value: value, keys: keys, codingPath: codingPath + [key]))
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoder(value: object[keys.key(key.stringValue)] ?? .null, keys: keys, codingPath: codingPath + [key])
                .container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(value: object[keys.key(key.stringValue)] ?? .null, keys: keys, codingPath: codingPath + [key])
                .unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { JSONValueDecoder(value: .object(object), keys: keys, codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONValueDecoder(value: object[keys.key(key.stringValue)] ?? .null, keys: keys, codingPath: codingPath + [key])
        }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let elements: [JSONValue]
        let keys: JSONKeyStyle
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        init(elements: [JSONValue], keys: JSONKeyStyle, codingPath: [any CodingKey]) {
            self.elements = elements
            self.keys = keys
            self.codingPath = codingPath
        }

        private mutating func next() throws -> JSONValueDecoder {
            guard !isAtEnd else { throw RecordDecodingError(description: "an array ended early") }
            defer { currentIndex += 1 }
            return JSONValueDecoder(value: elements[currentIndex], keys: keys, codingPath: codingPath + [IndexKey(currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, elements[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: try next()) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    private struct Single: SingleValueDecodingContainer {
        let decoder: JSONValueDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.value == .null }
        func decode(_ type: Bool.Type) throws -> Bool {
            guard let flag = decoder.value.boolValue else { throw decoder.mismatch("true or false") }
            return flag
        }
        func decode(_ type: String.Type) throws -> String {
            guard let text = decoder.value.stringValue else { throw decoder.mismatch("a string") }
            return text
        }
        func decode(_ type: Double.Type) throws -> Double {
            guard let number = decoder.value.doubleValue else { throw decoder.mismatch("a number") }
            return number
        }
        func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
        func decode(_ type: Int.Type) throws -> Int { Int(try decode(Int64.self)) }
        func decode(_ type: Int64.Type) throws -> Int64 {
            guard let number = decoder.value.intValue else { throw decoder.mismatch("an integer") }
            return number
        }
        func decode(_ type: Int32.Type) throws -> Int32 {
            guard let number = Int32(exactly: try decode(Int64.self)) else { throw decoder.mismatch("a 32-bit integer") }
            return number
        }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
    }
}

/// The coding key of an array element.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}
