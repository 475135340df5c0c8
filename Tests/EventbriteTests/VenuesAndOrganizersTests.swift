import Emulation
import TestSupport
import Testing

/// Spec §8.19 (venues) and Appendix A (organizers).
@Suite struct VenuesAndOrganizersTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func aVenueWithTheSeedsAddressExample() throws {
        let response = try server.eventbrite("GET", "/venues/1234/")
        #expect(response.json == [
            "address": [
                "address_1": "333 O'Farrell St", "address_2": "Suite 400", "city": "San Francisco", "region": "CA",
                "postal_code": "94102", "country": "US", "latitude": "37.7576792", "longitude": "-122.5078119",
                "localized_address_display": "333 O'Farrell St Suite 400, San Francisco, CA 94102",
                "localized_area_display": "San Francisco, CA",
                "localized_multi_line_address_display": ["333 O'Farrell St", "Suite 400", "San Francisco, CA 94102"],
            ],
            "resource_uri": "https://www.eventbriteapi.com/v3/venues/1234/", "id": "1234", "age_restriction": nil,
            "capacity": nil, "name": "O'Farrell Street Hall", "latitude": "37.7576792", "longitude": "-122.5078119",
        ])
        // Venues are public reads.
        #expect(try server.eventbrite("GET", "/venues/3003/", token: Seed.otherUserToken).json["name"] == "Great Venue")
        #expect(try server.eventbrite("GET", "/venues/42/").json == Bodies.notFound("venue_id"))
    }

    @Test func creatingAVenueAddsItToTheOrganizationsList() throws {
        let created = try server.eventbrite("POST", "/organizations/12345/venues/", json: [
            "venue": [
                "name": "New Hall", "capacity": 250, "age_restriction": "AGE_RESTRICTION_MIN_EIGHTEEN",
                "address": ["address_1": "1 Main St", "city": "Portland", "region": "OR", "postal_code": "97201", "country": "us",
                            "latitude": "45.5", "longitude": "-122.6"],
            ]
        ])
        #expect(created.status == 200)
        let id = try #require(created.json["id"]?.stringValue)
        #expect(id == "800000000001")
        #expect(created.json["address"]?["localized_address_display"] == "1 Main St, Portland, OR 97201")
        #expect(created.json["address"]?["country"] == "US")
        #expect(created.json["latitude"] == "45.5")
        #expect(try server.eventbrite("GET", "/organizations/12345/venues/").ids("venues").contains(id))
        #expect(try server.eventbrite("GET", "/users/me/venues/").ids("venues").contains(id))
    }

    @Test func updatingAVenueMergesTheAddress() throws {
        let response = try server.eventbrite("POST", "/venues/3003/", json: ["venue": ["name": "Greater Venue", "address": ["city": "Victoria"]]])
        #expect(response.status == 200)
        #expect(response.json["name"] == "Greater Venue")
        #expect(response.json["address"]?["address_1"] == "1055 Canada Pl")
        #expect(response.json["address"]?["city"] == "Victoria")
        #expect(try server.eventbrite("GET", "/venues/3003/").json["name"] == "Greater Venue")
        #expect(try server.eventbrite("POST", "/venues/254753143343/", json: ["venue": ["name": "Mine"]]).json == Bodies.notAuthorized)
    }

    @Test func venueArgumentErrors() throws {
        let missing = try server.eventbrite("POST", "/organizations/12345/venues/", json: ["venue": ["capacity": 5]])
        #expect(missing.json == Bodies.arguments(["venue.name": "MISSING"]))
        let invalid = try server.eventbrite("POST", "/organizations/12345/venues/", json: [
            "venue": ["name": "X", "age_restriction": "ADULTS", "colour": "red", "address": ["latitude": "north"]]
        ])
        #expect(invalid.json == Bodies.arguments([
            "venue.colour": "Unknown parameter", "venue.age_restriction": "INVALID", "venue.address.latitude": "INVALID",
        ]))
    }

    @Test func anOrganizerWithItsEventCounts() throws {
        let response = try server.eventbrite("GET", "/organizers/12345/")
        #expect(response.json["_type"] == "organizer")
        #expect(response.json["name"] == "Awesome Org Presents")
        #expect(response.json["url"] == "https://www.eventbrite.com/o/12345/")
        #expect(response.json["twitter"] == "@abc")
        #expect(response.json["num_future_events"] == 6)
        #expect(response.json["num_past_events"] == 0)
        #expect(response.json["description"] == [
            "text": "Talks and concerts about classical music.", "html": "<p>Talks and concerts about classical music.</p>",
        ])
        // Without a website the key is left out.
        #expect(response.json["website"] == nil)
        #expect(try server.eventbrite("GET", "/organizers/77/").json == Bodies.notFound("organizer_id"))
        let mine = try server.eventbrite("GET", "/users/me/organizers/")
        #expect(mine.ids("organizers").contains("12345"))
        #expect(!mine.ids("organizers").contains(Seed.otherOrganization))
    }

    @Test func pastEventsCountOnceTheClockPassesThem() throws {
        try server.freezeClock(at: "2031-12-31T00:00:00Z")
        let response = try server.eventbrite("GET", "/organizers/12345/")
        #expect(response.json["num_future_events"] == 0)
        #expect(response.json["num_past_events"] == 6)
    }
}
