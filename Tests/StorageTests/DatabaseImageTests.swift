import Foundation
import Storage
import Testing

@Suite struct DatabaseImageTests {
    /// An image of a small database with one table of `rows` rows.
    private func makeImage(rows: Int = 3) throws -> DatabaseImage {
        let source = try Database(.memory)
        try source.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        try source.transaction {
            for id in 1...rows { try source.run("INSERT INTO items (id, name) VALUES (?, ?)", id, "item \(id)") }
        }
        return try DatabaseImage(copying: source)
    }

    private func names(_ database: Database) throws -> [String] {
        try database.query("SELECT name FROM items ORDER BY id").compactMap { $0.string("name") }
    }

    /// Each copy-on-write database starts as the image and keeps its writes to itself.
    @Test func copiesOnWriteAreIndependentOfEachOtherAndOfTheImage() throws {
        let image = try makeImage()
        let first = try Database(copyOnWriteOf: image)
        let second = try Database(copyOnWriteOf: image)
        try first.transaction {
            try first.run("UPDATE items SET name = 'changed' WHERE id = 1")
            try first.run("DELETE FROM items WHERE id = 3")
        }
        #expect(try names(first) == ["changed", "item 2"])
        #expect(try names(second) == ["item 1", "item 2", "item 3"])
        #expect(try names(Database(copyOnWriteOf: image)) == ["item 1", "item 2", "item 3"])
        #expect(try names(Database(reading: image)) == ["item 1", "item 2", "item 3"])
    }

    /// A copy grows past the image's size into the room reserved after it, and rolls back.
    @Test func aCopyGrowsPastTheImageAndRollsBack() throws {
        let image = try makeImage()
        let database = try Database(copyOnWriteOf: image)
        let text = String(repeating: "x", count: 4_000)
        try database.transaction {
            for id in 100..<1_100 { try database.run("INSERT INTO items (id, name) VALUES (?, ?)", id, text) }
        }
        #expect(try database.query("SELECT count(*) AS n FROM items").first?.int("n") == 1_003)
        #expect(try database.pageCount() * 4_096 > image.size + 4_000_000)
        struct Abandoned: Error {}
        #expect(throws: Abandoned.self) {
            try database.transaction {
                try database.run("DELETE FROM items")
                throw Abandoned()
            }
        }
        #expect(try database.query("SELECT count(*) AS n FROM items").first?.int("n") == 1_003)
    }

    /// Where the address space cannot be reserved (here: more than a process has), the image
    /// is copied into memory instead, and the copy behaves the same.
    @Test func aCopyThatCannotBeMappedIsCopiedIntoMemory() throws {
        let image = try makeImage()
        let database = try Database(copyOnWriteOf: image, growth: 1 << 60)
        try database.run("UPDATE items SET name = 'changed' WHERE id = 2")
        try database.run("INSERT INTO items (id, name) VALUES (4, ?)", String(repeating: "y", count: 100_000))
        #expect(try names(database).prefix(3) == ["item 1", "changed", "item 3"])
        #expect(try names(Database(reading: image)) == ["item 1", "item 2", "item 3"])
    }

    /// The read-only connection to an image refuses writes with SQLite's read-only error.
    @Test func aReadingConnectionRefusesWrites() throws {
        let reader = try Database(reading: try makeImage())
        #expect(throws: SQLiteError.self) { try reader.run("DELETE FROM items") }
        #expect(try names(reader) == ["item 1", "item 2", "item 3"])
    }

    /// An image written to a file is a database file, and an image of that file is the same database.
    @Test func anImageWrittenToAFileOpensAsADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("image-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let image = try makeImage(rows: 500)
        try image.write(to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(16) == Data("SQLite format 3\0".utf8))
        let reopened = try DatabaseImage(file: path)
        #expect(reopened.size == image.size)
        #expect(try names(Database(reading: reopened)).count == 500)
        #expect(try names(Database(copyOnWriteOf: reopened)).last == "item 500")
    }

    /// A copy outlives the image object it was made from (the mapping holds the pages).
    @Test func aCopyOutlivesItsImageObject() throws {
        var image: DatabaseImage? = try makeImage()
        let database = try Database(copyOnWriteOf: image!)
        image = nil
        #expect(try names(database) == ["item 1", "item 2", "item 3"])
    }
}
