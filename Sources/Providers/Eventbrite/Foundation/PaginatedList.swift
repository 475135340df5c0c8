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
            var context = request.context(database, type: presenter.type)
            prepare(context)
            let window = OffsetWindow(page: page.number, size: page.size)
            // The page's objects as the elements of an array, written before the pagination
            // object, which needs the total first.
            var items = JSONBuilder(capacity: 2048 * (page.size + 1))
            var total = 0
            if presenter.expandsAhead(in: context), presenter.hasUniqueIDs {
                // What the objects embed is rendered for the whole page before they are written:
                // the page's ids first, then the embedded records, then the rows by id.
                let counted = try database.page(
                    select: "\(presenter.alias).id", from: presenter.source, where: filter, orderBy: order, window: window, total: .count
                ) { $0.integer(at: 0) }
                total = counted.total
                let ids = counted.items
                if !ids.isEmpty {
                    try presenter.prepare(&context, rows: SQLFilter("\(presenter.alias).id", inList: ids), ids: ids)
                }
                try items.array { json in
                    try database.write(
                        presenter.view, select: presenter.columns, from: presenter.source, key: "\(presenter.alias).id",
                        inOrderOf: ids, context: context, to: &json)
                }
            } else {
                if presenter.expandsAhead(in: context) {
                    // Records keyed by their parent and id are listed per parent (an event's
                    // ticket classes or tiers, a handful): what they embed is rendered for the
                    // whole filtered list.
                    try presenter.prepare(&context, rows: filter)
                }
                // Each row is written where the statement stands.
                try items.array { json in
                    total = try database.page(
                        select: presenter.columns, from: presenter.source, where: filter, orderBy: order, window: window, total: .count
                    ) { cursor in try presenter.view.write(cursor, context, to: &json) }.total
                }
            }
            let info = try PageInfo(objectCount: total, request: page)
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
                    json.encodedValue(items.bytes)
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
