import Emulation
import TestSupport
import Testing

/// Spec §8.6 and §10.3: publish, unpublish, cancel, delete and copy, and what later reads see.
@Suite struct EventLifecycleTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    private func post(_ id: String, _ action: String, json: JSONValue? = nil) throws -> TestResponse {
        try server.eventbrite("POST", "/events/\(id)/\(action)/", json: json)
    }

    @Test func publishingADraftMakesItLive() throws {
        let response = try post(Seed.draftToPublish, "publish")
        #expect(response.status == 200)
        #expect(response.json == ["published": true])
        let event = try server.eventbrite("GET", "/events/\(Seed.draftToPublish)/")
        #expect(event.json["status"] == "live")
        #expect(event.json["published"] == "2030-01-01T00:00:00Z")
        #expect(event.json["changed"] == "2030-01-01T00:00:00Z")
        #expect(try server.eventbrite("GET", "/organizations/12345/events/").ids("events").contains(Seed.draftToPublish))
        #expect(try post(Seed.draftToPublish, "publish").json["error"] == "ALREADY_PUBLISHED_OR_DELETED")
        // Unpublishing and publishing again keeps the first publication time.
        try server.advanceClock(seconds: 3600)
        #expect(try post(Seed.draftToPublish, "unpublish").json == ["unpublished": true])
        #expect(try server.eventbrite("GET", "/events/\(Seed.draftToPublish)/").json["status"] == "draft")
        #expect(try post(Seed.draftToPublish, "publish").status == 200)
        #expect(try server.eventbrite("GET", "/events/\(Seed.draftToPublish)/").json["published"] == "2030-01-01T00:00:00Z")
    }

    @Test func publishingNeedsTicketsAndPaymentOptions() throws {
        let live = try post("12345", "publish")
        #expect(live.json == Bodies.error(400, "ALREADY_PUBLISHED_OR_DELETED", "This event has already been published or deleted."))
        let empty = try server.createEvent()
        #expect(try post(empty, "publish").json == Bodies.arguments(["tickets": "MISSING"]))
        #expect(try post(Seed.unpaidOrganizationDraft, "publish").json["error"] == "NO_PAYMENT_OPTIONS")
        #expect(try post(Seed.seriesWithoutDates, "publish").json["error"] == "ERROR_CANNOT_PUBLISH_SERIES_WITH_NO_DATES")
        #expect(try server.eventbrite("GET", "/events/\(Seed.unpaidOrganizationDraft)/").json["status"] == "draft")
    }

    @Test func eventsWithOrdersStay() throws {
        #expect(try post("12345", "unpublish").json["error"] == "CANNOT_UNPUBLISH")
        #expect(try post("12345", "cancel").json["error"] == "CANNOT_CANCEL")
        #expect(try server.eventbrite("DELETE", "/events/12345/").json["error"] == "CANNOT_DELETE")
        // An occurrence cannot be unpublished on its own.
        #expect(try post("12346", "unpublish").json["error"] == "CANNOT_UNPUBLISH")
        #expect(try server.eventbrite("GET", "/events/12345/").json["status"] == "live")
        // A completed free event with orders stays published…
        #expect(try post("751490729", "unpublish").json["error"] == "CANNOT_UNPUBLISH")
        // …a completed, paid-out paid event may be unpublished although it has orders.
        let completed = try server.request("POST", "/_understudy/eventbrite/events/17937020110/complete")
        #expect(completed.json == ["id": "17937020110", "status": "completed"])
        #expect(try server.eventbrite("GET", "/events/17937020110/").json["status"] == "completed")
        #expect(try post("17937020110", "unpublish").json == ["unpublished": true])
    }

    @Test func unpublishNeedsAPublishedEvent() throws {
        #expect(try post(Seed.draftToPublish, "unpublish").json == Bodies.error(400, "NOT_PUBLISHED", "This event is not published."))
    }

    @Test func cancelingAnEventWithoutOrders() throws {
        #expect(try post(Seed.liveWithoutOrders, "cancel").json == ["canceled": true])
        let event = try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/")
        #expect(event.json["status"] == "canceled")
        #expect(try post(Seed.liveWithoutOrders, "cancel").json["error"] == "ALREADY_CANCELED")
        #expect(!(try server.eventbrite("GET", "/organizations/12345/events/").ids("events").contains(Seed.liveWithoutOrders)))
        #expect(try server.eventbrite("GET", "/organizations/12345/events/?status=canceled").ids("events") == [Seed.liveWithoutOrders])
    }

    @Test func deletingAnEventHidesItEverywhere() throws {
        let response = try server.eventbrite("DELETE", "/events/\(Seed.liveWithoutOrders)/")
        #expect(response.status == 200)
        #expect(response.json == ["deleted": true])
        #expect(response.header("Eventbrite-API-Waypoint-Token") != nil)
        #expect(try server.eventbrite("GET", "/events/\(Seed.liveWithoutOrders)/").json == Bodies.notFound("event"))
        #expect(!(try server.eventbrite("GET", "/organizations/12345/events/?status=all").ids("events").contains(Seed.liveWithoutOrders)))
        #expect(try server.eventbrite("DELETE", "/events/\(Seed.liveWithoutOrders)/").json["error"] == "ALREADY_DELETED")
        #expect(try post(Seed.liveWithoutOrders, "publish").json["error"] == "ALREADY_PUBLISHED_OR_DELETED")
        #expect(try post(Seed.liveWithoutOrders, "cancel").json == Bodies.notFound("event"))
        #expect(try server.eventbrite("POST", "/events/\(Seed.liveWithoutOrders)/", json: ["event": ["summary": "x"]]).json
            == Bodies.notFound("event"))
    }

    @Test func aSeriesParentActsOnItsOccurrences() throws {
        let parent = try server.createEvent(["is_series": true])
        // No occurrences yet.
        #expect(try post(parent, "publish").json["error"] == "ERROR_CANNOT_PUBLISH_SERIES_WITH_NO_DATES")
        #expect(try server.eventbrite("DELETE", "/events/\(parent)/").json == ["deleted": true])
        // An occurrence without orders of its own can be canceled alone.
        #expect(try post("12347", "cancel").json == ["canceled": true])
        #expect(try server.eventbrite("GET", "/events/12347/").json["status"] == "canceled")
        #expect(try server.eventbrite("GET", "/events/12346/").json["status"] == "live")
    }

    @Test func copyingMakesANewDraftWithTheTicketClasses() throws {
        let response = try post("17937020110", "copy", json: ["name": "Copied & Pasted"])
        #expect(response.status == 200)
        let copy = response.json
        #expect(copy["id"] == "800000000001")
        #expect(copy["status"] == "draft")
        #expect(copy["published"] == .null)
        #expect(copy["name"] == ["text": "Copied & Pasted", "html": "Copied &amp; Pasted"])
        #expect(copy["start"] == (try server.eventbrite("GET", "/events/17937020110/")).json["start"])
        #expect(copy["capacity"] == 200)
        #expect(copy["is_free"] == false)
        #expect(copy["created"] == "2030-01-01T00:00:00Z")
        // The copy can be published: its ticket class came along.
        #expect(try post("800000000001", "publish").json == ["published": true])
    }

    @Test func copyingToNewDates() throws {
        let response = try post("17937020110", "copy", json: [
            "start_date": "2031-06-01T10:00:00Z", "end_date": "2031-06-01T12:00:00Z", "timezone": "Europe/Paris", "summary": "Again",
        ])
        #expect(response.json["start"] == ["timezone": "Europe/Paris", "local": "2031-06-01T12:00:00", "utc": "2031-06-01T10:00:00Z"])
        #expect(response.json["summary"] == "Again")
        let startOnly = try post("17937020110", "copy", json: ["start_date": "2031-06-01T10:00:00Z"])
        #expect(startOnly.json["end"]?["utc"] == "2031-06-01T18:00:00Z")
    }

    @Test func copyRules() throws {
        #expect(try post("17937020110", "copy", json: ["start_date": "2029-01-01T00:00:00Z"]).json["error"] == "INVALID_START_DATE")
        #expect(try post("17937020110", "copy", json: ["start_date": "2041-01-01T00:00:00Z"]).json["error"] == "INVALID_START_DATE")
        #expect(try post("17937020110", "copy", json: ["start_date": "2031-01-01T00:00:00Z", "end_date": "2031-01-01T00:00:30Z"]).json["error"]
            == "INVALID_END_DATE")
        #expect(try post("17937020110", "copy", json: ["start_date": "2031-01-01T00:00:00Z", "end_date": "2032-06-01T00:00:00Z"]).json["error"]
            == "INVALID_END_DATE")
        #expect(try post("17937020110", "copy", json: ["timezone": "Nowhere/Land"]).json["error"] == "UNSUPPORTED_TIMEZONE")
        #expect(try post("17937020110", "copy", json: ["colour": "red", "start_date": "soon"]).json
            == Bodies.arguments(["colour": "Unknown parameter", "start_date": "INVALID"]))
    }
}
