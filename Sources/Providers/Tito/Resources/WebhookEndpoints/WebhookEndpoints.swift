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

    static let schema = WebhookEndpoint.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try WebhookEndpoint.loadSeed(seed, "webhook_endpoints.json", key: "webhook_endpoints", into: database)
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
            request, principal, resource: resource, key: "webhook_endpoints", rendering: WebhookEndpointView.rendering,
            sort: SortSpec(idColumn: "w.id"), extraMeta: { _ in })
    }

    /// H2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(
            WebhookEndpoint.self, request, principal, resource: resource, key: "webhook_endpoint", rendering: WebhookEndpointView.rendering)
    }

    /// H3: `url` and `included_triggers` are required.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource, key: "webhook_endpoint", rendering: WebhookEndpointView.rendering,
            newRecord: { scope, _ in WebhookEndpoint(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { endpoint, errors in
                if endpoint.url.isEmpty && !errors.has("url") { errors.add("url", ValidationErrors.blank) }
                if endpoint.includedTriggers.isEmpty && !errors.has("included_triggers") {
                    errors.add("included_triggers", ValidationErrors.blank)
                }
            })
    }

    /// H4: partial.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(
            WebhookEndpoint.self, request, principal, resource: resource, key: "webhook_endpoint", rendering: WebhookEndpointView.rendering)
    }

    /// H5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(WebhookEndpoint.self, request, principal, resource: resource)
    }
}
