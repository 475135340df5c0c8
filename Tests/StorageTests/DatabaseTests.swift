import Foundation
import Storage
import Testing

@Suite struct DatabaseTests {
    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price REAL, data BLOB)")
        return database
    }

    /// A cursor shifted to a joined record's columns copies them out under their own names.
    @Test func aShiftedCursorCopiesItsColumnsByTheirNames() throws {
        let database = try makeDatabase()
        var rows: [Row] = []
        try database.forEachRow("SELECT 1 AS id, 'outer' AS name, 2 AS id, 'inner' AS name", arguments: []) { cursor in
            rows = [cursor.row, cursor.shifted(by: 2).row]
        }
        #expect(rows.map { $0.string("name") } == ["outer", "inner"])
        #expect(rows.map { $0.int("id") } == [1, 2])
        #expect(rows[1].values.count == 2)
    }

    @Test func bindsAndReadsEveryValueType() throws {
        let database = try makeDatabase()
        try database.run("INSERT INTO items (id, name, price, data) VALUES (?, ?, ?, ?)", 7, "café ☕", 2.5, SQLiteValue.blob([1, 2, 3]))
        try database.run("INSERT INTO items (id, name, price, data) VALUES (?, ?, ?, ?)", 8, "plain", Optional<Double>.none, SQLiteValue.null)
        let rows = try database.query("SELECT id, name, price, data FROM items ORDER BY id")
        #expect(rows.count == 2)
        #expect(rows[0].int("id") == 7)
        #expect(rows[0].string("name") == "café ☕")
        #expect(rows[0].double("price") == 2.5)
        #expect(rows[0]["data"] == .blob([1, 2, 3]))
        #expect(rows[1]["price"] == .null)
        #expect(rows[1]["no_such_column"] == .null)
        #expect(database.lastInsertRowID == 8)
    }

    /// Text reaches SQLite with its byte length: a NUL inside it neither cuts it short nor
    /// lets a prefix match, and an empty string stays an empty string (not NULL).
    @Test func textWithANulIsStoredWholeAndMatchesOnlyItself() throws {
        let database = try makeDatabase()
        try database.run("INSERT INTO items (id, name) VALUES (?, ?)", 1, "Jo\u{0}hn Smith")
        try database.run("INSERT INTO items (id, name) VALUES (?, ?)", 2, "biscuit-box")
        try database.run("INSERT INTO items (id, name) VALUES (?, ?)", 3, "")
        #expect(try database.queryOne("SELECT name FROM items WHERE id = 1")?.string("name") == "Jo\u{0}hn Smith")
        #expect(try database.queryOne("SELECT length(CAST(name AS BLOB)) AS bytes FROM items WHERE id = 1")?.int("bytes") == 11)
        #expect(try database.query("SELECT id FROM items WHERE name = ?", "biscuit-box\u{0}XYZ").isEmpty)
        #expect(try database.query("SELECT id FROM items WHERE name = ?", "Jo").isEmpty)
        #expect(try database.queryOne("SELECT id FROM items WHERE name = ?", "Jo\u{0}hn Smith")?.int("id") == 1)
        #expect(try database.queryOne("SELECT name FROM items WHERE id = 3")?["name"] == .text(""))
    }

    @Test func reusesPreparedStatementsWithFreshBindings() throws {
        let database = try makeDatabase()
        for index in 1...50 {
            try database.run("INSERT INTO items (name) VALUES (?)", "item \(index)")
        }
        let row = try database.queryOne("SELECT count(*) AS total, max(name) AS last FROM items WHERE name LIKE ?", "item %")
        #expect(row?.int("total") == 50)
        #expect(row?.string("last") == "item 9")
    }

    @Test func reportsErrorsWithCodeAndStatement() throws {
        let database = try makeDatabase()
        try database.run("INSERT INTO items (name) VALUES (?)", "unique")
        do {
            try database.run("INSERT INTO items (name) VALUES (?)", "unique")
            Issue.record("a duplicate name must fail")
        } catch let error as SQLiteError {
            #expect(error.isConstraintViolation)
            #expect(error.message.contains("UNIQUE"))
            #expect(error.sql == "INSERT INTO items (name) VALUES (?)")
        }
        #expect(throws: SQLiteError.self) { try database.query("SELECT nothing FROM nowhere") }
    }

    @Test func transactionCommitsOnReturnAndRollsBackOnThrow() throws {
        let database = try makeDatabase()
        struct Abort: Error {}
        try database.transaction { try database.run("INSERT INTO items (name) VALUES ('kept')") }
        #expect(throws: Abort.self) {
            try database.transaction {
                try database.run("INSERT INTO items (name) VALUES ('dropped')")
                throw Abort()
            }
        }
        let names = try database.query("SELECT name FROM items").compactMap { $0.string("name") }
        #expect(names == ["kept"])
    }

    @Test func nestedTransactionRollsBackOnlyItsOwnWork() throws {
        let database = try makeDatabase()
        struct Abort: Error {}
        try database.transaction {
            try database.run("INSERT INTO items (name) VALUES ('outer')")
            try? database.transaction {
                try database.run("INSERT INTO items (name) VALUES ('inner')")
                throw Abort()
            }
        }
        let names = try database.query("SELECT name FROM items").compactMap { $0.string("name") }
        #expect(names == ["outer"])
    }

    @Test func restoreCopiesAnotherDatabaseWhole() throws {
        let source = try makeDatabase()
        try source.run("INSERT INTO items (name) VALUES ('from source')")
        let target = try Database(.memory)
        try target.execute("CREATE TABLE other (x)")
        try target.restore(from: source)
        #expect(try target.query("SELECT name FROM items").first?.string("name") == "from source")
        #expect(try target.tableNames(withPrefix: "oth").isEmpty)
        #expect(try target.tableNames(withPrefix: "ite") == ["items"])
    }

    @Test func sharedMemoryDatabaseCanBeAttached() throws {
        let name = "storage-test-\(UUID().uuidString)"
        let shared = try Database(.sharedMemory(name: name))
        try shared.execute("CREATE TABLE seeded (value TEXT); INSERT INTO seeded VALUES ('hello')")
        let other = try Database(.memory)
        try other.execute("ATTACH DATABASE '\(Database.sharedMemoryURI(name))' AS seed")
        #expect(try other.query("SELECT value FROM seed.seeded").first?.string("value") == "hello")
        withExtendedLifetime(shared) {}
    }

    @Test func fileDatabaseUsesWALAndSurvivesReopening() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("storage-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let database = try Database(.file(path: path))
            #expect(try database.query("PRAGMA journal_mode").first?.string("journal_mode") == "wal")
            try database.execute("CREATE TABLE notes (text TEXT)")
            try database.transaction { try database.run("INSERT INTO notes VALUES (?)", "persisted") }
        }
        let reopened = try Database(.file(path: path))
        #expect(try reopened.query("SELECT text FROM notes").first?.string("text") == "persisted")
    }

    @Test func serializedDatabaseWritesAreTransactionsAcrossThreads() throws {
        let shared = SerializedDatabase(try makeDatabase())
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<25 {
                _ = try? shared.write { try $0.run("INSERT INTO items (name) VALUES (?)", "t\(thread)-\(index)") }
            }
        }
        let total = try shared.read { try $0.queryOne("SELECT count(*) AS total FROM items")?.int("total") }
        #expect(total == 200)
    }
}
