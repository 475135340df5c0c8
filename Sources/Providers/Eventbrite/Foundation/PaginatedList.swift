import Emulation

/// The one way a list endpoint answers (spec §4.2): `{"pagination": {…}, "<key>": [...]}`, the
/// page read by the kit's offset pages (`LIMIT`/`OFFSET` in a stable order, ties broken by id,
/// after one `COUNT(*)` for `object_count`), both walking the index the filter and order name.
///
///     return try PaginatedList.respond(
///         request, key: "venues", Venue.presenter,
///         where: SQLFilter("v.organization_id = ?", organizationID), orderBy: "v.id", page: try request.page())
enum PaginatedList {
    enum Envelope {
        /// `object_count`, `page_number`, `page_size`, `page_count`, `continuation`, `has_more_items`.
        case standard
        /// Only `continuation` (when there is more) and `has_more_items` (roles, §4.4).
        case continuationOnly
    }

    /// `prepare` hands the rows' context what the handler worked out for them (`RenderMemo`).
    static func respond(
        _ request: EventbriteRequest, key: String, _ presenter: Presenter, where filter: SQLFilter, orderBy order: String,
        page: PageRequest, leading: [(String, JSONValue)] = [], envelope: Envelope = .standard,
        prepare: (RenderContext) -> Void = { _ in }
    ) throws -> HTTPResponse {
        try request.read { database in
            let context = request.context(database, type: presenter.type)
            prepare(context)
            // Each row is written where the statement stands; the page's bytes follow the
            // pagination object, which needs the total first.
            let counted = try database.page(
                select: presenter.columns, from: presenter.source, where: filter, orderBy: order,
                window: OffsetWindow(page: page.number, size: page.size), total: .count
            ) { cursor -> [UInt8] in
                var item = JSONBuilder(capacity: 2048)
                try presenter.view.write(cursor, context, to: &item)
                return item.bytes
            }
            let info = try PageInfo(objectCount: counted.total, request: page)
            return EventbriteResponse.json { json in
                json.object { json in
                    for (name, value) in leading {
                        json.key(escaping: name)
                        json.value(value)
                    }
                    json.key("pagination")
                    switch envelope {
                    case .standard: info.write(to: &json)
                    case .continuationOnly: info.writeContinuationOnly(to: &json)
                    }
                    json.key(escaping: key)
                    json.array { json in
                        for item in counted.items { json.encodedValue(item) }
                    }
                }
            }
        }
    }

    /// `respond` for a filter of one condition.
    static func respond(
        _ request: EventbriteRequest, key: String, _ presenter: Presenter, where condition: String,
        _ arguments: [any SQLiteBindable], orderBy order: String, page: PageRequest, leading: [(String, JSONValue)] = [],
        envelope: Envelope = .standard
    ) throws -> HTTPResponse {
        try respond(
            request, key: key, presenter, where: SQLFilter(condition, arguments: arguments), orderBy: order, page: page,
            leading: leading, envelope: envelope)
    }
}
