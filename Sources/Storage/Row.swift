/// One result row, copied out of SQLite so it outlives the statement and can cross threads.
public struct Row: Sendable {
    public let values: [SQLiteValue]
    let columns: ColumnIndex

    /// The value of the column at `index` (0-based, in SELECT order).
    public subscript(index: Int) -> SQLiteValue { values[index] }

    /// The value of the named column, or `.null` when there is no such column.
    public subscript(name: String) -> SQLiteValue {
        guard let index = columns.index(of: name) else { return .null }
        return values[index]
    }

    public func string(_ name: String) -> String? {
        switch self[name] {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .null: return nil
        }
    }

    public func int(_ name: String) -> Int? {
        switch self[name] {
        case .integer(let value): return Int(value)
        case .real(let value): return Int(value)
        case .text(let text): return Int(text)
        default: return nil
        }
    }

    public func double(_ name: String) -> Double? {
        switch self[name] {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .text(let text): return Double(text)
        default: return nil
        }
    }

    public func bool(_ name: String) -> Bool? { int(name).map { $0 != 0 } }
}

extension StatementCursor {
    /// The current row, copied out (in a shifted cursor, its columns from column 0 on, by their names).
    public var row: Row {
        let names = base == 0 ? columns : ColumnIndex(names: Array(columns.names.dropFirst(Int(base))))
        return Row(values: (0..<columnCount).map { value(at: $0) }, columns: names)
    }
}

/// Column names of a statement's result, shared by all rows it produces.
final class ColumnIndex: Sendable {
    let names: [String]
    /// Built once per prepared statement (statements are cached), then shared by every row it
    /// returns: wide rows read by name (`SELECT *` of a 30-column table, thousands of rows a
    /// page) would otherwise compare names column by column on every read.
    private let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        // The first of duplicate names wins, as a scan from the left would find it.
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    func index(of name: String) -> Int? { positions[name] }
}
