import Storage

/// A table of the seed, as a reset copies it: its name, its columns and whether it has rowids.
struct SeedTable: Sendable {
    let name: String
    let columns: [String]
    /// False for a table WITHOUT ROWID, whose changes the update hook does not report.
    let hasRowid: Bool

    var quotedName: String { Self.quoted(name) }
    /// The columns a copy reads and writes: the rowid first, where there is one, so a row
    /// copied back keeps the rowid the change log knows it by.
    var copiedColumns: String {
        let quoted = columns.map(Self.quoted).joined(separator: ", ")
        return hasRowid ? "rowid, " + quoted : quoted
    }

    /// Every table of the main schema but SQLite's own.
    static func all(in database: Database) throws -> [SeedTable] {
        let tables = try database.query(
            "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
        return try tables.map { table in
            let name = table.string("name") ?? ""
            let columns = try database.query("SELECT name FROM pragma_table_info(?)", name).compactMap { $0.string("name") }
            return SeedTable(name: name, columns: columns, hasRowid: table.int("wr") == 0)
        }
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
