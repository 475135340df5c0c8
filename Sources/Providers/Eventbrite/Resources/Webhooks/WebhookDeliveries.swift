import Emulation

/// The control API's webhook deliveries (spec §10.8, §12). Nothing is delivered on its own (the
/// spec's `deliver_webhooks` is off by default, so suites without receivers are unaffected):
/// `POST /_understudy/eventbrite/webhooks/{id}/fire` posts one payload now, and `GET
/// /_understudy/eventbrite/webhooks/deliveries` lists what was posted, newest first.
enum WebhookDeliveries {
    /// `{"action": "order.placed", "api_url": "…"}`, both optional: the action defaults to
    /// `test` (the ping Eventbrite sends when a webhook is set up), whose `api_url` is the
    /// caller's user; an `event.*` action of a webhook for one event points at that event; any
    /// other action needs the `api_url` of its object. The payload is the one the official SDK
    /// reads: `{"config": {"action", "endpoint_url", "user_id", "webhook_id"}, "api_url"}`.
    static func routes(settings: EventbriteSettings) -> [ControlRoute] {
        [fire(settings: settings), list]
    }

    private static func fire(settings: EventbriteSettings) -> ControlRoute {
        ControlRoute("POST", "/webhooks/{id}/fire") { request in
            try fire(request, settings: settings)
        }
    }

    private static func fire(_ request: ProviderRequest, settings: EventbriteSettings) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        guard let id = EventbriteID.parse(request.parameter("id")),
            let webhook = try request.read({ try $0.fetchOne(Webhook.self, where: "id = ?", id) })
        else { throw ControlError.notFound("No webhook \(request.parameter("id"))") }
        let action: String
        switch body["action"] {
        case nil, .null?: action = "test"
        case .string(let name)? where name == "test" || Webhook.actionNames.contains(name): action = name
        default: throw ControlError.badRequest("action must be \"test\" or one of the webhook actions")
        }
        let apiBase = PublicBaseURL.apiBase(of: request.http, settings: settings)
        let apiURL: String
        switch body["api_url"] {
        case .string(let url)? where AbsoluteURL.isValid(url): apiURL = url
        case nil, .null?:
            if action == "test" {
                apiURL = apiBase + "/users/me/"
            } else if action.hasPrefix("event."), let eventID = webhook.eventID {
                apiURL = apiBase + "/events/\(eventID)/"
            } else {
                throw ControlError.badRequest("api_url is required for \(action): the URL of the object it is about")
            }
        default: throw ControlError.badRequest("api_url must be an http or https URL")
        }
        let payload: JSONValue = [
            "config": [
                "action": .string(action), "endpoint_url": .string(webhook.endpointURL), "user_id": .string(String(webhook.userID)),
                "webhook_id": .string(String(webhook.id)),
            ],
            "api_url": .string(apiURL),
        ]
        let outcome = WebhookSender.post(
            JSONWriter.encode(payload), to: webhook.endpointURL, headers: [("Content-Type", "application/json")])
        let now = EpochSeconds(request.now)
        let deliveryID = try request.write { database -> Int64 in
            var delivery = WebhookDelivery()
            delivery.id = try database.ids.integer("eventbrite.deliveries")
            delivery.webhookID = webhook.id
            delivery.action = action
            delivery.endpointURL = webhook.endpointURL
            delivery.payload = JSONWriter.string(payload)
            delivery.status = outcome.status.map(Int64.init)
            delivery.error = outcome.error
            delivery.delivered = now
            try database.insert(delivery)
            return delivery.id
        }
        return try request.read { database in
            try .json(contentType: "application/json") { json in
                try database.forEachRow(
                    "SELECT \(WebhookDelivery.table.selectList()) FROM eventbrite_webhook_deliveries WHERE id = ?", arguments: [deliveryID]
                ) { try WebhookDelivery.json.write($0, to: &json) }
            }
        }
    }

    private static let list = ControlRoute("GET", "/webhooks/deliveries") { request in
        try request.read { database in
            try .json(contentType: "application/json") { json in
                try json.object { json in
                    try json.field("deliveries", array: { json in
                        try database.write(
                            WebhookDelivery.json,
                            "SELECT \(WebhookDelivery.table.selectList()) FROM eventbrite_webhook_deliveries ORDER BY id DESC",
                            arguments: [], context: (), to: &json)
                    })
                }
            }
        }
    }
}
