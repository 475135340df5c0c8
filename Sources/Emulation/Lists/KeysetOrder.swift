/// Which way a keyset page reads from its key: on in list order, or back against it.
public enum KeysetDirection: Sendable {
    case forward
    case backward
}

/// A row's position in a `KeysetOrder`: its value of each of the order's columns.
public struct KeysetKey: Sendable, Equatable {
    public let values: [SQLiteValue]

    public init(_ values: [SQLiteValue]) { self.values = values }
}

/// A list order for keyset paging: columns by priority, the last one unique (an id) so every
/// row has a position of its own. A page then starts strictly after (or before) a known row with
/// a condition on the columns, which an index in this order answers as a range, instead of
/// skipping rows as an offset does.
public struct KeysetOrder: Sendable {
    public struct Column: Sendable, Equatable {
        /// A column or expression of the list's rows.
        public let expression: String
        public let descending: Bool

        public init(_ expression: String, descending: Bool = false) {
            self.expression = expression
            self.descending = descending
        }
    }

    public let columns: [Column]

    public init(_ columns: [Column]) {
        precondition(!columns.isEmpty, "a keyset order needs at least its unique column")
        self.columns = columns
    }

    /// The ORDER BY text reading in `direction` (backward reverses every column).
    public func orderBy(_ direction: KeysetDirection) -> String {
        columns.map { column in
            let descending = column.descending != (direction == .backward)
            return "\(column.expression) \(descending ? "DESC" : "ASC")"
        }.joined(separator: ", ")
    }

    /// Rows strictly beyond `key` in `direction`: the exact lexicographic condition
    /// `(a > ? OR (a = ? AND (b > ? OR (b = ? AND id > ?))))`, preceded by the range `a >= ?`
    /// on the first column so that SQLite seeks the index instead of filtering it.
    public func seek(beyond key: KeysetKey, _ direction: KeysetDirection) -> SQLFilter {
        precondition(key.values.count == columns.count, "a key holds one value per column of its order")
        let parts = zip(columns, key.values).map { column, value in
            (expression: column.expression, greater: column.descending == (direction == .backward), value: value)
        }
        var arguments: [any SQLiteBindable] = [parts[0].value]
        func nested(_ index: Int) -> String {
            let part = parts[index]
            let comparison = "\(part.expression) \(part.greater ? ">" : "<") ?"
            arguments.append(part.value)
            guard index + 1 < parts.count else { return comparison }
            arguments.append(part.value)
            return "(\(comparison) OR (\(part.expression) = ? AND \(nested(index + 1))))"
        }
        let range = "\(parts[0].expression) \(parts[0].greater ? ">=" : "<=") ?"
        let exact = nested(0)
        return SQLFilter("(\(range) AND \(exact))", arguments: arguments)
    }

    /// SELECT list items that read a row's key, for `key(of:)`: `a AS keyset_0, …`.
    public var keySelection: String {
        columns.enumerated().map { "\($0.element.expression) AS \(Self.alias($0.offset))" }.joined(separator: ", ")
    }

    /// The key of a row read with `keySelection` among its columns.
    public func key(of row: Row) -> KeysetKey {
        KeysetKey(columns.indices.map { row[Self.alias($0)] })
    }

    /// The key of a row whose last columns are `keySelection`, read in place.
    func key(atEndOf row: some ColumnValues) -> KeysetKey {
        let start = row.columnCount - columns.count
        return KeysetKey(columns.indices.map { row.value(at: start + $0) })
    }

    private static func alias(_ index: Int) -> String { "keyset_\(index)" }
}
