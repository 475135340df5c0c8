/// Writes JSON straight into UTF-8 bytes, in the order the calls are made.
///
/// Responses are built with this rather than as `JSONValue` trees when they are large or hot
/// (list pages): no intermediate nodes, strings copied once. Separators are inserted for you.
public struct JSONBuilder {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next key or value needs a comma before it.
    private var separatorPending = false

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    public mutating func object(_ body: (inout JSONBuilder) throws -> Void) rethrows {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        separatorPending = false
        try body(&self)
        bytes.append(UInt8(ascii: "}"))
        separatorPending = true
    }

    public mutating func array(_ body: (inout JSONBuilder) throws -> Void) rethrows {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        separatorPending = false
        try body(&self)
        bytes.append(UInt8(ascii: "]"))
        separatorPending = true
    }

    /// An object member's key written in code; the next value written is its value. Its bytes go
    /// out as they are, unescaped: keys are most of the calls of a list page.
    public mutating func key(_ name: StaticString) {
        assert(!name.description.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        separatorPending = false
    }

    /// An object member's key already written as `"name":` (see `JSONBuilder.keyBytes`).
    public mutating func key(bytes: [UInt8]) {
        beginValue()
        self.bytes.append(contentsOf: bytes)
        separatorPending = false
    }

    /// An object member's key already written as `"name":`, read in place (a view's keys).
    public mutating func key(encoded: UnsafeBufferPointer<UInt8>) {
        beginValue()
        bytes.append(contentsOf: encoded)
        separatorPending = false
    }

    /// The bytes `key(bytes:)` takes for `name`, computed once (view members, runtime names).
    public static func keyBytes(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONBytes.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        return bytes
    }

    /// An object member's key from data (escaped as needed); the next value written is its value.
    public mutating func key(escaping name: String) {
        beginValue()
        JSONBytes.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        separatorPending = false
    }

    // MARK: Values

    public mutating func null() {
        beginValue()
        bytes.append(contentsOf: JSONBytes.null)
        separatorPending = true
    }

    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: value ? JSONBytes.true : JSONBytes.false)
        separatorPending = true
    }

    public mutating func int(_ value: Int64) {
        beginValue()
        JSONBytes.appendInteger(value, to: &bytes)
        separatorPending = true
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    public mutating func double(_ value: Double) {
        beginValue()
        JSONBytes.appendDouble(value, to: &bytes)
        separatorPending = true
    }

    /// A string, or `null` for nil.
    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        beginValue()
        JSONBytes.appendString(value, to: &bytes)
        separatorPending = true
    }

    /// A string from UTF-8 bytes read in place (a column), escaped as needed.
    public mutating func string(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        JSONBytes.appendStringContent(utf8: buffer, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        separatorPending = true
    }

    /// A value that is already JSON text (a JSON column the server itself wrote), copied as is.
    public mutating func rawJSON(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        beginValue()
        if buffer.isEmpty { bytes.append(contentsOf: JSONBytes.null) } else { bytes.append(contentsOf: buffer) }
        separatorPending = true
    }

    /// One string made of `parts`, without building it first (derived URLs and the like).
    public mutating func string(concatenating parts: String...) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        for part in parts { JSONBytes.appendStringContent(part, to: &bytes) }
        bytes.append(UInt8(ascii: "\""))
        separatorPending = true
    }

    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .array(let elements):
            array { json in
                // Indices rather than an iterator: elements are read in place, not copied out.
                for index in elements.indices { json.value(elements[index]) }
            }
        case .object(let object):
            let members = object.members
            self.object { json in
                for index in members.indices {
                    json.key(escaping: members[index].key)
                    json.value(members[index].value)
                }
            }
        }
    }

    public mutating func value(_ value: some JSONEncodable) {
        value.encode(to: &self)
    }

    /// Object members already written as `"a":1,"b":2`, after any written before (a record's
    /// members gathered outside the builder, `RecordView`), copied as they are.
    public mutating func encodedMembers(_ members: UnsafeBufferPointer<UInt8>) {
        beginValue()
        bytes.append(contentsOf: members)
        separatorPending = true
    }

    /// A value another builder already wrote (its `bytes`), copied as it is: for a sub-object
    /// that repeats across a response, such as the same embedded record in every list item.
    public mutating func encodedValue(_ bytes: [UInt8]) {
        beginValue()
        self.bytes.append(contentsOf: bytes)
        separatorPending = true
    }

    // MARK: Members

    public mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        string(value)
    }

    public mutating func field(_ key: StaticString, _ value: Int64) {
        self.key(key)
        int(value)
    }

    public mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        int(value)
    }

    public mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    public mutating func field(_ key: StaticString, _ value: JSONValue) {
        self.key(key)
        self.value(value)
    }

    public mutating func field(_ key: StaticString, _ value: some JSONEncodable) {
        self.key(key)
        value.encode(to: &self)
    }

    /// A member whose value is an array of `elements`.
    public mutating func field<Element: JSONEncodable>(_ key: StaticString, elements: some Sequence<Element>) {
        self.key(key)
        array { json in
            for element in elements { element.encode(to: &json) }
        }
    }

    public mutating func field(_ key: StaticString, object body: (inout JSONBuilder) throws -> Void) rethrows {
        self.key(key)
        try object(body)
    }

    public mutating func field(_ key: StaticString, array body: (inout JSONBuilder) throws -> Void) rethrows {
        self.key(key)
        try array(body)
    }

    private mutating func beginValue() {
        if separatorPending { bytes.append(UInt8(ascii: ",")) }
    }
}

/// A type that writes itself as JSON, field by field.
public protocol JSONEncodable {
    func encode(to json: inout JSONBuilder)
}

extension JSONValue: JSONEncodable {
    public func encode(to json: inout JSONBuilder) {
        json.value(self)
    }
}
