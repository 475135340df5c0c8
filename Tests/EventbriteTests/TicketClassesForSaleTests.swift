import Emulation
import TestSupport
import Testing

/// Spec §8.12 `for_sale/` and §9.9.3: what a buyer can pick at a point of sale, with sale
/// statuses, variants, promo codes, access codes and holds.
@Suite struct TicketClassesForSaleTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func aPublicDiscountAddsAVariant() throws {
        let response = try server.eventbrite("GET", "/events/17937020110/ticket_classes/for_sale/")
        #expect(response.status == 200)
        let ticket = try #require(response.json["ticket_classes"]?[0])
        #expect(ticket["id"] == "17937020111")
        #expect(ticket["name"] == "General Admission")
        #expect(ticket["on_sale_status"] == "AVAILABLE")
        #expect(ticket["variant_input_type"] == "multiple")
        #expect(ticket["sales_end"] == "2031-03-15T12:00:00Z")
        let variants = ticket["variants"]?.arrayValue ?? []
        #expect(variants.map { $0["id"] } == ["T17937020111", "T17937020111-D99003"])
        let primary = variants[0]
        #expect(primary["primary"] == true)
        #expect(primary["cost"]?["value"] == 1000)
        // 10.00 plus fees of 2.51 (§8.26).
        #expect(primary["fee"]?["value"] == 251)
        #expect(primary["total_cost"]?["value"] == 1251)
        #expect(primary["original_cost"] == .null)
        let discounted = variants[1]
        #expect(discounted["primary"] == false)
        #expect(discounted["code"] == "Early Bird")
        #expect(discounted["percent_off"] == "10.0")
        #expect(discounted["cost"]?["value"] == 900)
        #expect(discounted["original_cost"]?["value"] == 1000)
        #expect(discounted["original_total_cost"]?["value"] == 1251)
        // Private fields are not part of the for-sale view.
        #expect(ticket["capacity"] == nil)
        #expect(ticket["quantity_sold"] == nil)
    }

    @Test func codesUnlockAndDiscount() throws {
        let path = "/events/12345/ticket_classes/for_sale/"
        #expect(try server.eventbrite("GET", path).ids("ticket_classes") == ["12345"])
        // An access code shows the hidden ticket it covers.
        let unlocked = try server.eventbrite("GET", path + "?code=backstage")
        #expect(unlocked.ids("ticket_classes") == ["12345", "12350"])
        #expect(unlocked.json["ticket_classes"]?[1]?["on_sale_status"] == "HIDDEN")
        #expect(unlocked.json["ticket_classes"]?[1]?["name"] == "Admission Backstage Pass")
        // A coded discount adds a discounted variant to the tickets it covers.
        let coded = try server.eventbrite("GET", path + "?code=abcde")
        let variants = coded.json["ticket_classes"]?[0]?["variants"]?.arrayValue ?? []
        #expect(variants.map { $0["id"] } == ["T12345", "T12345-D12345"])
        #expect(variants[1]["cost"]?["value"] == 3600)
        #expect(variants[1]["percent_off"] == "20.0")
        #expect(try server.eventbrite("GET", path + "?code=NOPE").json == Bodies.arguments(["code": "INVALID"]))
        #expect(try server.eventbrite("GET", path + "?pos=kiosk").json == Bodies.arguments(["pos": "INVALID"]))
    }

    @Test func holdsAreSoldByMembers() throws {
        let path = "/events/12345/ticket_classes/for_sale/"
        #expect(try server.eventbrite("GET", path + "?hold_id=I987").ids("ticket_classes") == ["12345"])
        #expect(try server.eventbrite("GET", path + "?hold_id=I987", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", path + "?hold_id=I404").json == Bodies.arguments(["hold_id": "INVALID"]))
        // Non-members see the public ticket classes of a public event.
        #expect(try server.eventbrite("GET", path, token: Seed.otherUserToken).ids("ticket_classes") == ["12345"])
    }

    @Test func statusesFollowTheClockAndTheSales() throws {
        let event = Seed.liveWithoutOrders
        let later = try server.createTicketClass(event, [
            "name": "Late Release", "free": true, "capacity": 5, "sales_start": "2030-06-01T00:00:00Z", "auto_hide": true,
        ])
        let after = try server.createTicketClass(event, ["name": "Second Wave", "free": true, "capacity": 5, "sales_start_after": "99112"])
        let door = try server.createTicketClass(event, ["name": "Door", "free": true, "capacity": 5, "sales_channels": ["atd"]])
        let path = "/events/\(event)/ticket_classes/for_sale/"
        // The late release hides itself until its sales start; the door ticket sells at the door.
        let online = try server.eventbrite("GET", path)
        #expect(online.ids("ticket_classes") == [after, "99112"])
        #expect(online.json["ticket_classes"]?[0]?["on_sale_status"] == "NOT_YET_ON_SALE")
        #expect(online.json["ticket_classes"]?[1]?["on_sale_status"] == "AVAILABLE")
        #expect(online.json["ticket_classes"]?[1]?["variant_input_type"] == "one")
        #expect(try server.eventbrite("GET", path + "?pos=at_the_door").ids("ticket_classes") == [after, door, "99112"])
        // Once the first wave sells out, the second goes on sale.
        try server.placeOrder(event: event, ticketClass: "99112", quantity: 50)
        let soldOut = try server.eventbrite("GET", path)
        #expect(soldOut.json["ticket_classes"]?[0]?["on_sale_status"] == "AVAILABLE")
        #expect(soldOut.json["ticket_classes"]?[1]?["on_sale_status"] == "SOLD_OUT")
        try server.advanceClock(seconds: 200 * 86_400)
        let released = try server.eventbrite("GET", path)
        #expect(released.ids("ticket_classes") == [later, after, "99112"])
        #expect(released.json["ticket_classes"]?[0]?["on_sale_status"] == "AVAILABLE")
        // After the event, nothing sells.
        try server.freezeClock(at: "2032-01-01T00:00:00Z")
        let over = try server.eventbrite("GET", path)
        #expect(over.json["ticket_classes"]?.arrayValue?.allSatisfy { $0["on_sale_status"] == "UNAVAILABLE" } == true)
        #expect(try server.eventbrite("GET", "/events/\(event)/?expand=event_sales_status").json["event_sales_status"]?["sales_status"]
            == "sales_ended")
    }
}
