import Storage

/// A record's members written into memory the caller provides (the stack, for one row) before
/// they go to the response in one append: a view writes every column of every row of a page,
/// and writing each key and value into the response array separately costs several times the
/// bytes themselves. It takes what needs no work beyond copying (text without characters to
/// escape, stored JSON, whole numbers, booleans, timestamps) and refuses the rest, which the
/// caller writes with `JSONBuilder` after flushing what the buffer holds.
struct MemberBuffer {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0

    init(_ storage: UnsafeMutableBufferPointer<UInt8>) {
        base = storage.baseAddress!
        capacity = storage.count
    }

    /// Moves the members written so far into `json`, after any it holds.
    mutating func flush(into json: inout JSONBuilder) {
        guard count > 0 else { return }
        json.encodedMembers(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    /// Writes the member `key` (`"name":`) with the column's value as `format` renders it;
    /// false, with nothing written, when the value is not one the buffer takes.
    @inline(__always)
    mutating func write(
        _ format: ColumnFormat.Builtin, _ cursor: StatementCursor, _ position: Int, key: UnsafeBufferPointer<UInt8>,
        flushingInto json: inout JSONBuilder
    ) -> Bool {
        switch format {
        case .string:
            guard let text = cursor.utf8UnlessNull(at: position) else { return writeNull(key, &json) }
            guard reserve(key.count + text.count + 3, &json) else { return false }
            let start = count
            begin(key)
            put(UInt8(ascii: "\""))
            guard copyUnlessEscaping(text) else {
                count = start
                return false
            }
            put(UInt8(ascii: "\""))
            return true
        case .rawJSON:
            guard let text = cursor.utf8UnlessNull(at: position) else { return writeNull(key, &json) }
            guard reserve(key.count + Swift.max(text.count, 4) + 1, &json) else { return false }
            begin(key)
            if text.isEmpty { put("null") } else { put(text) }
            return true
        case .number:
            switch cursor.kind(at: position) {
            case .null: return writeNull(key, &json)
            case .integer:
                guard reserve(key.count + 21, &json) else { return false }
                begin(key)
                putDecimal(cursor.int64(at: position))
                return true
            case .real, .text, .blob: return false
            }
        case .boolean:
            if cursor.isNull(at: position) { return writeNull(key, &json) }
            guard reserve(key.count + 6, &json) else { return false }
            begin(key)
            put(cursor.integer(at: position) != 0 ? "true" : "false")
            return true
        case .iso8601Milliseconds:
            if cursor.isNull(at: position) { return writeNull(key, &json) }
            guard reserve(key.count + 27, &json) else { return false }
            begin(key)
            put(UInt8(ascii: "\""))
            EpochMilliseconds.formatISO8601(cursor.int64(at: position), into: base + count)
            count += 24
            put(UInt8(ascii: "\""))
            return true
        }
    }

    @inline(__always)
    private mutating func writeNull(_ key: UnsafeBufferPointer<UInt8>, _ json: inout JSONBuilder) -> Bool {
        guard reserve(key.count + 5, &json) else { return false }
        begin(key)
        put("null")
        return true
    }

    /// Makes room for a member of up to `size` bytes (with its comma), flushing the buffer when
    /// it is too full; false when the member would not fit even in an empty one.
    @inline(__always)
    private mutating func reserve(_ size: Int, _ json: inout JSONBuilder) -> Bool {
        if count + size + 1 <= capacity { return true }
        flush(into: &json)
        return size + 1 <= capacity
    }

    /// The comma before every member but the first the buffer holds (the builder adds the one
    /// before the first), then the key.
    @inline(__always)
    private mutating func begin(_ key: UnsafeBufferPointer<UInt8>) {
        if count > 0 { put(UInt8(ascii: ",")) }
        put(key)
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        copy(source, bytes.count)
    }

    @inline(__always)
    private mutating func put(_ literal: StaticString) {
        copy(literal.utf8Start, literal.utf8CodeUnitCount)
    }

    /// Copies text that needs no escaping, checking it as it goes (one pass, eight bytes at a
    /// time); false, with `count` unchanged, at the first control character, `"` or `\`.
    @inline(__always)
    private mutating func copyUnlessEscaping(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let source = text.baseAddress, text.count > 0 else { return true }
        let length = text.count
        let target = base + count
        if length < 8 {
            for index in 0..<length {
                let byte = source[index]
                guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { return false }
                target[index] = byte
            }
        } else {
            let from = UnsafeRawPointer(source)
            let to = UnsafeMutableRawPointer(target)
            var offset = 0
            while true {
                // The last word overlaps the one before it rather than running past the text.
                let at = Swift.min(offset, length - 8)
                let word = from.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                guard !JSONBytes.wordNeedsEscaping(word) else { return false }
                to.storeBytes(of: word, toByteOffset: at, as: UInt64.self)
                if at == length - 8 { break }
                offset += 8
            }
        }
        count += length
        return true
    }

    /// Keys and most values are a few dozen bytes, for which a library call costs more than the
    /// copy: those go eight bytes at a time (the last word overlapping), longer ones by memmove.
    @inline(__always)
    private mutating func copy(_ source: UnsafePointer<UInt8>, _ length: Int) {
        let target = base + count
        count += length
        guard length >= 8, length <= 64 else {
            if length >= 8 {
                target.update(from: source, count: length)
            } else {
                for index in 0..<length { target[index] = source[index] }
            }
            return
        }
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        var offset = 0
        while offset + 8 < length {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), toByteOffset: length - 8, as: UInt64.self)
    }

    private mutating func putDecimal(_ number: Int64) {
        if number < 0 { put(UInt8(ascii: "-")) }
        // Digits least significant first, then reversed in place.
        var magnitude = number.magnitude
        let start = base + count
        var digits = 0
        repeat {
            start[digits] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            digits += 1
        } while magnitude > 0
        var low = 0
        var high = digits - 1
        while low < high {
            (start[low], start[high]) = (start[high], start[low])
            low += 1
            high -= 1
        }
        count += digits
    }
}

