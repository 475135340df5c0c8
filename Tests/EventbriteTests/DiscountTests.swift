import Emulation
import TestSupport
import Testing

/// Spec §8.5 and §9.12 (and the SDK's event discount endpoints of Appendix A): discounts, their
/// search, their rules, and their use.
@Suite struct DiscountTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func theDocsDiscount() throws {
        let response = try server.eventbrite("GET", "/discounts/12345/")
        #expect(response.json == [
            "id": "12345", "type": "coded", "code": "abcde", "amount_off": nil, "percent_off": "20.00", "event_id": "12345",
            "ticket_class_ids": ["12345"], "quantity_available": 5, "quantity_sold": 1, "start_date": nil,
            "start_date_relative": nil, "end_date": nil, "end_date_relative": nil, "ticket_group_id": nil, "hold_ids": nil,
        ])
        #expect(try server.eventbrite("GET", "/discounts/12345/?expand=event").json["event"]?["id"] == "12345")
        #expect(try server.eventbrite("GET", "/discounts/404/").json == Bodies.notFound("discount_id"))
        #expect(try server.eventbrite("GET", "/discounts/12345/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func theDocsSearch() throws {
        let found = try server.eventbrite("GET", "/organizations/12345/discounts/?scope=event&code=abcde&event_id=12345")
        #expect(found.ids("discounts") == ["12345"])
        #expect(found.pagination["object_count"] == 1)
        let event = try server.eventbrite("GET", "/organizations/12345/discounts/?scope=event&event_id=12345")
        #expect(event.ids("discounts") == ["12345", "99002", "99001"])
        let desc = try server.eventbrite("GET", "/organizations/12345/discounts/?scope=event&event_id=12345&code_filter=a&order_by=code_desc")
        #expect(desc.ids("discounts") == ["99001", "99002", "12345"])
        #expect(try server.eventbrite("GET", "/organizations/12345/discounts/?scope=user&type=public").ids("discounts") == ["99003"])
        #expect(try server.eventbrite("GET", "/organizations/12345/discounts/?scope=organization&code_filter=ACC").ids("discounts") == ["99001"])
        #expect(try server.eventbrite("GET", "/organizations/12345/discounts/?scope=multi_events").ids("discounts") == [])
        #expect(try server.eventbrite("GET", "/organizations/12345/discounts/?scope=user&page_size=1").pagination["page_count"] == 4)
    }

    @Test func searchErrors() throws {
        let path = "/organizations/12345/discounts/"
        #expect(try server.eventbrite("GET", path).json == Bodies.arguments(["scope": "MISSING"]))
        #expect(try server.eventbrite("GET", path + "?scope=everything&type=free").json == Bodies.arguments(["scope": "INVALID", "type": "INVALID"]))
        #expect(try server.eventbrite("GET", path + "?scope=event").json == Bodies.arguments(["event_id": "MISSING"]))
        #expect(try server.eventbrite("GET", path + "?scope=user&code=a&code_filter=b").json == Bodies.error(
            400, "CODE_AND_CODE_FILTER_PROVIDED", "Only one of code or code_filter may be provided at the same time."))
        #expect(try server.eventbrite("GET", path + "?scope=multi_events&event_id=12345").json == Bodies.error(
            400, "INVALID_USAGE_FOR_EVENT_ID", "Event ID can not be used along with multi_events discount_scope."))
        #expect(try server.eventbrite("GET", path + "?scope=user&order_by=code_asc").json["error"] == "ORDER_BY_NOT_SUPPORTED")
        #expect(try server.eventbrite("GET", path + "?scope=user&code=abcde&order_by=start_asc").json["error"] == "ORDER_BY_NOT_SUPPORTED")
        #expect(try server.eventbrite("GET", path + "?scope=user&order_by=sideways").json == Bodies.arguments(["order_by": "INVALID"]))
        #expect(try server.eventbrite("GET", "/organizations/\(Seed.otherOrganization)/discounts/?scope=user").json == Bodies.notAuthorized)
    }

    @Test func creatingDiscounts() throws {
        let response = try server.eventbrite("POST", "/organizations/12345/discounts/", json: [
            "discount": ["type": "coded", "code": "SPRING-24", "amount_off": 5, "event_id": "12345", "quantity_available": 10,
                         "start_date": "2030-01-01T00:00:00", "end_date_relative": 3600],
        ])
        #expect(response.status == 200)
        #expect(response.json["id"] == "800000000001")
        #expect(response.json["amount_off"] == "5.00")
        #expect(response.json["percent_off"] == .null)
        #expect(response.json["ticket_class_ids"] == [])
        #expect(response.json["quantity_sold"] == 0)
        #expect(response.json["start_date"] == "2030-01-01T00:00:00")
        #expect(response.json["end_date_relative"] == 3600)
        #expect(try server.eventbrite("GET", "/discounts/800000000001/").json == response.json)
        // An access code takes nothing off unless told to; an organization-wide one has no event.
        let access = try server.eventbrite("POST", "/organizations/12345/discounts/", json: ["discount": ["type": "access", "code": "OPEN_SESAME"]])
        #expect(access.json["amount_off"] == .null)
        #expect(access.json["event_id"] == .null)
        #expect(try server.eventbrite("GET", "/organizations/12345/discounts/?scope=multi_events").ids("discounts") == ["800000000002"])
        // The same code again in the same event.
        #expect(try server.eventbrite("POST", "/organizations/12345/discounts/", json: ["discount": ["type": "coded", "code": "spring-24", "event_id": "12345"]]).json
            == Bodies.error(400, "BAD_REQUEST", "The resource you're creating already exists."))
    }

    @Test func createArgumentErrors() throws {
        let path = "/organizations/12345/discounts/"
        #expect(try server.eventbrite("POST", path, json: ["discount": [:]]).json
            == Bodies.arguments(["discount.type": "MISSING", "discount.code": "MISSING"]))
        #expect(try server.eventbrite("POST", path, json: [
            "discount": ["type": "raffle", "code": "has space", "amount_off": "100000", "percent_off": 0.5, "event_id": "3564383166",
                         "start_date_relative": 90, "quantity_available": -1, "hold_ids": ["X1"], "colour": "red"],
        ]).json == Bodies.arguments([
            "discount.colour": "Unknown parameter", "discount.type": "INVALID", "discount.amount_off": "INVALID",
            "discount.percent_off": "INVALID", "discount.event_id": "INVALID", "discount.quantity_available": "INVALID",
            "discount.start_date_relative": "INVALID", "discount.hold_ids": "INVALID", "discount.code": "INVALID",
        ]))
        // Ticket classes narrow an event discount: they need the event, and must be its own.
        #expect(try server.eventbrite("POST", path, json: ["discount": ["type": "coded", "code": "A", "ticket_class_ids": ["12345"]]]).json
            == Bodies.arguments(["discount.ticket_class_ids": "INVALID"]))
        #expect(try server.eventbrite("POST", path, json: ["discount": ["type": "coded", "code": "A", "event_id": "12345", "ticket_class_ids": ["99112"]]]).json
            == Bodies.arguments(["discount.ticket_class_ids": "INVALID"]))
        #expect(try server.eventbrite("POST", path, json: ["discount": ["type": "coded", "code": "A", "ticket_group_id": "1"]]).json
            == Bodies.arguments(["discount.ticket_group_id": "INVALID"]))
        // A hold of the organization's events may be named.
        #expect(try server.eventbrite("POST", path, json: ["discount": ["type": "hold", "code": "PRESS", "event_id": "12345", "hold_ids": ["I988"]]]).status
            == 200)
    }

    /// A body that breaks one rule, and the constant it answers with.
    static let createCases: [(JSONValue, String)] = [
        (["type": "coded", "code": "A", "amount_off": "1.00", "percent_off": "10"], "AMOUNT_AND_PERCENT_OFF_PROVIDED"),
        (["type": "coded", "code": "A", "end_date": "2031-01-01T00:00:00", "end_date_relative": 120], "END_DATE_AND_END_DATE_RELATIVE_PROVIDED"),
        (["type": "coded", "code": "A", "start_date": "2031-01-01T00:00:00", "start_date_relative": 120],
         "START_DATE_AND_START_DATE_RELATIVE_PROVIDED"),
        (["type": "public", "code": "Everyone", "percent_off": "10"], "MULTI_EVENT_DISCOUNT_NOT_SUPPORTED"),
    ]

    @Test(arguments: createCases)
    func createConstants(fields: JSONValue, code: String) throws {
        let response = try server.eventbrite("POST", "/organizations/12345/discounts/", json: ["discount": fields])
        #expect(response.status == 400)
        #expect(response.json["error"] == .string(code), "\(response.text)")
    }

    @Test func aPublicDiscountCannotCoverATicketGroup() throws {
        let group = try server.eventbrite("POST", "/organizations/12345/ticket_groups/", json: ["ticket_group": ["name": "Season"]])
        let id = try #require(group.json["id"]?.stringValue)
        #expect(try server.eventbrite("POST", "/organizations/12345/discounts/", json: [
            "discount": ["type": "public", "code": "Group", "percent_off": "10", "ticket_group_id": .string(id)],
        ]).json["error"] == "PUBLIC_DISCOUNT_NOT_SUPPORTED")
        let coded = try server.eventbrite("POST", "/organizations/12345/discounts/", json: [
            "discount": ["type": "coded", "code": "GROUP10", "percent_off": "10", "ticket_group_id": .string(id)],
        ])
        #expect(coded.json["ticket_group_id"] == .string(id))
        #expect(try server.eventbrite("GET", "/discounts/\(coded.json["id"]?.stringValue ?? "")/?expand=ticket_group").json["ticket_group"]?["name"]
            == "Season")
        #expect(try server.eventbrite("GET", "/organizations/12345/discounts/?scope=multi_events&ticket_group_id=\(id)").ids("discounts")
            == [coded.json["id"] ?? .null].compactMap(\.stringValue))
    }

    @Test func aHoldTakesAtMostOneHundredDiscounts() throws {
        for number in 1...100 {
            let response = try server.eventbrite("POST", "/organizations/12345/discounts/", json: [
                "discount": ["type": "hold", "code": .string("HOLD\(number)"), "event_id": "12345", "hold_ids": ["I989"]],
            ])
            #expect(response.status == 200)
            if response.status != 200 { break }
        }
        #expect(try server.eventbrite("POST", "/organizations/12345/discounts/", json: [
            "discount": ["type": "hold", "code": "HOLD101", "event_id": "12345", "hold_ids": ["I989"]],
        ]).json == Bodies.error(400, "EXCEED_MAXIMUM_DISCOUNTS_PER_HOLD", "Number of discounts per hold cannot exceed 100"))
        #expect(try server.eventbrite("GET", "/organizations/12345/discounts/?scope=user&hold_ids=I989&page_size=200").pagination["object_count"] == 100)
    }

    @Test func updatesAndDeletes() throws {
        let updated = try server.eventbrite("POST", "/discounts/99001/", json: ["discount": ["percent_off": "15", "quantity_available": 3]])
        #expect(updated.json["percent_off"] == "15.00")
        #expect(updated.json["type"] == "access")
        #expect(updated.json["quantity_available"] == 3)
        // A used discount keeps its type, and stays.
        #expect(try server.eventbrite("POST", "/discounts/12345/", json: ["discount": ["type": "access"]]).json
            == Bodies.arguments(["discount.type": "INVALID"]))
        #expect(try server.eventbrite("DELETE", "/discounts/12345/").json
            == Bodies.error(400, "DISCOUNT_CANNOT_BE_DELETED", "A discount that has been used cannot be deleted."))
        // The deleted discount is the answer (A14); then it is gone.
        let deleted = try server.eventbrite("DELETE", "/discounts/99001/")
        #expect(deleted.status == 200)
        #expect(deleted.json["id"] == "99001")
        #expect(deleted.json["percent_off"] == "15.00")
        #expect(try server.eventbrite("GET", "/discounts/99001/").json == Bodies.notFound("discount_id"))
        #expect(!(try server.eventbrite("GET", "/organizations/12345/discounts/?scope=user").ids("discounts").contains("99001")))
        #expect(try server.eventbrite("DELETE", "/discounts/99001/").json == Bodies.notFound("discount_id"))
        #expect(try server.eventbrite("POST", "/discounts/99001/", json: ["discount": ["code": "X"]]).json == Bodies.notFound("discount_id"))
    }

    @Test func theEventsDiscountEndpointsOfThePythonSDK() throws {
        let created = try server.eventbrite("POST", "/events/17937020110/discounts/", json: [
            "discount": ["code": "SDK10", "percent_off": "10", "ticket_ids": ["17937020111"], "quantity_available": 2],
        ])
        #expect(created.status == 200)
        #expect(created.json["type"] == "coded")
        #expect(created.json["event_id"] == "17937020110")
        #expect(created.json["ticket_class_ids"] == ["17937020111"])
        let id = try #require(created.json["id"]?.stringValue)
        #expect(try server.eventbrite("GET", "/events/17937020110/discounts/").ids("discounts") == ["99003", id])
        #expect(try server.eventbrite("GET", "/events/17937020110/discounts/\(id)/").json["code"] == "SDK10")
        #expect(try server.eventbrite("GET", "/events/12345/discounts/\(id)/").json == Bodies.notFound("discount_id"))
        #expect(try server.eventbrite("POST", "/events/17937020110/discounts/", json: ["discount": ["code": "X", "event_id": "12345"]]).json
            == Bodies.arguments(["discount.event_id": "INVALID"]))
        #expect(try server.eventbrite("GET", "/events/\(Seed.publicEvent)/discounts/").json == Bodies.notAuthorized)
    }

    @Test func usingADiscountCountsAndLimitsIt() throws {
        // Discount 12345 (20 % off ticket 12345 of event 12345) was used once; it allows five.
        let order = try server.placeOrder(event: "12345", ticketClass: "12345", extra: ["promo_code": "ABCDE"])
        let placed = try server.eventbrite("GET", "/orders/\(order.order)/")
        #expect(placed.json["promo_code"] == "abcde")
        #expect(placed.json["costs"]?["base_price"]?["value"] == 3600)
        #expect(placed.json["costs"]?["discount_amount"]?["value"] == 900)
        #expect(placed.json["costs"]?["price_before_discount"]?["value"] == 4500)
        #expect(try server.eventbrite("GET", "/events/12345/attendees/\(order.attendees[0])/").json["variant_id"] == "T12345-D12345")
        #expect(try server.eventbrite("GET", "/discounts/12345/").json["quantity_sold"] == 2)
        for _ in 0..<3 { try server.placeOrder(event: "12345", ticketClass: "12345", extra: ["promo_code": "abcde"]) }
        let exhausted = try server.request("POST", "/_understudy/eventbrite/orders", json: [
            "event_id": "12345", "email": "late@example.com", "promo_code": "abcde", "tickets": [["ticket_class_id": "12345"]],
        ])
        #expect(exhausted.json == Bodies.arguments(["promo_code": "INVALID"]))
    }
}
