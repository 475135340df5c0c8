import Emulation

/// Discount codes: the table, the seed and the endpoints D1–D5 (spec §11.6, §13.5); registrations
/// apply them.
enum DiscountCodes: TitoResourceGroup {
    static let tables = [GroupTable(DiscountCode.self, nextID: 5_319_079)]

    /// D2–D5; D1 filters on states of its own. A new code's `discount_codes_count` follows, being
    /// derived; renaming or deleting a code leaves the tickets and registrations that used it alone.
    static let endpoints = EventRecordEndpoints<DiscountCode>(
        path: "discount_codes", resource: "discount_codes", listKey: "discount_codes", singleKey: "discount_code",
        rendering: DiscountCodeView.rendering, sort: sort, example: ("discount_codes", "5319076"), customList: list)

    static var routes: [Route<TitoPrincipal>] { endpoints.routes }

    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try DiscountCode.copyAll(&copy, as: "discount_codes", in: database) { code, copy, _ in
            code.releaseIDs = copy.remap("releases", code.releaseIDs)
        }
    }

    static let sort = SortSpec(default: .init("id", sql: "dc.id"), others: [.init("code", sql: "dc.code")], idColumn: "dc.id")

    static let stateOptions: [(label: String, value: String)] = [
        ("Current", "current"), ("Past", "past"), ("Upcoming", "upcoming"), ("Used", "used"), ("Unused", "unused"),
    ]
    static let timeStates = ["current", "past", "upcoming"]
    /// A code whose end has passed: the `past` state, and what the default list hides.
    private static let pastCondition = "dc.end_at IS NOT NULL AND dc.end_at <= ?"

    /// D1: id order (or `search[sort]=code`). `search[states][]` filters on two groups, time
    /// (current/past/upcoming) and usage (used/unused): ORed within a group, ANDed across; a
    /// group with nothing selected is not filtered. Past codes are hidden unless states are given.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: endpoints.resource, in: database)
            let now = request.nowMilliseconds
            let requested = ListQuery.states(request.query)
            // `selected_states` echoes the known states asked for; unknown ones filter nothing.
            let selected = requested.map { asked in stateOptions.map(\.value).filter(asked.contains) }
                ?? ["current", "upcoming", "used", "unused"]
            var scopeFilter = SQLFilter()
            scopeFilter.add("dc.event_id = ?", scope.event.id)
            var filter = scopeFilter
            var timeAlternatives: [SQLFilter] = []
            for state in timeStates where selected.contains(state) {
                var alternative = SQLFilter()
                switch state {
                case "current": alternative.add("(dc.start_at IS NULL OR dc.start_at <= ?) AND (dc.end_at IS NULL OR dc.end_at > ?)", now, now)
                case "past": alternative.add(pastCondition, now)
                default: alternative.add("dc.start_at IS NOT NULL AND dc.start_at > ?", now)
                }
                timeAlternatives.append(alternative)
            }
            if !timeAlternatives.isEmpty { filter.add(anyOf: timeAlternatives) }
            let used = selected.contains("used")
            let unused = selected.contains("unused")
            if used != unused {
                filter.add("\(DiscountCode.quantityUsed(scope)) \(used ? ">" : "=") 0")
            }
            let source = "tito_discount_codes AS dc"
            let page = try database.listPage(
                PageRequest(request.query), from: source, alias: "dc", where: filter, order: sort.order(request.query))
            let overall = try database.count(from: source, where: scopeFilter)
            var hidden = 0
            if requested == nil {
                var pastFilter = scopeFilter
                pastFilter.add(pastCondition, now)
                hidden = try database.count(from: source, where: pastFilter)
            }
            let context = RenderContext(request, scope, view: request.listView)
            return try ResourceResponse.list("discount_codes", meta: page.meta(overallTotal: overall)) { json in
                ListMeta.writeHidden(hidden, states: ["past"], to: &json)
                ListMeta.writeStateFilter(options: stateOptions, selected: selected, to: &json)
            } items: { json in
                try DiscountCodeView.rendering.write(page, context: context, scope, in: database, to: &json)
            }
        }
    }
}
