import Emulation

/// The `ticket_buyer_settings` expansion of an order (spec §5.4, §9.16 "Event Ticket Buyer
/// Settings"): what the buyer is told once the order is through, from the event's ticket buyer
/// settings, and the confirmation message of each ticket class in the order that has one.
/// The seed: "Order must be in PLACED or UNPAID state for the ticket_buyer_settings to return any
/// information, otherwise will be an empty object"; an unpaid order is a `pending` one here.
enum OrderTicketBuyerSettings {
    static let statuses: Set<String> = ["placed", "pending"]

    static func write(orderID: Int64, eventID: Int64, status: String, in database: Database, to json: inout JSONBuilder) throws {
        guard statuses.contains(status) else { return json.value([:]) }
        let settings = try database.fetchOne(TicketBuyerSettings.self, where: "event_id = ?", eventID) ?? TicketBuyerSettings()
        // One entry per ticket class of the order, in the order it was bought.
        let confirmations = try database.query(
            """
            SELECT t.id AS id, t.order_confirmation_message AS message FROM eventbrite_ticket_classes t
            WHERE t.event_id = ? AND t.order_confirmation_message <> ''
            AND t.id IN (SELECT ticket_class_id FROM eventbrite_attendees WHERE order_id = ?)
            ORDER BY (SELECT MIN(a.id) FROM eventbrite_attendees a WHERE a.order_id = ? AND a.ticket_class_id = t.id)
            """, eventID, orderID, orderID)
        json.object { json in
            json.key("confirmation_message")
            EventbriteFormats.writeMultipartText(html: settings.confirmationMessageHTML, to: &json)
            json.key("instructions")
            EventbriteFormats.writeMultipartText(html: settings.instructionsHTML, to: &json)
            json.field("event_id", String(eventID))
            json.field("refund_request_enabled", settings.refundRequestEnabled)
            json.field("redirect_url", settings.redirectURL)
            json.field("ticket_class_confirmation_settings", array: { json in
                for row in confirmations {
                    json.object { json in
                        json.field("ticket_class_id", String(row.int("id") ?? 0))
                        json.field("event_id", String(eventID))
                        json.key("confirmation_message")
                        EventbriteFormats.writeMultipartText(html: row.string("message") ?? "", to: &json)
                    }
                }
            })
        }
    }
}
