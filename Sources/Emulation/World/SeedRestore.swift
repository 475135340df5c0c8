import Storage

/// Puts a world's database back to the seed, copying only the rows written since the last
/// reset: the connection's `ChangeLog` names them, and each is deleted and copied again from
/// the snapshot with its rowid, so a test that wrote a few rows is reset in a fraction of a
/// millisecond instead of a copy of every page. Tables WITHOUT ROWID (a few small ones) are
/// copied whole when anything was written. Triggers and foreign keys are off meanwhile: every
/// row they touched is in the log too, and each must end exactly as the seed has it.
struct SeedRestore {
    let seed: SeedSnapshot
    let database: Database

    /// Past this many changed rows a page copy of the whole seed is quicker than row by row.
    static let rowByRowLimit = 5_000
    /// Rowids per statement, so a statement's argument stays small.
    private static let rowidsPerStatement = 500

    /// Resets every table (`provider` nil) or the tables and counters of one provider.
    func run(provider: String?) throws {
        let log = database.startChangeLog()
        if provider == nil && (log.isIncomplete || log.rowCount > Self.rowByRowLimit) {
            try seed.database.read { try database.restore(from: $0) }
            log.clearAndMark()
            return
        }
        guard log.hasWritesSinceMark || log.isIncomplete else { return }
        let prefix = provider.map { $0 + "_" }
        let tables = seed.tables.filter { prefix == nil || $0.name.hasPrefix(prefix!) }
        try database.withTriggersAndForeignKeysOff {
            try database.transaction {
                for table in tables {
                    if log.isIncomplete || !table.hasRowid {
                        try restoreWholeTable(table)
                    } else if let rowids = log.rowsByTable[table.name] {
                        try restoreRows(Array(rowids), of: table)
                    }
                }
                if let provider { try restoreCounters(of: provider) }
            }
        }
        if let prefix {
            log.clear { $0.hasPrefix(prefix) }
        } else {
            log.clearAndMark()
        }
    }

    private func restoreRows(_ rowids: [Int64], of table: SeedTable) throws {
        for start in stride(from: 0, to: rowids.count, by: Self.rowidsPerStatement) {
            let list = "[" + rowids[start..<min(rowids.count, start + Self.rowidsPerStatement)].map(String.init).joined(separator: ",") + "]"
            let chosen = "rowid IN (SELECT value FROM json_each(?))"
            try database.run("DELETE FROM \(table.quotedName) WHERE \(chosen)", list)
            let rows = try seed.database.read {
                try $0.query("SELECT \(table.copiedColumns) FROM \(table.quotedName) WHERE \(chosen)", list)
            }
            try insert(rows, into: table)
        }
    }

    private func restoreWholeTable(_ table: SeedTable) throws {
        try database.run("DELETE FROM \(table.quotedName)")
        let rows = try seed.database.read { try $0.query("SELECT \(table.copiedColumns) FROM \(table.quotedName)") }
        try insert(rows, into: table)
    }

    /// `rows` hold `table.copiedColumns`.
    private func insert(_ rows: [Row], into table: SeedTable) throws {
        let placeholders = Array(repeating: "?", count: table.columns.count + (table.hasRowid ? 1 : 0)).joined(separator: ", ")
        let sql = "INSERT INTO \(table.quotedName) (\(table.copiedColumns)) VALUES (\(placeholders))"
        for row in rows {
            try database.run(sql, arguments: row.values)
        }
    }

    /// The provider's id counters (`provider.what` in `understudy_sequences`).
    private func restoreCounters(of provider: String) throws {
        let ofProvider = "substr(name, 1, length(?1)) = ?1"
        let prefix = provider + "."
        try database.run("DELETE FROM understudy_sequences WHERE \(ofProvider)", prefix)
        let rows = try seed.database.read { try $0.query("SELECT name, value FROM understudy_sequences WHERE \(ofProvider)", prefix) }
        for row in rows {
            try database.run("INSERT INTO understudy_sequences (name, value) VALUES (?, ?)", arguments: row.values)
        }
    }
}
