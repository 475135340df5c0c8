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
