import Emulation
import TestSupport
import Testing

/// Spec §8.13, §8.14, §9.10, §9.11: inventory tiers with their holds, the capacity tier, and how
/// both bound what ticket classes can sell.
@Suite struct InventoryTierTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func theDocsTierIsWrapped() throws {
        let response = try server.eventbrite("GET", "/events/5678/inventory_tiers/1234/")
        #expect(response.status == 200)
        #expect(response.json == [
            "inventory_tier": [
                "id": "1234", "event_id": "5678", "name": "Tier 1", "tier": 1, "seatmap_number": 1, "sort_order": 1,
                "color": "#fac114", "quantity_total": 30, "capacity_total": 30, "count_against_event_capacity": true,
                "image_id": "1234", "quantity_held": 0, "quantity_sold": 0, "quantity_pending": 0,
                "ticket_class_ids": ["1234", "5678"], "holds": nil,
            ],
        ])
        let image = try server.eventbrite("GET", "/events/5678/inventory_tiers/1234/?expand=image")
        #expect(image.json["inventory_tier"]?["image"]?["id"] == "1234")
        let notFound = Bodies.error(404, "NOT_FOUND", "The event or inventory_tier_id you requested does not exist.")
        #expect(try server.eventbrite("GET", "/events/5678/inventory_tiers/999/").json == notFound)
        #expect(try server.eventbrite("GET", "/events/999/inventory_tiers/1234/").json == notFound)
        #expect(try server.eventbrite("GET", "/events/5678/inventory_tiers/1234/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func aTierWithHoldsAndSales() throws {
        let tier = try #require(try server.eventbrite("GET", "/events/12345/inventory_tiers/1234/").json["inventory_tier"])
        #expect(tier["capacity_total"] == 100)
        #expect(tier["quantity_total"] == 70)
        #expect(tier["quantity_sold"] == 2)
        #expect(tier["ticket_class_ids"] == ["12345", "12350"])
        #expect(tier["holds"]?.arrayValue?.map { $0["id"] } == ["I987", "I988", "I989"])
        #expect(tier["holds"]?[0] == [
            "id": "I987", "event_id": "12345", "name": "Marketing", "abbreviation": "MKT", "sort_order": 1, "color": "#fac114",
            "quantity_sold": 0, "quantity_total": 10, "quantity_pending": 0,
        ])
        // Tickets of a tiered event count the tier's capacity in the event's.
        #expect(try server.eventbrite("GET", "/events/12345/").json["capacity"] == 100)
    }

    @Test func listFilters() throws {
        let path = "/events/\(Seed.liveWithoutOrders)/inventory_tiers/"
        let created = try server.eventbrite("POST", path, json: [
            "inventory_tiers": [
                ["name": "Floor", "quantity_total": 40],
                ["name": "Parking", "quantity_total": 20, "count_against_event_capacity": false],
                ["name": "Balcony", "quantity_total": 30, "seatmap_number": 1],
            ],
        ])
        #expect(created.status == 200)
        let ids = created.json["inventory_tiers"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids.count == 3)
        #expect(try server.eventbrite("GET", path).ids("inventory_tiers") == ids)
        #expect(try server.eventbrite("GET", path + "?seatmap_number=1").ids("inventory_tiers") == [ids[2]])
        #expect(try server.eventbrite("GET", path + "?count_against_event_capacity=false").ids("inventory_tiers") == [ids[1]])
        #expect(try server.eventbrite("GET", path + "?seatmap_number=x").json == Bodies.arguments(["seatmap_number": "INVALID"]))
        #expect(try server.eventbrite("GET", path, token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func createOneTheDefaultsAndTheEvent() throws {
        let path = "/events/\(Seed.liveWithoutOrders)/inventory_tiers/"
        let response = try server.eventbrite("POST", path, json: [
            "inventory_tier": ["name": "Lawn", "capacity_total": 100, "color": "#00ff00", "holds": [["name": "Press", "quantity_total": 10]]],
        ])
        #expect(response.status == 200)
        let tier = try #require(response.json["inventory_tier"])
        #expect(tier["tier"] == 1)
        #expect(tier["seatmap_number"] == 0)
        #expect(tier["capacity_total"] == 100)
        #expect(tier["quantity_total"] == 90)
        #expect(tier["holds"]?[0]?["name"] == "Press")
        #expect(tier["holds"]?[0]?["id"]?.stringValue?.hasPrefix("I") == true)
        let id = try #require(tier["id"]?.stringValue)
        // The event is tiered now: its next tickets need a tier, and the tier counts in its capacity.
        let info = try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/?expand=basic_inventory_info")
        #expect(info.json["basic_inventory_info"]?["has_inventory_tiers"] == true)
        #expect(info.json["capacity"] == 150)
        #expect(try server.eventbrite("POST", "/events/\(Seed.liveWithoutOrders)/ticket_classes/", json: [
            "ticket_class": ["name": "Lawn Seat", "free": true],
        ]).json == Bodies.arguments(["ticket_class.inventory_tier_id": "MISSING"]))
        let ticket = try server.createTicketClass(Seed.liveWithoutOrders, ["name": "Lawn Seat", "free": true, "inventory_tier_id": .string(id)])
        let read = try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/ticket_classes/\(ticket)/")
        #expect(read.json["display_name"] == "Lawn Lawn Seat")
        #expect(read.json["quantity_total"] == 90)
        #expect(read.json["capacity"] == .null)
        #expect(try server.eventbrite("GET", path + "\(id)/").json["inventory_tier"]?["ticket_class_ids"] == .array([.string(ticket)]))
    }

    @Test func createArgumentErrors() throws {
        let path = "/events/\(Seed.liveWithoutOrders)/inventory_tiers/"
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["color": "red", "tier": 0]]).json == Bodies.arguments([
            "inventory_tier.name": "MISSING", "inventory_tier.tier": "INVALID", "inventory_tier.color": "INVALID",
            "inventory_tier.quantity_total": "MISSING",
        ]))
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["name": "X", "quantity_total": 10, "holds": [["name": "H", "quantity_total": 1]]]]).json
            == Bodies.arguments(["inventory_tier.capacity_total": "MISSING"]))
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["name": "X", "capacity_total": 10, "quantity_total": 9]]).json
            == Bodies.arguments(["inventory_tier.quantity_total": "INVALID"]))
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["name": "X", "capacity_total": 10, "holds": [["quantity_total": 20]]]]).json
            == Bodies.arguments(["inventory_tier.holds.name": "MISSING"]))
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["name": "X", "capacity_total": 10, "holds": [["name": "H", "quantity_total": 20]]]]).json
            == Bodies.error(400, "HOLD_QUANTITIES_EXCEEDS_CAPACITY_TOTAL", "sum of quantity total must be smaller than tier capacity_total"))
        #expect(try server.eventbrite("POST", path, json: ["inventory_tiers": [["name": "A", "quantity_total": 1], ["id": "1234", "name": "B"]]]).json
            == Bodies.arguments(["inventory_tiers": "INVALID"]))
        #expect(try server.eventbrite("POST", path, json: [:]).json == Bodies.arguments(["inventory_tier": "MISSING"]))
        // Tier numbers are unique within a seat map.
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["name": "A", "quantity_total": 1, "tier": 4]]).status == 200)
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["name": "B", "quantity_total": 1, "tier": 4]]).json
            == Bodies.arguments(["inventory_tier.tier": "INVALID"]))
    }

    @Test func anEventHasAtMostOneHundredTiers() throws {
        let tiers = JSONValue.array((1...100).map { ["name": .string("Tier \($0)"), "quantity_total": 1] })
        let path = "/events/\(Seed.liveWithoutOrders)/inventory_tiers/"
        let hundred = try server.eventbrite("POST", path, json: ["inventory_tiers": tiers])
        #expect(hundred.json["inventory_tiers"]?.arrayValue?.count == 100)
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["name": "One more", "quantity_total": 1]]).json
            == Bodies.error(400, "EXCEED_MAXIMUM_INVENTORY_TIERS", "You cannot create more than 100 tiers for an event."))
        #expect(try server.eventbrite("GET", path + "?page_size=200").pagination["object_count"] == 100)
    }

    @Test func updateManyAndTheDocsHoldExample() throws {
        // The seed's example: rename, delete and add holds, keeping the capacity.
        let response = try server.eventbrite("POST", "/events/12345/inventory_tiers/1234/", json: [
            "inventory_tier": [
                "name": "Admission", "capacity_total": 100,
                "holds": [["id": "I987", "name": "Marketing"], ["id": "I988", "is_deleted": true], ["id": "I989", "name": "VIP"],
                          ["name": "Accounting", "quantity_total": 10]],
            ],
        ])
        #expect(response.status == 200)
        let holds = response.json["inventory_tier"]?["holds"]?.arrayValue ?? []
        #expect(holds.map { $0["name"] } == ["Marketing", "VIP", "Accounting"])
        #expect(response.json["inventory_tier"]?["quantity_total"] == 70)
        // Moving quantity between holds needs the capacity; a quantity sent with it only confirms.
        let path = "/events/12345/inventory_tiers/1234/"
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["capcaity_total": 1000, "holds": [["id": "I987", "quantity_total": 150]]]]).json
            == Bodies.arguments(["inventory_tier.capcaity_total": "Unknown parameter", "inventory_tier.capacity_total": "MISSING"]))
        let moved = try server.eventbrite("POST", path, json: [
            "inventory_tier": ["capacity_total": 1000, "quantity_total": 830, "holds": [["id": "I987", "quantity_total": 150]]],
        ])
        #expect(moved.json["inventory_tier"]?["quantity_total"] == 830)
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["capacity_total": 1000, "quantity_total": 1]]).json
            == Bodies.arguments(["inventory_tier.quantity_total": "INVALID"]))
        #expect(try server.eventbrite("POST", path, json: ["inventory_tier": ["holds": [["id": "I404", "name": "Nope"]]]]).json
            == Bodies.arguments(["inventory_tier.holds.id": "INVALID"]))
        // A reserved seating tier's quantity is its seats'.
        #expect(try server.eventbrite("POST", "/events/5678/inventory_tiers/1234/", json: ["inventory_tier": ["quantity_total": 5, "capacity_total": 5]]).json
            == Bodies.arguments(["inventory_tier.quantity_total": "INVALID"]))
        // Update many: every element names its tier.
        let many = try server.eventbrite("POST", "/events/12345/inventory_tiers/", json: [
            "inventory_tiers": [["id": "1234", "name": "General", "sort_order": 2]],
        ])
        #expect(many.json["inventory_tiers"]?[0]?["name"] == "General")
        #expect(try server.eventbrite("GET", "/events/12345/ticket_classes/12345/").json["display_name"] == "General General Admission")
        #expect(try server.eventbrite("POST", "/events/12345/inventory_tiers/", json: ["inventory_tiers": [["id": "999", "name": "X"]]]).json
            == Bodies.arguments(["inventory_tiers.id": "INVALID"]))
    }

    @Test func deletingTiers() throws {
        #expect(try server.eventbrite("DELETE", "/events/12345/inventory_tiers/1234/").json
            == Bodies.error(400, "HAS_ATTENDEES", "You cannot delete a ticket class that has been purchased by attendees."))
        // Event 1234 is live and sells only from its one tier.
        #expect(try server.eventbrite("DELETE", "/events/1234/inventory_tiers/1234/").json
            == Bodies.error(400, "LAST_TICKET", "You cannot delete the last ticket while your event is live."))
        let path = "/events/\(Seed.liveWithoutOrders)/inventory_tiers/"
        let created = try server.eventbrite("POST", path, json: ["inventory_tier": ["name": "Spare", "quantity_total": 5]])
        let id = try #require(created.json["inventory_tier"]?["id"]?.stringValue)
        let ticket = try server.createTicketClass(Seed.liveWithoutOrders, ["name": "Spare Seat", "free": true, "inventory_tier_id": .string(id)])
        let deleted = try server.eventbrite("DELETE", path + "\(id)/")
        #expect(deleted.json == ["deleted": true])
        #expect(try server.eventbrite("GET", path + "\(id)/").status == 404)
        #expect(try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/ticket_classes/\(ticket)/").json == Bodies.notFound("ticket_class_id"))
        #expect(try server.eventbrite("GET", path).ids("inventory_tiers") == [])
    }

    @Test func theCapacityTier() throws {
        let response = try server.eventbrite("GET", "/events/5678/capacity_tier/")
        #expect(response.json == [
            "event_id": "5678", "quantity_pending": 0, "quantity_sold": 0, "quantity_total": 85, "capacity_pending": 0,
            "capacity_sold": 0, "capacity_total": 100, "capacity_is_custom": true,
            "holds": [
                ["id": "I987", "event_id": "5678", "name": "Marketing", "abbreviation": "MKT", "sort_order": 1, "color": "#fac114",
                 "quantity_sold": 0, "quantity_total": 10, "quantity_pending": 0],
                ["id": "I988", "event_id": "5678", "name": "Press", "abbreviation": "PRS", "sort_order": 2, "color": nil,
                 "quantity_sold": 0, "quantity_total": 5, "quantity_pending": 0],
            ],
        ])
        #expect(try server.eventbrite("GET", "/events/999/capacity_tier/").json == Bodies.notFound("event"))
        #expect(try server.eventbrite("GET", "/events/5678/capacity_tier/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        // The seed's prose sends the fields bare; both forms are read.
        let bare = try server.eventbrite("POST", "/events/5678/capacity_tier/", json: [
            "holds": [["id": "I987", "name": "Marketing 2"], ["id": "I988", "is_deleted": true], ["name": "Accounting", "quantity_total": 10]],
        ])
        #expect(bare.json["holds"]?.arrayValue?.map { $0["name"] } == ["Marketing 2", "Accounting"])
        #expect(bare.json["quantity_total"] == 80)
        let wrapped = try server.eventbrite("POST", "/events/5678/capacity_tier/", json: ["capacity_tier": ["capacity_total": 120]])
        #expect(wrapped.json["capacity_total"] == 120)
        #expect(try server.eventbrite("GET", "/events/5678/").json["capacity"] == 120)
        #expect(try server.eventbrite("POST", "/events/5678/capacity_tier/", json: ["capacity_total": 120, "holds": [["name": "Big", "quantity_total": 101]]]).json
            == Bodies.error(
                400, "HOLD_QUANTITIES_EXCEEDS_REMAINING_CAPACITY", "Sum of total remaining quantity from holds cannot exceed remaining capacity"))
        // An event with holds keeps a custom capacity.
        #expect(try server.eventbrite("POST", "/events/5678/capacity_tier/", json: ["capacity_total": nil]).json
            == Bodies.arguments(["capacity_total": "INVALID"]))
        #expect(try server.eventbrite("POST", "/events/5678/capacity_tier/", json: ["capacity_tier": ["capacity_total": -1, "size": 3]]).json
            == Bodies.arguments(["capacity_tier.size": "Unknown parameter", "capacity_tier.capacity_total": "INVALID"]))
    }

    @Test func capacityLimitsSalesAndHoldsKeepTheirShare() throws {
        let event = Seed.liveWithoutOrders
        // Holds need a capacity to keep back from; a general admission tier keeps its own.
        #expect(try server.eventbrite("POST", "/events/\(event)/capacity_tier/", json: ["holds": [["name": "Crew", "quantity_total": 5]]]).json
            == Bodies.arguments(["capacity_total": "MISSING"]))
        let set = try server.eventbrite("POST", "/events/\(event)/capacity_tier/", json: [
            "capacity_total": 20, "holds": [["name": "Crew", "quantity_total": 5]],
        ])
        #expect(set.json["capacity_is_custom"] == true)
        #expect(set.json["quantity_total"] == 15)
        let hold = try #require(set.json["holds"]?[0]?["id"]?.stringValue)
        // The event's capacity now bounds ticket 99112 (capacity 50): 20, less 5 held.
        #expect(try server.eventbrite("GET", "/events/\(event)/ticket_classes/99112/").json["quantity_total"] == 15)
        try server.placeOrder(event: event, ticketClass: "99112", quantity: 15)
        let rejected = try server.request("POST", "/_understudy/eventbrite/orders", json: [
            "event_id": .string(event), "email": "x@example.com", "tickets": [["ticket_class_id": "99112", "quantity": 1]],
        ])
        #expect(rejected.json == Bodies.arguments(["tickets.quantity": "INVALID"]))
        // The hold sells on its own.
        try server.placeOrder(event: event, ticketClass: "99112", quantity: 2, line: ["hold_id": .string(hold)])
        let tier = try server.eventbrite("GET", "/events/\(event)/capacity_tier/")
        #expect(tier.json["capacity_sold"] == 17)
        #expect(tier.json["quantity_sold"] == 15)
        #expect(tier.json["holds"]?[0]?["quantity_sold"] == 2)
        #expect(try server.eventbrite("POST", "/events/\(event)/capacity_tier/", json: ["capacity_total": 16]).json
            == Bodies.error(400, "CAPACITY_TOTAL_TOO_SMALL", "Capacity total is too small for oversold quantities"))
        #expect(try server.eventbrite("POST", "/events/\(event)/capacity_tier/", json: ["holds": [["id": .string(hold), "is_deleted": true]]]).json
            == Bodies.error(400, "HAS_ATTENDEES", "You cannot delete a ticket class that has been purchased by attendees."))
        #expect(try server.eventbrite("POST", "/events/\(event)/capacity_tier/", json: ["holds": [["id": .string(hold), "quantity_total": 1]]]).json
            == Bodies.arguments(["holds.quantity_total": "INVALID"]))
        // A tiered event keeps its holds in its tiers.
        #expect(try server.eventbrite("POST", "/events/12345/capacity_tier/", json: ["capacity_total": 100, "holds": [["name": "X", "quantity_total": 1]]]).json
            == Bodies.arguments(["holds": "INVALID"]))
    }
}
