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
        var name: [UInt8] = []
        name.reserveCapacity(48)
        if hasFirst { cursor.withUTF8(at: first) { name.append(contentsOf: $0) } }
        name.append(0x20)
        if hasLast { cursor.withUTF8(at: last) { name.append(contentsOf: $0) } }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let start = name.firstIndex { !isSpace($0) } ?? name.endIndex
        let end = (name.lastIndex { !isSpace($0) }).map { $0 + 1 } ?? start
        name[start..<max(start, end)].withUnsafeBufferPointer { json.string(utf8: $0) }
    }
}
