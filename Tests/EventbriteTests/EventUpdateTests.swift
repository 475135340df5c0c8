import Emulation
import TestSupport
import Testing

/// Spec §8.6 update: partial changes, the update-only constants, series propagation.
@Suite struct EventUpdateTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    private func update(_ id: String, _ event: JSONValue) throws -> TestResponse {
        try server.eventbrite("POST", "/events/\(id)/", json: ["event": event])
    }

    @Test func onlySentFieldsChange() throws {
        let response = try update("17937020110", ["name": ["html": "Renamed <b>Event</b>"], "capacity": 150])
        #expect(response.status == 200)
        #expect(response.json["name"] == ["text": "Renamed Event", "html": "Renamed <b>Event</b>"])
        #expect(response.json["capacity"] == 150)
        #expect(response.json["capacity_is_custom"] == true)
        #expect(response.json["changed"] == "2030-01-01T00:00:00Z")
        #expect(response.json["created"] == "2024-01-10T09:00:00Z")
        #expect(response.json["currency"] == "USD")
        #expect(response.json["start"]?["utc"] == "2031-03-15T13:00:00Z")
        let read = try server.eventbrite("GET", "/events/17937020110/")
        #expect(read.json["name"]?["text"] == "Renamed Event")
        // A null capacity goes back to the ticket classes' sum.
        let reset = try update("17937020110", ["capacity": nil])
        #expect(reset.json["capacity"] == 200)
        #expect(reset.json["capacity_is_custom"] == false)
    }

    @Test func theSummaryReplacesTheDescription() throws {
        _ = try update("99102", ["description": ["html": "<p>Long <em>description</em></p>"]])
        let described = try server.eventbrite("GET", "/events/99102/")
        #expect(described.json["description"] == ["text": "Long description", "html": "<p>Long <em>description</em></p>"])
        #expect(described.json["summary"] == "Long description")
        _ = try update("99102", ["summary": "Short"])
        #expect(try server.eventbrite("GET", "/events/99102/").json["description"] == ["text": "Short", "html": "Short"])
    }

    @Test func timesMoveTogetherAndKeepTheirRules() throws {
        let moved = try update("99102", [
            "start": ["utc": "2031-12-13T03:00:00Z", "timezone": "America/Los_Angeles"],
            "end": ["utc": "2031-12-13T05:00:00Z", "timezone": "America/Los_Angeles"],
        ])
        #expect(moved.json["start"]?["local"] == "2031-12-12T19:00:00")
        // An end before the stored start conflicts.
        #expect(try update("99102", ["end": ["utc": "2031-12-13T01:00:00Z"]]).json["error"] == "DATE_CONFLICT")
        #expect(try update("99102", ["start": ["timezone": "Europe/Paris"]]).json["error"] == "DIFFERENT_TIMEZONES")
        #expect(try update("99102", ["start": ["utc": "2029-06-01T00:00:00Z"]]).json["error"] == "INVALID_DATE")
    }

    @Test func updateOnlyConstants() throws {
        #expect(try update("99102", ["source": "web"]).json["error"] == "CANNOT_UPDATE_SOURCE")
        #expect(try update("99102", ["source": "api"]).status == 200)
        #expect(try update("12345", ["start": ["utc": "2031-05-02T03:00:00Z", "timezone": "America/Los_Angeles"]]).json["error"]
            == "SERIES_PARENT_START_END_DATE_EDIT")
        #expect(try update("12346", ["start": ["timezone": "America/Denver"], "end": ["timezone": "America/Denver"]]).json["error"]
            == "OCCURRENCE_TIMEZONE_UPDATE_NOT_ALLOWED")
        #expect(try update("12346", ["end": ["utc": "2031-05-12T04:00:00Z"]]).json["error"] == "OCCURRENCE_DURATION_TOO_LONG")
        #expect(try update("12346", ["is_reserved_seating": true]).json["error"] == "IS_RESERVED_SEATING_UPDATE_NOT_ALLOWED_ON_SERIES_EVENTS")
        #expect(try update("12346", ["is_series": false]).json["error"] == "IS_SERIES_UPDATE_NOT_ALLOWED_ON_SERIES_OCCURRENCE")
        #expect(try update("5678", ["is_series": true]).json["error"] == "IS_SERIES_UPDATE_NOT_ALLOWED_ON_RESERVED_EVENTS")
        #expect(try update("99102", ["is_series": true]).json["error"] == "IS_SERIES_UPDATE_NOT_ALLOWED_ON_PUBLISHED_EVENTS")
        #expect(try update("99101", ["is_series": true]).json["error"] == "IS_SERIES_UPDATE_NOT_ALLOWED_ON_TICKETED_EVENTS")
        let draft = try server.createEvent(["is_series": true])
        #expect(try update(draft, ["is_series": false]).json["is_series"] == false)
        #expect(try update("17937020110", ["currency": "EUR"]).json["error"] == "CANNOT_UPDATE_CURRENCY")
        #expect(try update("99102", ["currency": "EUR"]).json["currency"] == "EUR")
        #expect(try update("99102", ["locale": "de_DE"]).json == Bodies.arguments(["event.locale": "Unknown parameter"]))
    }

    @Test func aSeriesParentPassesItsFieldsOnToItsOccurrences() throws {
        let response = try update("12345", ["name": ["html": "Renamed Series"], "show_remaining": true, "listed": false])
        #expect(response.status == 200)
        for id in ["12346", "12347"] {
            let occurrence = try server.eventbrite("GET", "/events/\(id)/")
            #expect(occurrence.json["name"]?["text"] == "Renamed Series")
            #expect(occurrence.json["show_remaining"] == true)
            // `listed` is not among the fields that propagate.
            #expect(occurrence.json["listed"] == true)
            #expect(occurrence.json["changed"] == "2030-01-01T00:00:00Z")
        }
    }

    @Test func updatesNeedAnExistingEventOfTheCallersOrganization() throws {
        #expect(try update("31337", ["name": ["html": "x"]]).json == Bodies.notFound("event"))
        #expect(try update(Seed.publicEvent, ["name": ["html": "x"]]).json == Bodies.notAuthorized)
        #expect(try update("99102", ["name": ["html": ""]]).json == Bodies.arguments(["event.name.html": "MISSING"]))
        #expect(try update("99102", ["listed": "sometimes"]).json == Bodies.arguments(["event.listed": "INVALID"]))
    }
}
