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

    public var columnCount: Int { columns.names.count }

    /// The position of a result column by name (the first of duplicate names).
    public func index(of name: String) -> Int? { columns.index(of: name) }

    public func kind(at index: Int) -> ColumnKind {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_TEXT: return .text
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    public func int64(at index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    public func double(at index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }

    public func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        // sqlite3_column_text first, then _bytes: the documented order for a stable length.
        let pointer = sqlite3_column_text(handle, Int32(index))
        let length = Int(sqlite3_column_bytes(handle, Int32(index)))
        return try body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : length))
    }

    /// The UTF-8 bytes of a column as `withUTF8` reads them, in place, or nil for NULL: for text
    /// written once per field of every row of a page, so it asks SQLite for the column's value once
    /// and reads it through the `sqlite3_value` calls, which skip the per-call checks of the
    /// `sqlite3_column` ones (the value is unprotected, which matters only to a connection used by
    /// several threads at once; a `Database` is used by one at a time). Valid until the cursor
    /// moves or the column is read as another type.
    public func utf8UnlessNull(at index: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let value = sqlite3_column_value(handle, Int32(index)), let pointer = sqlite3_value_text(value) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value)))
    }
}
