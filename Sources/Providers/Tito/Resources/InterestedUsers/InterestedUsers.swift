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
            var user = InterestedUserRecord(eventID: try record.id("event_id"), now: try record.requiredMilliseconds("created_at"))
            user.id = try record.id()
            user.name = record.text("name")
            user.email = try record.requiredText("email")
            user.updatedAt = try record.milliseconds("updated_at", default: user.createdAt) ?? user.createdAt
            try user.insert(into: database)
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
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "interested_users", table: InterestedUserRecord.table, alias: "iu",
            orderBy: sort.orderBy, record: InterestedUserRecord.init(row:), render: render)
    }

    /// I2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(InterestedUserRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// I3: `email` is required; the same e-mail may register interest twice.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource,
            newRecord: { scope, _ in InterestedUserRecord(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { user, errors in
                if user.email == nil && !errors.has("email") { errors.add("email", ValidationErrors.blank) }
            },
            respond: respond)
    }

    /// I4: partial.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(InterestedUserRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// I5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(InterestedUserRecord.self, request, principal, resource: resource)
    }

    private static var respond: EventRecordHandlers.Respond<InterestedUserRecord> {
        EventRecordHandlers.single("interested_user", render: render)
    }

    private static var render: EventRecordHandlers.Render<InterestedUserRecord> { EventRecordHandlers.each { $0.json(view: $1) } }
}
