extension Database {
    /// One window of the rows `filter` matches in `source` (a FROM clause: a table with its
    /// alias, possibly joined), in `order`, copied out as rows.
    public func page(
        select columns: String, from source: String, where filter: SQLFilter, orderBy order: String, window: OffsetWindow
    ) throws -> OffsetPage<Row> {
        try page(select: columns, from: source, where: filter, orderBy: order, window: window) { $0.row }
    }

    /// One window read in place: `read` turns each row into an item while the statement is on it
    /// (`Record(row:)` of a `StoredRecord`, or a `RecordView` writing straight into a response).
    /// `selectArguments` bind the `?`s of `columns` (a computed column such as a correlated
    /// subquery), which come before the filter's.
    public func page<Item>(
        select columns: String, selectArguments: [any SQLiteBindable] = [], from source: String, where filter: SQLFilter,
        orderBy order: String, window: OffsetWindow, read: (StatementCursor) throws -> Item
    ) throws -> OffsetPage<Item> {
        guard !window.isPastAnyList else { return OffsetPage(items: [], window: window, hasMore: false) }
        let (sql, windowArguments) = Self.windowQuery(columns, source, filter, order, window)
        let arguments = selectArguments + windowArguments
        var items: [Item] = []
        var seen = 0
        try forEachRow(sql, arguments: arguments) { cursor in
            seen += 1
            if seen <= window.limit { items.append(try read(cursor)) }
        }
        return OffsetPage(items: items, window: window, hasMore: seen > window.limit)
    }

    /// A window with the list's total, taken from `total`. A window that starts past a known
    /// end reads no rows.
    public func page(
        select columns: String, from source: String, where filter: SQLFilter, orderBy order: String, window: OffsetWindow,
        total: PageTotal
    ) throws -> CountedPage<Row> {
        try page(select: columns, from: source, where: filter, orderBy: order, window: window, total: total) { $0.row }
    }

    public func page<Item>(
        select columns: String, selectArguments: [any SQLiteBindable] = [], from source: String, where filter: SQLFilter,
        orderBy order: String, window: OffsetWindow, total: PageTotal, read: (StatementCursor) throws -> Item
    ) throws -> CountedPage<Item> {
        try counted(source, filter, window, total) {
            try page(
                select: columns, selectArguments: selectArguments, from: source, where: filter, orderBy: order, window: window,
                read: read)
        }
    }

    /// A window of a list whose length the provider knows (`total`, from counts it keeps, see
    /// `RowCounts`), read from whichever end of `order` is nearer. An offset costs as many rows
    /// as it skips, so a window past the middle is read backwards from the end of the list: the
    /// last page of a long list then costs what the first does. Items come in list order either
    /// way. `total` must be the number of rows `filter` matches.
    public func page<Item>(
        select columns: String, from source: String, where filter: SQLFilter, order: KeysetOrder, window: OffsetWindow,
        knownTotal total: Int, read: (StatementCursor) throws -> Item
    ) throws -> CountedPage<Item> {
        let total = max(0, total)
        guard window.offset < total, window.limit > 0 else {
            return CountedPage(page: OffsetPage(items: [], window: window, hasMore: false), total: total, totalIsCapped: false)
        }
        let count = min(window.limit, total - window.offset)
        let hasMore = window.offset + count < total
        let fromEnd = total - window.offset - count
        guard fromEnd < window.offset else {
            let page = try self.page(select: columns, from: source, where: filter, orderBy: order.orderBy(.forward), window: window, read: read)
            return CountedPage(page: OffsetPage(items: page.items, window: window, hasMore: hasMore), total: total, totalIsCapped: false)
        }
        var items: [Item] = []
        items.reserveCapacity(count)
        try forEachRow(
            "SELECT \(columns) FROM \(source) WHERE \(filter.clause) ORDER BY \(order.orderBy(.backward)) LIMIT ? OFFSET ?",
            arguments: filter.arguments + [count, fromEnd]
        ) { items.append(try read($0)) }
        return CountedPage(page: OffsetPage(items: items.reversed(), window: window, hasMore: hasMore), total: total, totalIsCapped: false)
    }

    /// Rows `filter` matches in `source`.
    public func count(from source: String, where filter: SQLFilter) throws -> Int {
        try queryOne("SELECT COUNT(*) AS n FROM \(source) WHERE \(filter.clause)", arguments: filter.arguments)?.int("n") ?? 0
    }

    /// Rows `filter` matches in `source`, counting no further than `cap`.
    public func count(from source: String, where filter: SQLFilter, upTo cap: Int) throws -> Int {
        try queryOne(
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM \(source) WHERE \(filter.clause) LIMIT ?)",
            arguments: filter.arguments + [max(0, cap)]
        )?.int("n") ?? 0
    }

    private func counted<Item>(
        _ source: String, _ filter: SQLFilter, _ window: OffsetWindow, _ total: PageTotal, read: () throws -> OffsetPage<Item>
    ) throws -> CountedPage<Item> {
        let count: Int
        let capped: Bool
        switch total {
        case .count: (count, capped) = (try self.count(from: source, where: filter), false)
        case .known(let known): (count, capped) = (known, false)
        case .countUpTo(let cap):
            count = try self.count(from: source, where: filter, upTo: cap)
            capped = count >= cap
        }
        if !capped && window.offset >= count {
            return CountedPage(page: OffsetPage(items: [], window: window, hasMore: false), total: count, totalIsCapped: false)
        }
        return CountedPage(page: try read(), total: count, totalIsCapped: capped)
    }

    /// `SELECT … LIMIT limit + 1 OFFSET offset`: the extra row tells whether more follow.
    private static func windowQuery(
        _ columns: String, _ source: String, _ filter: SQLFilter, _ order: String, _ window: OffsetWindow
    ) -> (String, [any SQLiteBindable]) {
        let (lookahead, overflow) = window.limit.addingReportingOverflow(1)
        return (
            "SELECT \(columns) FROM \(source) WHERE \(filter.clause) ORDER BY \(order) LIMIT ? OFFSET ?",
            filter.arguments + [overflow ? window.limit : lookahead, window.offset]
        )
    }
}
