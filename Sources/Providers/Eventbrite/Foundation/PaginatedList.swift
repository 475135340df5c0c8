import Emulation

/// The one way a list endpoint answers (spec §4.2): `{"pagination": {…}, "<key>": [...]}`, the
/// page read with `LIMIT`/`OFFSET` in a stable order (ties broken by id) after one `COUNT(*)`
/// for `object_count`; both walk the index the condition and order name.
///
///     return try PaginatedList.respond(
///         request, key: "venues", Venues.presenter,
///         where: "v.organization_id = ?", [organizationID], orderBy: "v.id", page: page)
enum PaginatedList {
    enum Envelope {
        /// `object_count`, `page_number`, `page_size`, `page_count`, `continuation`, `has_more_items`.
        case standard
        /// Only `continuation` (when there is more) and `has_more_items` (roles, §4.4).
        case continuationOnly
    }

    static func respond(
        _ request: EventbriteRequest, key: String, _ presenter: Presenter, where condition: String,
        _ arguments: [any SQLiteBindable], orderBy order: String, page: PageRequest, leading: [(String, JSONValue)] = [],
        envelope: Envelope = .standard
    ) throws -> HTTPResponse {
        try request.read { database in
            let count = try database.query(
                "SELECT COUNT(*) AS total FROM \(presenter.source) WHERE \(condition)", arguments: arguments
            ).first?.int("total") ?? 0
            let info = try PageInfo(objectCount: count, request: page)
            let context = request.context(database, type: presenter.type)
            return try EventbriteResponse.json { json in
                try json.object { json in
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
                    try json.array { json in
                        // A continuation past the end is an empty page, not a query (§4.3).
                        guard page.offset < count else { return }
                        try database.write(
                            presenter.view, presenter.select(where: condition, orderBy: order, paged: true),
                            arguments: arguments + [page.size, page.offset], context: context, to: &json)
                    }
                }
            }
        }
    }
}
