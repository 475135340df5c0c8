import Emulation

/// A webhook endpoint (spec §12.16): where the event's changes would be posted, and for which
/// triggers. Nothing is delivered.
struct WebhookEndpointRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var url = ""
    var triggers: [String] = []
    var customData: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    init() {}

    init(row: Row) {
        self.init(identityOf: row)
        url = row.string("url") ?? ""
        triggers = JSONColumn.strings(row.string("included_triggers"))
        customData = row.string("custom_data")
    }

    var triggersText: String { JSONColumn.text(.array(triggers.map(JSONValue.string))) }

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
                triggers = names.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            }
        }
        switch attributes.string("custom_data") {
        case .absent: break
        case .value(let text): customData = text
        default: customData = nil
        }
    }

    /// An absolute http(s) URL with a host.
    static func isWebURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else { return false }
        let rest = text.dropFirst(scheme.count)
        return !rest.isEmpty && !rest.hasPrefix("/") && !text.contains(where: \.isWhitespace)
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_webhook_endpoints (id, event_id, url, included_triggers, custom_data, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, id, eventID, url, triggersText, customData, createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            "UPDATE tito_webhook_endpoints SET url = ?, included_triggers = ?, custom_data = ?, updated_at = ? WHERE id = ?",
            url, triggersText, customData, updatedAt, id)
    }

    /// The seed's keys (spec §12.16); `deprecated` is always false.
    func json(view: View) -> JSONValue {
        let object: JSONValue = [
            "_type": "webhook_endpoint", "id": .int(id), "url": .string(url),
            "included_triggers": .array(triggers.map(JSONValue.string)), "custom_data": .string(customData),
            "deprecated": false,
        ]
        return object.marked(view)
    }
}

extension WebhookEndpointRecord: EventScopedRecord {
    static let table = "tito_webhook_endpoints"
    static let wrapper = "webhook_endpoint"

    /// `{id}`: ids only, endpoints have no slug.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> WebhookEndpointRecord {
        WebhookEndpointRecord(row: try row(id: request.parameter("id"), scope, in: database))
    }
}
