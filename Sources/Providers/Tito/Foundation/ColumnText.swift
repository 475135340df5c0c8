import Emulation

/// Text columns read in place by the derived members of the views a page writes a hundred times
/// (tickets, registrations): no `String` per row where the bytes will do.
enum ColumnText {
    /// Rails' `blank?` of a text column: NULL, empty or only whitespace.
    static func isBlank(_ cursor: StatementCursor, _ index: Int) -> Bool {
        guard !cursor.isNull(at: index) else { return true }
        return cursor.withUTF8(at: index) { bytes in
            if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) } }
            return String(decoding: bytes, as: UTF8.self).isBlank
        }
    }

    /// `first last` without the spaces and tabs around it, or null when both columns are NULL
    /// (a ticket's `name`, spec §13.2).
    static func writeName(_ cursor: StatementCursor, first: Int, last: Int, to json: inout JSONBuilder) {
        let hasFirst = !cursor.isNull(at: first)
        let hasLast = !cursor.isNull(at: last)
        guard hasFirst || hasLast else { return json.null() }
        // Read in place and joined on the stack: a page writes a hundred names.
        cursor.withUTF8(at: first) { firstName in
            cursor.withUTF8(at: last) { lastName in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: firstName.count + 1 + lastName.count) { name in
                    var count = 0
                    for byte in firstName { name[count] = byte; count += 1 }
                    name[count] = 0x20
                    count += 1
                    for byte in lastName { name[count] = byte; count += 1 }
                    let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
                    var start = 0
                    while start < count && isSpace(name[start]) { start += 1 }
                    var end = count
                    while end > start && isSpace(name[end - 1]) { end -= 1 }
                    json.string(utf8: UnsafeBufferPointer(rebasing: name[start..<end]))
                }
            }
        }
    }
}
