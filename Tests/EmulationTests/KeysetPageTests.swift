import Emulation
import Testing

@Suite struct KeysetPageTests {
    /// `entries`: 17 rows of owner `o` (ids `e01`…`e17`) whose `created` repeats (ties broken by
    /// id), `updated` descending with id, and 3 rows of another owner.
    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute(
            """
            CREATE TABLE entries (id TEXT PRIMARY KEY, owner TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL);
            CREATE INDEX entries_by_created ON entries (owner, created, id);
            CREATE INDEX entries_by_updated ON entries (owner, updated, id);
            """)
        for number in 1...17 {
            let id = number < 10 ? "e0\(number)" : "e\(number)"
            try database.run("INSERT INTO entries VALUES (?, 'o', ?, ?)", id, 1000 + (number % 5) * 10, 5000 - number)
        }
        for number in 1...3 { try database.run("INSERT INTO entries VALUES (?, 'x', ?, ?)", "x\(number)", number, number) }
        return database
    }

    private let owner = SQLFilter("owner = ?", "o")

    /// Every id of owner `o` in `order`, read at once.
    private func expected(_ order: KeysetOrder, in database: Database) throws -> [String] {
        try database.query("SELECT id FROM entries WHERE owner = 'o' ORDER BY \(order.orderBy(.forward))").compactMap { $0.string("id") }
    }

    private func page(
        _ order: KeysetOrder, index: String, at position: KeysetPosition, limit: Int, in database: Database
    ) throws -> KeysetPage<Row> {
        try database.keysetPage(
            select: "id", from: "entries INDEXED BY \(index)", where: owner, order: order, at: position, limit: limit)
    }

    @Test func walksForwardThroughTiesWithoutLosingOrRepeatingRows() throws {
        let database = try makeDatabase()
        let order = KeysetOrder([.init("created"), .init("id")])
        var seen: [String] = []
        var position = KeysetPosition.start
        var pages = 0
        while pages < 20 {
            let page = try page(order, index: "entries_by_created", at: position, limit: 4, in: database)
            pages += 1
            #expect(page.hasPrevious == (pages > 1))
            seen += page.rows.compactMap { $0.string("id") }
            guard page.hasNext, let last = page.rows.last else { break }
            position = .after(order.key(of: last))
        }
        #expect(pages == 5)
        #expect(seen == (try expected(order, in: database)))
    }

    @Test func walksBackwardFromTheEndInDescendingOrder() throws {
        let database = try makeDatabase()
        let order = KeysetOrder([.init("updated", descending: true), .init("id", descending: true)])
        let all = try expected(order, in: database)
        #expect(all.first == "e01")
        let lastRow = try #require(try database.queryOne("SELECT \(order.keySelection) FROM entries WHERE id = 'e17'"))

        // Before the last row: the 5 rows preceding it, in list order, with rows on both sides.
        let beforeLast = try page(order, index: "entries_by_updated", at: .before(order.key(of: lastRow)), limit: 5, in: database)
        #expect(beforeLast.rows.compactMap { $0.string("id") } == Array(all[11..<16]))
        #expect(beforeLast.hasPrevious)
        #expect(beforeLast.hasNext)

        var seen: [String] = beforeLast.rows.compactMap { $0.string("id") }
        var current = beforeLast
        var pages = 1
        while current.hasPrevious, let first = current.rows.first, pages < 20 {
            current = try page(order, index: "entries_by_updated", at: .before(order.key(of: first)), limit: 5, in: database)
            pages += 1
            seen = current.rows.compactMap { $0.string("id") } + seen
        }
        #expect(pages == 4)
        #expect(!current.hasPrevious)
        #expect(seen == Array(all[0..<16]))
    }

    @Test func edgesOfTheList() throws {
        let database = try makeDatabase()
        let order = KeysetOrder([.init("created"), .init("id")])
        let all = try expected(order, in: database)
        func key(_ id: String) throws -> KeysetKey {
            order.key(of: try #require(try database.queryOne("SELECT \(order.keySelection) FROM entries WHERE id = ?", id)))
        }

        let whole = try page(order, index: "entries_by_created", at: .start, limit: 17, in: database)
        #expect(whole.rows.count == 17)
        #expect(!whole.hasPrevious && !whole.hasNext)

        let afterLast = try page(order, index: "entries_by_created", at: .after(try key(all[16])), limit: 5, in: database)
        #expect(afterLast.rows.isEmpty)
        #expect(!afterLast.hasNext)

        let beforeFirst = try page(order, index: "entries_by_created", at: .before(try key(all[0])), limit: 5, in: database)
        #expect(beforeFirst.rows.isEmpty)
        #expect(!beforeFirst.hasPrevious)

        let afterFirst = try page(order, index: "entries_by_created", at: .after(try key(all[0])), limit: 16, in: database)
        #expect(afterFirst.rows.compactMap { $0.string("id") } == Array(all[1...]))
        #expect(afterFirst.hasPrevious)
        #expect(!afterFirst.hasNext)
    }

    @Test func readsEachRowOfThePageInPlaceOnceInListOrder() throws {
        let database = try makeDatabase()
        let order = KeysetOrder([.init("updated", descending: true), .init("id", descending: true)])
        let all = try expected(order, in: database)
        func key(_ index: Int) throws -> KeysetKey {
            order.key(of: try #require(try database.queryOne("SELECT \(order.keySelection) FROM entries WHERE id = ?", all[index])))
        }
        // Each position with the indexes of `all` it reads from (`after`) or up to (`before`).
        let positions: [(KeysetPosition, after: Int?, before: Int?)] = [
            (.start, -1, nil), (.after(try key(3)), 3, nil), (.after(try key(16)), 16, nil),
            (.before(try key(12)), nil, 12), (.before(try key(2)), nil, 2), (.before(try key(0)), nil, 0),
        ]
        for (position, after, before) in positions {
            for limit in [1, 4, 20] {
                let range = after.map { ($0 + 1)..<min(all.count, $0 + 1 + limit) } ?? max(0, before! - limit)..<before!
                var reads = 0
                let page = try database.keysetPage(
                    select: "id", from: "entries INDEXED BY entries_by_updated", where: owner, order: order, at: position, limit: limit
                ) { cursor -> String in
                    reads += 1
                    return cursor.string(at: 0)
                }
                #expect(page.items == Array(all[range]), "\(position) \(limit)")
                #expect(reads == range.count)
                #expect(page.hasPrevious == (!range.isEmpty && range.lowerBound > 0))
                #expect(page.hasNext == (!range.isEmpty && range.upperBound < all.count))
            }
        }
    }

    @Test func seeksWithARangeOnTheIndexInsteadOfSorting() throws {
        let database = try makeDatabase()
        let order = KeysetOrder([.init("created", descending: true), .init("id", descending: true)])
        let key = KeysetKey([.integer(1020), .text("e07")])
        var filter = owner
        filter.add(order.seek(beyond: key, .forward))
        #expect(filter.clause == "owner = ? AND (created <= ? AND (created < ? OR (created = ? AND id < ?)))")
        #expect(filter.arguments.map(\.sqliteValue) == [.text("o"), .integer(1020), .integer(1020), .integer(1020), .text("e07")])
        let plan = try database.query(
            "EXPLAIN QUERY PLAN SELECT id FROM entries WHERE \(filter.clause) ORDER BY \(order.orderBy(.forward)) LIMIT 5",
            arguments: filter.arguments
        ).compactMap { $0.string("detail") }.joined(separator: "\n")
        #expect(plan.contains("USING COVERING INDEX entries_by_created (owner=? AND created<?)"))
        #expect(!plan.contains("TEMP B-TREE"))
        #expect(order.orderBy(.backward) == "created ASC, id ASC")
    }
}
