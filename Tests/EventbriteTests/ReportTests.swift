import Emulation
import TestSupport
import Testing

/// Spec §8.21 and §9.29: the sales and attendee reports, computed from the sold tickets.
@Suite struct ReportTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func theDocsSalesReport() throws {
        let response = try server.eventbrite("GET", "/reports/sales/?event_ids=12345")
        #expect(response.status == 200)
        // The spec's example, figure for figure: amounts in major units, as numbers.
        #expect(response.text == """
            {"timezone":"America/Los_Angeles","event_ids":["12345"],"data":[\
            {"date":"2024-02-01T08:00:00Z","date_localized":"2024-02-01T00:00:00","totals":{"currency":"USD","gross":49.87,"net":45.0,"quantity":1,"fees":4.87,"royalty":0.0}},\
            {"date":"2024-02-02T08:00:00Z","date_localized":"2024-02-02T00:00:00","totals":{"currency":"USD","gross":40.25,"net":36.0,"quantity":1,"fees":4.25,"royalty":0.0}}]}
            """)
    }

    @Test func facetsGroupsAndFilters() throws {
        let month = try server.eventbrite("GET", "/reports/sales/?event_ids=12345,17937020110&date_facet=month&group_by=event")
        let data = month.json["data"]?.arrayValue ?? []
        #expect(data.map { $0["date_localized"] } == ["2018-05-01T00:00:00", "2024-02-01T00:00:00"])
        #expect(data[1]["totals"]?["quantity"] == 2)
        #expect(data[1]["topics"] == [["topic": "12345", "totals": ["currency": "USD", "gross": 90.12, "net": 81.0, "quantity": 2, "fees": 9.12, "royalty": 0.0]]])
        let week = try server.eventbrite("GET", "/reports/attendees/?event_ids=12345&date_facet=week&timezone=UTC")
        // Weeks end on Sunday: Thursday 1 and Friday 2 February 2024 fall in the week ending the 4th.
        #expect(week.json["data"] == [["date": "2024-02-04T00:00:00Z", "date_localized": "2024-02-04T00:00:00", "totals": ["num_attendees": 2, "num_orders": 2]]])
        #expect(week.json["timezone"] == "UTC")
        let filtered = try server.eventbrite("GET", "/reports/attendees/?event_ids=12345&start_date=2024-02-02&date_facet=year")
        #expect(filtered.json["data"]?[0]?["totals"] == ["num_attendees": 1, "num_orders": 1])
        let byTicket = try server.eventbrite("GET", "/reports/attendees/?event_ids=12345&filter_by=%7B%22ticket_ids%22%3A%5B999%5D%7D")
        #expect(byTicket.json["data"] == [])
        // Only ended events, or only a recent period: none of these.
        #expect(try server.eventbrite("GET", "/reports/sales/?event_ids=12345&event_status=ended").json["event_ids"] == [])
        #expect(try server.eventbrite("GET", "/reports/sales/?event_ids=12345&period=3&date_facet=day").json["data"] == [])
    }

    @Test func reportsFollowSalesAndRefunds() throws {
        try server.placeOrder(event: "17937020110", ticketClass: "17937020111", quantity: 2)
        let today = try server.eventbrite("GET", "/reports/sales/?event_ids=17937020110&period=1")
        #expect(today.json["data"]?[0]?["totals"]?["quantity"] == 2)
        // The report speaks the first event's timezone, New York's here.
        #expect(today.json["data"]?[0]?["date"] == "2029-12-31T05:00:00Z")
        _ = try server.request("POST", "/_understudy/eventbrite/orders/442719216/refund")
        let all = try server.eventbrite("GET", "/reports/attendees/?event_ids=17937020110&date_facet=none")
        #expect(all.json["data"]?[0]?["totals"] == ["num_attendees": 2, "num_orders": 1])
    }

    @Test func errors() throws {
        #expect(try server.eventbrite("GET", "/reports/sales/").json == Bodies.arguments(["event_ids": "MISSING"]))
        #expect(try server.eventbrite("GET", "/reports/sales/?event_ids=x&date_facet=decade&group_by=mood&timezone=Mars/Base").json
            == Bodies.arguments(["event_ids": "INVALID", "group_by": "INVALID", "date_facet": "INVALID", "timezone": "INVALID"]))
        #expect(try server.eventbrite("GET", "/reports/sales/?event_ids=404").json == Bodies.arguments(["event_ids": "INVALID"]))
        #expect(try server.eventbrite("GET", "/reports/sales/?event_ids=12345&filter_by=nope").json["error"] == "INVALID_PARAMETER")
        #expect(try server.eventbrite("GET", "/reports/sales/?event_ids=12345,3564383166").json == Bodies.notAuthorized)
        // Jane's events are in pounds; with a dollar event nothing separates the currencies.
        let euros = try server.createEvent(["currency": "EUR"])
        #expect(try server.eventbrite("GET", "/reports/sales/?event_ids=12345,\(euros)").json["error"] == "CURRENCY_MISMATCH")
        #expect(try server.eventbrite("GET", "/reports/sales/?event_ids=12345,\(euros)&group_by=currency").status == 200)
    }
}
