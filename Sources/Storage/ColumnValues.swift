import CSQLite

/// How SQLite stored one value of a result row.
public enum ColumnKind: Sendable {
    case null, integer, real, text, blob
}

/// Read access to the columns of one result row, by position: either a statement's current row
/// (`StatementCursor`, nothing copied) or values already copied out (`[SQLiteValue]`). Record
/// decoding and JSON rendering are written once against this, for both.
public protocol ColumnValues {
    var columnCount: Int { get }
    func kind(at index: Int) -> ColumnKind
    func int64(at index: Int) -> Int64
    func double(at index: Int) -> Double
    /// The UTF-8 bytes of a text (or blob) column, valid only inside `body`.
    func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
}

extension ColumnValues {
    public func isNull(at index: Int) -> Bool { kind(at: index) == .null }

    /// The column as text; numbers are written in decimal, NULL reads as "".
    public func string(at index: Int) -> String {
        switch kind(at: index) {
        case .null: return ""
        case .integer: return String(int64(at: index))
        case .real: return String(double(at: index))
        case .text, .blob: return withUTF8(at: index) { String(decoding: $0, as: UTF8.self) }
        }
    }

    public func optionalString(at index: Int) -> String? {
        isNull(at: index) ? nil : string(at: index)
    }

    /// The column as a whole number; text is parsed, anything unreadable is 0.
    public func integer(at index: Int) -> Int64 {
        switch kind(at: index) {
        case .integer: return int64(at: index)
        case .real: return Int64(exactly: double(at: index).rounded(.towardZero)) ?? 0
        case .text: return Int64(string(at: index)) ?? 0
        case .null, .blob: return 0
        }
    }

    public func optionalInteger(at index: Int) -> Int64? {
        isNull(at: index) ? nil : integer(at: index)
    }

    public func real(at index: Int) -> Double {
        switch kind(at: index) {
        case .integer: return Double(int64(at: index))
        case .real: return double(at: index)
        case .text: return Double(string(at: index)) ?? 0
        case .null, .blob: return 0
        }
    }

    public func value(at index: Int) -> SQLiteValue {
        switch kind(at: index) {
        case .null: return .null
        case .integer: return .integer(int64(at: index))
        case .real: return .real(double(at: index))
        case .text: return .text(string(at: index))
        case .blob: return .blob(withUTF8(at: index) { Array($0) })
        }
    }
}

extension Array: ColumnValues where Element == SQLiteValue {
    public var columnCount: Int { count }

    public func kind(at index: Int) -> ColumnKind {
        switch self[index] {
        case .null: return .null
        case .integer: return .integer
        case .real: return .real
        case .text: return .text
        case .blob: return .blob
        }
    }

    public func int64(at index: Int) -> Int64 {
        if case .integer(let value) = self[index] { return value }
        return 0
    }

    public func double(at index: Int) -> Double {
        if case .real(let value) = self[index] { return value }
        return 0
    }

    public func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch self[index] {
        case .text(var text): return try text.withUTF8(body)
        case .blob(let bytes): return try bytes.withUnsafeBufferPointer(body)
        default: return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
    }
}

/// The current row of a statement being stepped, read in place: no value is copied until a
/// caller asks for one. Valid only inside the `Database.forEachRow` call that hands it out.
public struct StatementCursor: ColumnValues {
    let handle: OpaquePointer
    let columns: ColumnIndex
    /// Where column 0 is in the statement's row (see `shifted(by:)`).
    let base: Int32

    init(handle: OpaquePointer, columns: ColumnIndex) {
        self.handle = handle
        self.columns = columns
        base = 0
    }

    private init(_ cursor: StatementCursor, base: Int32) {
        handle = cursor.handle
        columns = cursor.columns
        self.base = base
    }

    /// The same row with its columns counted from `offset`: the columns of a record selected
    /// after another's (a joined row) read as if they came first.
    public func shifted(by offset: Int) -> StatementCursor {
        StatementCursor(self, base: base + Int32(offset))
    }

    public var columnCount: Int { columns.names.count - Int(base) }

    /// The position of a result column by name (the first of duplicate names; in a shifted
    /// cursor, the first at or after its column 0).
    public func index(of name: String) -> Int? {
        guard base > 0 else { return columns.index(of: name) }
        return columns.names[Int(base)...].firstIndex(of: name).map { $0 - Int(base) }
    }

    public func kind(at index: Int) -> ColumnKind {
        switch sqlite3_column_type(handle, base + Int32(index)) {
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_TEXT: return .text
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    public func int64(at index: Int) -> Int64 { sqlite3_column_int64(handle, base + Int32(index)) }

    public func double(at index: Int) -> Double { sqlite3_column_double(handle, base + Int32(index)) }

    public func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        // The text first, then its length: the documented order for a stable length.
        let value = self.value(at: index)
        let pointer = sqlite3_value_text(value)
        let length = Int(sqlite3_value_bytes(value))
        return try body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : length))
    }

    /// The column's UTF-8 bytes, or nil for NULL: one call fewer than `isNull` then `withUTF8`
    /// (a NULL column has no text; an empty one has an empty buffer).
    public func withOptionalUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        let value = self.value(at: index)
        guard let pointer = sqlite3_value_text(value) else { return try body(nil) }
        return try body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value))))
    }

    /// The column as a whole number, nil for NULL; text is parsed as `integer(at:)` parses it.
    public func optionalInteger(at index: Int) -> Int64? {
        let value = self.value(at: index)
        switch sqlite3_value_type(value) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return sqlite3_value_int64(value)
        default: return integer(at: index)
        }
    }

    /// The column's kind and, when it holds an integer, its value (else 0): one look-up for
    /// both, for numbers written as stored.
    public func kindAndInteger(at index: Int) -> (ColumnKind, Int64) {
        let value = self.value(at: index)
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return (.integer, sqlite3_value_int64(value))
        case SQLITE_FLOAT: return (.real, 0)
        case SQLITE_TEXT: return (.text, 0)
        case SQLITE_BLOB: return (.blob, 0)
        default: return (.null, 0)
        }
    }

    /// The column's value object. Each `sqlite3_column_*` call looks the column up again (with
    /// a lock and an error check around it); one look-up and the `sqlite3_value_*` calls on what
    /// it returns read the same, in half the instructions, which a page of a hundred records
    /// reads thousands of times. SQLite calls such use of the value "not threadsafe": the
    /// statement is used by one caller at a time (`SerializedDatabase`).
    private func value(at index: Int) -> OpaquePointer? {
        sqlite3_column_value(handle, base + Int32(index))
    }
}
