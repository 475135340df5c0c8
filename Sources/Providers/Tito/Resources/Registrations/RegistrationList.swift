import Emulation

/// R1: the registrations of an event (spec §7.3, §11.11); cancelled ones hidden unless asked for.
enum RegistrationList {
    static let sort = SortSpec(
        default: .init("created_at", sql: "g.created_at", direction: .desc),
        others: [
            .init("name", sql: "g.name COLLATE NOCASE"), .init("updated_at", sql: "g.updated_at", direction: .desc),
            .init("total", sql: "g.total"), .init("reference", sql: "g.reference"),
            // Nulls sort first either way round (spec §7.3).
            .init("payment_provider", sql: "g.payment_provider IS NOT NULL, g.payment_provider"),
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

    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "registrations", in: database)
            let query = request.query
            var scopeFilter = SQLFilter()
            scopeFilter.add("g.event_id = ?", scope.event.id)
            scope.addVisibility(alias: "g", to: &scopeFilter)
            var filter = scopeFilter
            let requested = ListQuery.states(query)
            let states = (requested ?? []).compactMap { stateConditions[$0] }
            if requested == nil {
                filter.add("g.state != 'cancelled'")
            } else if !states.isEmpty {
                filter.add(anyOf: states.map { SQLFilter($0) })
            }
            ListQuery.addTimeFilters(query, alias: "g", to: &filter)
            if let text = ListQuery.searchText(query) {
                filter.add(
                    containing: text, inAnyOf: ["g.name", "g.slug", "g.reference", "g.company_name", "g.discount_code", "g.email"])
            }
            let source = "tito_registrations AS g"
            let page = PageRequest(query)
            let result = try database.page(
                select: "g.*", from: source, where: filter, orderBy: sort.orderBy(query), window: page.window, total: .count)
            let overall = try database.count(from: source, where: scopeFilter)
            var cancelled = scopeFilter
            cancelled.add("g.state = 'cancelled'")
            let hidden = requested == nil ? try database.count(from: source, where: cancelled) : 0
            let registrations = result.items.map(RegistrationRecord.init(row:))
            let ids = registrations.map(\.id)
            let tickets = try TicketRecord.all(ofRegistrations: ids, in: database)
            let refunds = try RefundRecord.all(ofRegistrations: ids, in: database)
            let answers = try AnswerRecord.byTicket(tickets.values.flatMap { $0.map(\.id) }, in: database)
            let renderer = try OrderRenderer(scope: scope, now: TitoFormats.milliseconds(request.now), in: database)
            let view = View.resolve(query, default: .short)
            return .json { json in
                json.object { json in
                    json.field("registrations", array: { json in
                        for registration in registrations {
                            renderer.encode(
                                registration, tickets: tickets[registration.id] ?? [], refunds: refunds[registration.id] ?? [],
                                answers: answers, view: view, embedded: false, to: &json)
                        }
                    })
                    json.object("meta") { json in
                        PageMeta(page: page, totalCount: result.total, overallTotal: overall).write(to: &json)
                        json.field("resources_hidden_by_default_count", hidden)
                        json.key("search_states_hidden_by_default")
                        ListMeta.writeStrings(["cancelled"], to: &json)
                        json.object("filter_options") { json in
                            ListMeta.writeStatesSection(to: &json)
                            json.field("collection", false)
                            json.key("states")
                            ListMeta.writeOptions(stateOptions, to: &json)
                            json.key("selected_states")
                            ListMeta.writeStrings(requested ?? stateOptions.map(\.value).filter { $0 != "cancelled" }, to: &json)
                        }
                    }
                }
            }
        }
    }
}
