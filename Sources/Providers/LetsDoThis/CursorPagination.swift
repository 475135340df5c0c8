import Emulation

/// The two indexes of a list scope, one per sort date: the scope's columns, the sort date, the
/// id, then the other date, so the keyset condition, the date filters and the count are all
/// answered from the index, and a page costs the same wherever it lies in the list.
struct DateIndexes {
    let created: String
    let updated: String

    /// How views write the two dates (kept as `EpochMilliseconds`): ISO 8601 text.
    static let formats: [String: ColumnFormat] = ["created_at": .utcTimestamp(), "updated_at": .utcTimestamp()]

    init(scope: String) {
        created = "\(scope), created_at, id, updated_at"
        updated = "\(scope), updated_at, id, created_at"
    }
}

/// Where a list reads its records from: the SELECT list and the FROM clause for each date
/// order, through the index that serves it, worked out once per kind of list. Records are read
/// as `item`; `extraColumns` follow theirs for the view, from `joins`.
struct ListSource {
    let table: RecordTable
    let columns: String
    let byCreated: String
    let byUpdated: String

    init(_ table: RecordTable, indexes: DateIndexes, extraColumns: String? = nil, joins: String = "") {
        self.table = table
        columns = table.selectList(alias: "item") + (extraColumns.map { ", " + $0 } ?? "")
        byCreated = "\(table.name) AS item INDEXED BY \(table.index(on: indexes.created)) \(joins)"
        byUpdated = "\(table.name) AS item INDEXED BY \(table.index(on: indexes.updated)) \(joins)"
    }
}

/// One paginated list as the spec's cursor pagination sees it (§4): the records of a scope (an
/// organiser's, an event's, a race's) written by a view.
struct PagedCollection {
    let view: RecordView<Void>
    let source: ListSource
    /// Equality conditions on `item` selecting the scope, in the order of the index's columns.
    let scope: SQLFilter
    /// The organiser's own records of this kind, which cursors resolve against (scope and
    /// filters aside).
    let owned: SQLFilter
    /// The `LetsDoThisCounts` figure of the unfiltered list.
    let counted: KeptCount?
    /// A further condition narrowing the scope (the partners' `search`).
    var search: SQLFilter?

    var table: RecordTable { source.table }
}

/// Keyset pagination (the kit's `keysetPage`): items strictly after (or before) the cursor item
/// in list order, found by a range of the index that is in that order, never by skipping rows;
/// each page's records are written straight from the statement into the response.
enum CursorPagination {
    /// `{"data": [items…], "page": {"totalResults", "first", "last", "prev", "next"}}` (spec §4.4).
    static func respond(_ collection: PagedCollection, _ query: ListQuery, in database: Database) throws -> HTTPResponse {
        let table = collection.table
        let order = ListOrder(query.sort)
        var filter = collection.scope
        if let created = query.createdAfter { filter.add("item.created_at > ?", created) }
        if let created = query.createdBefore { filter.add("item.created_at < ?", created) }
        if let updated = query.updatedAfter { filter.add("item.updated_at > ?", updated) }
        if let updated = query.updatedBefore { filter.add("item.updated_at < ?", updated) }
        if let search = collection.search { filter.add(search) }

        let position: KeysetPosition
        if let cursor = query.before {
            position = .before(try resolve(cursor, in: collection, order: order, database: database))
        } else if let cursor = query.after {
            position = .after(try resolve(cursor, in: collection, order: order, database: database))
        } else {
            position = .start
        }
        let total: Int
        if let counted = collection.counted, !query.hasDateFilter, collection.search == nil {
            total = try counted.read(in: database)
        } else {
            total = try database.count(from: "\(table.name) AS item", where: filter)
        }

        let idPosition = table.position(ofColumn: "id")!
        return try DataEnvelope.response(capacity: query.size * 2_048) { json in
            var page: KeysetPage<Void>?
            // The ids of the first and last records, for the cursors; the last is kept in one buffer.
            var first: String?
            var last: [UInt8] = []
            try json.field("data", array: { json in
                page = try database.keysetPage(
                    select: collection.source.columns, from: order.primary == .created ? collection.source.byCreated : collection.source.byUpdated,
                    where: filter, order: order.keyset, at: position, limit: query.size
                ) { cursor in
                    try collection.view.write(cursor, to: &json)
                    cursor.withUTF8(at: idPosition) { id in
                        if first == nil { first = String(decoding: id, as: UTF8.self) }
                        last.removeAll(keepingCapacity: true)
                        last.append(contentsOf: id)
                    }
                }
            })
            let lastID = first == nil ? nil : String(decoding: last, as: UTF8.self)
            json.field("page", object: { json in
                json.field("totalResults", total)
                json.field("first", first)
                json.field("last", lastID)
                json.field("prev", page?.hasPrevious == true ? first : nil)
                json.field("next", page?.hasNext == true ? lastID : nil)
            })
        }
    }

    /// The sort key of the cursor item: any item of the organiser's collection, filters aside.
    private static func resolve(
        _ cursor: String, in collection: PagedCollection, order: ListOrder, database: Database
    ) throws -> KeysetKey {
        var condition = SQLFilter("item.id = ?", cursor)
        condition.add(collection.owned)
        guard let row = try database.queryOne(
            "SELECT \(order.keyset.keySelection) FROM \(collection.table.name) AS item WHERE \(condition.clause)",
            arguments: condition.arguments)
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
            keys.map { KeysetOrder.Column("item.\($0.field.column)", descending: $0.descending) }
                + [KeysetOrder.Column("item.id", descending: keys[0].descending)])
    }
}
