import Emulation

/// Interested users: the table, the seed and the endpoints I1–I5 (spec §11.7).
enum InterestedUsers: TitoResourceGroup {
    static let resource = "interested_users"

    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_interested_users (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            name TEXT,
            email TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_interested_users_by_event ON tito_interested_users (event_id, id);
        CREATE INDEX IF NOT EXISTS tito_interested_users_by_name ON tito_interested_users (event_id, name, id);
        CREATE INDEX IF NOT EXISTS tito_interested_users_by_email ON tito_interested_users (event_id, email, id);
        CREATE INDEX IF NOT EXISTS tito_interested_users_by_created ON tito_interested_users (event_id, created_at, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "interested_users.json", key: "interested_users") {
            let created = try record.requiredMilliseconds("created_at")
            try database.run(
                "INSERT INTO tito_interested_users (id, event_id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                try record.id(), try record.id("event_id"), record.text("name"), try record.requiredText("email"), created,
                try record.milliseconds("updated_at", default: created) ?? created)
        }
        try Identifiers.start("interested_users", at: 125, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/interested_users", example: "/biscuit-box/2018/interested_users", list),
        Route("GET", "/{account_slug}/{event_slug}/interested_users/{interested_user_id}",
              example: "/biscuit-box/2018/interested_users/123", show),
        Route("POST", "/{account_slug}/{event_slug}/interested_users", create),
        Route("PATCH", "/{account_slug}/{event_slug}/interested_users/{interested_user_id}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/interested_users/{interested_user_id}", delete),
    ]

    static let sort = SortSpec(
        default: .init("id", sql: "iu.id"),
        others: [.init("name", sql: "iu.name"), .init("email", sql: "iu.email"), .init("created_at", sql: "iu.created_at")],
        idColumn: "iu.id")

    /// I1: id order, or `search[sort]` by name, email or created_at. The docs' example has no
    /// `meta`; the live service pages this list like every other (spec §15 A15).
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let page = PageRequest(request.query)
            var filter = SQLFilter()
            filter.add("iu.event_id = ?", scope.event.id)
            let result = try database.page(
                select: "iu.*", from: "tito_interested_users AS iu", where: filter, orderBy: sort.orderBy(request.query),
                page: page)
            let view = request.listView
            return ResourceResponse.list(
                "interested_users", items: result.rows.map { json($0, view: view) },
                meta: PageMeta(page: page, totalCount: result.totalCount, overallTotal: result.totalCount))
        }
    }

    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            return ResourceResponse.single("interested_user", json(try find(request, scope, in: database), view: request.singleView))
        }
    }

    /// I3: `email` is required; the same e-mail may register interest twice.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let attributes = try Attributes(request, wrapper: "interested_user")
            var errors = ValidationErrors()
            var name: String?
            var email: String?
            apply(attributes, name: &name, email: &email, errors: &errors)
            if email == nil && !errors.has("email") { errors.add("email", ValidationErrors.blank) }
            try errors.check()
            let id = try Identifiers.next("interested_users", in: database)
            let now = request.nowMilliseconds
            try database.run(
                "INSERT INTO tito_interested_users (id, event_id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, scope.event.id, name, email ?? "", now, now)
            return ResourceResponse.single("interested_user", json(try reload(id, in: database), view: request.singleView), status: 201)
        }
    }

    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let row = try find(request, scope, in: database)
            let id = Int64(row.int("id") ?? 0)
            let attributes = try Attributes(request, wrapper: "interested_user")
            if !attributes.object.isEmpty {
                var errors = ValidationErrors()
                var name = row.string("name")
                var email = row.string("email")
                apply(attributes, name: &name, email: &email, errors: &errors)
                try errors.check()
                try database.run(
                    "UPDATE tito_interested_users SET name = ?, email = ?, updated_at = ? WHERE id = ?",
                    name, email ?? "", request.nowMilliseconds, id)
            }
            return ResourceResponse.single("interested_user", json(try reload(id, in: database), view: request.singleView))
        }
    }

    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let row = try find(request, scope, in: database)
            try database.run("DELETE FROM tito_interested_users WHERE id = ?", Int64(row.int("id") ?? 0))
        }
        return ResourceResponse.deleted
    }

    private static func apply(
        _ attributes: Attributes, name: inout String?, email: inout String?, errors: inout ValidationErrors
    ) {
        switch attributes.string("name") {
        case .absent: break
        case .value(let text): name = text
        default: name = nil
        }
        switch attributes.string("email") {
        case .absent: break
        case .value(let text) where !text.isBlank:
            let trimmed = text.trimmingWhitespace()
            if EmailAddress.isPlausible(trimmed) { email = trimmed } else { errors.add("email", ValidationErrors.invalid) }
        default: errors.add("email", ValidationErrors.blank)
        }
    }

    private static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> Row {
        guard let id = Int64(request.parameter("interested_user_id")),
            let row = try database.queryOne("SELECT * FROM tito_interested_users WHERE event_id = ? AND id = ?", scope.event.id, id)
        else { throw TitoError.notFound }
        return row
    }

    private static func reload(_ id: Int64, in database: Database) throws -> Row {
        guard let row = try database.queryOne("SELECT * FROM tito_interested_users WHERE id = ?", id) else {
            throw TitoError.notFound
        }
        return row
    }

    /// The seed's key order (spec §12.7).
    static func json(_ row: Row, view: View) -> JSONValue {
        let object: JSONValue = [
            "_type": "interested_user", "id": .int(Int64(row.int("id") ?? 0)), "name": .string(row.string("name")),
            "email": .string(row.string("email")),
            "created_at": .string(TitoFormats.timestamp(milliseconds: Int64(row.int("created_at") ?? 0))),
            "updated_at": .string(TitoFormats.timestamp(milliseconds: Int64(row.int("updated_at") ?? 0))),
        ]
        return object.marked(view)
    }
}
