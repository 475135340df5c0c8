/// Where a keyset page starts: at the start of the list, or strictly after or before a row.
public enum KeysetPosition: Sendable, Equatable {
    case start
    case after(KeysetKey)
    case before(KeysetKey)
}

/// The rows of a keyset page, in list order, and whether rows lie on either side of it. Each row
/// also carries its key (`KeysetOrder.key(of:)` reads it), from which a next page can start.
public struct KeysetPage: Sendable {
    public let rows: [Row]
    public let hasPrevious: Bool
    public let hasNext: Bool
}

extension Database {
    /// Up to `limit` rows `filter` matches in `source`, in `order`, from `position`. Rows are read
    /// from the key along the order (one extra tells whether more follow that way); whether rows
    /// lie on the other side is one `LIMIT 1` probe from the page's edge. No row is skipped, so a
    /// page at the end of a long list costs what the first does, provided `source` reads through an
    /// index in `order` (name it: `table INDEXED BY index`). From the start, `hasPrevious` is false;
    /// a page with no rows has no edge to probe from, so it reports nothing on that side either.
    public func keysetPage(
        select columns: String, from source: String, where filter: SQLFilter, order: KeysetOrder,
        at position: KeysetPosition, limit: Int
    ) throws -> KeysetPage {
        let limit = min(max(0, limit), Int.max - 1)
        func rows(_ direction: KeysetDirection, from key: KeysetKey?) throws -> [Row] {
            var condition = filter
            if let key { condition.add(order.seek(beyond: key, direction)) }
            return try query(
                "SELECT \(columns), \(order.keySelection) FROM \(source) WHERE \(condition.clause) ORDER BY \(order.orderBy(direction)) LIMIT ?",
                arguments: condition.arguments + [limit + 1])
        }
        func exists(_ direction: KeysetDirection, from row: Row) throws -> Bool {
            var condition = filter
            condition.add(order.seek(beyond: order.key(of: row), direction))
            return try queryOne(
                "SELECT 1 FROM \(source) WHERE \(condition.clause) ORDER BY \(order.orderBy(direction)) LIMIT 1",
                arguments: condition.arguments) != nil
        }

        switch position {
        case .before(let key):
            let fetched = try rows(.backward, from: key)
            let page = Array(fetched.prefix(limit).reversed())
            let hasNext = try page.last.map { try exists(.forward, from: $0) } ?? false
            return KeysetPage(rows: page, hasPrevious: fetched.count > limit, hasNext: hasNext)
        case .after(let key):
            let fetched = try rows(.forward, from: key)
            let page = Array(fetched.prefix(limit))
            let hasPrevious = try page.first.map { try exists(.backward, from: $0) } ?? false
            return KeysetPage(rows: page, hasPrevious: hasPrevious, hasNext: fetched.count > limit)
        case .start:
            let fetched = try rows(.forward, from: nil)
            return KeysetPage(rows: Array(fetched.prefix(limit)), hasPrevious: false, hasNext: fetched.count > limit)
        }
    }
}
