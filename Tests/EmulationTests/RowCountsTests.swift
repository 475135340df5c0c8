import Emulation
import Testing

@Suite struct RowCountsTests {
    private static let counts = RowCounts(
        "test_orders", suffix: "counts", groupedBy: ["shop_id", "test_mode"],
        counts: [
            .init("orders") { _ in "1" },
            .init("cancelled") { "\($0).state = 'cancelled'" },
            .init("revenue") { "CASE WHEN \($0).state != 'cancelled' THEN \($0).total ELSE 0 END" },
        ])

    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute(
            """
            CREATE TABLE test_orders (
                id INTEGER PRIMARY KEY, shop_id INTEGER NOT NULL, test_mode INTEGER NOT NULL, state TEXT NOT NULL,
                total INTEGER NOT NULL);
            """ + Self.counts.schema)
        return database
    }

    /// The kept counts, and the same counted from the orders themselves.
    private func keptAndCounted(_ database: Database, shop: Int) throws -> ([String: Int], [String: Int]) {
        let kept = try Self.counts.sums(where: SQLFilter("shop_id = ?", shop), in: database)
        let row = try database.queryOne(
            """
            SELECT COUNT(*) AS orders, COALESCE(SUM(state = 'cancelled'), 0) AS cancelled,
                COALESCE(SUM(CASE WHEN state != 'cancelled' THEN total ELSE 0 END), 0) AS revenue
            FROM test_orders WHERE shop_id = ?
            """, shop)
        let counted = ["orders": row?.int("orders") ?? -1, "cancelled": row?.int("cancelled") ?? -1, "revenue": row?.int("revenue") ?? -1]
        return (kept, counted)
    }

    @Test func followEveryInsertUpdateAndDelete() throws {
        let database = try makeDatabase()
        #expect(Self.counts.table == "test_orders_counts")
        #expect(try Self.counts.sums(where: SQLFilter("shop_id = ?", 1), in: database) == ["orders": 0, "cancelled": 0, "revenue": 0])
        for id in 1...6 {
            try database.run(
                "INSERT INTO test_orders (id, shop_id, test_mode, state, total) VALUES (?, ?, ?, 'complete', ?)",
                id, id <= 4 ? 1 : 2, id % 2, id * 100)
        }
        try database.run("UPDATE test_orders SET state = 'cancelled' WHERE id = 2")
        try database.run("UPDATE test_orders SET shop_id = 2 WHERE id = 3")
        try database.run("DELETE FROM test_orders WHERE id = 4")
        for shop in [1, 2] {
            let (kept, counted) = try keptAndCounted(database, shop: shop)
            #expect(kept == counted)
        }
        #expect(try Self.counts.sums(where: SQLFilter("shop_id = ?", 1), in: database) == ["orders": 2, "cancelled": 1, "revenue": 100])
        var liveOnly = SQLFilter("shop_id = ?", 2)
        liveOnly.add("test_mode = ?", 0)
        #expect(try Self.counts.sums(where: liveOnly, in: database)["orders"] == 1)
        #expect(try Self.counts.sum("orders", forGroup: 2, 0, in: database) == 1)
    }

    @Test func aRowWithANullGroupColumnIsInNoGroup() throws {
        let byOwner = RowCounts("test_notes", suffix: "counts", groupedBy: ["owner"], counts: [.init("notes") { _ in "1" }])
        let database = try Database(.memory)
        try database.execute("CREATE TABLE test_notes (id INTEGER PRIMARY KEY, owner TEXT);" + byOwner.schema)
        try database.run("INSERT INTO test_notes (id, owner) VALUES (1, 'ann'), (2, NULL), (3, 'ann')")
        #expect(try byOwner.sum("notes", forGroup: "ann", in: database) == 2)
        try database.run("UPDATE test_notes SET owner = 'bob' WHERE id = 2")
        try database.run("UPDATE test_notes SET owner = NULL WHERE id = 1")
        #expect(try byOwner.sum("notes", forGroup: "ann", in: database) == 1)
        #expect(try byOwner.sum("notes", forGroup: "bob", in: database) == 1)
        #expect(try database.count(from: "test_notes_counts", where: SQLFilter()) == 2)
    }
}
