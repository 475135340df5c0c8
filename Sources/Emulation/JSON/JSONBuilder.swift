/// Writes JSON straight into UTF-8 bytes, in the order the calls are made.
///
/// Responses are built with this rather than as `JSONValue` trees when they are large or hot
/// (list pages): no intermediate nodes, strings copied once. Separators are inserted for you.
///
/// The bytes go into one allocation of the builder's own, grown by doubling, rather than an
/// `Array`: a write is a bounds check and a copy, which matters when a page writes a hundred
/// thousand of them. Copies of a builder share it until one of them writes past the other
/// (copy on write): the buffer records how far it is written, and a builder that ends short of
/// that mark copies before it writes.
public struct JSONBuilder {
    private var buffer: JSONBuffer
    /// How many bytes of `buffer` are written.
    private var count = 0
    /// Whether the next key or value needs a comma before it.
    private var separatorPending = false
    /// The digits of the last timestamp written (see `timestamp(milliseconds:_:)`).
    private var lastTimestamp = TimestampDigits()

    public init(capacity: Int = 1024) {
        buffer = JSONBuffer(capacity: max(capacity, 64))
    }

    /// The JSON written so far.
    public var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: buffer.base, count: count))
    }

    /// The JSON written, handed over without a copy when no other builder shares its buffer
    /// (a response body); the builder is empty afterwards. `bytes` copies instead, to the
    /// size written: for small values kept for a while (embedded records).
    public mutating func takeBytes() -> [UInt8] {
        let taken = isKnownUniquelyReferenced(&buffer) ? buffer.take(count: count) : bytes
        self = JSONBuilder(capacity: 0)
        return taken
    }

    // MARK: Bytes

    /// How many bytes are written so far.
    var writtenCount: Int { count }

    /// Puts the last elements written back in another order: element `i` begins at `starts[i]`
    /// (where its separator, if any, is written) and runs to the next or to the end, and they
    /// are rewritten as `order` lists them (indexes into `starts`), their separators redone.
    mutating func reorderElements(startingAt starts: [Int], into order: [Int]) {
        guard let first = starts.first, order.count == starts.count else { return }
        let ends = starts.dropFirst() + [count]
        let leadingComma = buffer.base[first] == UInt8(ascii: ",")
        let elements = zip(starts, ends).map { start, end -> [UInt8] in
            let from = buffer.base[start] == UInt8(ascii: ",") ? start + 1 : start
            return Array(UnsafeBufferPointer(start: buffer.base + from, count: end - from))
        }
        if !isKnownUniquelyReferenced(&buffer) { grow(0) }
        count = first
        buffer.written.pointee = count
        for (position, index) in order.enumerated() {
            if position > 0 || leadingComma { append(UInt8(ascii: ",")) }
            append(elements[index])
        }
    }

    /// Where the next `extra` bytes go: room for them, past which no other builder sharing the
    /// buffer has written. The caller writes them and then `advance`s.
    @inline(__always)
    private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(count + extra > buffer.capacity || buffer.written.pointee != count) { grow(extra) }
        return buffer.base + count
    }

    @inline(__always)
    private mutating func advance(by written: Int) {
        count += written
        buffer.written.pointee = count
    }

    private mutating func grow(_ extra: Int) {
        let capacity = count + extra > buffer.capacity ? max(buffer.capacity * 2, count + extra) : buffer.capacity
        let grown = JSONBuffer(capacity: capacity)
        grown.base.update(from: buffer.base, count: count)
        grown.written.pointee = count
        buffer = grown
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        advance(by: 1)
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count).update(from: source, count: bytes.count)
        advance(by: bytes.count)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends up to `maximum` bytes that `write` puts at the pointer it is given, returning how many.
    @inline(__always)
    mutating func append(upTo maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        advance(by: write(reserve(maximum)))
    }

    /// The decimal digits of `value`.
    mutating func appendDecimal(_ value: UInt64) {
        append(upTo: 20) { JSONBytes.writeDecimal(value, to: $0) }
    }

    // MARK: Containers

    public mutating func object(_ body: (inout JSONBuilder) throws -> Void) rethrows {
        beginValue()
        append(UInt8(ascii: "{"))
        separatorPending = false
        try body(&self)
        append(UInt8(ascii: "}"))
        separatorPending = true
    }

    public mutating func array(_ body: (inout JSONBuilder) throws -> Void) rethrows {
        beginValue()
        append(UInt8(ascii: "["))
        separatorPending = false
        try body(&self)
        append(UInt8(ascii: "]"))
        separatorPending = true
    }

    /// An object member's key written in code; the next value written is its value. Its bytes go
    /// out as they are, unescaped: keys are most of the calls of a list page.
    public mutating func key(_ name: StaticString) {
        assert(!name.description.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        beginValue()
        name.withUTF8Buffer { name in
            append(upTo: name.count + 3) { output in
                output[0] = UInt8(ascii: "\"")
                if let base = name.baseAddress { (output + 1).update(from: base, count: name.count) }
                output[name.count + 1] = UInt8(ascii: "\"")
                output[name.count + 2] = UInt8(ascii: ":")
                return name.count + 3
            }
        }
        separatorPending = false
    }

    /// An object member's key already written as `"name":` (see `JSONBuilder.keyBytes`).
    public mutating func key(bytes: [UInt8]) {
        beginValue()
        append(bytes)
        separatorPending = false
    }

    /// The bytes `key(bytes:)` takes for `name`, computed once (view members, runtime names).
    public static func keyBytes(_ name: String) -> [UInt8] {
        var json = JSONBuilder(capacity: name.utf8.count + 8)
        json.key(escaping: name)
        return json.bytes
    }

    /// An object member's key already written as `"name":`, from a buffer of several (a view's
    /// keys, kept in one array so that writing one costs no reference counting).
    mutating func key(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        // The separator and the key in one reservation: a row writes one per member.
        let comma = separatorPending ? 1 : 0
        append(upTo: bytes.count + comma) { output in
            output.pointee = UInt8(ascii: ",")
            (output + comma).update(from: source, count: bytes.count)
            return bytes.count + comma
        }
        separatorPending = false
    }

    /// An object member's key from data (escaped as needed); the next value written is its value.
    public mutating func key(escaping name: String) {
        beginValue()
        appendString(name)
        append(UInt8(ascii: ":"))
        separatorPending = false
    }

    // MARK: Values

    public mutating func null() {
        beginValue()
        append(JSONBytes.null)
        separatorPending = true
    }

    public mutating func bool(_ value: Bool) {
        beginValue()
        append(value ? JSONBytes.true : JSONBytes.false)
        separatorPending = true
    }

    public mutating func int(_ value: Int64) {
        beginValue()
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
        separatorPending = true
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    public mutating func double(_ value: Double) {
        // JSON has no NaN or infinity; JavaScript's JSON.stringify writes null for them.
        guard value.isFinite else { return null() }
        if value.rounded() == value && abs(value) < 1e15 { return int(Int64(value)) }
        beginValue()
        var text = "\(value)"
        text.withUTF8 { append($0) }
        separatorPending = true
    }

    /// A string, or `null` for nil.
    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        beginValue()
        appendString(value)
        separatorPending = true
    }

    /// A string from UTF-8 bytes read in place (a column), escaped as needed.
    public mutating func string(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        beginValue()
        if let base = buffer.baseAddress, !JSONBytes.needsEscaping(buffer) {
            append(upTo: buffer.count + 2) { output in
                output[0] = UInt8(ascii: "\"")
                (output + 1).update(from: base, count: buffer.count)
                output[buffer.count + 1] = UInt8(ascii: "\"")
                return buffer.count + 2
            }
        } else {
            append(UInt8(ascii: "\""))
            appendStringContent(buffer)
            append(UInt8(ascii: "\""))
        }
        separatorPending = true
    }

    /// A value that is already JSON text (a JSON column the server itself wrote), copied as is.
    public mutating func rawJSON(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        beginValue()
        if buffer.isEmpty { append(JSONBytes.null) } else { append(buffer) }
        separatorPending = true
    }

    /// One string made of `parts` (literals, `String`s, columns read in place), without building
    /// it first: derived URLs and the like.
    public mutating func string<each Part: JSONStringPart>(concatenating parts: repeat each Part) {
        beginValue()
        append(UInt8(ascii: "\""))
        for part in repeat each parts { part.appendEscaped(to: &self) }
        append(UInt8(ascii: "\""))
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

    /// A value already written as JSON, from a buffer of several (a view's constants).
    mutating func encodedValue(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        beginValue()
        append(bytes)
        separatorPending = true
    }

    /// A value another builder already wrote (its `bytes`), copied as it is: for a sub-object
    /// that repeats across a response, such as the same embedded record in every list item.
    public mutating func encodedValue(_ bytes: [UInt8]) {
        beginValue()
        append(bytes)
        separatorPending = true
    }

    /// An object whose members another builder already wrote, comma-separated, without braces
    /// (members gathered per record, such as a ticket's answers keyed by question); `{}` for none.
    public mutating func encodedObject(members: [UInt8]) {
        beginValue()
        append(UInt8(ascii: "{"))
        append(members)
        append(UInt8(ascii: "}"))
        separatorPending = true
    }

    /// A UTC timestamp of milliseconds since 1970 as a string in `form` (see
    /// `ColumnFormat.utcTimestamp`). A page writes the same instant many times over (a record's
    /// `created_at` and `updated_at`, those of the records it embeds), so the digits of the last
    /// one are kept: working them out is most of a timestamp's cost.
    mutating func timestamp(milliseconds: Int64, _ form: UTCTextForm) {
        if !lastTimestamp.holds(milliseconds, form) { lastTimestamp = TimestampDigits(milliseconds, form) }
        let digits = lastTimestamp
        beginValue()
        // A quote, 23 digits and separators (written as 24 bytes), an offset of at most 8 bytes
        // (written as 8), a quote.
        append(upTo: 34) { output in
            output[0] = UInt8(ascii: "\"")
            var written = 1 + digits.write(to: output + 1)
            written += form.writeOffset(to: output + written)
            output[written] = UInt8(ascii: "\"")
            return written + 1
        }
        separatorPending = true
    }

    /// A number of hundredths (cents) as a decimal with one or two fraction digits, as Rails
    /// writes a BigDecimal (`100.0`, `12.5`, `0.25`): a JSON number, or quoted as a string.
    public mutating func hundredths(_ value: Int64, quoted: Bool) {
        beginValue()
        append(upTo: 26) { output in
            var written = 0
            if quoted { output[written] = UInt8(ascii: "\""); written += 1 }
            if value < 0 { output[written] = UInt8(ascii: "-"); written += 1 }
            let magnitude = value.magnitude
            written += JSONBytes.writeDecimal(magnitude / 100, to: output + written)
            output[written] = UInt8(ascii: ".")
            let fraction = magnitude % 100
            output[written + 1] = UInt8(ascii: "0") + UInt8(fraction / 10)
            written += 2
            if fraction % 10 != 0 { output[written] = UInt8(ascii: "0") + UInt8(fraction % 10); written += 1 }
            if quoted { output[written] = UInt8(ascii: "\""); written += 1 }
            return written
        }
        separatorPending = true
    }

    // MARK: Strings

    /// A quoted, escaped string.
    private mutating func appendString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            append(UInt8(ascii: "\""))
            appendStringContent(utf8)
            append(UInt8(ascii: "\""))
        }
    }

    /// The escaped content of a string, without quotes. Strings are most of an API body, so this
    /// is the hot path of every response: text that needs no escaping (nearly all of it) is
    /// checked eight bytes at a time and copied in one go.
    mutating func appendStringContent(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard JSONBytes.needsEscaping(bytes) else { return append(bytes) }
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendEscaped(byte)
            runStart = index + 1
        }
        append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        default:
            append(JSONBytes.unicodeEscapePrefix)
            append(JSONBytes.hexDigits[Int(byte >> 4)])
            append(JSONBytes.hexDigits[Int(byte & 0x0F)])
        }
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

    @inline(__always)
    private mutating func beginValue() {
        if separatorPending { append(UInt8(ascii: ",")) }
    }
}

