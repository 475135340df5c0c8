import Emulation

/// Venues of an event: the extra list X3 (spec §11.17), read-only.
enum Venues: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_venues (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            name TEXT NOT NULL,
            address TEXT,
            show INTEGER NOT NULL DEFAULT 1,
            position INTEGER NOT NULL DEFAULT 0,
            zoomlevel INTEGER,
            latitude TEXT,
            longitude TEXT,
            link TEXT,
            url TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_venues_by_position ON tito_venues (event_id, position, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "venues.json", key: "venues") {
            let created = try record.requiredMilliseconds("created_at")
            try database.run(
                """
                INSERT INTO tito_venues (id, event_id, name, address, show, position, zoomlevel, latitude, longitude, link, url,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.requiredText("name"), record.text("address"),
                record.bool("show", default: true), record.int("position") ?? 0, record.int("zoomlevel"), record.text("latitude"),
                record.text("longitude"), record.text("link"), record.text("url"), created,
                try record.milliseconds("updated_at", default: created) ?? created)
        }
        try Identifiers.start("venues", at: 1_065_409, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/venues", example: "/biscuit-box/2018/venues", list)
    ]

    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: nil, in: database)
            var filter = SQLFilter()
            filter.add("v.event_id = ?", scope.event.id)
            let page = PageRequest(request.query)
            let result = try database.page(
                select: "v.*", from: "tito_venues AS v", where: filter, orderBy: "v.position, v.id", window: page.window, total: .count)
            return .json { json in
                json.object { json in
                    json.field("venues", array: { json in
                        for row in result.items { encode(row, to: &json) }
                    })
                    json.object("meta") { json in
                        PageMeta(page: page, totalCount: result.total, overallTotal: result.total).write(to: &json)
                    }
                }
            }
        }
    }

    private static func encode(_ row: Row, to json: inout JSONBuilder) {
        json.object { json in
            json.field("_type", "venue")
            json.field("id", Int64(row.int("id") ?? 0))
            json.field("name", row.string("name"))
            json.field("address", row.string("address"))
            json.field("show", row.bool("show") ?? true)
            json.field("created_at", milliseconds: row.int("created_at").map(Int64.init))
            json.field("updated_at", milliseconds: row.int("updated_at").map(Int64.init))
            json.field("zoomlevel", row.int("zoomlevel").map(Int64.init))
            json.field("latitude", row.string("latitude"))
            json.field("longitude", row.string("longitude"))
            json.field("link", row.string("link"))
            json.field("position", Int64(row.int("position") ?? 0))
            json.field("url", row.string("url"))
        }
    }
}
