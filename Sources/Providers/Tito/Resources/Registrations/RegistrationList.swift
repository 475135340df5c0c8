import Emulation

/// R1: the registrations of an event (spec §7.3, §11.11); cancelled ones hidden unless asked for.
enum RegistrationList {
    static let sort = SortSpec(
        default: .init("created_at", sql: "g.created_at", direction: .desc),
        others: [
            .init("name", sql: "g.name COLLATE NOCASE"), .init("updated_at", sql: "g.updated_at", direction: .desc),
            .init("total", sql: "g.total"), .init("reference", sql: "g.reference"),
            // Nulls sort first either way round (spec §7.3).
            .init(["payment_provider"], expressions: ["g.payment_provider IS NOT NULL", "g.payment_provider"]),
        ],
        idColumn: "g.id")

    static let stateOptions: [(label: String, value: String)] = [
        ("Paid", "paid"), ("Unpaid", "unpaid"), ("Complete", "complete"), ("Confirmed", "confirmed"),
        ("Incomplete", "incomplete"), ("Cancelled", "cancelled"),
    ]

    static let stateConditions: [String: String] = [
        "cancelled": "g.state = 'cancelled'",
        "complete": "g.state = 'complete'",
        "confirmed": "g.state = 'confirmed'",
        "incomplete": "g.state = 'incomplete'",
        "paid": "(g.receipt_paid = 1 AND g.state != 'cancelled')",
        "unpaid": "(g.receipt_paid = 0 AND g.state != 'cancelled')",
    ]

    /// The list; its totals come from the kept counts (`Registration.counts`), and the page from
    /// the index in its order, so a page costs what it costs in a small event.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "registrations", in: database)
            let query = request.query
            var scopeFilter = SQLFilter("g.event_id = ?", scope.event.id)
            scope.addVisibility(alias: "g", to: &scopeFilter)
            var filter = scopeFilter
            let requested = ListQuery.states(query)
            let states = (requested ?? []).compactMap { stateConditions[$0] }
            if requested == nil {
                filter.add("g.state != 'cancelled'")
            } else if !states.isEmpty {
                filter.add(anyOf: states.map { SQLFilter($0) })
            }
            var narrowed = requested != nil
            let beforeTimes = filter.conditions.count
            ListQuery.addTimeFilters(query, alias: "g", to: &filter)
            if let text = ListQuery.searchText(query) {
                filter.add(
                    containing: text, inAnyOf: ["g.name", "g.slug", "g.reference", "g.company_name", "g.discount_code", "g.email"])
            }
            narrowed = narrowed || filter.conditions.count > beforeTimes
            let counts = try Registration.counts.sums(where: scope.countsFilter(Registration.counts), in: database)
            let overall = counts["registrations"] ?? 0
            let cancelled = counts["cancelled"] ?? 0
            let page = try database.listPage(
                PageRequest(query), from: RegistrationView.source, alias: "g", where: filter, order: sort.order(query),
                total: narrowed ? nil : overall - cancelled)
            var context = RenderContext(request, scope, view: request.listView)
            try RegistrationView.prepare(&context, registrations: page.ids, scope, in: database)
            return try ResourceResponse.list("registrations", meta: page.meta(overallTotal: overall), capacity: 4096 * (page.ids.count + 2)) { json in
                ListMeta.writeHidden(requested == nil ? cancelled : 0, states: ["cancelled"], to: &json)
                ListMeta.writeStateFilter(
                    options: stateOptions, selected: requested ?? stateOptions.map(\.value).filter { $0 != "cancelled" }, to: &json)
            } items: { json in
                try page.write(
                    RegistrationView.view, select: RegistrationView.select, from: RegistrationView.source, alias: "g", context: context,
                    in: database, to: &json)
            }
        }
    }
}
