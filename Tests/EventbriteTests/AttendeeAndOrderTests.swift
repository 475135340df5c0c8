import Emulation
import TestSupport
import Testing

/// Spec §8.15, §8.16, §9.8, §9.13 and Appendix A: attendees and orders, who may read them, their
/// filters and expansions, and the mock's order control endpoints that change them.
@Suite struct AttendeeAndOrderTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func theDocsAttendee() throws {
        let response = try server.eventbrite("GET", "/events/12345/attendees/12345/")
        #expect(response.status == 200)
        let attendee = response.json
        #expect(keys(attendee) == [
            "team", "costs", "resource_uri", "id", "changed", "created", "quantity", "variant_id", "profile", "barcodes", "answers",
            "checked_in", "cancelled", "refunded", "affiliate", "guestlist_id", "invited_by", "status", "ticket_class_name",
            "delivery_method", "event_id", "order_id", "ticket_class_id",
        ])
        #expect(attendee["team"] == ["id": "1", "name": "Testing", "date_joined": "2024-02-01T18:00:00Z", "event_id": "12345"])
        #expect(attendee["costs"]?["gross"] == ["currency": "USD", "value": 4987, "major_value": "49.87", "display": "$49.87"])
        #expect(attendee["profile"] == [
            "first_name": "John", "last_name": "Smith", "email": "jhon.smith@example.com", "name": "John Smith", "prefix": "Mr.",
            "suffix": "Sr", "age": 33, "job_title": "Software Enginner", "company": "Eventbrite", "website": "https://mysite.com",
            "blog": "https://mysite.com", "gender": "male", "birth_date": "1984-12-06", "cell_phone": "555 555-1234",
            "work_phone": "555 555-1234", "addresses": [:],
        ])
        #expect(attendee["barcodes"]?[0]?["barcode"] == "1234512345001")
        #expect(attendee["barcodes"]?[0]?["qr_code_url"]?.stringValue?.hasPrefix("https://www.eventbriteapi.com/qrcode/1234512345001/?sig=")
            == true)
        #expect(attendee["affiliate"] == "affiliate_code")
        #expect(attendee["status"] == "Attending")
        #expect(attendee["resource_uri"] == "https://www.eventbriteapi.com/v3/events/12345/attendees/12345/")
        // The seed's Answer example belongs to attendee 1009831492.
        let answered = try server.eventbrite("GET", "/events/12345/attendees/1009831492/?expand=promotional_code,survey_responses")
        #expect(answered.json["answers"] == [
            ["question_id": "642123456", "attendee_id": "1009831492", "question": "Custom Question Title", "type": "dropdown",
             "answer": "Choice 1 | Choice 2"],
            ["question_id": "20090892", "attendee_id": "1009831492", "question": "What's your question?", "type": "text",
             "answer": "This is my answer"],
        ])
        #expect(answered.json["barcodes"]?[0]?["barcode"] == "1234093511009831492001")
        #expect(answered.json["status"] == "Checked In")
        #expect(answered.json["promotional_code"] == ["code": "abcde", "promotion_type": "discount"])
        #expect(answered.json["survey_responses"] == ["642123456": "Choice 1 | Choice 2", "20090892": "This is my answer"])
        // The attendee must belong to the event.
        #expect(try server.eventbrite("GET", "/events/12346/attendees/12345/").json == Bodies.notFound("attendee_id"))
        #expect(try server.eventbrite("GET", "/events/404/attendees/12345/").json == Bodies.notFound("event"))
    }

    @Test func attendeesArePrivateToTheOrganizationAndTheBuyer() throws {
        #expect(try server.eventbrite("GET", "/events/12345/attendees/12345/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/events/12345/attendees/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/orders/12345/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        // Jane buys a ticket to the demo organization's event: she may read her order and its attendee.
        let bought = try server.placeOrder(event: "17937020110", ticketClass: "17937020111", extra: ["buyer_user_id": "226753143335"])
        #expect(try server.eventbrite("GET", "/orders/\(bought.order)/", token: Seed.otherUserToken).status == 200)
        #expect(try server.eventbrite("GET", "/orders/\(bought.order)/attendees/", token: Seed.otherUserToken).ids("attendees") == bought.attendees)
        #expect(try server.eventbrite("GET", "/events/17937020110/attendees/\(bought.attendees[0])/", token: Seed.otherUserToken).status == 200)
        #expect(try server.eventbrite("GET", "/users/me/orders/", token: Seed.otherUserToken).ids("orders") == [bought.order])
        #expect(try server.eventbrite("GET", "/orders/404/").json == Bodies.notFound("order_id"))
    }

    @Test func theDocsOrderAndItsExpansions() throws {
        let response = try server.eventbrite("GET", "/orders/442719216/")
        #expect(response.json["costs"]?["gross"]?["value"] == 1251)
        #expect(response.json["costs"]?["eventbrite_fee"]?["value"] == 216)
        #expect(response.json["costs"]?["payment_fee"]?["value"] == 35)
        #expect(keys(response.json["costs"]) == [
            "base_price", "display_price", "display_fee", "gross", "eventbrite_fee", "payment_fee", "tax", "price_before_discount",
            "fee_components", "tax_components", "shipping_components", "has_gts_tax", "tax_name",
        ])
        #expect(response.json["email"] == "john.smith@example.com")
        #expect(response.json["created"] == "2018-05-12T02:00:00Z")
        #expect(response.json["time_remaining"] == .null)
        #expect(response.json["promo_code"] == nil)
        let expanded = try server.eventbrite("GET", "/orders/123409351/?expand=attendees,event.venue")
        #expect(expanded.json["attendees"]?.arrayValue?.map { $0["id"] } == ["1009831492"])
        #expect(expanded.json["event"]?["venue"]?["id"] == "12345")
        #expect(expanded.json["costs"]?["discount_type"] == "coded")
        // v2: every event in the answer expands its organizer.
        let v2 = try server.eventbrite("GET", "/orders/12345/?expand.order=event&expand.event=organizer")
        #expect(v2.json["event"]?["organizer"]?["_type"] == "organizer")
        // An abandoned checkout is gone.
        #expect(try server.eventbrite("GET", "/orders/99201/").json == Bodies.error(400, "ORDER_EXPIRED", "The order is expired"))
    }

    @Test func expansionsReachThroughOrdersEventsAndTicketClasses() throws {
        let v1 = try server.eventbrite("GET", "/events/12345/attendees/?expand=order.event.venue")
        #expect(v1.json["attendees"]?[0]?["order"]?["event"]?["venue"]?["id"] == "12345")
        #expect(v1.json["attendees"]?[0]?["event"] == nil)
        let v2 = try server.eventbrite(
            "GET", "/events/12345/attendees/12345/?expand.attendee=order,event&expand.order=attendees&expand.event=ticket_classes")
        #expect(v2.json["order"]?["attendees"]?[0]?["id"] == "12345")
        #expect(v2.json["event"]?["ticket_classes"]?.arrayValue?.map { $0["id"] } == ["12345", "12350"])
        let ticket = try server.eventbrite("GET", "/events/12345/ticket_classes/12345/?expand=event.organizer")
        #expect(ticket.json["event"]?["organizer"]?["id"] == "12345")
        #expect(try server.eventbrite("GET", "/events/12345/attendees/12345/?expand=none").json["order"] == nil)
    }

    @Test func aPendingOrderRunsOutOfTime() throws {
        let pending = try server.placeOrder(event: "17937020110", ticketClass: "17937020111", extra: ["status": "pending"])
        let order = try server.eventbrite("GET", "/orders/\(pending.order)/")
        #expect(order.json["status"] == "pending")
        #expect(order.json["time_remaining"] == 480)
        // Pending tickets are not sold, and not every attendee list shows them as attending.
        #expect(try server.eventbrite("GET", "/events/17937020110/ticket_classes/17937020111/").json["quantity_sold"] == 1)
        #expect(try server.eventbrite("GET", "/events/17937020110/attendees/?status=unpaid").ids("attendees") == pending.attendees)
        try server.advanceClock(seconds: 481)
        #expect(try server.eventbrite("GET", "/orders/\(pending.order)/").json["error"] == "ORDER_EXPIRED")
    }

    @Test func eventAttendeeFilters() throws {
        let path = "/events/12345/attendees/"
        #expect(try server.eventbrite("GET", path).ids("attendees") == ["12345", "1009831492"])
        #expect(try server.eventbrite("GET", path + "?status=attending").ids("attendees") == ["12345", "1009831492"])
        #expect(try server.eventbrite("GET", path + "?status=not_attending").ids("attendees") == [])
        #expect(try server.eventbrite("GET", path + "?attendee_ids=1009831492").ids("attendees") == ["1009831492"])
        #expect(try server.eventbrite("GET", path + "?changed_since=2024-02-02T00:00:00Z").ids("attendees") == ["1009831492"])
        #expect(try server.eventbrite("GET", path + "?changed_since=2024-01-01T00:00:00Z&last_item_seen=12345").ids("attendees") == ["1009831492"])
        #expect(try server.eventbrite("GET", path + "?status=gone&changed_since=yesterday&attendee_ids=x").json
            == Bodies.arguments(["status": "INVALID", "changed_since": "INVALID", "attendee_ids": "INVALID"]))
        // Refunds and check-ins move attendees between the filters.
        _ = try server.request("POST", "/_understudy/eventbrite/orders/12345/refund")
        #expect(try server.eventbrite("GET", path + "?status=not_attending").ids("attendees") == ["12345"])
        let refunded = try server.eventbrite("GET", path + "12345/")
        #expect(refunded.json["status"] == "Not Attending")
        #expect(refunded.json["refunded"] == true)
        #expect(refunded.json["barcodes"]?[0]?["status"] == "refunded")
        #expect(refunded.json["changed"] == "2030-01-01T00:00:00Z")
        #expect(try server.eventbrite("GET", "/orders/12345/").json["status"] == "refunded")
        #expect(try server.eventbrite("GET", "/events/12345/ticket_classes/12345/").json["quantity_sold"] == 1)
        let checkOut = try server.request("POST", "/_understudy/eventbrite/attendees/1009831492/check_out")
        #expect(checkOut.json == ["id": "1009831492", "status": "Attending"])
        #expect(try server.eventbrite("GET", path + "1009831492/").json["checked_in"] == false)
        #expect(try server.request("POST", "/_understudy/eventbrite/attendees/12345/check_in").status == 400)
        #expect(try server.request("POST", "/_understudy/eventbrite/orders/12345/refund").status == 400)
    }

    @Test func organizationAndOwnedLists() throws {
        #expect(try server.eventbrite("GET", "/organizations/12345/attendees/").ids("attendees") == ["12345", "1009831492", "1009831500"])
        #expect(try server.eventbrite("GET", "/organizations/12345/attendees/?status=unpaid").json == Bodies.arguments(["status": "INVALID"]))
        #expect(try server.eventbrite("GET", "/users/me/owned_event_attendees/").pagination["object_count"] == 4)
        #expect(try server.eventbrite("GET", "/organizations/12345/orders/").ids("orders") == ["12345", "123409351", "442719216"])
        #expect(try server.eventbrite("GET", "/organizations/12345/orders/?status=both").ids("orders") == ["12345", "99201", "123409351", "442719216"])
        #expect(try server.eventbrite("GET", "/organizations/12345/orders/?only_emails=JANE.ROE@example.com").ids("orders") == ["123409351"])
        #expect(try server.eventbrite("GET", "/organizations/12345/orders/?exclude_emails=jane.roe@example.com,john@smith.com").ids("orders")
            == ["442719216"])
        #expect(try server.eventbrite("GET", "/users/me/owned_event_orders/").pagination["object_count"] == 4)
        #expect(try server.eventbrite("GET", "/organizations/\(Seed.otherOrganization)/orders/").json == Bodies.notAuthorized)
    }

    @Test func eventAndBuyerOrderLists() throws {
        let path = "/events/12345/orders/"
        #expect(try server.eventbrite("GET", path).ids("orders") == ["12345", "123409351"])
        #expect(try server.eventbrite("GET", path + "?last_item_seen=12345").ids("orders") == ["123409351"])
        #expect(try server.eventbrite("GET", path + "?changed_since=2024-02-02T00:00:00Z").ids("orders") == ["123409351"])
        _ = try server.request("POST", "/_understudy/eventbrite/orders/123409351/refund")
        #expect(try server.eventbrite("GET", path + "?status=active").ids("orders") == ["12345"])
        #expect(try server.eventbrite("GET", path + "?status=inactive").ids("orders") == ["123409351"])
        #expect(try server.eventbrite("GET", path + "?refund_request_statuses=pending").ids("orders") == [])
        #expect(try server.eventbrite("GET", path + "?refund_request_statuses=lost&status=all").json
            == Bodies.arguments(["status": "INVALID", "refund_request_statuses": "INVALID"]))
        // The buyer's own orders, by when their events happen.
        #expect(try server.eventbrite("GET", "/users/me/orders/").ids("orders") == ["12345"])
        #expect(try server.eventbrite("GET", "/users/12345/orders/?time_filter=past").ids("orders") == [])
        #expect(try server.eventbrite("GET", "/users/12345/orders/?time_filter=current_future").ids("orders") == ["12345"])
        #expect(try server.eventbrite("GET", "/users/\(Seed.otherUserID)/orders/").json == Bodies.notAuthorized)
    }

    @Test func placingAnOrderThroughTheControlAPI() throws {
        let placed = try server.request("POST", "/_understudy/eventbrite/orders", json: [
            "event_id": "17937020110", "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "team_id": nil,
            "tickets": [["ticket_class_id": "17937020111", "quantity": 2]],
        ])
        #expect(placed.status == 200)
        #expect(placed.json["order_id"] == "800000000001")
        #expect(placed.json["attendee_ids"] == ["800000000002", "800000000003"])
        let order = try server.eventbrite("GET", "/orders/800000000001/?expand=answers")
        #expect(order.json["name"] == "Ada Lovelace")
        #expect(order.json["costs"]?["gross"]?["value"] == 2502)
        // The event asks no custom questions.
        #expect(order.json["answers"] == [])
        let attendee = try server.eventbrite("GET", "/events/17937020110/attendees/800000000002/")
        #expect(attendee.json["barcodes"]?[0]?["barcode"] == "800000000001800000000002001")
        #expect(attendee.json["costs"]?["base_price"]?["value"] == 1000)
        #expect(attendee.json["variant_id"] == "T17937020111")
        // The event now has orders, so it stays published.
        #expect(try server.eventbrite("POST", "/events/17937020110/cancel/").json["error"] == "CANNOT_CANCEL")
        let bad = try server.request("POST", "/_understudy/eventbrite/orders", json: [
            "event_id": "404", "tickets": [], "size": 3,
        ])
        #expect(bad.json == Bodies.arguments(["size": "Unknown parameter", "event_id": "INVALID", "email": "MISSING"]))
        #expect(try server.request("POST", "/_understudy/eventbrite/orders", json: ["event_id": "17937020110", "email": "a@b.c", "tickets": []]).json
            == Bodies.arguments(["tickets": "MISSING"]))
        #expect(try server.request("POST", "/_understudy/eventbrite/orders", json: [
            "event_id": "17937020110", "email": "a@b.c", "tickets": [["ticket_class_id": "12345", "quantity": 0]],
        ]).json == Bodies.arguments(["tickets.ticket_class_id": "INVALID", "tickets.quantity": "INVALID"]))
    }
}
