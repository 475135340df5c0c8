import Emulation
import Testing

@Suite struct OffsetWindowTests {
    @Test func pagesOfASizeMapToOffsets() {
        #expect(OffsetWindow(page: 1, size: 10) == OffsetWindow(offset: 0, limit: 10))
        #expect(OffsetWindow(page: 3, size: 10) == OffsetWindow(offset: 20, limit: 10))
        #expect(OffsetWindow(page: 0, size: 10).offset == 0)
        #expect(OffsetWindow(offset: -5, limit: -1) == OffsetWindow(offset: 0, limit: 0))
        #expect(!OffsetWindow(page: 3, size: 10).isPastAnyList)
    }

    @Test func aPageNumberTooLargeForAnOffsetLiesPastAnyList() {
        let window = OffsetWindow(page: Int.max, size: 1000)
        #expect(window.offset == Int.max)
        #expect(window.isPastAnyList)
        #expect(window.end == Int.max)
    }

    @Test func countsPages() {
        let window = OffsetWindow(offset: 0, limit: 10)
        #expect(window.pageCount(total: 0) == 0)
        #expect(window.pageCount(total: 1) == 1)
        #expect(window.pageCount(total: 10) == 1)
        #expect(window.pageCount(total: 25) == 3)
        #expect(window.pageCount(total: 30) == 3)
        #expect(OffsetWindow(offset: 0, limit: 0).pageCount(total: 30) == 0)
    }

    @Test func neighbouringWindows() {
        let window = OffsetWindow(offset: 15, limit: 10)
        #expect(window.previous == OffsetWindow(offset: 5, limit: 10))
        #expect(window.previous?.previous == OffsetWindow(offset: 0, limit: 10))
        #expect(OffsetWindow(offset: 0, limit: 10).previous == nil)
        #expect(window.next == OffsetWindow(offset: 25, limit: 10))
        #expect(window.last(total: 25) == OffsetWindow(offset: 20, limit: 10))
        #expect(window.last(total: 30) == OffsetWindow(offset: 20, limit: 10))
        #expect(window.last(total: 31) == OffsetWindow(offset: 30, limit: 10))
        #expect(window.last(total: 0) == OffsetWindow(offset: 0, limit: 10))
        #expect(OffsetWindow(offset: 7, limit: 0).last(total: 9) == OffsetWindow(offset: 0, limit: 0))
    }
}

