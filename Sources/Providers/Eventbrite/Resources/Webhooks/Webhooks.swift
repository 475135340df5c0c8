import Emulation

/// Webhooks (spec §8.27): created, listed, read and deleted per organization. The user-level
/// `GET`/`POST /webhooks/` were retired in 2020 and answer the legacy 403 the live API gives,
/// unless `EVENTBRITE_LEGACY_ENDPOINTS=allow`; a webhook made through them can then no longer be
/// deleted (the same 403), as the seed's delete documents.
enum Webhooks: EventbriteResourceGroup {
    static let tables = [Webhook.table, WebhookDelivery.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for webhook in try seed.records(Webhook.self, "webhooks.json", key: "webhooks") { try database.insert(webhook) }
    }

    static let legacyRefusal = EventbriteError.rule(
        "NOT_AUTHORIZED", "This user is not able to use legacy user endpoints, please use the organization equivalent.", status: 403)

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        let legacyAllowed = routes.settings.legacyEndpointsAllowed
        return [
            routes.post("/organizations/{organization_id}/webhooks/") { request in
                try create(request, organizationID: try request.memberOrganization(), legacy: false)
            },
            routes.get("/organizations/{organization_id}/webhooks/", example: "/organizations/389957889113/webhooks/") { request in
                let organizationID = try request.memberOrganization()
                return try PaginatedList.respond(
                    request, key: "webhooks", Webhook.presenter, where: "w.organization_id = ?", [organizationID], orderBy: "w.id",
                    page: try request.page())
            },
            routes.post("/webhooks/") { request in
                guard legacyAllowed else { throw legacyRefusal }
                return try create(request, organizationID: try EventWrites.legacyOrganization(of: request.caller), legacy: true)
            },
            routes.get("/webhooks/", example: "/webhooks/") { request in
                guard legacyAllowed else { throw legacyRefusal }
                return try PaginatedList.respond(
                    request, key: "webhooks", Webhook.presenter,
                    where: Member.organizationOfUser("w.organization_id"),
                    [request.caller.userID], orderBy: "w.id", page: try request.page())
            },
            routes.get("/webhooks/{id}/", example: "/webhooks/1990496/") { request in
                let id = try request.id("id", orNotFound: .webhook)
                return try EventbriteResponse.one(Webhook.presenter, as: Webhook.self, where: "w.id = ?", [id], request, notFound: .notFound(.webhook)) {
                    webhook, _ in try request.caller.requireMember(of: webhook.organizationID)
                }
            },
            routes.delete("/webhooks/{id}/") { request in
                let id = try request.write { database -> Int64 in
                    let webhook = try request.webhook(in: database)
                    if webhook.legacy && !legacyAllowed { throw legacyRefusal }
                    try database.delete(Webhook.self, where: "id = ?", webhook.id)
                    return webhook.id
                }
                return EventbriteResponse.json(["id": .string(String(id)), "success": true])
            },
        ]
    }

    /// The body has no wrapper: `endpoint_url` (required), `actions` (a comma-separated string or
    /// an array; default `order.placed,event.published,event.unpublished`), `event_id` (one of the
    /// organization's events; empty for all).
    private static func create(_ request: EventbriteRequest, organizationID: Int64, legacy: Bool) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            var fields = body.unwrapped
            fields.rejectUnknown(allowed: ["endpoint_url", "actions", "event_id"])
            var webhook = Webhook()
            switch fields.string("endpoint_url") {
            case .value(let url) where AbsoluteURL.isValid(url): webhook.endpointURL = url
            case .value(let url) where url.isEmpty: fields.missing("endpoint_url")
            case .value, .null: fields.invalid("endpoint_url")
            case .absent: fields.missing("endpoint_url")
            }
            switch fields.list("actions") {
            case .value(let values):
                let actions = values.compactMap(\.stringValue).filter { !$0.isEmpty }
                if actions.count == values.count, !actions.isEmpty, actions.allSatisfy(Webhook.actionNames.contains) {
                    webhook.actions = actions.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
                } else {
                    fields.invalid("actions")
                }
            case .null, .absent: webhook.actions = Webhook.defaultActions
            }
            webhook.eventID = try fields.reference("event_id") { try Event.find($0, in: database)?.organizationID == organizationID }.value
            try fields.check()
            webhook.id = try EventbriteID.next(in: database)
            webhook.organizationID = organizationID
            // A user endpoint's webhook belonged to the user; an organization's names the organization.
            webhook.userID = legacy ? request.caller.userID : organizationID
            webhook.created = EpochSeconds(request.now)
            webhook.legacy = legacy
            try database.insert(webhook)
            return webhook.id
        }
        return try EventbriteResponse.one(Webhook.presenter, id: id, request, notFound: .webhook)
    }
}

extension EventbriteRequest {
    /// The `{id}` of a webhook path: 404 when unknown, 403 unless the caller belongs to its organization.
    func webhook(in database: Database) throws -> Webhook {
        let webhook = try record(Webhook.self, "id", notFound: .webhook, in: database)
        try caller.requireMember(of: webhook.organizationID)
        return webhook
    }
}
