import Emulation

/// People waiting for a sold-out release: the extra list X4 (spec §11.17), read-only. Redeemed,
/// rejected and expired entries are hidden unless asked for, as the live service's meta says.
enum WaitlistedPeople: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_waitlisted_people (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            release_id INTEGER NOT NULL REFERENCES tito_releases (id),
            name TEXT,
            email TEXT NOT NULL,
            state TEXT NOT NULL,
            offered_at INTEGER,
            expires_at INTEGER,
            joined_at INTEGER,
            redeemed_at INTEGER,
            unique_offer_url TEXT,
            message TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_waitlisted_people_by_created ON tito_waitlisted_people (event_id, created_at, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try Identifiers.start("waitlisted_people", at: 1, in: database)
    }

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
                let ids = try slugs.compactMap { try ReleaseRecord.find($0, event: scope.event.id, in: database)?.id }
                filter.add("w.release_id", in: ids)
            }
            let source = "tito_waitlisted_people AS w"
            let page = PageRequest(request.query)
            let result = try database.page(
                select: "w.*", from: source, where: filter, orderBy: sort.orderBy(request.query), window: page.window, total: .count)
            let overall = try database.count(from: source, where: scopeFilter)
            var hiddenFilter = scopeFilter
            hiddenFilter.add("w.state", in: hiddenByDefault)
            let hidden = requested == nil ? try database.count(from: source, where: hiddenFilter) : 0
            let releases = try ReleaseRecord.all(event: scope.event.id, in: database)
            let now = TitoFormats.milliseconds(request.now)
            return .json { json in
                json.object { json in
                    json.field("waitlisted_people", array: { json in
                        for row in result.items { encode(row, now: now, to: &json) }
                    })
                    json.object("meta") { json in
                        PageMeta(page: page, totalCount: result.total, overallTotal: overall).write(to: &json)
                        json.field("resources_hidden_by_default_count", hidden)
                        json.key("search_states_hidden_by_default")
                        ListMeta.writeStrings(hiddenByDefault, to: &json)
                        ListMeta.writeSortOptions(
                            [
                                ("Name A-Z", "name", "asc", false), ("Name Z-A", "name", "desc", false),
                                ("Join date, earliest first", "created_at", "asc", false),
                                ("Join date, newest first", "created_at", "desc", true),
                            ], to: &json)
                        json.object("filter_options") { json in
                            json.key("release_slugs")
                            ListMeta.writeOptions(releases.map { ($0.title, $0.slug) }, to: &json)
                            json.object("sections") { json in
                                json.object("states") { json in
                                    json.field("label", "Status")
                                    json.field("open", false)
                                }
                                json.object("release_slugs") { json in
                                    json.field("label", "Tickets")
                                    json.field("open", false)
                                }
                            }
                            json.key("states")
                            ListMeta.writeOptions(states, to: &json)
                            json.key("selected_states")
                            ListMeta.writeStrings(selected, to: &json)
                        }
                    }
                }
            }
        }
    }

    private static func encode(_ row: Row, now: Int64, to json: inout JSONBuilder) {
        let state = row.string("state") ?? "joined"
        let offeredAt = row.int("offered_at").map(Int64.init)
        let expiresAt = row.int("expires_at").map(Int64.init)
        let joinedAt = row.int("joined_at").map(Int64.init)
        let redeemedAt = row.int("redeemed_at").map(Int64.init)
        json.object { json in
            json.field("_type", "waitlisted_person")
            json.field("id", Int64(row.int("id") ?? 0))
            json.field("release_id", Int64(row.int("release_id") ?? 0))
            json.field("name", row.string("name"))
            json.field("email", row.string("email"))
            json.field("state", state)
            json.field("status", state)
            json.field("offered_at", milliseconds: offeredAt)
            json.field("offered", offeredAt != nil)
            json.field("expires_at", milliseconds: expiresAt)
            json.field("expired", state == "expired" || (expiresAt.map { $0 <= now } ?? false))
            json.field("unique_offer_url", row.string("unique_offer_url"))
            json.field("joined_at", milliseconds: joinedAt)
            json.field("joined", joinedAt != nil)
            json.field("redeemed_at", milliseconds: redeemedAt)
            json.field("redeemed", redeemedAt != nil)
            json.field("rejected", state == "rejected")
            json.field("message", row.string("message"))
            json.field("created_at", milliseconds: row.int("created_at").map(Int64.init))
            json.field("updated_at", milliseconds: row.int("updated_at").map(Int64.init))
        }
    }
}
