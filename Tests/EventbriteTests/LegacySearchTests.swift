import Emulation
import TestSupport
import Testing

/// Spec §8.8 with `EVENTBRITE_ENABLE_LEGACY_SEARCH=true`: the search as it answered before 2019.
@Suite struct LegacySearchTests {
    let server: TestServer

    init() throws {
        server = try TestServer(environment: ["EVENTBRITE_ENABLE_LEGACY_SEARCH": "true"])
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func itNeedsATokenAndListsPublicLiveEventsOfEveryOrganization() throws {
        #expect(try server.eventbrite("GET", "/events/search/", token: nil).json == Bodies.noAuth)
        let response = try server.eventbrite("GET", "/events/search/?q=public%20talk")
        #expect(response.status == 200)
        #expect(response.ids("events") == [Seed.publicEvent])
        let all = try server.eventbrite("GET", "/events/search/?page_size=200")
        #expect(!all.ids("events").contains(Seed.janesUnlisted))
        #expect(!all.ids("events").contains(Seed.draftToPublish))
        #expect(!all.ids("events").contains("12345"))
    }

    @Test func filters() throws {
        #expect(try server.eventbrite("GET", "/events/search/?categories=103&subcategories=3003").ids("events") == ["12346", "12347"])
        #expect(try server.eventbrite("GET", "/events/search/?formats=6").ids("events") == ["1234"])
        #expect(try server.eventbrite("GET", "/events/search/?location.address=San%20Francisco").ids("events") == ["1234"])
        let near = try server.eventbrite(
            "GET", "/events/search/?location.latitude=40.75&location.longitude=-73.99&location.within=5km&sort_by=-date")
        #expect(near.ids("events") == ["5678", "12347", "12346"])
        let free = try server.eventbrite("GET", "/events/search/?price=free&organizer.id=12345")
        #expect(free.ids("events") == ["99102"])
        let ranged = try server.eventbrite(
            "GET", "/events/search/?start_date.range_start=2031-12-01T00:00:00&organizer.id=12345")
        #expect(ranged.ids("events") == ["99102"])
        #expect(try server.eventbrite("GET", "/events/search/?price=cheap").json == Bodies.arguments(["price": "INVALID"]))
        #expect(try server.eventbrite("GET", "/events/search/?location.within=far&location.latitude=1&location.longitude=1").json
            == Bodies.arguments(["location.within": "INVALID"]))
    }

    @Test func startDateKeywords() throws {
        try server.freezeClock(at: "2031-05-01T12:00:00Z")
        let awesome = "/events/search/?organizer.id=12345&start_date.keyword="
        #expect(try server.eventbrite("GET", awesome + "tomorrow").ids("events") == ["12346"])
        #expect(try server.eventbrite("GET", awesome + "today").ids("events") == [])
        #expect(try server.eventbrite("GET", awesome + "next_month").ids("events") == ["12347"])
        #expect(try server.eventbrite("GET", awesome + "this_week").ids("events") == ["12346"])
    }
}
