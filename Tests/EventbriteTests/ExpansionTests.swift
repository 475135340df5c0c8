import Emulation
import TestSupport
import Testing

/// Spec §5: v1 `expand=a,b.c`, v2 `expand.<type>=`, `expand=none`, and the default `logo`.
@Suite struct ExpansionTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func eventsCarryTheirLogoWhenNoExpansionIsNamed() throws {
        let response = try server.eventbrite("GET", "/events/12345/")
        #expect(response.json["logo"]?["id"] == "12345")
        #expect(response.json["logo"]?["original"]?["width"] == 2160)
        // An event without a logo carries null.
        #expect(try server.eventbrite("GET", "/events/99101/").json["logo"] == .null)
    }

    @Test func expandNoneAndExplicitListsDropTheDefault() throws {
        // The Python SDK sends expand=none on every GET.
        let none = try server.eventbrite("GET", "/events/12345/?expand=none")
        #expect(none.json["logo"] == nil)
        #expect(none.json["logo_id"] == "12345")
        let venueOnly = try server.eventbrite("GET", "/events/12345/?expand=venue")
        #expect(venueOnly.json["logo"] == nil)
        #expect(venueOnly.json["venue"]?["name"] == "Madison Square Garden")
        #expect(venueOnly.json["venue_id"] == "12345")
        let empty = try server.eventbrite("GET", "/events/12345/?expand=")
        #expect(empty.json["logo"] == nil)
    }

    @Test func v1ExpandsNestedPathsUpToFourLevels() throws {
        let response = try server.eventbrite("GET", "/events/12345/?expand=organizer.logo,category,subcategory,format")
        let organizer = try #require(response.json["organizer"])
        #expect(organizer["_type"] == "organizer")
        #expect(organizer["logo"]?["id"] == "12345")
        #expect(response.json["category"]?["subcategories"]?.arrayValue?.count == 18 + 1)
        #expect(response.json["subcategory"]?["parent_category"]?["id"] == "103")
        #expect(response.json["subcategory"]?["parent_category"]?["subcategories"] == nil)
        #expect(response.json["format"]?["short_name"] == "Seminar")
        // Unknown names are ignored; an expansion whose source is null is null.
        let unknown = try server.eventbrite("GET", "/events/17937020110/?expand=primary_venue,venue")
        #expect(unknown.status == 200)
        #expect(unknown.json["primary_venue"] == nil)
        #expect(unknown.json["venue"] == .null)
    }

    @Test func anExpansionAppliesToEveryItemOfAList() throws {
        let response = try server.eventbrite("GET", "/organizations/12345/events/?expand=venue")
        let events = try #require(response.json["events"]?.arrayValue)
        #expect(!events.isEmpty)
        for event in events {
            let venueID = try #require(event["venue_id"])
            if venueID == .null { #expect(event["venue"] == .null) } else { #expect(event["venue"]?["id"] == venueID) }
        }
    }

    @Test func v2ExpandsByTypeAtAnyDepth() throws {
        let typed = try server.eventbrite("GET", "/events/12345/?expand.event=organizer&expand.organizer=logo")
        #expect(typed.json["organizer"]?["logo"]?["id"] == "12345")
        #expect(typed.json["logo"] == nil)
        // v2 for another type only: the event expands nothing, its organizer nothing either.
        let other = try server.eventbrite("GET", "/events/12345/?expand.organizer=logo")
        #expect(other.json["organizer"] == nil)
        #expect(other.json["logo"] == nil)
        // v1 and v2 combine.
        let both = try server.eventbrite("GET", "/events/12345/?expand=organizer&expand.organizer=logo")
        #expect(both.json["organizer"]?["logo"]?["id"] == "12345")
    }

    @Test func deeperThanFourLevelsIsIgnored() throws {
        // A subcategory's parent category at depth 2; the path below is cut after four names.
        let response = try server.eventbrite("GET", "/events/12345/?expand=organizer.logo.a.b.c")
        #expect(response.status == 200)
        #expect(response.json["organizer"]?["logo"]?["id"] == "12345")
    }

    @Test func computedExpansionsOfAnEvent() throws {
        let response = try server.eventbrite(
            "GET",
            "/events/12345/?expand=bookmark_info,refund_policy,music_properties,listing_properties,has_digital_content,checkout_settings,external_ticketing,publish_settings"
        )
        #expect(response.json["bookmark_info"] == ["bookmarked": false])
        #expect(response.json["refund_policy"] == "No Refunds")
        #expect(response.json["music_properties"] == ["age_restriction": nil, "presented_by": nil, "door_time": nil])
        #expect(response.json["listing_properties"] == ["seatmap_thumbnail_url": nil, "is_paid": true])
        #expect(response.json["has_digital_content"] == ["has_digital_content": false, "digital_content_url": ""])
        #expect(response.json["checkout_settings"]?["currency_code"] == "USD")
        #expect(response.json["external_ticketing"] == .null)
        #expect(response.json["publish_settings"] == [:])
    }

    @Test func theUserExpandsItsAssortment() throws {
        #expect(try server.eventbrite("GET", "/users/me/").json["assortment"] == nil)
        #expect(try server.eventbrite("GET", "/users/me/?expand=assortment").json["assortment"] == ["plan": "package2"])
    }

    @Test func aJSONArrayNamesExpansionsToo() throws {
        let response = try server.eventbrite("GET", "/events/12345/?expand=%5B%22venue%22%2C%22format%22%5D")
        #expect(response.json["venue"]?["id"] == "12345")
        #expect(response.json["format"]?["id"] == "2")
    }
}
