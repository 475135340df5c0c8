/// Tables the framework itself keeps in every world.
enum FrameworkSchema {
    static let sql = """
        CREATE TABLE IF NOT EXISTS understudy_sequences (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """
}

extension Database {
    /// Moves the sequence on by `count` values at once; returns the last of them.
    public func advanceSequence(_ name: String, by count: Int64) throws -> Int64 {
        let rows = try query(
            """
            INSERT INTO understudy_sequences (name, value) VALUES (?1, ?2)
            ON CONFLICT (name) DO UPDATE SET value = value + ?2
            RETURNING value
            """, name, count)
        return rows.first?[0].integerValue ?? count
    }

    /// The next value of a named counter (1, 2, 3…), stored with the world's data so ids the
    /// server creates are deterministic: the same requests after a reset yield the same ids.
    /// Name counters `provider.what` (e.g. `goevent.objectId`) so a provider reset restores its own.
    public func nextSequenceValue(_ name: String) throws -> Int64 {
        let rows = try query(
            """
            INSERT INTO understudy_sequences (name, value) VALUES (?1, 1)
            ON CONFLICT (name) DO UPDATE SET value = value + 1
            RETURNING value
            """, name)
        return rows.first?[0].integerValue ?? 1
    }
}

extension SQLiteValue {
    var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
