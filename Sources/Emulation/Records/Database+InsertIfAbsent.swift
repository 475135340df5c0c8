extension Database {
    /// Stores a record unless its key (or a unique column) is taken already; returns whether it
    /// was stored. For records a client may add twice, such as a revoked token.
    @discardableResult
    public func insertIfAbsent<Record: StoredRecord>(_ record: Record) throws -> Bool {
        let table = Record.table
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        try run(
            "INSERT OR IGNORE INTO \(table.name) (\(table.selectList())) VALUES (\(placeholders))", arguments: try record.columnValues())
        return changes > 0
    }
}
