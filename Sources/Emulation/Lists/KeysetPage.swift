/// Where a keyset page starts: at the start of the list, or strictly after or before a row.
public enum KeysetPosition: Sendable, Equatable {
    case start
    case after(KeysetKey)
    case before(KeysetKey)
}

/// The items of a keyset page, in list order, and whether rows lie on either side of it.
public struct KeysetPage<Item> {
    public let items: [Item]
    public let hasPrevious: Bool
    public let hasNext: Bool

    public init(items: [Item], hasPrevious: Bool, hasNext: Bool) {
        self.items = items
        self.hasPrevious = hasPrevious
        self.hasNext = hasNext
    }
}

extension KeysetPage: Sendable where Item: Sendable {}

extension KeysetPage where Item == Row {
    /// The page's rows. Each also carries its key (`KeysetOrder.key(of:)` reads it), from which
    /// a next page can start.
    public var rows: [Row] { items }
}

extension Database {
    /// Up to `limit` rows `filter` matches in `source`, in `order`, from `position`, copied out.
    public func keysetPage(
        select columns: String, from source: String, where filter: SQLFilter, order: KeysetOrder,
        at position: KeysetPosition, limit: Int
    ) throws -> KeysetPage<Row> {
        try keysetPage(select: columns, from: source, where: filter, order: order, at: position, limit: limit) { $0.row }
    }

    /// Up to `limit` rows `filter` matches in `source`, in `order`, from `position`, each turned
    /// into an item by `read` while the statement is on it (a `RecordView` writing straight into a
    /// response). `read` sees exactly the page's rows, in list order, once each.
    ///
    /// Rows are read from the key along the order (one extra tells whether more follow that way);
    /// whether rows lie on the other side is one `LIMIT 1` probe from the page's edge. A page
    /// before a key first reads the keys back from it (the index alone, when it covers the order),
    /// then the rows forward from where the page starts. No row is skipped, so a page at the end of
    /// a long list costs what the first does, provided `source` reads through an index in `order`
    /// (name it: `table INDEXED BY index`). From the start, `hasPrevious` is false; a page with
    /// no rows has no edge to probe from, so it reports nothing on that side either.
    public func keysetPage<Item>(
        select columns: String, from source: String, where filter: SQLFilter, order: KeysetOrder,
        at position: KeysetPosition, limit: Int, read: (StatementCursor) throws -> Item
    ) throws -> KeysetPage<Item> {
        let limit = min(max(0, limit), Int.max - 1)
        /// The condition of rows beyond `key` in `direction`, within the filter.
        func beyond(_ key: KeysetKey?, _ direction: KeysetDirection) -> SQLFilter {
            var condition = filter
            if let key { condition.add(order.seek(beyond: key, direction)) }
            return condition
        }
        /// Reads up to `count` rows forward from `key`; returns how many matched (up to `count + 1`)
        /// and the key of the first row read.
        func readForward(from key: KeysetKey?, count: Int, into items: inout [Item]) throws -> (matched: Int, first: KeysetKey?) {
            let condition = beyond(key, .forward)
            var matched = 0
            var first: KeysetKey?
            try forEachRow(
                "SELECT \(columns), \(order.keySelection) FROM \(source) WHERE \(condition.clause) ORDER BY \(order.orderBy(.forward)) LIMIT ?",
                arguments: condition.arguments + [count + 1]
            ) { cursor in
                matched += 1
                guard matched <= count else { return }
                if matched == 1 { first = order.key(atEndOf: cursor) }
                items.append(try read(cursor))
            }
            return (matched, first)
        }
        func exists(_ direction: KeysetDirection, from key: KeysetKey) throws -> Bool {
            let condition = beyond(key, direction)
            return try queryOne(
                "SELECT 1 FROM \(source) WHERE \(condition.clause) ORDER BY \(order.orderBy(direction)) LIMIT 1",
                arguments: condition.arguments) != nil
        }

        var items: [Item] = []
        items.reserveCapacity(Swift.min(limit, 1_000))
        switch position {
        case .start:
            let forward = try readForward(from: nil, count: limit, into: &items)
            return KeysetPage(items: items, hasPrevious: false, hasNext: forward.matched > limit)
        case .after(let key):
            let forward = try readForward(from: key, count: limit, into: &items)
            let hasPrevious = try forward.first.map { try exists(.backward, from: $0) } ?? false
            return KeysetPage(items: items, hasPrevious: hasPrevious, hasNext: forward.matched > limit)
        case .before(let key):
            // The keys of the page and of the row before it, nearest first.
            let condition = beyond(key, .backward)
            let keys = try query(
                "SELECT \(order.keySelection) FROM \(source) WHERE \(condition.clause) ORDER BY \(order.orderBy(.backward)) LIMIT ?",
                arguments: condition.arguments + [limit + 1]
            ).map(order.key(of:))
            guard !keys.isEmpty else { return KeysetPage(items: [], hasPrevious: false, hasNext: false) }
            let hasPrevious = keys.count > limit
            _ = try readForward(from: hasPrevious ? keys[limit] : nil, count: Swift.min(keys.count, limit), into: &items)
            // The page ends at the row nearest the key.
            return KeysetPage(items: items, hasPrevious: hasPrevious, hasNext: try exists(.forward, from: keys[0]))
        }
    }
}
