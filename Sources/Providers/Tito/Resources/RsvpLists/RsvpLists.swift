import Emulation

/// RSVP lists: the table, the seed and the endpoints V1–V5 (spec §11.13).
enum RsvpLists: TitoResourceGroup {
    static let resource = "rsvp_lists"

    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_rsvp_lists (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            slug TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_rsvp_lists_by_created ON tito_rsvp_lists (event_id, created_at, id);
        CREATE INDEX IF NOT EXISTS tito_rsvp_lists_by_title ON tito_rsvp_lists (event_id, title, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "rsvp_lists.json", key: "rsvp_lists") {
            let created = try record.requiredMilliseconds("created_at")
            try database.run(
                "INSERT INTO tito_rsvp_lists (id, event_id, slug, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                try record.id(), try record.id("event_id"), try record.requiredText("slug"), try record.requiredText("title"),
                created, try record.milliseconds("updated_at", default: created) ?? created)
        }
        try Identifiers.start("rsvp_lists", at: 124, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/rsvp_lists", example: "/biscuit-box/2018/rsvp_lists", list),
        Route("GET", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}",
              example: "/biscuit-box/2018/rsvp_lists/rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg", show),
        Route("POST", "/{account_slug}/{event_slug}/rsvp_lists", create),
        Route("PATCH", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}", delete),
    ]

    static let sort = SortSpec(
        default: .init("created_at", sql: "l.created_at", direction: .desc), others: [.init("title", sql: "l.title")],
        idColumn: "l.id")

    /// V1: newest first, or `search[sort]` by created_at or title.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let page = PageRequest(request.query)
            var filter = SQLFilter()
            filter.add("l.event_id = ?", scope.event.id)
            let result = try database.page(
                select: "l.*", from: "tito_rsvp_lists AS l", where: filter, orderBy: sort.orderBy(request.query), page: page)
            let view = request.listView
            return ResourceResponse.list(
                "rsvp_lists", items: result.rows.map { json($0, view: view) },
                meta: PageMeta(page: page, totalCount: result.totalCount, overallTotal: result.totalCount)
            ) { json in
                ListMeta.writeSortOptions(
                    [("Created time, earliest first", "created_at", "asc", false),
                     ("Created time, latest first", "created_at", "desc", true),
                     ("Title A-Z", "title", "asc", false), ("Title Z-A", "title", "desc", false)], to: &json)
                ListMeta.writeEmptyFilterOptions(to: &json)
            }
        }
    }

    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            return ResourceResponse.single("rsvp_list", json(try find(request.parameter("rsvp_list_slug"), scope, in: database),
                                                             view: request.singleView))
        }
    }

    /// V3: the slug is `rsvp_list_` and a random body.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let attributes = try Attributes(request, wrapper: "rsvp_list")
            guard let title = attributes.string("title").value, !title.isBlank else {
                throw TitoError.unprocessable("title", ValidationErrors.blank)
            }
            let id = try Identifiers.next("rsvp_lists", in: database)
            let slug = "rsvp_list_" + (try Identifiers.randomSlugBody(in: database))
            let now = request.nowMilliseconds
            try database.run(
                "INSERT INTO tito_rsvp_lists (id, event_id, slug, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, scope.event.id, slug, title, now, now)
            return ResourceResponse.single("rsvp_list", json(try find(slug, scope, in: database), view: request.singleView), status: 201)
        }
    }

    /// V4.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let row = try find(request.parameter("rsvp_list_slug"), scope, in: database)
            let attributes = try Attributes(request, wrapper: "rsvp_list")
            switch attributes.string("title") {
            case .absent: break
            case .value(let title) where !title.isBlank:
                try database.run(
                    "UPDATE tito_rsvp_lists SET title = ?, updated_at = ? WHERE id = ?", title, request.nowMilliseconds,
                    Int64(row.int("id") ?? 0))
            default: throw TitoError.unprocessable("title", ValidationErrors.blank)
            }
            return ResourceResponse.single(
                "rsvp_list", json(try find(row.string("slug") ?? "", scope, in: database), view: request.singleView))
        }
    }

    /// V5: its invitations go with it (spec §13.11).
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let id = Int64(try find(request.parameter("rsvp_list_slug"), scope, in: database).int("id") ?? 0)
            try database.run("DELETE FROM tito_release_invitations WHERE rsvp_list_id = ?", id)
            try database.run("DELETE FROM tito_rsvp_lists WHERE id = ?", id)
        }
        return ResourceResponse.deleted
    }

    /// The list of the event with this slug, or this numeric id.
    static func find(_ slugOrID: String, _ scope: EventScope, in database: Database) throws -> Row {
        guard let row = try SlugOrID.row(
            slugOrID, select: "SELECT * FROM tito_rsvp_lists", parent: "event_id", scope.event.id, in: database)
        else { throw TitoError.notFound }
        return row
    }

    /// The seed's key order (spec §12.14).
    static func json(_ row: Row, view: View) -> JSONValue {
        let object: JSONValue = [
            "_type": "rsvp_list", "id": .int(Int64(row.int("id") ?? 0)), "slug": .string(row.string("slug")),
            "created_at": .string(TitoFormats.timestamp(milliseconds: Int64(row.int("created_at") ?? 0))),
            "updated_at": .string(TitoFormats.timestamp(milliseconds: Int64(row.int("updated_at") ?? 0))),
            "title": .string(row.string("title")),
        ]
        return object.marked(view)
    }
}
