import Emulation

/// One payload the emulator posted to a webhook's endpoint (spec §12 `GET /webhooks/deliveries`):
/// what was sent, and what the receiver answered (its status, or why nothing arrived).
struct WebhookDelivery: StoredRecord {
    var id: Int64 = 0
    var webhookID: Int64 = 0
    var action = ""
    var endpointURL = ""
    /// The JSON posted.
    var payload = ""
    var status: Int64?
    var error: String?
    var delivered = EpochSeconds(0)

    static let table = RecordTable("eventbrite_webhook_deliveries", of: WebhookDelivery.self)

    static let json = RecordView<Void>(table, [
        .column("id"),
        .column("webhook_id", format: EventbriteID.format),
        .column("action"),
        .column("endpoint_url"),
        .column("payload", format: .rawJSON),
        .column("status"),
        .column("error"),
        .column("delivered", format: EventbriteFormats.utc),
    ])
}
