import Emulation
import TestSupport
import Testing

/// Spec §8.22 (seat maps) and §8.24 (text overrides).
@Suite struct SeatMapsAndTextOverridesTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    static let seatMap: JSONValue = [
        "id": "E12345-m1", "name": "Main Floor", "event_id": "5678", "venue_id": "12345", "capacity": 30, "thumbnail_url": nil,
    ]

    @Test func anOrganizationsSeatMapsAreOneList() throws {
        let list = try server.eventbrite("GET", "/organizations/12345/seatmaps/")
        #expect(list.json == ["seatmaps": [Self.seatMap]])
        #expect(try server.eventbrite("GET", "/organizations/12345/seatmaps/?venue_id=12345").json == list.json)
        #expect(try server.eventbrite("GET", "/organizations/12345/seatmaps/?venue_id=3003").json == ["seatmaps": []])
        #expect(try server.eventbrite("GET", "/organizations/12345/seatmaps/?venue_name_filter=SQUARE").json == list.json)
        #expect(try server.eventbrite("GET", "/organizations/12345/seatmaps/?venue_name_filter=hall").json == ["seatmaps": []])
        #expect(try server.eventbrite("GET", "/organizations/12345/seatmaps/?venue_id=main").json == Bodies.arguments(["venue_id": "INVALID"]))
        // Expansions of a seat map.
        let expanded = try server.eventbrite("GET", "/organizations/12345/seatmaps/?expand=event,venue").json["seatmaps"]?.arrayValue?.first
        #expect(expanded?["event"]?["id"] == "5678")
        #expect(expanded?["venue"]?["name"] == "Madison Square Garden")
        #expect(try server.eventbrite("GET", "/organizations/1/seatmaps/").json == ["seatmaps": []])
        #expect(try server.eventbrite("GET", "/organizations/12345/seatmaps/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/organizations/42/seatmaps/").json == Bodies.notFound("organization_id"))
    }

    @Test func aNewReservedSeatingEventCopiesASeatMap() throws {
        // The docs' example: event 1 copies E12345-m1.
        let created = try server.eventbrite("POST", "/events/1/seatmaps/", json: ["source_seatmap_id": "E12345-m1"])
        #expect(created.json == [
            "id": "E1-m1", "name": "Main Floor", "event_id": "1", "venue_id": "12345", "capacity": 30, "thumbnail_url": nil,
        ])
        #expect(try server.eventbrite("GET", "/organizations/1/seatmaps/").json == ["seatmaps": [created.json]])
        // Once it has one, an event takes no other.
        #expect(try server.eventbrite("POST", "/events/1/seatmaps/", json: ["source_seatmap_id": "E12345-m1"]).json
            == Bodies.arguments(["event_id": "INVALID"]))
        // The source's reserved-seating tier came along: a new id, the same tier number.
        let tiers = try server.eventbrite("GET", "/events/1/inventory_tiers/")
        #expect(tiers.json["inventory_tiers"] == [
            [
                "id": "800000000001", "event_id": "1", "name": "Tier 1", "tier": 1, "seatmap_number": 1, "sort_order": 1,
                "color": "#fac114", "quantity_total": 30, "capacity_total": 30, "count_against_event_capacity": true,
                "image_id": "1234", "quantity_held": 0, "quantity_sold": 0, "quantity_pending": 0, "ticket_class_ids": [],
                "holds": nil,
            ],
        ])
        // The source keeps its own.
        #expect(try server.eventbrite("GET", "/events/5678/inventory_tiers/").ids("inventory_tiers") == ["1234"])
        // The event is tiered now, and its tier lays out the seat map's seats.
        let info = try server.eventbrite("GET", "/events/1/?expand=basic_inventory_info").json["basic_inventory_info"]
        #expect(info?["has_inventory_tiers"] == true)
        #expect(try server.eventbrite("DELETE", "/events/1/inventory_tiers/800000000001/").json
            == Bodies.error(400, "HAS_SEAT_ASSIGNMENTS", "You cannot delete an inventory tier that are still assigned to seats."))
    }

    @Test func aCopyMustNotClashWithTheEventsOwnReservedTiers() throws {
        let tier = try server.eventbrite("POST", "/events/1/inventory_tiers/", json: [
            "inventory_tier": ["name": "Balcony", "seatmap_number": 1, "tier": 1, "quantity_total": 5],
        ])
        #expect(tier.status == 200)
        #expect(try server.eventbrite("POST", "/events/1/seatmaps/", json: ["source_seatmap_id": "E12345-m1"]).json
            == Bodies.arguments(["event_id": "INVALID"]))
        // Without a seat map, the event's own reserved tier can go.
        let id = try #require(tier.json["inventory_tier"]?["id"]?.stringValue)
        #expect(try server.eventbrite("DELETE", "/events/1/inventory_tiers/\(id)/").json == ["deleted": true])
        #expect(try server.eventbrite("POST", "/events/1/seatmaps/", json: ["source_seatmap_id": "E12345-m1"]).status == 200)
    }

    @Test func aSeatMapExpandsItsEventsInventory() throws {
        let seatMaps = try server.eventbrite("GET", "/organizations/12345/seatmaps/?expand=basic_inventory_info")
        // Event 5678: one reserved tier, two ticket classes, the capacity tier's two holds.
        #expect(seatMaps.json["seatmaps"]?[0]?["basic_inventory_info"] == [
            "has_inventory_tiers": true, "has_add_ons": false, "has_ticket_classes": true, "has_donations": false,
            "has_ticket_rules": false, "has_admission_tiers": true, "has_holds": true,
        ])
        #expect(try server.eventbrite("GET", "/organizations/12345/seatmaps/?expand.seatmap=basic_inventory_info").json == seatMaps.json)
        // The event's own expansion says the same.
        #expect(try server.eventbrite("GET", "/events/5678/?expand=basic_inventory_info").json["basic_inventory_info"]
            == seatMaps.json["seatmaps"]?[0]?["basic_inventory_info"])
    }

    @Test func aReservedEventListsItsSeatMapsThumbnail() throws {
        let listing = "/events/5678/?expand=listing_properties"
        #expect(try server.eventbrite("GET", listing).json["listing_properties"] == ["seatmap_thumbnail_url": nil, "is_paid": true])
        // No endpoint draws thumbnails; the seat map gets one in storage.
        let url = "https://img.evbuc.com/mock/seatmaps/E12345-m1.png"
        _ = try server.world.database.write { try $0.run("UPDATE eventbrite_seatmaps SET thumbnail_url = ? WHERE id = 'E12345-m1'", url) }
        #expect(try server.eventbrite("GET", listing).json["listing_properties"] == ["seatmap_thumbnail_url": .string(url), "is_paid": true])
        // An event without reserved seating has none, whatever its seat maps.
        _ = try server.world.database.write { try $0.run("UPDATE eventbrite_events SET is_reserved_seating = 0 WHERE id = 5678") }
        #expect(try server.eventbrite("GET", listing).json["listing_properties"]?["seatmap_thumbnail_url"] == .null)
    }

    @Test func seatMapCreationErrors() throws {
        #expect(try server.eventbrite("POST", "/events/1/seatmaps/", json: [:]).json == Bodies.arguments(["source_seatmap_id": "MISSING"]))
        #expect(try server.eventbrite("POST", "/events/1/seatmaps/", json: ["source_seatmap_id": "E9-m9"]).json
            == Bodies.arguments(["source_seatmap_id": "INVALID"]))
        // Not a reserved-seating event.
        #expect(try server.eventbrite("POST", "/events/99101/seatmaps/", json: ["source_seatmap_id": "E12345-m1"]).json
            == Bodies.arguments(["event_id": "INVALID"]))
        #expect(try server.eventbrite("POST", "/events/1/seatmaps/", token: Seed.otherUserToken, json: ["source_seatmap_id": "E12345-m1"]).json
            == Bodies.notAuthorized)
        #expect(try server.eventbrite("POST", "/events/42/seatmaps/", json: [:]).json == Bodies.notFound("event"))
        #expect(try server.eventbrite("GET", "/organizations/1/seatmaps/").json == ["seatmaps": []])
    }

    static func text(_ code: String, _ message: String, _ messageCode: String?, _ defaultMessage: String, _ type: String) -> JSONValue {
        [
            "text_code": .string(code), "message": .string(message), "message_code": .string(messageCode),
            "default_message": .string(defaultMessage), "message_type": .string(type),
        ]
    }

    @Test func textsWithTheirOverrides() throws {
        let texts = try server.eventbrite("GET", "/organizations/123/text_overrides/?text_codes=event_postponed,tickets_with_sales_ended")
        #expect(texts.json == [
            Self.text("event_postponed", "Event was postponed", nil, "Postponed", "custom"),
            Self.text("tickets_with_sales_ended", "Sales Ended", nil, "Sales Ended", "default"),
        ])
        #expect(try server.eventbrite("GET", "/organizations/123/text_overrides/").json
            == Bodies.error(400, "MISSING", "There are errors with your arguments: text_codes - MISSING"))
        #expect(try server.eventbrite("GET", "/organizations/123/text_overrides/?text_codes=event_moved").json
            == Bodies.error(400, "INVALID", "There are errors with your arguments: text_codes - INVALID"))
        #expect(try server.eventbrite("GET", "/organizations/123/text_overrides/?text_codes=event_postponed&locale=xx_XX").json["error"]
            == "INVALID")
        #expect(try server.eventbrite("GET", "/organizations/123/text_overrides/?text_codes=event_postponed&event_id=12345").json
            == Bodies.error(400, "INVALID", "There are errors with your arguments: event_id - INVALID"))
        #expect(try server.eventbrite("GET", "/organizations/123/text_overrides/?text_codes=event_postponed", token: Seed.otherUserToken).json
            == Bodies.notAuthorized)
    }

    @Test func overridesForAnEventAVenueAndTheOrganization() throws {
        let path = "/organizations/12345/text_overrides/"
        let venue = try server.eventbrite("POST", path, json: [
            "venue_id": "12345", "strings": [["text_code": "tickets_sold_out", "message": "All gone"]],
        ])
        #expect(venue.json == [Self.text("tickets_sold_out", "All gone", nil, "Sold Out", "custom")])
        let event = try server.eventbrite("POST", path, json: [
            "event_id": "5678", "strings": [["text_code": "tickets_sold_out", "message_code": "tickets_unavailable"]],
        ])
        #expect(event.json == [Self.text("tickets_sold_out", "Unavailable", "tickets_unavailable", "Sold Out", "canonical")])
        // The event's wins at the event, the venue's at its other events, nothing at the organization.
        func soldOut(_ query: String) throws -> JSONValue? {
            try server.eventbrite("GET", path + "?text_codes=tickets_sold_out" + query).json.arrayValue?.first?["message"]
        }
        #expect(try soldOut("&event_id=5678") == "Unavailable")
        #expect(try soldOut("&event_id=12345") == "All gone")
        #expect(try soldOut("&venue_id=12345") == "All gone")
        #expect(try soldOut("") == "Sold Out")
        // A form sends the list as JSON text.
        let form = try server.eventbrite(
            "POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: "venue_id=3003&strings=%5B%7B%22text_code%22%3A%22event_cancelled%22%2C%22message%22%3A%22Off%22%7D%5D")
        #expect(form.json == [Self.text("event_cancelled", "Off", nil, "Canceled", "custom")])
        // A later write replaces.
        #expect(try server.eventbrite("POST", path, json: ["strings": [["text_code": "tickets_sold_out", "message": "Nope"]]]).status == 200)
        #expect(try soldOut("") == "Nope")
    }

    @Test func overrideCreationErrors() throws {
        let path = "/organizations/12345/text_overrides/"
        func error(_ body: JSONValue) throws -> JSONValue { try server.eventbrite("POST", path, json: body).json }
        #expect(try error([:]) == Bodies.error(400, "MISSING", "There are errors with your arguments: strings - MISSING"))
        #expect(try error(["strings": []])["error"] == "MISSING")
        #expect(try error(["strings": [["text_code": "event_moved", "message": "x"]]])
            == Bodies.error(400, "INVALID", "There are errors with your arguments: strings.text_code - INVALID"))
        #expect(try error(["strings": [["text_code": "event_postponed"]]])["error"] == "MISSING")
        #expect(try error(["strings": [["text_code": "event_postponed", "message": "x", "message_code": "event_cancelled"]]])["error"] == "INVALID")
        #expect(try error(["event_id": "5678", "venue_id": "12345", "strings": [["text_code": "event_postponed", "message": "x"]]])
            == Bodies.error(400, "INVALID", "There are errors with your arguments: venue_id - INVALID"))
        #expect(try error(["locale": "xx", "strings": [["text_code": "event_postponed", "message": "x"]]])["error"] == "INVALID")
        #expect(try error(["strings": [["text_code": "event_postponed", "message": "x"]], "scope": "all"])
            == Bodies.arguments(["scope": "Unknown parameter"]))
        #expect(try server.eventbrite("GET", path + "?text_codes=event_postponed").json.arrayValue?.first?["message_type"] == "default")
    }
}
