import Emulation
import TestSupport
import Testing

/// Ids of the seed's ticketing and commerce records (spec §11.5–11.7), and the mock's order
/// control endpoint, for the ticketing tests.
enum Commerce {
    static let festivalToken = "BULK_FESTIVAL_TOKEN"
    static let festivalEvent = "555000009001"
    static let festivalOrganization = "555000000003"
    /// Event 17937020110: one public ticket class (`17937020111`, USD 10.00, capacity 200).
    static let orderEvent = "17937020110"
    static let orderTicket = "17937020111"
}

extension TestServer {
    /// Places an order through `POST /_understudy/eventbrite/orders`; returns the order id and its
    /// attendees' ids.
    @discardableResult
    func placeOrder(
        event: String, ticketClass: String, quantity: Int64 = 1, extra: JSONValue = [:], line: JSONValue = [:]
    ) throws -> (order: String, attendees: [String]) {
        var ticket = JSONObject([("ticket_class_id", .string(ticketClass)), ("quantity", .int(quantity))])
        for (key, value) in line.objectValue ?? JSONObject() { ticket[key] = value }
        var body = JSONObject([
            ("event_id", .string(event)), ("first_name", "Test"), ("last_name", "Buyer"), ("email", "buyer@example.com"),
            ("tickets", .array([.object(ticket)])),
        ])
        for (key, value) in extra.objectValue ?? JSONObject() { body[key] = value }
        let response = try request("POST", "/_understudy/eventbrite/orders", json: .object(body))
        #expect(response.status == 200, "order → \(response.status) \(response.text.prefix(300))")
        return (
            response.json["order_id"]?.stringValue ?? "",
            response.json["attendee_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        )
    }

    /// A new ticket class on `event` from `fields` (inside the wrapper); returns its id.
    func createTicketClass(_ event: String, _ fields: JSONValue) throws -> String {
        let response = try eventbrite("POST", "/events/\(event)/ticket_classes/", json: ["ticket_class": fields])
        #expect(response.status == 200, "ticket class → \(response.status) \(response.text.prefix(300))")
        return response.json["id"]?.stringValue ?? ""
    }
}
