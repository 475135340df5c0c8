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
}

/// One list request: the common parameters of §3.1 read and validated in the docs' order
/// (`order`, `limit`, `offset`, `accept`, `exclude`, `fields`, `with_count`, `match`,
/// `delta_since`), and the conditions the endpoint adds for its own filters.
struct ListRequest {
    let collection: Collection
    /// The explicit `limit` (the default is 100,000, so no `Link` header without one, §3.1).
    let limit: Int64?
    let offset: Int64
    let fields: Set<String>?
    let withCount: Bool
    let orderTerms: [String]
    private(set) var conditions: [String] = []
    private(set) var arguments: [any SQLiteBindable] = []
    /// Values of `?`s in the collection's `select` (they come before the conditions' ones).
    var selectArguments: [any SQLiteBindable] = []
    /// Rows that sort first whatever `order` says (`preferred_categories`).
    var leadingOrder: [String] = []

    static let defaultLimit: Int64 = 100_000
    /// "absolute maximum limit set to 10.000 entries" ([RAML]); only an explicit limit is clamped.
    static let maximumLimit: Int64 = 10_000

    init(_ query: QueryReader, _ collection: Collection, readsOrder: Bool = true, readsMatch: Bool = true) throws {
        self.collection = collection
        var terms: [String] = []
        if readsOrder, let entries = query.text("order") {
            let names = collection.sortable.map(\.name)
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
                    throw QueryReader.choiceError("order", names)
                }
                terms.append("\(sql) \(descending ? "DESC" : "ASC")")
            }
        }
        orderTerms = terms
        limit = try query.integer("limit").map { min($0, Self.maximumLimit) }
        offset = try query.integer("offset") ?? 0
        let accepted = query.list("accept")
        let excluded = query.list("exclude")
        fields = query.list("fields").flatMap { $0.contains("all") ? nil : Set($0) }
        withCount = try query.boolean("with_count") ?? false
        if let accepted { add("\(collection.identifier) IN (SELECT value FROM json_each(?))", Self.jsonArray(accepted)) }
        if let excluded { add("\(collection.identifier) NOT IN (SELECT value FROM json_each(?))", Self.jsonArray(excluded)) }
        if readsMatch, let text = query.value("match"), !collection.matchColumns.isEmpty {
            addMatch(text, collection.matchColumns)
        }
    }

    /// `delta_since`: items changed since then, inclusive (§3.4).
    mutating func readDelta(_ query: QueryReader) throws {
        if let since = try query.dateTime("delta_since"), let column = collection.deltaColumn { add("\(column) >= ?", since) }
    }

    mutating func add(_ condition: String, _ arguments: any SQLiteBindable...) {
        add(condition, arguments: arguments)
    }

    mutating func add(_ condition: String, arguments: [any SQLiteBindable]) {
        conditions.append(condition)
        self.arguments += arguments
    }

    /// Rows whose `column` is one of `values`.
    mutating func add(_ column: String, in values: [String]) {
        add("\(column) IN (SELECT value FROM json_each(?))", Self.jsonArray(values))
    }

    mutating func add(_ column: String, notIn values: [String]) {
        add("\(column) NOT IN (SELECT value FROM json_each(?))", Self.jsonArray(values))
    }

    /// A case-insensitive substring search on any of `columns` (§3.3).
    mutating func addMatch(_ text: String, _ columns: [String]) {
        let pattern = "%" + text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        add("(" + columns.map { "lower(\($0)) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
        arguments += Array(repeating: pattern, count: columns.count) as [any SQLiteBindable]
    }

    var whereClause: String { conditions.isEmpty ? "1" : conditions.joined(separator: " AND ") }

    var orderClause: String {
        (leadingOrder + (orderTerms.isEmpty ? [collection.defaultOrder] : orderTerms) + [collection.tieBreak]).joined(separator: ", ")
    }

    /// The rows to write: the explicit limit, or all (bookingkit's default is 100,000).
    var pageSize: Int64 { limit ?? Self.defaultLimit }

    static func jsonArray(_ values: [String]) -> String {
        JSONWriter.string(.array(values.map(JSONValue.string)))
    }
}
