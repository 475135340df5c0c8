import Emulation

/// A replacement for one of the texts shown during ticket sales (spec §9.24), for an organization,
/// one of its venues or one of its events, in one locale: a custom message, or the default
/// message of another text code. `eventID` and `venueID` are 0 where the override is not
/// limited to one (so the primary key can hold every scope).
struct TextOverride: StoredRecord {
    var organizationID: Int64 = 0
    var eventID: Int64 = 0
    var venueID: Int64 = 0
    var locale = "en_US"
    var textCode = ""
    var message: String?
    var messageCode: String?

    static let table = RecordTable(
        "eventbrite_text_overrides", of: TextOverride.self,
        primaryKey: ["organization_id", "locale", "text_code", "event_id", "venue_id"],
        constraints: [.references("organization_id", "eventbrite_organizations")], withoutRowID: true)

    /// Every text code and its default message. The seed gives the codes and one default
    /// ("Sales Ended"); the others are the wording Eventbrite's listing pages use. Messages are
    /// not translated: every locale shows these.
    static let defaults: [(code: String, message: String)] = [
        ("tickets_not_yet_on_sale", "Not Yet on Sale"), ("tickets_with_sales_ended", "Sales Ended"),
        ("tickets_sold_out", "Sold Out"), ("tickets_unavailable", "Unavailable"), ("tickets_at_the_door", "Tickets at the door"),
        ("event_cancelled", "Canceled"), ("event_postponed", "Postponed"), ("checkout_title_tickets", "Tickets"),
        ("checkout_title_add_ons", "Add-ons"), ("checkout_title_donations", "Donations"),
    ]

    static let defaultMessages = Dictionary(uniqueKeysWithValues: defaults.map { ($0.code, $0.message) })

    /// The override that applies to `code` for an event or venue of the organization (either may
    /// be nil): the event's, else the venue's, else the organization's.
    static func resolve(
        _ code: String, organizationID: Int64, eventID: Int64?, venueID: Int64?, locale: String, in database: Database
    ) throws -> TextOverride? {
        try database.fetchAll(
            TextOverride.self,
            where: """
                organization_id = ? AND locale = ? AND text_code = ?
                AND ((event_id = ? AND venue_id = 0) OR (event_id = 0 AND venue_id = ?) OR (event_id = 0 AND venue_id = 0))
                """,
            orderBy: "event_id DESC, venue_id DESC LIMIT 1", organizationID, locale, code, eventID ?? -1, venueID ?? -1
        ).first
    }

    /// The Text Overrides Response Content of `code` given the override that applies, if any.
    static func json(_ code: String, override: TextOverride?) -> JSONValue {
        let defaultMessage = defaultMessages[code] ?? ""
        let message: String
        let type: String
        if let messageCode = override?.messageCode {
            message = defaultMessages[messageCode] ?? ""
            type = "canonical"
        } else if let custom = override?.message {
            message = custom
            type = "custom"
        } else {
            message = defaultMessage
            type = "default"
        }
        return [
            "text_code": .string(code), "message": .string(message), "message_code": .string(override?.messageCode),
            "default_message": .string(defaultMessage), "message_type": .string(type),
        ]
    }
}
