import Emulation

/// One paginated list's rows as the spec's cursor pagination sees them (§4): a table, the rows
/// of a scope (an organiser, an event, a race), extra filters, and the index serving each order.
struct PagedCollection {
    /// e.g. `letsdothis_participants`.
    let table: String
    /// Equality conditions selecting the scope, in the index's column order.
    let scope: [(column: String, value: String)]
    /// The index name without its `_created` / `_updated` suffix; its leading columns are `scope`.
    let indexBase: String
    /// The organiser whose rows cursors resolve against (whatever the scope and filters).
    let organiserID: String
    /// The `letsdothis_scope_counts` key of the unfiltered scope; nil when `extraFilter` narrows it.
    let countKey: String?
    /// A further condition (`instr(name_folded, ?) > 0`) and its arguments.
    var extraFilter: (sql: String, arguments: [any SQLiteBindable])?
    /// The columns the caller needs from each row.
    let columns: String
}

/// A page of a list and its `page` object (spec §4.4).
struct CursorPage {
    let rows: [Row]
    let totalResults: Int
    let first: String?
    let last: String?
    let prev: String?
    let next: String?

    /// `{"totalResults", "first", "last", "prev", "next"}`, nulls included.
    var pageObject: JSONValue {
        ["totalResults": .int(totalResults), "first": .string(first), "last": .string(last), "prev": .string(prev), "next": .string(next)]
    }

    /// `{"data": [items…], "page": {…}}` with each item already encoded.
    func envelope(_ items: [[UInt8]]) -> HTTPResponse {
        DataEnvelope.response(items, page: pageObject)
    }

    /// Keyset pagination: items strictly after (or before) the cursor item in list order, found
    /// by a range of the index that is in that order, never by skipping rows.
    static func fetch(_ collection: PagedCollection, _ query: ListQuery, in database: Database) throws -> CursorPage {
        let order = Order(query.sort)
        var filter = Condition()
        for (column, value) in collection.scope { filter.add("\(column) = ?", value) }
        if let created = query.createdAfter { filter.add("created_ms > ?", created) }
        if let created = query.createdBefore { filter.add("created_ms < ?", created) }
        if let updated = query.updatedAfter { filter.add("updated_ms > ?", updated) }
        if let updated = query.updatedBefore { filter.add("updated_ms < ?", updated) }
        if let extra = collection.extraFilter { filter.add(extra.sql, arguments: extra.arguments) }

        let index = "\(collection.indexBase)_\(order.primary.indexSuffix)"
        let select = "SELECT \(collection.columns), id AS cursor_id, created_ms AS cursor_created, updated_ms AS cursor_updated FROM \(collection.table) INDEXED BY \(index)"

        func rows(_ direction: Order.Direction, from key: Key?, limit: Int) throws -> [Row] {
            var condition = filter
            if let key { condition.add(order.beyond(key, direction)) }
            return try database.query(
                "\(select) WHERE \(condition.sql) ORDER BY \(order.orderBy(direction)) LIMIT ?",
                arguments: condition.arguments + [limit])
        }
        func exists(_ direction: Order.Direction, from key: Key) throws -> Bool {
            var condition = filter
            condition.add(order.beyond(key, direction))
            return try !database.query(
                "SELECT 1 FROM \(collection.table) INDEXED BY \(index) WHERE \(condition.sql) ORDER BY \(order.orderBy(direction)) LIMIT 1",
                arguments: condition.arguments
            ).isEmpty
        }

        var page: [Row]
        var hasPrevious = false
        var hasNext = false
        if let cursor = query.before {
            let key = try resolve(cursor, in: collection, database: database)
            let fetched = try rows(.backward, from: key, limit: query.size + 1)
            hasPrevious = fetched.count > query.size
            page = Array(fetched.prefix(query.size).reversed())
            if let last = page.last { hasNext = try exists(.forward, from: Key(row: last)) }
        } else {
            let key = try query.after.map { try resolve($0, in: collection, database: database) }
            let fetched = try rows(.forward, from: key, limit: query.size + 1)
            hasNext = fetched.count > query.size
            page = Array(fetched.prefix(query.size))
            if key != nil, let first = page.first { hasPrevious = try exists(.backward, from: Key(row: first)) }
        }

        let total: Int
        if let countKey = collection.countKey, !query.hasDateFilter, collection.extraFilter == nil {
            total = try ScopeCounts.count(countKey, in: database)
        } else {
            total = try database.query(
                "SELECT count(*) AS total FROM \(collection.table) WHERE \(filter.sql)", arguments: filter.arguments
            ).first?.int("total") ?? 0
        }
        let first = page.first?.string("cursor_id")
        let last = page.last?.string("cursor_id")
        return CursorPage(
            rows: page, totalResults: total, first: first, last: last,
            prev: hasPrevious ? first : nil, next: hasNext ? last : nil)
    }

    /// The sort key of the cursor item: any item of the organiser's collection, filters aside.
    private static func resolve(_ cursor: String, in collection: PagedCollection, database: Database) throws -> Key {
        guard let row = try database.queryOne(
            "SELECT id AS cursor_id, created_ms AS cursor_created, updated_ms AS cursor_updated FROM \(collection.table) WHERE id = ? AND organiser_id = ?",
            cursor, collection.organiserID)
        else { throw LetsDoThisError.invalidCursor }
        return Key(row: row)
    }
}

/// An item's position in any list order: both dates and the id.
private struct Key {
    let created: Int64
    let updated: Int64
    let id: String

    init(row: Row) {
        created = Int64(row.int("cursor_created") ?? 0)
        updated = Int64(row.int("cursor_updated") ?? 0)
        id = row.string("cursor_id") ?? ""
    }