@Suite struct OffsetPageTests {
    /// `items`: 25 of group `a` (ids 1–25) and 5 of group `b` (ids 26–30), `n` = id * 10.
    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute(
            """
            CREATE TABLE items (id INTEGER PRIMARY KEY, grp TEXT NOT NULL, n INTEGER NOT NULL);
            CREATE INDEX items_by_group ON items (grp, id);
            """)
        for id in 1...30 { try database.run("INSERT INTO items (id, grp, n) VALUES (?, ?, ?)", id, id <= 25 ? "a" : "b", id * 10) }
        return database
    }

    private let groupA = SQLFilter("i.grp = ?", "a")

    private func ids(_ rows: [Row]) -> [Int] { rows.compactMap { $0.int("id") } }

    /// Group `a` by id, counted as `total` says.
    private func countedPage(_ window: OffsetWindow, _ total: PageTotal, in database: Database) throws -> CountedPage<Row> {
        try database.page(select: "i.id", from: "items AS i", where: groupA, orderBy: "i.id", window: window, total: total)
    }

    @Test func readsAWindowAndWhetherMoreFollow() throws {
        let database = try makeDatabase()
        func page(_ number: Int) throws -> OffsetPage<Row> {
            try database.page(
                select: "i.id", from: "items AS i", where: groupA, orderBy: "i.id", window: OffsetWindow(page: number, size: 10))
        }
        #expect(ids(try page(1).items) == Array(1...10))
        #expect(try page(1).hasMore)
        #expect(ids(try page(3).items) == Array(21...25))
        #expect(try !page(3).hasMore)
        #expect(try page(4).items.isEmpty)
        #expect(try !page(4).hasMore)

        let exactlyFull = try database.page(
            select: "i.id", from: "items AS i", where: SQLFilter("i.grp = ?", "b"), orderBy: "i.id DESC",
            window: OffsetWindow(offset: 0, limit: 5))
        #expect(ids(exactlyFull.items) == [30, 29, 28, 27, 26])
        #expect(!exactlyFull.hasMore)
    }

    @Test func aWindowOfNoRowsStillTellsWhetherRowsFollow() throws {
        let database = try makeDatabase()
        let empty = try database.page(
            select: "i.id", from: "items AS i", where: groupA, orderBy: "i.id", window: OffsetWindow(offset: 24, limit: 0))
        #expect(empty.items.isEmpty)
        #expect(empty.hasMore)
    }

    @Test func aWindowPastAnyListReadsNothing() throws {
        let database = try makeDatabase()
        let page = try database.page(
            select: "i.id", from: "items AS i", where: groupA, orderBy: "i.id", window: OffsetWindow(page: Int.max, size: 50))
        #expect(page.items.isEmpty)
        #expect(!page.hasMore)
    }

    @Test func countsTheFilteredRows() throws {
        let database = try makeDatabase()
        let page = try countedPage(OffsetWindow(page: 2, size: 10), .count, in: database)
        #expect(ids(page.items) == Array(11...20))
        #expect(page.total == 25)
        #expect(!page.totalIsCapped)
        #expect(page.pageCount == 3)
        #expect(page.hasMore)

        let pastTheEnd = try countedPage(OffsetWindow(page: 9, size: 10), .count, in: database)
        #expect(pastTheEnd.items.isEmpty)
        #expect(pastTheEnd.total == 25)
        #expect(pastTheEnd.pageCount == 3)
    }

    @Test func takesAKnownTotalAsIs() throws {
        let database = try makeDatabase()
        let page = try countedPage(OffsetWindow(offset: 0, limit: 10), .known(1234), in: database)
        #expect(page.total == 1234)
        #expect(page.pageCount == 124)
        #expect(ids(page.items) == Array(1...10))

        // A known end is believed: a window past it reads no rows.
        let beyond = try countedPage(OffsetWindow(offset: 10, limit: 10), .known(10), in: database)
        #expect(beyond.items.isEmpty)
        #expect(beyond.total == 10)
    }

    @Test func aCappedCountStopsAtItsCap() throws {
        let database = try makeDatabase()
        let capped = try countedPage(OffsetWindow(offset: 20, limit: 10), .countUpTo(12), in: database)
        #expect(capped.total == 12)
        #expect(capped.totalIsCapped)
        // Past the cap the rows are still read: the list may go on.
        #expect(ids(capped.items) == Array(21...25))
        #expect(!capped.hasMore)

        let under = try database.page(
            select: "i.id", from: "items AS i", where: SQLFilter("i.grp = ?", "b"), orderBy: "i.id",
            window: OffsetWindow(offset: 0, limit: 2), total: .countUpTo(12))
        #expect(under.total == 5)
        #expect(!under.totalIsCapped)
        #expect(ids(under.items) == [26, 27])
        #expect(under.hasMore)

        #expect(try database.count(from: "items AS i", where: groupA) == 25)
        #expect(try database.count(from: "items AS i", where: groupA, upTo: 7) == 7)
        #expect(try database.count(from: "items AS i", where: groupA, upTo: 100) == 25)
    }

    @Test func readsItemsInPlace() throws {
        let database = try makeDatabase()
        let page = try database.page(
            select: "i.id, i.n", from: "items AS i", where: groupA, orderBy: "i.n DESC", window: OffsetWindow(offset: 1, limit: 3)
        ) { cursor in cursor.integer(at: 1) }
        #expect(page.items == [240, 230, 220])
        #expect(page.hasMore)

        let counted = try database.page(
            select: "i.id, i.n", from: "items AS i", where: groupA, orderBy: "i.n", window: OffsetWindow(offset: 23, limit: 3),
            total: .count
        ) { cursor in cursor.integer(at: 0) }
        #expect(counted.items == [24, 25])
        #expect(counted.total == 25)
        #expect(!counted.hasMore)
    }

    @Test func aKnownTotalReadsTheFarHalfBackwardsInListOrder() throws {
        let database = try makeDatabase()
        // Group a by n descending, ties on id: the order a page past the middle is read against.
        let order = KeysetOrder([.init("i.n", descending: true), .init("i.id", descending: true)])
        func page(_ window: OffsetWindow, total: Int = 25) throws -> CountedPage<Int64> {
            try database.page(
                select: "i.id", from: "items AS i", where: groupA, order: order, window: window, knownTotal: total
            ) { $0.integer(at: 0) }
        }
        for number in 1...3 {
            let window = OffsetWindow(page: number, size: 4)
            let expected = try database.page(
                select: "i.id", from: "items AS i", where: groupA, orderBy: order.orderBy(.forward), window: window
            ) { $0.integer(at: 0) }
            #expect(try page(window).items == expected.items)
        }
        let last = try page(OffsetWindow(page: 7, size: 4))
        #expect(last.items == [1])
        #expect(!last.hasMore)
        #expect(last.total == 25)
        let nearTheEnd = try page(OffsetWindow(offset: 20, limit: 4))
        #expect(nearTheEnd.items == [5, 4, 3, 2])
        #expect(nearTheEnd.hasMore)
        #expect(try page(OffsetWindow(offset: 25, limit: 4)).items.isEmpty)
        #expect(try page(OffsetWindow(offset: 0, limit: 0)).items.isEmpty)
        #expect(try page(OffsetWindow(page: Int.max, size: 10)).items.isEmpty)
    }
}
