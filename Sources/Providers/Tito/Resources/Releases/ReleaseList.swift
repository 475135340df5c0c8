import Emulation

/// L1: the releases of an event (spec §11.12, §7.4), archived ones hidden unless asked for.
enum ReleaseList {
    static let sort = SortSpec(
        default: .init("position", sql: "r.position"),
        others: [.init("start_at", sql: "r.start_at", direction: .desc), .init("title", sql: "r.title COLLATE NOCASE")],
        idColumn: "r.id")

    static let sortOptions: [(label: String, attr: String, direction: String, isDefault: Bool)] = [
        ("Position on event homepage", "position", "asc", true),
        ("On sale date, earliest first", "start_at", "desc", false),
        ("On sale date, latest first", "start_at", "asc", false),
        ("Title A-Z", "title", "asc", false),
        ("Title Z-A", "title", "desc", false),
    ]

    static let stateOptions: [(label: String, value: String)] = [
        ("On Sale", "on_sale"), ("Off Sale", "off_sale"), ("Not Sold Out", "not_sold_out"), ("Sold Out", "sold_out"),
        ("Public", "public"), ("Secret", "secret"), ("Active", "active"), ("Archived", "archived"),
        ("Changes Locked", "changes_locked"), ("Changes Allowed", "changes_allowed"),
    ]

    /// The state groups: OR within a group, AND across groups; a group with nothing selected is not filtered.
    static func stateGroups(soldOut: String) -> [[(value: String, condition: String)]] {
        [
            [("on_sale", "r.off_sale = 0"), ("off_sale", "r.off_sale = 1")],
            [("sold_out", soldOut), ("not_sold_out", "NOT \(soldOut)")],
            [("public", "r.secret = 0"), ("secret", "r.secret = 1")],
            [("active", "r.archived = 0"), ("archived", "r.archived = 1")],
            [("changes_locked", "r.lock_changes = 1"), ("changes_allowed", "COALESCE(r.lock_changes, 0) = 0")],
        ]
    }

    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "releases", in: database)
            let modes = scope.visibleModes("c.test_mode")
            let soldOut = """
                (r.quantity IS NOT NULL AND (SELECT COALESCE(SUM(c.tickets), 0) FROM \(TicketCounts.byRelease.table) AS c
                    WHERE c.event_id = r.event_id AND c.release_id = r.id AND \(modes)) >= r.quantity)
                """
            let scopeFilter = SQLFilter("r.event_id = ?", scope.event.id)
            var filter = scopeFilter
            let requested = ListQuery.states(request.query)
            if let requested {
                for group in stateGroups(soldOut: soldOut) {
                    let chosen = group.filter { requested.contains($0.value) }
                    guard !chosen.isEmpty else { continue }
                    filter.add(anyOf: chosen.map { SQLFilter($0.condition) })
                }
            } else {
                filter.add("r.archived = 0")
            }
            let source = "tito_releases AS r"
            let page = try database.listPage(
                PageRequest(request.query), from: source, alias: "r", where: filter, order: sort.order(request.query))
            let overall = try database.count(from: source, where: scopeFilter)
            var hiddenFilter = scopeFilter
            hiddenFilter.add("r.archived = 1")
            let hidden = requested == nil ? try database.count(from: source, where: hiddenFilter) : 0
            var context = RenderContext(request, scope, view: request.listView)
            try ReleaseView.rendering.prepare(&context, for: page, scope, in: database)
            return try ResourceResponse.list("releases", meta: page.meta(overallTotal: overall)) { json in
                ListMeta.writeHidden(hidden, states: ["archived"], to: &json)
                ListMeta.writeSortOptions(sortOptions, to: &json)
                ListMeta.writeStateFilter(
                    options: stateOptions, selected: requested ?? stateOptions.map(\.value).filter { $0 != "archived" }, to: &json)
            } items: { json in
                try ReleaseView.rendering.write(page, context: context, scope, in: database, to: &json)
            }
        }
    }
}
