import Emulation

/// Webhook endpoints: the table, the seed and the endpoints H1–H5 (spec §11.16). They are stored
/// and served; nothing is delivered to them (outgoing webhooks are optional, spec §16).
enum WebhookEndpoints: TitoResourceGroup {
    /// The triggers an endpoint may subscribe to (spec §16); `registration.started` was retired.
    static let triggers = [
        "checkin.created", "ticket.created", "ticket.completed", "ticket.reassigned", "ticket.updated", "ticket.unsnoozed",
        "ticket.unvoided", "ticket.voided", "registration.updated", "registration.finished", "registration.completed",
        "registration.cancelled",
    ]

    static let tables = [GroupTable(WebhookEndpoint.self, nextID: 2)]

    /// H1–H5: id order, the list's `meta` holding the pagination keys and `overall_total` only;
    /// `url` and `included_triggers` are required.
    static let endpoints = EventRecordEndpoints<WebhookEndpoint>(
        path: "webhook_endpoints", resource: "webhook_endpoints", listKey: "webhook_endpoints", singleKey: "webhook_endpoint",
        rendering: WebhookEndpointView.rendering, sort: SortSpec(idColumn: "w.id"), example: ("webhook_endpoints", "1"),
        extraMeta: { _ in },
        requireFields: { endpoint, errors in
            if endpoint.url.isEmpty && !errors.has("url") { errors.add("url", ValidationErrors.blank) }
            if endpoint.includedTriggers.isEmpty && !errors.has("included_triggers") {
                errors.add("included_triggers", ValidationErrors.blank)
            }
        })

    static var routes: [Route<TitoPrincipal>] { endpoints.routes }
}
