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

    /// What a page's objects embed is rendered for the whole page at once: each object still
    /// gets its own records, however they interleave across the page's objects.
    @Test func aPageEmbedsEachObjectsOwnRecords() throws {
        let placed = try [3, 1, 2].map { quantity in
            try server.placeOrder(event: Commerce.orderEvent, ticketClass: Commerce.orderTicket, quantity: quantity)
        }
        let orders = try server.eventbrite("GET", "/events/\(Commerce.orderEvent)/orders/?expand=attendees,event.venue").json["orders"]?.arrayValue ?? []
        for (order, attendees) in placed {
            let listed = try #require(orders.first { $0["id"] == .string(order) })
            #expect(listed["attendees"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == attendees)
            #expect(listed["attendees"]?.arrayValue?.allSatisfy { $0["order_id"] == .string(order) } == true)
            #expect(listed["event"]?["id"] == .string(Commerce.orderEvent))
            // The event has no venue: expanded, it is null.
            #expect(listed["event"]?["venue"] == .null)
            #expect(listed["event"]?["logo"] == nil)
        }
        // Attendees of several orders, each with its own order and the order's attendees.
        let attendees = try server.eventbrite("GET", "/events/\(Commerce.orderEvent)/attendees/?expand=order.attendees").json["attendees"]?.arrayValue ?? []
        #expect(attendees.count >= 6)
        for attendee in attendees {
            let order = try #require(attendee["order"])
            #expect(order["id"] == attendee["order_id"])
            #expect(order["attendees"]?.arrayValue?.contains { $0["id"] == attendee["id"] } == true)
            #expect(order["attendees"]?.arrayValue?.allSatisfy { $0["order"] == nil } == true)
        }
        // Events of an organization with their own ticket classes and venues, as each event's own answer has them.
        let query = "?expand=venue,organizer.logo,ticket_classes&status=all"
        let events = try server.eventbrite("GET", "/organizations/12345/events/\(query)").json["events"]?.arrayValue ?? []
        #expect(events.count > 2)
        #expect(Set(events.map { $0["ticket_classes"]?.arrayValue?.count ?? -1 }).count > 1)
        for event in events {
            let id = try #require(event["id"]?.stringValue)
            #expect(try server.eventbrite("GET", "/events/\(id)/\(query)").json == event)
            #expect(event["ticket_classes"]?.arrayValue?.allSatisfy { $0["event_id"] == .string(id) } == true)
        }
    }

    @Test func aPageWorksOutEachEventsComputedExpansionsAsItsOwnAnswerDoes() throws {
        // A seat map thumbnail, and digital content published on one event, drafted on another.
        let url = "https://img.evbuc.com/mock/seatmaps/E12345-m1.png"
        _ = try server.world.database.write { try $0.run("UPDATE eventbrite_seatmaps SET thumbnail_url = ? WHERE id = 'E12345-m1'", url) }
        let modules: JSONValue = [["type": "text", "data": ["body": ["text": "<p>Stream link</p>"]]]]
        for (event, publish) in [("5678", true), ("12345", false)] {
            let page = try server.eventbrite(
                "POST", "/events/\(event)/structured_content/1/",
                json: ["purpose": "digital_content", "modules": modules, "publish": .bool(publish)])
            #expect(page.status == 200)
        }
        let query = "?expand=ticket_availability,event_sales_status,basic_inventory_info,listing_properties,has_digital_content&status=all"
        let events = try server.eventbrite("GET", "/organizations/12345/events/\(query)").json["events"]?.arrayValue ?? []
        #expect(events.count > 2)
        #expect(events.filter { $0["listing_properties"]?["seatmap_thumbnail_url"] == .string(url) }.count == 1)
        #expect(events.filter { $0["has_digital_content"]?["has_digital_content"] == true }.count == 1)
        #expect(events.contains { $0["basic_inventory_info"] != events.first?["basic_inventory_info"] })
        for event in events {
            let id = try #require(event["id"]?.stringValue)
            #expect(try server.eventbrite("GET", "/events/\(id)/\(query)").json == event)
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