/// The text of a timestamp up to its offset, `YYYY-MM-DD<separator>HH:MM:SS[.mmm]`, for the
/// instant and form it was worked out for: at most 23 bytes, held in 24.
private struct TimestampDigits {
    private var milliseconds: Int64?
    private var separator: UInt8 = 0
    private var fraction = false
    private var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var count = 0

    init() {}

    init(_ milliseconds: Int64, _ form: UTCTextForm) {
        self.milliseconds = milliseconds
        separator = form.dateSeparator
        fraction = form.fraction
        let time = UTCDateTime(milliseconds: milliseconds)
        count = withUnsafeMutableBytes(of: &bytes) { raw in
            time.writeDigits(to: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), dateSeparator: form.dateSeparator, fraction: form.fraction)
        }
    }

    func holds(_ milliseconds: Int64, _ form: UTCTextForm) -> Bool {
        self.milliseconds == milliseconds && separator == form.dateSeparator && fraction == form.fraction
    }

    /// Writes the text at `output` (room for 24 bytes, of which the text's are kept); returns its length.
    func write(to output: UnsafeMutablePointer<UInt8>) -> Int {
        let raw = UnsafeMutableRawPointer(output)
        raw.storeBytes(of: bytes.0, as: UInt64.self)
        raw.storeBytes(of: bytes.1, toByteOffset: 8, as: UInt64.self)
        raw.storeBytes(of: bytes.2, toByteOffset: 16, as: UInt64.self)
        return count
    }
}

