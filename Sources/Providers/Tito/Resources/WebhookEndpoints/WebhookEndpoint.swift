import Emulation

/// A webhook endpoint (spec §12.16): where the event's changes would be posted, and for which
/// triggers. Nothing is delivered.
struct WebhookEndpoint: EventScopedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var url = ""
    var includedTriggers: [String] = []
    var customData: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_webhook_endpoints", of: WebhookEndpoint.self, constraints: [.references("event_id", "tito_events")],
        indexes: ["event_id, id"])
    static let wrapper = "webhook_endpoint"
    static let pathParameter = "id"

    /// Applies the attributes sent (H3, H4); triggers must be known ones, duplicates dropped.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        switch attributes.string("url") {
        case .absent: break
        case .value(let text) where !text.isBlank:
            let trimmed = text.trimmingWhitespace()
            if Self.isWebURL(trimmed) { url = trimmed } else { errors.add("url", ValidationErrors.invalid) }
        default: errors.add("url", ValidationErrors.blank)
        }
        switch attributes.array("included_triggers") {
        case .absent: break
        case .null: errors.add("included_triggers", ValidationErrors.blank)
        case .invalid: errors.add("included_triggers", ValidationErrors.invalid)
        case .value(let elements):
            let names = elements.compactMap(\.stringValue).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if names.count != elements.filter({ $0.stringValue?.isBlank != true && $0 != .null }).count
                || names.contains(where: { !WebhookEndpoints.triggers.contains($0) })
            {
                errors.add("included_triggers", ValidationErrors.invalid)
            } else if names.isEmpty {
                errors.add("included_triggers", ValidationErrors.blank)
            } else {
                includedTriggers = names.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            }
        }
        attributes.string("custom_data").assignOrClear(to: &customData)
    }

    /// An absolute http(s) URL with a host.
    static func isWebURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else { return false }
        let rest = text.dropFirst(scheme.count)
        return !rest.isEmpty && !rest.hasPrefix("/") && !text.contains(where: \.isWhitespace)
    }
}

/// How webhook endpoints render (spec §12.16); `deprecated` is always false.
enum WebhookEndpointView {
    static let view = RecordView<RenderContext>(WebhookEndpoint.table, [
        .constant("_type", "webhook_endpoint"),
        .column("id"), .column("url"), .column("included_triggers"), .column("custom_data"), .constant("deprecated", false),
        .extendedMarker,
    ])

    static let rendering = RecordRendering(view: view, alias: "w")
}
