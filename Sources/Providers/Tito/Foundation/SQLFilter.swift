import Emulation

/// A WHERE clause built up condition by condition, with its bound arguments in order.
struct SQLFilter {
    private(set) var conditions: [String] = []
    private(set) var arguments: [any SQLiteBindable] = []

    /// Adds a condition whose `?` placeholders take `values`, in order.
    mutating func add(_ condition: String, _ values: any SQLiteBindable...) {
        conditions.append(condition)
        arguments.append(contentsOf: values)
    }

    /// `column IN (?, ?, …)`; an empty list matches nothing.
    mutating func add(_ column: String, in values: [any SQLiteBindable]) {
        guard !values.isEmpty else {
            conditions.append("0")
            return
        }
        conditions.append("\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))")
        arguments.append(contentsOf: values)
    }

    /// `column NOT IN (?, ?, …)`; an empty list excludes nothing.
    mutating func add(_ column: String, notIn values: [any SQLiteBindable]) {
        guard !values.isEmpty else { return }
        conditions.append("\(column) NOT IN (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))")
        arguments.append(contentsOf: values)
    }

    /// Conditions ORed together as one condition (each with its own arguments).
    mutating func add(anyOf alternatives: [SQLFilter]) {
        guard !alternatives.isEmpty else { return }
        conditions.append("(" + alternatives.map { "(" + $0.clause + ")" }.joined(separator: " OR ") + ")")
        for alternative in alternatives { arguments.append(contentsOf: alternative.arguments) }
    }

    /// The conditions joined by AND (`1` when there are none).
    var clause: String { conditions.isEmpty ? "1" : conditions.joined(separator: " AND ") }
}

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

    func queryOne(_ sql: String, arguments: [any SQLiteBindable]) throws -> Row? {
        try query(sql, arguments: arguments).first
    }
}
