import Emulation

/// People waiting for a sold-out release: the extra list X4 (spec §11.17), read-only. Redeemed,
/// rejected and expired entries are hidden unless asked for, as the live service's meta says.
enum WaitlistedPeople: TitoResourceGroup {
    static let tables = [GroupTable(WaitlistedPerson.self, nextID: 1, seeded: false)]


    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/waitlisted_people", example: "/biscuit-box/2018/waitlisted_people", list)
    ]

    static let states: [(label: String, value: String)] = [
        ("Joined", "joined"), ("Offered", "offered"), ("Redeemed", "redeemed"), ("Rejected", "rejected"), ("Expired", "expired"),
    ]
    static let hiddenByDefault = ["redeemed", "rejected", "expired"]

    static let sort = SortSpec(
        default: .init("created_at", sql: "w.created_at", direction: .desc), others: [.init("name", sql: "w.name COLLATE NOCASE")],
        idColumn: "w.id")

    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: nil, in: database)
            var scopeFilter = SQLFilter()
            scopeFilter.add("w.event_id = ?", scope.event.id)
            var filter = scopeFilter
            let requested = ListQuery.states(request.query)
            let selected = requested ?? states.map(\.value).filter { !hiddenByDefault.contains($0) }
            filter.add("w.state", in: selected.filter { value in states.contains { $0.value == value } })
            if let slugs = ListQuery.values(request.query, "search[release_slugs]"), !slugs.isEmpty {
                let ids = try slugs.compactMap { try SlugOrID.find(Release.self, $0, parent: "event_id", scope.event.id, in: database)?.id }
                filter.add("w.release_id", in: ids)
            }
            let source = "tito_waitlisted_people AS w"
            let page = try database.listPage(
                PageRequest(request.query), from: source, alias: "w", where: filter, order: sort.order(request.query))
            let overall = try database.count(from: source, where: scopeFilter)
            var hiddenFilter = scopeFilter
            hiddenFilter.add("w.state", in: hiddenByDefault)
            let hidden = requested == nil ? try database.count(from: source, where: hiddenFilter) : 0
            let releases = try Release.all(event: scope.event.id, in: database)
            let context = RenderContext(request, scope, view: request.listView)
            return try ResourceResponse.list("waitlisted_people", meta: page.meta(overallTotal: overall)) { json in
                ListMeta.writeHidden(hidden, states: hiddenByDefault, to: &json)
                ListMeta.writeSortOptions(
                    [
                        ("Name A-Z", "name", "asc", false), ("Name Z-A", "name", "desc", false),
                        ("Join date, earliest first", "created_at", "asc", false),
                        ("Join date, newest first", "created_at", "desc", true),
                    ], to: &json)
                json.object("filter_options") { json in
                    json.key("release_slugs")
                    ListMeta.writeOptions(releases.map { ($0.title, $0.slug) }, to: &json)
                    ListMeta.writeSections([("states", "Status"), ("release_slugs", "Tickets")], to: &json)
                    ListMeta.writeStates(options: states, selected: selected, to: &json)
                }
            } items: { json in
                try WaitlistedPerson.rendering.write(page, context: context, scope, in: database, to: &json)
            }
        }
    }
}

/// Someone waiting for a sold-out release (spec §11.17 X4).
struct WaitlistedPerson: TitoRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var releaseID: Int64 = 0
    var name: String?
    var email = ""
    /// `joined`, `offered`, `redeemed`, `rejected` or `expired`.
    var state = "joined"
    var offeredAt: Int64?
    var expiresAt: Int64?
    var joinedAt: Int64?
    var redeemedAt: Int64?
    var uniqueOfferURL: String?
    var message: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_waitlisted_people", of: WaitlistedPerson.self,
        constraints: [.references("event_id", "tito_events"), .references("release_id", "tito_releases")],
        indexes: ["event_id, created_at, id"])

    static let view = RecordView<RenderContext>(table, [
        .constant("_type", "waitlisted_person"),
        .column("id"), .column("release_id"), .column("name"), .column("email"), .column("state"), .column("state", as: "status"),
        .time("offered_at"),
        .derived("offered") { row, _, json in json.bool(!row.isNull("offered_at")) },
        .time("expires_at"),
        .derived("expired") { row, context, json in
            let expiresAt = row.optionalInteger("expires_at")
            if let expiresAt, expiresAt > context.now { context.answerChanges(at: expiresAt) }
            json.bool(row.string("state") == "expired" || (expiresAt.map { $0 <= context.now } ?? false))
        },
        .column("unique_offer_url"), .time("joined_at"),
        .derived("joined") { row, _, json in json.bool(!row.isNull("joined_at")) },
        .time("redeemed_at"),
        .derived("redeemed") { row, _, json in json.bool(!row.isNull("redeemed_at")) },
        .derived("rejected") { row, _, json in json.bool(row.string("state") == "rejected") },
        .column("message"), .time("created_at"), .time("updated_at"),
    ])

    static let rendering = RecordRendering(view: view, alias: "w")
}
