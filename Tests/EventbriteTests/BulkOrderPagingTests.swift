import Emulation
import TestSupport
import Testing

/// Spec §4 over the generated festival (`seed/eventbrite/bulk_orders.json`): 3,000 orders of one
/// attendee each, every 25th refunded, so attendee and order lists span sixty pages.
@Suite struct BulkOrderPagingTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    private func walk(_ path: String, key: String) throws -> (ids: [String], pages: Int) {
        var ids: [String] = []
        var pages = 0
        var target = path
        while pages < 80 {
            let response = try server.eventbrite("GET", target, token: Commerce.festivalToken)
            #expect(response.status == 200)
            guard response.status == 200 else { break }
            pages += 1
            ids += response.ids(key)
            guard let continuation = response.pagination["continuation"]?.stringValue else { break }
            target = path + (path.contains("?") ? "&" : "?") + "continuation=" + continuation
        }
        return (ids, pages)
    }

    @Test func aContinuationWalkSeesEveryAttendeeOnce() throws {
        let walk = try walk("/events/\(Commerce.festivalEvent)/attendees/", key: "attendees")
        #expect(walk.pages == 60)
        #expect(walk.ids.count == 3000)
        #expect(Set(walk.ids).count == 3000)
        #expect(walk.ids == walk.ids.sorted())
        #expect(walk.ids.first == "555200000001")
        #expect(walk.ids.last == "555200003000")
    }

    @Test func aContinuationWalkSeesEveryOrderOnce() throws {
        let walk = try walk("/events/\(Commerce.festivalEvent)/orders/?page_size=200", key: "orders")
        #expect(walk.pages == 15)
        #expect(walk.ids.count == 3000)
        #expect(Set(walk.ids).count == 3000)
    }

    @Test func filtersPageToo() throws {
        let refunded = try server.eventbrite("GET", "/events/\(Commerce.festivalEvent)/attendees/?status=not_attending", token: Commerce.festivalToken)
        #expect(refunded.pagination["object_count"] == 120)
        #expect(refunded.pagination["page_count"] == 3)
        let active = try server.eventbrite("GET", "/organizations/\(Commerce.festivalOrganization)/orders/?status=active&page=58", token: Commerce.festivalToken)
        #expect(active.pagination["object_count"] == 2880)
        #expect(active.ids("orders").count == 30)
        #expect(active.pagination["has_more_items"] == false)
        let last = try server.eventbrite("GET", "/events/\(Commerce.festivalEvent)/attendees/?page=60", token: Commerce.festivalToken)
        #expect(last.ids("attendees").count == 50)
        #expect(try server.eventbrite("GET", "/events/\(Commerce.festivalEvent)/attendees/?page=61", token: Commerce.festivalToken).json == Bodies.badPage)
        // The festival's sales, ticket and capacity figures follow from the same rows.
        let ticket = try server.eventbrite("GET", "/events/\(Commerce.festivalEvent)/ticket_classes/555000009002/", token: Commerce.festivalToken)
        #expect(ticket.json["quantity_sold"] == 2880)
        #expect(ticket.json["quantity_total"] == 5000)
        let report = try server.eventbrite("GET", "/reports/attendees/?event_ids=\(Commerce.festivalEvent)&date_facet=none", token: Commerce.festivalToken)
        #expect(report.json["data"]?[0]?["totals"] == ["num_attendees": 2880, "num_orders": 2880])
        // The demo user is not a member of the festival.
        #expect(try server.eventbrite("GET", "/events/\(Commerce.festivalEvent)/attendees/").json == Bodies.notAuthorized)
    }
}