    func value(_ field: DateField) -> Int64 { field == .created ? created : updated }
}

/// SQL conditions joined by AND, with their arguments in placeholder order.
private struct Condition {
    private var parts: [String] = []
    private(set) var arguments: [any SQLiteBindable] = []

    var sql: String { parts.isEmpty ? "1" : parts.joined(separator: " AND ") }

    mutating func add(_ sql: String, _ argument: any SQLiteBindable) { add(sql, arguments: [argument]) }

    mutating func add(_ sql: String, arguments: [any SQLiteBindable]) {
        parts.append(sql)
        self.arguments += arguments
    }

    mutating func add(_ condition: (sql: String, arguments: [any SQLiteBindable])) {
        add(condition.sql, arguments: condition.arguments)
    }
}

/// A list order (spec §4.3): the sort keys, then the id in the primary key's direction.
private struct Order {
    enum Direction { case forward, backward }

    let keys: [ListQuery.SortKey]

    init(_ sort: [ListQuery.SortKey]) {
        let keys = sort.isEmpty ? [ListQuery.SortKey(field: .created, descending: false)] : sort
        self.keys = keys
    }

    var primary: DateField { keys[0].field }

    /// Every component: (column, descending in list order, the key's value for it).
    private var components: [(column: String, descending: Bool, value: (Key) -> any SQLiteBindable)] {
        keys.map { key in (key.field.column, key.descending, { $0.value(key.field) }) }
            + [("id", keys[0].descending, { $0.id })]
    }

    func orderBy(_ direction: Direction) -> String {
        components.map { component in
            let descending = component.descending != (direction == .backward)
            return "\(component.column) \(descending ? "DESC" : "ASC")"
        }.joined(separator: ", ")
    }

    /// Items strictly beyond `key` in `direction`. Written as a range on the first column
    /// (`c >= v`) AND the exact lexicographic condition, so the index range is used.
    func beyond(_ key: Key, _ direction: Direction) -> (sql: String, arguments: [any SQLiteBindable]) {
        let parts = components.map { component -> (column: String, greater: Bool, value: any SQLiteBindable) in
            let greater = component.descending == (direction == .backward)
            return (component.column, greater, component.value(key))
        }
        var arguments: [any SQLiteBindable] = []
        // (a > ?) OR (a = ? AND ((b > ?) OR (b = ? AND (id > ?))))
        func nested(_ index: Int) -> String {
            let part = parts[index]
            let comparison = "\(part.column) \(part.greater ? ">" : "<") ?"
            arguments.append(part.value)
            guard index + 1 < parts.count else { return comparison }
            let equal = "\(part.column) = ?"
            arguments.append(part.value)
            return "(\(comparison) OR (\(equal) AND \(nested(index + 1))))"
        }
        let first = parts[0]
        arguments.append(first.value)
        let range = "\(first.column) \(first.greater ? ">=" : "<=") ?"
        let exact = nested(0)
        return ("(\(range) AND \(exact))", arguments)
    }
}

/// `totalResults` of unfiltered scopes, kept in `letsdothis_scope_counts`.
enum ScopeCounts {
    static func count(_ key: String, in database: Database) throws -> Int {
        try database.queryOne("SELECT count FROM letsdothis_scope_counts WHERE scope = ?", key)?.int("count") ?? 0
    }

    static func add(_ amount: Int, to key: String, in database: Database) throws {
        try database.run(
            """
            INSERT INTO letsdothis_scope_counts (scope, count) VALUES (?1, ?2)
            ON CONFLICT (scope) DO UPDATE SET count = count + ?2
            """, key, amount)
    }

    static func applications(organiser: String) -> String { applicationsByOrganiser.key(organiser) }
    static func applications(event: String) -> String { applicationsByEvent.key(event) }
    static func participants(organiser: String) -> String { participantsByOrganiser.key(organiser) }
    static func participants(race: String) -> String { participantsByRace.key(race) }
    static func lineItems(organiser: String) -> String { lineItemsByOrganiser.key(organiser) }
    static func partners(organiser: String) -> String { partnersByOrganiser.key(organiser) }

    /// A kind of scope: its rows are those of `table` sharing a value of `column`, and its key
    /// is `name` and that value.
    private struct Scope {
        let name: String
        let table: String
        let column: String

        func key(_ value: String) -> String { "\(name) \(value)" }

        /// The statement counting every scope of this kind, keyed as `key` keys them.
        var recount: String {
            "INSERT INTO letsdothis_scope_counts (scope, count) SELECT '\(name) ' || \(column), count(*) FROM \(table) GROUP BY \(column);"
        }
    }

    private static let applicationsByOrganiser = Scope(name: "applications organiser", table: "letsdothis_applications", column: "organiser_id")
    private static let applicationsByEvent = Scope(name: "applications event", table: "letsdothis_applications", column: "event_id")
    private static let participantsByOrganiser = Scope(name: "participants organiser", table: "letsdothis_participants", column: "organiser_id")
    private static let participantsByRace = Scope(name: "participants race", table: "letsdothis_participants", column: "race_id")
    private static let lineItemsByOrganiser = Scope(name: "line-items organiser", table: "letsdothis_line_items", column: "organiser_id")
    private static let partnersByOrganiser = Scope(name: "partners organiser", table: "letsdothis_partners", column: "organiser_id")

    /// Recounts every scope (after the seed is loaded).
    static func rebuild(in database: Database) throws {
        let scopes = [
            applicationsByOrganiser, applicationsByEvent, participantsByOrganiser, participantsByRace, lineItemsByOrganiser,
            partnersByOrganiser,
        ]
        try database.execute("DELETE FROM letsdothis_scope_counts;\n" + scopes.map(\.recount).joined(separator: "\n"))
    }
}