/// The bytes of a `JSONBuilder`: one allocation, freed with the last builder that holds it,
/// and how far into it any builder has written.
///
/// The allocation is an array's storage, so that a finished body can become the response's
/// `[UInt8]` as it is (`take`): copying a page of hundreds of kilobytes costs about an
/// instruction per byte. The array counts all `capacity` bytes, those past `written` not yet
/// written (plain bytes, never read); it is never resized or shared while the buffer writes
/// into it, so `base`, taken from it once, stays valid.
private final class JSONBuffer {
    private var storage: [UInt8]
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    let written: UnsafeMutablePointer<Int>

    init(capacity: Int) {
        storage = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
        base = storage.withUnsafeMutableBufferPointer { $0.baseAddress! }
        self.capacity = capacity
        written = .allocate(capacity: 1)
        written.initialize(to: 0)
    }

    /// The first `count` bytes as an array, without a copy. Nothing may write to the buffer after.
    func take(count: Int) -> [UInt8] {
        var bytes = storage
        storage = []
        bytes.removeLast(bytes.count - count)  // the only reference now: in place
        return bytes
    }

    deinit {
        written.deallocate()
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

/// A piece of a JSON string written by `JSONBuilder.string(concatenating:)`.
public protocol JSONStringPart {
    /// Appends the piece's characters, escaped for a JSON string, without quotes.
    func appendEscaped(to json: inout JSONBuilder)
}

extension String: JSONStringPart {
    public func appendEscaped(to json: inout JSONBuilder) {
        var text = self
        text.withUTF8 { json.appendStringContent($0) }
    }
}

extension StaticString: JSONStringPart {
    /// Literals in code are escaped like any text (they rarely need it, and then cheaply).
    public func appendEscaped(to json: inout JSONBuilder) {
        withUTF8Buffer { json.appendStringContent($0) }
    }
}

extension Substring: JSONStringPart {
    public func appendEscaped(to json: inout JSONBuilder) { String(self).appendEscaped(to: &json) }
}
