import Emulation

/// One page of a list query and the counts its `meta` needs.
struct ListResult {
    let rows: [Row]
    let totalCount: Int
}

extension Database {
    /// Counts the rows `filter` matches and reads the requested page of them in `order`.
    /// `source` is the FROM clause (a table with alias, possibly joined).
    func page(
        select columns: String, from source: String, where filter: SQLFilter, orderBy order: String, page: PageRequest
    ) throws -> ListResult {
        let total = try queryOne("SELECT COUNT(*) AS n FROM \(source) WHERE \(filter.clause)", arguments: filter.arguments)?
            .int("n") ?? 0
        guard page.offset < total else { return ListResult(rows: [], totalCount: total) }
        let rows = try query(
            "SELECT \(columns) FROM \(source) WHERE \(filter.clause) ORDER BY \(order) LIMIT ? OFFSET ?",
            arguments: filter.arguments + [page.size, page.offset])
        return ListResult(rows: rows, totalCount: total)
    }

    func count(from source: String, where filter: SQLFilter) throws -> Int {
        try queryOne("SELECT COUNT(*) AS n FROM \(source) WHERE \(filter.clause)", arguments: filter.arguments)?.int("n") ?? 0
    }
}
