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
    /// A further condition (`instr(name_folded, ?) > 0`).
    var extraFilter: SQLFilter?
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

    /// Keyset pagination (the kit's `keysetPage`): items strictly after (or before) the cursor
    /// item in list order, found by a range of the index that is in that order, never by
    /// skipping rows.
    static func fetch(_ collection: PagedCollection, _ query: ListQuery, in database: Database) throws -> CursorPage {
        let order = ListOrder(query.sort)
        var filter = SQLFilter()
        for (column, value) in collection.scope { filter.add("\(column) = ?", value) }
        if let created = query.createdAfter { filter.add("created_ms > ?", created) }
        if let created = query.createdBefore { filter.add("created_ms < ?", created) }
        if let updated = query.updatedAfter { filter.add("updated_ms > ?", updated) }
        if let updated = query.updatedBefore { filter.add("updated_ms < ?", updated) }
        if let extra = collection.extraFilter { filter.add(extra) }

        let position: KeysetPosition
        if let cursor = query.before {
            position = .before(try resolve(cursor, in: collection, order: order, database: database))
        } else if let cursor = query.after {
            position = .after(try resolve(cursor, in: collection, order: order, database: database))
        } else {
            position = .start
        }
        let page = try database.keysetPage(
            select: "\(collection.columns), id AS cursor_id",
            from: "\(collection.table) INDEXED BY \(collection.indexBase)_\(order.primary.indexSuffix)", where: filter,
            order: order.keyset, at: position, limit: query.size)

        let total: Int
        if let countKey = collection.countKey, !query.hasDateFilter, collection.extraFilter == nil {
            total = try ScopeCounts.count(countKey, in: database)
        } else {
            total = try database.count(from: collection.table, where: filter)
        }
        let first = page.rows.first?.string("cursor_id")
        let last = page.rows.last?.string("cursor_id")
        return CursorPage(
            rows: page.rows, totalResults: total, first: first, last: last,
            prev: page.hasPrevious ? first : nil, next: page.hasNext ? last : nil)
    }

    /// The sort key of the cursor item: any item of the organiser's collection, filters aside.
    private static func resolve(
        _ cursor: String, in collection: PagedCollection, order: ListOrder, database: Database
    ) throws -> KeysetKey {
        guard let row = try database.queryOne(
            "SELECT \(order.keyset.keySelection) FROM \(collection.table) WHERE id = ? AND organiser_id = ?",
            cursor, collection.organiserID)
        else { throw LetsDoThisError.invalidCursor }
        return order.keyset.key(of: row)
    }
}

/// A list order (spec §4.3): the sort keys, then the id in the primary key's direction.
private struct ListOrder {
    let keys: [ListQuery.SortKey]

    init(_ sort: [ListQuery.SortKey]) {
        keys = sort.isEmpty ? [ListQuery.SortKey(field: .created, descending: false)] : sort
    }

    /// The date whose index serves the order.
    var primary: DateField { keys[0].field }

    var keyset: KeysetOrder {
        KeysetOrder(
            keys.map { KeysetOrder.Column($0.field.column, descending: $0.descending) }
                + [KeysetOrder.Column("id", descending: keys[0].descending)])
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
