import Emulation

/// A collection as a list endpoint reads it (spec §3): the tables (aliased), the columns its
/// view renders, the column `accept`/`exclude` compare, the attributes `order` may name with
/// their SQL, the columns `match` searches and the one `delta_since` compares.
struct Collection {
    let from: String
    let select: String
    /// `accept` and `exclude` compare this (the `id`, or `ident` for coupons and vouchers).
    let identifier: String
    /// `order` attributes and the expression each sorts by, in the order the docs list them.
    var sortable: [(name: String, sql: String)] = []
    /// The order without `order`: creation order unless the docs say otherwise (dates: by date).
    var defaultOrder: String
    /// What breaks ties, so pages never overlap.
    var tieBreak: String
    var matchColumns: [String] = []
    var deltaColumn: String?
    /// For items that embed records of other tables (an order's tickets): the row's integer key
    /// (`o.rowid`), which `select` ends with as `row_key`, and whatever else `order` names by
    /// alias (`first_date`), with the same `?`s as `select`. Such a page reads its keys first,
    /// renders what its items embed for all of them at once, then writes its rows by key
    /// (`ListResponse.render(_:_:context:request:in:embedding:)`).
    var rowKey: String?
    var keyExtras = ""
}

/// One list request: the common parameters of §3.1 read and validated in the docs' order
/// (`order`, `limit`, `offset`, `accept`, `exclude`, `fields`, `with_count`, `match`; then the
/// endpoint reads its own filters in the docs' order, `delta_since` among them), and the
/// conditions the endpoint adds for them.
struct ListRequest {
    let collection: Collection
    /// The explicit `limit` (the default is 100,000, so no `Link` header without one, §3.1).
    let limit: Int?
    let offset: Int
    let fields: Set<String>?
    let withCount: Bool
    let orderTerms: [String]
    var filter = SQLFilter()
    /// Values of `?`s in the collection's `select` (they come before the conditions' ones).
    var selectArguments: [any SQLiteBindable] = []
    /// Rows that sort first whatever `order` says (`preferred_categories`).
    var leadingOrder: [String] = []

    static let defaultLimit = 100_000
    /// "absolute maximum limit set to 10.000 entries" ([RAML]); only an explicit limit is clamped.
    static let maximumLimit = 10_000

    init(_ query: QueryReader, _ collection: Collection, readsOrder: Bool = true, readsMatch: Bool = true) throws {
        self.collection = collection
        var terms: [String] = []
        if readsOrder, let entries = query.text("order") {
            for entry in entries.split(separator: ",") {
                // A `+` in a query string arrives as a space (§3.2).
                var name = entry.trimmingWhitespace()
                var descending = false
                if name.hasPrefix("-") {
                    descending = true
                    name.removeFirst()
                } else if name.hasPrefix("+") {
                    name.removeFirst()
                }
                guard !name.isEmpty else { continue }
                guard let sql = collection.sortable.first(where: { $0.name == name })?.sql else {
                    throw QueryReader.choiceError("order", collection.sortable.map(\.name))
                }
                terms.append("\(sql) \(descending ? "DESC" : "ASC")")
            }
        }
        orderTerms = terms
        limit = try query.integer("limit").map { min($0, Self.maximumLimit) }
        offset = try query.integer("offset") ?? 0
        if let accepted = query.list("accept") { filter.add(collection.identifier, in: accepted) }
        if let excluded = query.list("exclude") { filter.add(collection.identifier, notIn: excluded) }
        fields = query.list("fields").flatMap { $0.contains("all") ? nil : Set($0) }
        withCount = try query.boolean("with_count") ?? false
        if readsMatch, let text = query.value("match"), !collection.matchColumns.isEmpty {
            filter.add(containing: text, inAnyOf: collection.matchColumns)
        }
    }

    /// `delta_since`: items changed since then, inclusive (§3.4).
    mutating func readDelta(_ query: QueryReader) throws {
        if let since = try query.dateTime("delta_since"), let column = collection.deltaColumn { filter.add("\(column) >= ?", since) }
    }

    var orderClause: String {
        (leadingOrder + (orderTerms.isEmpty ? [collection.defaultOrder] : orderTerms) + [collection.tieBreak]).joined(separator: ", ")
    }

    /// A JSON array of strings, for `… IN (SELECT value FROM json_each(?))` inside a subquery.
    static func jsonArray(_ values: [String]) -> String {
        JSONWriter.string(.array(values.map(JSONValue.string)))
    }

    /// The rows to write: `limit`, or all (bookingkit's default is 100,000).
    var window: OffsetWindow { OffsetWindow(offset: offset, limit: limit ?? Self.defaultLimit) }

    /// Reads the page, each row handed to `read` in place, and the total when `with_count` asks.
    func page(in database: Database, read: (StatementCursor) throws -> Void) throws -> (page: OffsetPage<Void>, total: Int?) {
        try page(select: collection.select, in: database, read: read)
    }

    /// The page's row keys (`collection.rowKey`), and the total when `with_count` asks.
    func keys(in database: Database) throws -> (page: OffsetPage<Int64>, total: Int?) {
        guard let key = collection.rowKey else { preconditionFailure("\(collection.from) names no row key") }
        let columns = collection.keyExtras.isEmpty ? key : "\(key), \(collection.keyExtras)"
        return try page(select: columns, in: database) { $0.integer(at: 0) }
    }

    private func page<Item>(
        select columns: String, in database: Database, read: (StatementCursor) throws -> Item
    ) throws -> (page: OffsetPage<Item>, total: Int?) {
        if withCount {
            let counted = try database.page(
                select: columns, selectArguments: selectArguments, from: collection.from, where: filter, orderBy: orderClause,
                window: window, total: .count, read: read)
            return (counted.page, counted.total)
        }
        let page = try database.page(
            select: columns, selectArguments: selectArguments, from: collection.from, where: filter, orderBy: orderClause,
            window: window, read: read)
        return (page, nil)
    }
}
