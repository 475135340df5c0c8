import Emulation
import TestSupport
import Testing

/// Spec §8.12 and §9.9: ticket classes, their views, their create and update constants, and what
/// they do to their event (capacity, `is_free`, publishing).
@Suite struct TicketClassTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func theDocsTicketClassWithItsCostsAndFigures() throws {
        let response = try server.eventbrite("GET", "/events/12345/ticket_classes/12345/")
        #expect(response.status == 200)
        let ticket = response.json
        #expect(ticket["resource_uri"] == "https://www.eventbriteapi.com/v3/events/12345/ticket_classes/12345/")
        #expect(ticket["variant_id"] == "T12345")
        #expect(ticket["display_name"] == "Admission General Admission")
        #expect(ticket["category"] == "admission")
        #expect(ticket["cost"] == ["currency": "USD", "value": 4500, "major_value": "45.00", "display": "$45.00"])
        // Fee 487: service 3.70 % + 1.79 = 346, payment 2.90 % of 4846 = 141 (§8.26, §11.5).
        #expect(ticket["fee"]?["value"] == 487)
        #expect(ticket["actual_cost"]?["value"] == 4500)
        #expect(ticket["actual_fee"]?["value"] == 487)
        #expect(ticket["tax"]?["value"] == 0)
        // Tier 1234 holds 100, 30 of them held back; two tickets sold.
        #expect(ticket["quantity_total"] == 70)
        #expect(ticket["quantity_sold"] == 2)
        #expect(ticket["on_sale_status"] == "AVAILABLE")
        #expect(ticket["maximum_quantity_per_order"] == 10)
        #expect(ticket["sales_channels"] == ["online", "atd"])
        #expect(ticket["variants"] == [])
        #expect(ticket["event_id"] == "12345")
        #expect(keys(ticket).last == "id")
        #expect(try server.eventbrite("GET", "/events/12345/ticket_classes/999/").json == Bodies.notFound("ticket_class_id"))
        #expect(try server.eventbrite("GET", "/events/999/ticket_classes/12345/").json == Bodies.notFound("event"))
        // Ids are per event: 12345 is another ticket class on event 123.
        #expect(try server.eventbrite("GET", "/events/123/ticket_classes/12345/").json["name"] == "Early Bird")
    }

    @Test func nonMembersSeePublicTicketClassesOnly() throws {
        let member = try server.eventbrite("GET", "/events/3564383166/ticket_classes/", token: Seed.otherUserToken)
        #expect(member.json["ticket_classes"]?[0]?["capacity"] == 40)
        let stranger = try server.eventbrite("GET", "/events/3564383166/ticket_classes/")
        #expect(stranger.status == 200)
        let ticket = try #require(stranger.json["ticket_classes"]?[0])
        for field in ["capacity", "quantity_sold", "hidden", "sales_start", "sales_end", "include_fee", "actual_cost", "actual_fee"] {
            #expect(ticket[field] == nil, "\(field) is private")
        }
        #expect(ticket["cost"]?["display"] == "£10.00")
        #expect(ticket["fee"] != nil)
        // The description is hidden by default (`hide_description`).
        #expect(ticket["description"] == nil)
        // Another organization's draft is not readable at all.
        #expect(try server.eventbrite("GET", "/events/\(Seed.janesDraft)/ticket_classes/").json == Bodies.notAuthorized)
    }

    @Test func hiddenTicketClassesAreForMembers() throws {
        let members = try server.eventbrite("GET", "/events/12345/ticket_classes/")
        #expect(members.ids("ticket_classes") == ["12345", "12350"])
        // Event 12345 is live and listed: others see it, but not its hidden Backstage Pass.
        let others = try server.eventbrite("GET", "/events/12345/ticket_classes/", token: Seed.otherUserToken)
        #expect(others.ids("ticket_classes") == ["12345"])
        #expect(try server.eventbrite("GET", "/events/12345/ticket_classes/12350/", token: Seed.otherUserToken).json
            == Bodies.notFound("ticket_class_id"))
    }

    @Test func listFilters() throws {
        let atd = try server.createTicketClass(Seed.liveWithoutOrders, ["name": "Door", "free": true, "capacity": 10, "sales_channels": ["atd"]])
        let online = try server.createTicketClass(Seed.liveWithoutOrders, ["name": "Gift", "donation": true, "sales_channels": ["online"]])
        let path = "/events/\(Seed.liveWithoutOrders)/ticket_classes/"
        // By `sorting` (the new ones have the default 0), then creation.
        #expect(try server.eventbrite("GET", path).ids("ticket_classes") == [atd, online, "99112"])
        #expect(try server.eventbrite("GET", path + "?pos=at_the_door").ids("ticket_classes") == [atd, "99112"])
        #expect(try server.eventbrite("GET", path + "?pos=online").ids("ticket_classes") == [online, "99112"])
        #expect(try server.eventbrite("GET", path + "?category=donation").ids("ticket_classes") == [online])
        #expect(try server.eventbrite("GET", path + "?category=admission,donation").ids("ticket_classes") == [atd, online, "99112"])
        #expect(try server.eventbrite("GET", path + "?category=all&include_holds=true").ids("ticket_classes").count == 3)
        #expect(try server.eventbrite("GET", path + "?pos=door&category=vip").json
            == Bodies.arguments(["pos": "INVALID", "category": "INVALID"]))
        #expect(try server.eventbrite("GET", path + "?include_holds=maybe").json == Bodies.arguments(["include_holds": "INVALID"]))
    }

    @Test func createWithDottedKeysAndDefaults() throws {
        // The Python SDK's own create body.
        let response = try server.eventbrite("POST", "/events/\(Seed.liveWithoutOrders)/ticket_classes/", json: [
            "ticket_class.name": "VIP", "ticket_class.description": "Front rows", "ticket_class.quantity_total": 100,
            "ticket_class.cost": "USD,4500",
        ])
        #expect(response.status == 200)
        #expect(response.header("Eventbrite-API-Waypoint-Token") != nil)
        let ticket = response.json
        #expect(ticket["id"] == "800000000001")
        #expect(ticket["name"] == "VIP")
        #expect(ticket["description"] == "Front rows")
        #expect(ticket["capacity"] == 100)
        #expect(ticket["quantity_total"] == 100)
        #expect(ticket["quantity_sold"] == 0)
        #expect(ticket["cost"]?["value"] == 4500)
        #expect(ticket["category"] == "admission")
        #expect(ticket["minimum_quantity"] == 1)
        #expect(ticket["maximum_quantity"] == .null)
        #expect(ticket["hide_description"] == true)
        #expect(ticket["has_pdf_ticket"] == true)
        #expect(ticket["delivery_methods"] == ["electronic"])
        // A live event's new ticket sells from now until an hour before the event starts.
        #expect(ticket["sales_start"] == "2030-01-01T00:00:00Z")
        #expect(ticket["sales_end"] == "2031-12-13T01:00:00Z")
        let read = try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/ticket_classes/800000000001/")
        #expect(read.json == ticket)
        // The event: its capacity sums its tickets, and it is no longer free.
        let event = try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/")
        #expect(event.json["capacity"] == 150)
        #expect(event.json["is_free"] == false)
        #expect(event.json["changed"] == "2030-01-01T00:00:00Z")
    }

    @Test func aNewEventCanBePublishedOnceItHasATicket() throws {
        let event = try server.createEvent()
        #expect(try server.eventbrite("POST", "/events/\(event)/publish/").json == Bodies.arguments(["tickets": "MISSING"]))
        let ticket = try server.createTicketClass(event, ["name": "General", "free": true, "capacity": 25])
        // Drafts' tickets start selling when the event is published.
        #expect(try server.eventbrite("GET", "/events/\(event)/ticket_classes/\(ticket)/").json["sales_start"] == .null)
        #expect(try server.eventbrite("POST", "/events/\(event)/publish/").json == ["published": true])
        #expect(try server.eventbrite("GET", "/events/\(event)/ticket_classes/\(ticket)/").json["sales_start"] == "2030-01-01T00:00:00Z")
        // A live event keeps its last ticket.
        #expect(try server.eventbrite("DELETE", "/events/\(event)/ticket_classes/\(ticket)/").json
            == Bodies.error(400, "LAST_TICKET", "You cannot delete the last ticket while your event is live."))
    }

    @Test func argumentErrors() throws {
        let path = "/events/\(Seed.liveWithoutOrders)/ticket_classes/"
        let response = try server.eventbrite("POST", path, json: [
            "ticket_class": ["display_name": "X", "capacity": "lots", "cost": "USD,abc", "sales_start": "soon", "sales_channels": ["web"]],
        ])
        #expect(response.json == Bodies.arguments([
            "ticket_class.display_name": "Unknown parameter", "ticket_class.name": "MISSING", "ticket_class.capacity": "INVALID",
            "ticket_class.cost": "INVALID", "ticket_class.sales_channels": "INVALID", "ticket_class.sales_start": "INVALID",
        ]))
        #expect(try server.eventbrite("POST", path, json: ["ticket_class": ["name": "X", "free": true, "capacity": 5, "image_id": "42"]]).json
            == Bodies.arguments(["ticket_class.image_id": "INVALID"]))
        #expect(try server.eventbrite("POST", path, json: ["ticket_class": ["name": "X", "free": true, "capacity": 5, "ticket_classes": []]]).json
            == Bodies.arguments(["ticket_class.ticket_classes": "Unknown parameter"]))
        #expect(try server.eventbrite("POST", path, json: [
            "ticket_class": ["name": "X", "free": true, "capacity": 5, "minimum_quantity": 4, "maximum_quantity": 2],
        ]).json == Bodies.arguments(["ticket_class.maximum_quantity": "INVALID"]))
        // Tiered events sell every ticket from a tier.
        #expect(try server.eventbrite("POST", "/events/12345/ticket_classes/", json: ["ticket_class": ["name": "X", "free": true]]).json
            == Bodies.arguments(["ticket_class.inventory_tier_id": "MISSING"]))
        #expect(try server.eventbrite("POST", path, body: "{\"ticket_class\": ").json == Bodies.invalidBody)
        // Quantities and prices beyond any event are refused, not summed into an overflow.
        #expect(try server.eventbrite("POST", path, json: [
            "ticket_class": ["name": "X", "capacity": 9_223_372_036_854_775_807, "cost": "USD,9223372036854775807"],
        ]).json == Bodies.arguments(["ticket_class.capacity": "INVALID", "ticket_class.cost": "INVALID"]))
    }

    /// A body that breaks one rule, and the constant it answers with.
    static let createCases: [(JSONValue, String)] = [
        (["name": "X", "free": true, "cost": "USD,100", "capacity": 5], "FREE_AND_COST"),
        (["name": "X", "donation": true, "cost": "USD,100"], "DONATION_AND_COST"),
        (["name": "X", "donation": true, "free": true], "DONATION_AND_FREE"),
        (["name": "X", "capacity": 5], "NO_COST"),
        (["name": "X", "cost": "EUR,2000", "capacity": 5], "CURRENCY_MISMATCH"),
        (["name": "X", "donation": true, "minimum_quantity": 0], "DONATION_AND_MIN_QUANTITY"),
        (["name": "X", "cost": "USD,2000"], "NO_QUANTITY_TOTAL"),
        (["name": "X", "cost": "USD,2000", "capacity": 0], "NO_QUANTITY_TOTAL"),
        (["name": "X", "cost": "USD,2000", "capacity": 5, "include_fee": true, "split_fee": true], "SPLIT_AND_INCLUDE"),
        (["name": "X", "free": true, "capacity": 5, "auto_hide_before": "2031-01-01T00:00:00Z"], "AUTO_HIDE_NOT_SET"),
        (["name": "X", "free": true, "capacity": 5, "delivery_methods": ["carrier_pigeon"]], "INVALID_DELIVERY_METHOD"),
        (["name": "X", "cost": "USD,150", "capacity": 5], "COST_GREATER_THAN_FEE"),
        (["name": "X", "free": true, "capacity": 5, "inventory_tier_id": "4321"], "INVALID_INVENTORY_TIER_ID"),
        (["name": "X", "free": true, "capacity": 5, "event_id": "12345"], "INVALID_EVENT_ID"),
    ]

    @Test(arguments: createCases)
    func createConstants(fields: JSONValue, code: String) throws {
        let response = try server.eventbrite("POST", "/events/\(Seed.liveWithoutOrders)/ticket_classes/", json: ["ticket_class": fields])
        #expect(response.status == 400)
        #expect(response.json["error"] == .string(code), "\(response.text)")
        #expect(response.json["status_code"] == 400)
    }

    @Test func eventRules() throws {
        // Tickets of a series live on the parent; an occurrence's are copies.
        #expect(try server.eventbrite("POST", "/events/12346/ticket_classes/", json: ["ticket_class": ["name": "X", "free": true, "capacity": 5]]).json
            == Bodies.error(400, "INVALID_EVENT", "Create or update the ticket from the parent event instead."))
        #expect(try server.eventbrite("POST", "/events/12346/ticket_classes/12345/", json: ["ticket_class": ["name": "Y"]]).json["error"]
            == "INVALID_TICKET")
        #expect(try server.eventbrite("DELETE", "/events/12346/ticket_classes/12345/").json["error"] == "INVALID_TICKET")
        #expect(try server.eventbrite("POST", "/events/\(Seed.liveWithoutOrders)/cancel/").status == 200)
        #expect(try server.eventbrite("POST", "/events/\(Seed.liveWithoutOrders)/ticket_classes/", json: [
            "ticket_class": ["name": "X", "free": true, "capacity": 5],
        ]).json == Bodies.error(400, "INVALID_EVENT", "This event is not qualified to have tickets."))
        // A custom capacity below what the tickets add up to.
        #expect(try server.eventbrite("POST", "/events/\(Seed.draftToPublish)/", json: ["event": ["capacity": 60]]).status == 200)
        #expect(try server.eventbrite("POST", "/events/\(Seed.draftToPublish)/ticket_classes/", json: [
            "ticket_class": ["name": "More", "free": true, "capacity": 20],
        ]).json["error"] == "BAD_QUANTITIES")
        #expect(try server.eventbrite("POST", "/events/\(Seed.draftToPublish)/ticket_classes/", json: [
            "ticket_class": ["name": "More", "free": true, "capacity": 10],
        ]).status == 200)
        // Non-members and unknown events.
        #expect(try server.eventbrite("POST", "/events/\(Seed.publicEvent)/ticket_classes/", json: ["ticket_class": ["name": "X"]]).json
            == Bodies.notAuthorized)
        #expect(try server.eventbrite("POST", "/events/42/ticket_classes/", json: [:]).json == Bodies.notFound("event"))
    }

    @Test func updatesArePartialAndFollowTheRules() throws {
        let path = "/events/\(Seed.liveWithoutOrders)/ticket_classes/99112/"
        let response = try server.eventbrite("POST", path, json: ["ticket_class": ["name": "Renamed", "hidden": true, "sorting": 3]])
        #expect(response.status == 200)
        #expect(response.json["name"] == "Renamed")
        #expect(response.json["hidden"] == true)
        #expect(response.json["free"] == true)
        #expect(response.json["capacity"] == 50)
        // Price changes are free until a ticket is sold.
        let paid = try server.eventbrite("POST", path, json: ["ticket_class": ["free": false, "cost": "USD,2500"]])
        #expect(paid.json["cost"]?["value"] == 2500)
        try server.placeOrder(event: Seed.liveWithoutOrders, ticketClass: "99112")
        #expect(try server.eventbrite("POST", path, json: ["ticket_class": ["cost": "USD,3000"]]).json
            == Bodies.error(400, "CANNOT_UPDATE_COST", "Cannot change the ticket price after tickets have been sold"))
        // A ticket's tier is fixed; `sales_start_after` may not loop.
        #expect(try server.eventbrite("POST", "/events/12345/ticket_classes/12345/", json: ["ticket_class": ["inventory_tier_id": "4321"]])
            .json["error"] == "INVALID_INVENTORY_TIER_ID")
        let second = try server.createTicketClass(Seed.liveWithoutOrders, ["name": "Late", "free": true, "capacity": 5, "sales_start_after": "99112"])
        #expect(try server.eventbrite("POST", path, json: ["ticket_class": ["sales_start_after": .string(second)]]).json
            == Bodies.error(400, "CIRCULAR_SALES_START_AFTER", "Cannot start circular sales."))
        #expect(try server.eventbrite("POST", path, json: ["ticket_class": ["sales_start_after": "99112"]]).json["error"]
            == "CIRCULAR_SALES_START_AFTER")
        #expect(try server.eventbrite("POST", path, json: ["ticket_class": ["sales_start_after": "4242"]]).json
            == Bodies.arguments(["ticket_class.sales_start_after": "INVALID"]))
        // A ticket with sales cannot go, nor one another starts after.
        #expect(try server.eventbrite("DELETE", path).json["error"] == "HAS_ATTENDEES")
        let third = try server.createTicketClass(Seed.liveWithoutOrders, ["name": "Third", "free": true, "capacity": 5])
        #expect(try server.eventbrite("POST", "/events/\(Seed.liveWithoutOrders)/ticket_classes/\(second)/", json: [
            "ticket_class": ["sales_start_after": .string(third)],
        ]).status == 200)
        #expect(try server.eventbrite("DELETE", "/events/\(Seed.liveWithoutOrders)/ticket_classes/\(third)/").json["error"]
            == "IS_STARTED_AFTER")
    }

    @Test func deletingATicketClass() throws {
        let id = try server.createTicketClass(Seed.liveWithoutOrders, ["name": "Temporary", "free": true, "capacity": 7])
        let path = "/events/\(Seed.liveWithoutOrders)/ticket_classes/\(id)/"
        #expect(try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/").json["capacity"] == 57)
        let deleted = try server.eventbrite("DELETE", path)
        #expect(deleted.status == 200)
        #expect(deleted.json == ["deleted": true])
        #expect(try server.eventbrite("GET", path).json == Bodies.notFound("ticket_class_id"))
        #expect(try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/ticket_classes/").ids("ticket_classes") == ["99112"])
        #expect(try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/").json["capacity"] == 50)
        #expect(try server.eventbrite("DELETE", path).json == Bodies.notFound("ticket_class_id"))
        // Sold tickets stay.
        #expect(try server.eventbrite("DELETE", "/events/12345/ticket_classes/12345/").json
            == Bodies.error(400, "HAS_ATTENDEES", "You cannot delete a ticket class that has been purchased by attendees."))
        #expect(try server.eventbrite("DELETE", path, token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func aSeriesParentsTicketsAreCopiedToItsOccurrences() throws {
        let id = try server.createTicketClass("12345", [
            "name": "Series Pass", "cost": "USD,9000", "inventory_tier_id": "1234",
            "sales_end_relative": ["relative_to_event": "start_time", "offset": 7200],
        ])
        // The parent's ticket ends two hours before the parent starts; each date's copy before its own.
        #expect(try server.eventbrite("GET", "/events/12345/ticket_classes/\(id)/").json["sales_end"] == "2031-05-02T00:00:00Z")
        let copy = try server.eventbrite("GET", "/events/12347/ticket_classes/\(id)/")
        #expect(copy.json["name"] == "Series Pass")
        #expect(copy.json["sales_end"] == "2031-06-02T00:00:00Z")
        #expect(try server.eventbrite("POST", "/events/12345/ticket_classes/\(id)/", json: ["ticket_class": ["name": "Season Pass"]]).status
            == 200)
        #expect(try server.eventbrite("GET", "/events/12346/ticket_classes/\(id)/").json["name"] == "Season Pass")
        #expect(try server.eventbrite("DELETE", "/events/12345/ticket_classes/\(id)/").status == 200)
        #expect(try server.eventbrite("GET", "/events/12346/ticket_classes/\(id)/").json == Bodies.notFound("ticket_class_id"))
        // `sales_end` belongs to other events, `sales_end_relative` to series parents.
        #expect(try server.eventbrite("POST", "/events/12345/ticket_classes/", json: [
            "ticket_class": ["name": "X", "free": true, "inventory_tier_id": "1234", "sales_end": "2031-01-01T00:00:00Z"],
        ]).json == Bodies.arguments(["ticket_class.sales_end": "INVALID"]))
        #expect(try server.eventbrite("POST", "/events/\(Seed.liveWithoutOrders)/ticket_classes/", json: [
            "ticket_class": ["name": "X", "free": true, "capacity": 5, "sales_end_relative": ["relative_to_event": "start_time", "offset": 60]],
        ]).json == Bodies.arguments(["ticket_class.sales_end_relative": "INVALID"]))
        #expect(try server.eventbrite("POST", "/events/12345/ticket_classes/", json: [
            "ticket_class": [
                "name": "X", "free": true, "inventory_tier_id": "1234",
                "sales_end_relative": ["relative_to_event": "end_time", "offset": 2_000_000_000],
            ],
        ]).json["error"] == "SALES_END_RELATIVE_TOO_FAR_IN_PAST")
    }

    @Test func soldOutTicketsAndTheEventExpansions() throws {
        let event = "/events/\(Seed.liveWithoutOrders)/"
        let fresh = try server.eventbrite("GET", event + "?expand=ticket_availability,event_sales_status,basic_inventory_info")
        #expect(fresh.json["ticket_availability"] == [
            "has_available_tickets": true,
            "minimum_ticket_price": ["currency": "USD", "value": 0, "major_value": "0.00", "display": "0.00 USD"],
            "maximum_ticket_price": ["currency": "USD", "value": 0, "major_value": "0.00", "display": "0.00 USD"],
            "is_sold_out": false,
            "start_sales_date": ["timezone": "America/Los_Angeles", "local": "2024-01-15T02:00:00", "utc": "2024-01-15T10:00:00Z"],
            "waitlist_available": false,
        ])
        #expect(fresh.json["event_sales_status"]?["sales_status"] == "on_sale")
        #expect(fresh.json["basic_inventory_info"] == [
            "has_inventory_tiers": false, "has_add_ons": false, "has_ticket_classes": true, "has_donations": false,
            "has_ticket_rules": false, "has_admission_tiers": false, "has_holds": false,
        ])
        try server.placeOrder(event: Seed.liveWithoutOrders, ticketClass: "99112", quantity: 50)
        let ticket = try server.eventbrite("GET", event + "ticket_classes/99112/")
        #expect(ticket.json["quantity_sold"] == 50)
        #expect(ticket.json["on_sale_status"] == "SOLD_OUT")
        let soldOut = try server.eventbrite("GET", event + "?expand=ticket_availability,event_sales_status")
        #expect(soldOut.json["ticket_availability"]?["is_sold_out"] == true)
        #expect(soldOut.json["ticket_availability"]?["has_available_tickets"] == false)
        #expect(soldOut.json["event_sales_status"]?["sales_status"] == "sold_out")
        let classes = try server.eventbrite("GET", event + "?expand=ticket_classes")
        #expect(classes.json["ticket_classes"]?[0]?["id"] == "99112")
        #expect(try server.eventbrite("GET", "/events/12345/?expand=basic_inventory_info").json["basic_inventory_info"]?["has_holds"] == true)
    }
}
