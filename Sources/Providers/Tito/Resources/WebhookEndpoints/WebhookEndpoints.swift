import Emulation

/// Webhook endpoints: the table, the seed and the endpoints H1–H5 (spec §11.16). They are stored
/// and served; nothing is delivered to them (outgoing webhooks are optional, spec §16).
enum WebhookEndpoints: TitoResourceGroup {
    static let resource = "webhook_endpoints"

    /// The triggers an endpoint may subscribe to (spec §16); `registration.started` was retired.
    static let triggers = [
        "checkin.created", "ticket.created", "ticket.completed", "ticket.reassigned", "ticket.updated", "ticket.unsnoozed",
        "ticket.unvoided", "ticket.voided", "registration.updated", "registration.finished", "registration.completed",
        "registration.cancelled",
    ]

    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_webhook_endpoints (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            url TEXT NOT NULL,
            included_triggers TEXT NOT NULL DEFAULT '[]',
            custom_data TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_webhook_endpoints_by_event ON tito_webhook_endpoints (event_id, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "webhook_endpoints.json", key: "webhook_endpoints") {
            let created = try record.requiredMilliseconds("created_at")
            try database.run(
                """
                INSERT INTO tito_webhook_endpoints (id, event_id, url, included_triggers, custom_data, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.requiredText("url"),
                record.jsonText("included_triggers") ?? "[]", record.text("custom_data"), created,
                try record.milliseconds("updated_at", default: created) ?? created)
        }
        try Identifiers.start("webhook_endpoints", at: 2, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/webhook_endpoints", example: "/biscuit-box/2018/webhook_endpoints", list),
        Route("GET", "/{account_slug}/{event_slug}/webhook_endpoints/{id}", example: "/biscuit-box/2018/webhook_endpoints/1", show),
        Route("POST", "/{account_slug}/{event_slug}/webhook_endpoints", create),
        Route("PATCH", "/{account_slug}/{event_slug}/webhook_endpoints/{id}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/webhook_endpoints/{id}", delete),
    ]

    /// H1: id order; `meta` has the pagination keys and `overall_total`, nothing else.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "webhook_endpoints", table: WebhookEndpointRecord.table, alias: "w",
            orderBy: { _ in "w.id" }, record: WebhookEndpointRecord.init(row:), render: render, extraMeta: { _ in })
    }

    /// H2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(WebhookEndpointRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// H3: `url` and `included_triggers` are required.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource,
            newRecord: { scope, _ in WebhookEndpointRecord(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { endpoint, errors in
                if endpoint.url.isEmpty && !errors.has("url") { errors.add("url", ValidationErrors.blank) }
                if endpoint.triggers.isEmpty && !errors.has("included_triggers") {
                    errors.add("included_triggers", ValidationErrors.blank)
                }
            },
            respond: respond)
    }

    /// H4: partial.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(WebhookEndpointRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// H5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(WebhookEndpointRecord.self, request, principal, resource: resource)
    }

    private static var respond: EventRecordHandlers.Respond<WebhookEndpointRecord> {
        EventRecordHandlers.single("webhook_endpoint", render: render)
    }

    private static var render: EventRecordHandlers.Render<WebhookEndpointRecord> { EventRecordHandlers.each { $0.json(view: $1) } }
}
