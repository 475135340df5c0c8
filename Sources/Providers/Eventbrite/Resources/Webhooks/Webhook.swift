import Emulation

/// A webhook of an organization (spec §9.26): where to post, on which actions, for one event or
/// all. `user_id` is the organization's id for webhooks made through the organization endpoint
/// (the seed calls it "the ID of the Organization that triggers this webhook"). `legacy` marks
/// webhooks made through the user endpoint retired in 2020; it is not shown.
struct Webhook: StoredRecord {
    var id: Int64 = 0
    var organizationID: Int64 = 0
    var endpointURL = ""
    var actions: [String] = []
    var eventID: Int64?
    var userID: Int64 = 0
    var created = EpochSeconds(0)
    var legacy = false

    static let table = RecordTable(
        "eventbrite_webhooks", of: Webhook.self, constraints: [.references("organization_id", "eventbrite_organizations")],
        indexes: ["organization_id, id"])

    /// The actions a webhook may subscribe to (the seed's Create Webhook structure).
    static let actionNames: Set<String> = [
        "attendee.checked_in", "attendee.checked_out", "attendee.updated", "event.created", "event.published", "event.updated",
        "event.unpublished", "order.placed", "order.refunded", "order.updated", "organizer.updated", "ticket_class.created",
        "ticket_class.deleted", "ticket_class.updated", "venue.updated",
    ]

    /// What a webhook created without `actions` is subscribed to (the older docs of `POST /webhooks/`).
    static let defaultActions = ["order.placed", "event.published", "event.unpublished"]

    static let presenter = Presenter(
        type: "webhook",
        view: RecordView(table, [
            .id("id"),
            .derived("resource_uri") { row, context, json in context.writeResourceURI("webhooks/", id: row.integer("id"), to: &json) },
            .column("endpoint_url"),
            .column("actions"),
            .id("event_id"),
            .id("user_id"),
            .column("created", format: EventbriteFormats.utc),
        ]),
        alias: "w")
}
