import Emulation
import Foundation
import TestSupport
import Testing

/// Order lists, single orders and the order body's validation (spec §5.5, §6.8).
@Suite struct OrdersTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    private func ids(_ query: String, token: String = BK.marketplace) throws -> [String] {
        try server.bk("GET", "/orders?fields=id&\(query)", token: token).ids
    }

    @Test func theDocsOrderRendersAsTheirSample() throws {
        let order = try server.bk("GET", "/orders/\(BK.oa)", token: BK.marketplace).json
        #expect(keys(order) == [
            "id", "code", "external_reference", "vendor_id", "date", "payment_date", "expire_date", "status", "lang", "currency", "email",
            "name", "company", "vat_number", "phone", "street", "streetnr", "zip", "city", "country", "internal_notes", "comment",
            "additional_information", "booking_channel", "cancellation_date", "total_invoice", "additional_discount", "redeemed_coupons",
            "redeemed_vouchers", "shipping_country", "shipping_city", "shipping_zip", "shipping_street", "shipping_streetnr", "shipping_name",
            "sale_params", "external_order_url", "affiliate_id", "email_newsletter_opt_in", "tickets", "voucherOrders", "products",
            "flexTickets",
        ])
        #expect(order["tickets"] == [[
            "id": "a1b2c3d4e5f6g7h8i9j0", "event_date_id": "c1d2e3f4g5h6i7j8k9l0", "date_id": "c1d2e3f4g5h6i7j8k9l0",
            "event_id": "e1f2g3h4i5j6k7l8m9n0", "code": "C6YH4Q", "status": "ACCEPTED", "comment": "Special seating requested",
            "cancellation_date": "", "vat": "0.00",
            "participants": [[
                "id": "p1aa3a67eb1f3aa2a8f712ba8bb6649d", "status": "ACCEPTED", "name": "Jane Doe", "email": "jane.doe@example.com",
                "phone": "+49 123 456 789", "comment": "Vegetarian meal required", "price_id": 5201, "price_value": "50.00", "price_title": "Adult",
                "vat": "0.00", "cancellation_date": "", "code": "PCG-JE53DT-BQ5", "checked_in": "2025-08-05T14:00:00Z",
                "entry_units": [["type": "ADULT"]],
                "redeemed_flexTicket": [
                    "id": "flex-123456", "redeemed_value": "10.00", "creation_date": "2025-08-05T07:31:02Z",
                    "purchasing_order_id": "8270e627a721c271205f103985f14d97",
                ],
            ]],
        ]])
        #expect(order["voucherOrders"] == [[
            "id": "cd0f8845f4f3b18c3c13e9e0865e49cc", "status": "ACCEPTED", "vat": "0.00",
            "voucher": ["id": "abcb45aba049ff4e77a0382c5c931b75", "code": "372FX-UNSH2-S3WRX", "value": "19.90", "currency": "EUR"],
        ]])
        #expect(order["total_invoice"] == "139.80")
        #expect(order["external_order_url"] == "")
    }

    @Test func listsAcceptedOrdersByDefault() throws {
        #expect(try ids("") == [BK.oa, BK.ob, BK.oc, BK.od])
        #expect(try ids("status=CANCELED") == [BK.oe])
        #expect(try ids("status=RESERVED") == [BK.of])
        #expect(try ids("status=ALL").count == 6)
        #expect(try server.bk("GET", "/vendors/\(BK.v1)/orders?fields=id&status=ALL").ids == [BK.od, BK.oe, BK.of])
        #expect(try server.bk("GET", "/vendors/\(BK.v3)/orders").json == BKBodies.notFound)
    }

    @Test func filtersByDatesCodesReferencesAndBookedDates() throws {
        #expect(try ids("start_date=2025-01-01T00:00:00Z&status=ALL") == [BK.oa, BK.oe, BK.of])
        #expect(try ids("end_date=2024-08-06T07:00:00Z") == [BK.ob, BK.oc])
        #expect(try ids("start_event_date=2030-06-15T00:00:00Z") == [BK.oa, BK.ob, BK.oc])
        #expect(try ids("end_event_date=2030-06-02T09:00:00Z&status=ALL") == [BK.od, BK.oe, BK.of])
        #expect(try ids("accept_code=PXG-VJ2T6U,VWR-3KD9A5") == [BK.oa, BK.od])
        #expect(try ids("accept_external_reference=EXT-REF-12345") == [BK.oa])
        #expect(try ids("accept_dates=\(BK.d11)") == [BK.ob, BK.oc])
        #expect(try ids("order=-date&limit=2") == [BK.oa, BK.od])
        #expect(try ids("order=vendor_id,name") == [BK.od, BK.oa, BK.ob, BK.oc])
    }

    @Test func refusesInvalidOrderBodies() throws {
        let value: JSONValue = [
            "date": "2030-01-01T00:00:00Z", "status": "ACCEPTED", "lang": "en", "currency": "EUR", "email": "a@example.com", "name": "An",
            "tickets": [["date_id": .string(BK.d3), "participants": [["price_id": 478]]]],
        ]
        let valid = value.objectValue!
        func post(_ change: (inout JSONObject) -> Void, token: String = BK.vendor) throws -> JSONValue {
            var body = valid
            change(&body)
            return try server.bk("POST", "/orders", token: token, json: .object(body)).json
        }
        #expect(try post { $0["date"] = nil } == BKBodies.property(#"The property "date" is required"#))
        #expect(try post { $0["status"] = "DONE" }
            == BKBodies.property(#"The property "status" must be one of "ACCEPTED", "CANCELED", "PENDING", "OPEN", "RESERVED""#))
        #expect(try post { $0["lang"] = "eng" } == BKBodies.property(#"The property "lang" must be exactly 2 characters long"#))
        #expect(try post { $0["currency"] = nil } == BKBodies.property(#"The property "currency" is required"#))
        #expect(try post { $0["email"] = "nobody" } == BKBodies.property(#"The property "email" must be a valid email address"#))
        #expect(try post { $0["name"] = "A" } == BKBodies.property(#"The property "name" must be at least 2 characters long"#))
        #expect(try post { $0["tickets"] = "x" } == BKBodies.property(#"The property "tickets" must be of type "array""#))
        #expect(try post { $0["tickets"] = [["date_id": .string(BK.d3)]] } == BKBodies.property(#"The property "tickets[0].participants" is required"#))
        #expect(try post { $0["tickets"] = [["date_id": .string(BK.d3), "participants": [["price_id": 478, "status": "MAYBE"]]]] }
            == BKBodies.property(#"The property "tickets[0].participants[0].status" must be one of "ACCEPTED", "CANCELED""#))
        #expect(try post { $0["tickets"] = [] } == BKBodies.rule("An order must contain at least one ticket or voucher"))
        #expect(try post { $0["tickets"] = [["date_id": "nope", "participants": [["price_id": 478]]]] } == BKBodies.rule("Date \"nope\" not found"))
        #expect(try post { $0["tickets"] = [["date_id": .string(BK.d3), "participants": [["name": "X"]]]] }
            == BKBodies.rule("A participant needs a price_id or a price_value"))
        #expect(try post({ $0["tickets"] = [
            ["date_id": .string(BK.d3), "participants": [["price_id": 478]]], ["date_id": .string(BK.d10), "participants": [["price_id": 5201]]],
        ] }, token: BK.marketplace) == BKBodies.rule("All items of an order must belong to the same vendor"))
        #expect(try post { $0["products"] = [["product_id": .string(BK.p1), "amount": 1]] } == BKBodies.rule("Product \"\(BK.p1)\" not found"))
        #expect(try post { $0["vendor_id"] = .string(BK.v3) } == BKBodies.unauthorized)
        #expect(try server.bk("POST", "/vendors/\(BK.v1)/orders", token: BK.marketplace, json: .object({
            var body = valid
            body["vendor_id"] = .string(BK.v3)
            return body
        }())).json == BKBodies.rule("The path vendor id and the body vendor_id do not match"))
    }

    @Test func customPricesNeedTheirScope() throws {
        let body: JSONValue = [
            "date": "2030-01-01T00:00:00Z", "status": "ACCEPTED", "lang": "en", "currency": "EUR", "email": "a@example.com", "name": "An",
            "tickets": [["date_id": .string(BK.d3), "participants": [["price_id": 478, "price_value": 80]]]],
        ]
        let limited = try server.issueToken(
            client: "mock-marketplace", secret: "mock-secret-marketplace", scope: "calendar_read orders_read_all orders_write_all")
        #expect(try server.bk("POST", "/orders", token: limited, json: body).json == BKBodies.rule("Custom prices are not allowed for this client"))
        let custom = try server.bk("POST", "/orders", token: BK.marketplace, json: body)
        #expect(custom.json["tickets"]?[0]?["participants"]?[0]?["price_value"] == "80.00")
        #expect(custom.json["tickets"]?[0]?["participants"]?[0]?["price_id"] == 478)
    }

    @Test func voucherOnlyOrdersAndFlexTicketsNeedNoDate() throws {
        let body: JSONValue = [
            "date": "2030-01-01T00:00:00Z", "status": "ACCEPTED", "lang": "en", "currency": "EUR", "email": "a@example.com", "name": "An",
            "voucherOrders": [["voucher": ["value": "25.00", "currency": "EUR"]]],
        ]
        let response = try server.bk("POST", "/orders", json: body)
        #expect(response.status == 201)
        #expect(response.json["vendor_id"] == .string(BK.v1))
        #expect(response.json["total_invoice"] == "25.00")
        #expect(response.json["booking_channel"] == [])
        #expect(response.json["voucherOrders"]?[0]?["voucher"]?["code"]?.stringValue?.count == 17)
        #expect(try server.bk("GET", "/vouchers?with_count=true").header("X-Total_Count") == "3")
    }

    @Test func anUnknownPathIsFoundOutBeforeABadBody() throws {
        for (method, path) in [("POST", "/vendors/unknown/orders"), ("PATCH", "/orders/unknown"), ("POST", "/orders/unknown/payments"),
                               ("PATCH", "/dates/unknown"), ("PATCH", "/events/unknown"), ("PATCH", "/products/unknown")]
        {
            #expect(try server.bk(method, path, body: "{broken").json == BKBodies.notFound, "\(method) \(path)")
        }
        #expect(try server.bk("POST", "/open_date_tickets/unknown/redeem", token: BK.museum, body: "{broken").json == BKBodies.notFound)
    }

    @Test func anotherVendorsOrderIsNotFound() throws {
        #expect(try server.bk("GET", "/orders/\(BK.oa)").json == BKBodies.notFound)
        #expect(try server.bk("PATCH", "/orders/\(BK.oa)", json: ["name": "Someone"]).json == BKBodies.notFound)
        #expect(try server.bk("GET", "/orders/nope").json == BKBodies.notFound)
    }

    /// A page of orders is read with what its orders embed rendered for all of them at once:
    /// each order still carries its own tickets (each with its own participants), product lines
    /// and voucher purchases, in creation order, however they interleave across orders.
    @Test func aPageCarriesEachOrdersOwnTicketsParticipantsAndLines() throws {
        let date = try #require(try server.bk(
            "POST", "/dates", json: ["event_id": .string(BK.e4), "date": "2030-09-01T10:00:00Z", "available_slots": 20, "total_slots": 20]
        ).json["id"]?.stringValue)
        func order(_ people: [[String]], products: [(String, Int)] = [], voucher: String? = nil) throws -> String {
            let value: JSONValue = [
                "date": "2030-01-01T00:00:00Z", "status": "ACCEPTED", "lang": "en", "currency": "EUR", "email": "guest@example.com",
                "name": "Guest Name",
                "tickets": .array(people.map { names in
                    ["date_id": .string(date), "participants": .array(names.map { ["name": .string($0), "price_id": 478] })]
                }),
            ]
            var body = try #require(value.objectValue)
            if !products.isEmpty {
                body["products"] = .array(products.map { ["product_id": .string($0.0), "amount": .int($0.1)] })
            }
            if let voucher { body["voucherOrders"] = [["voucher": ["value": .string(voucher), "currency": "EUR"]]] }
            let created = try server.bk("POST", "/orders", json: .object(body))
            #expect(created.status == 201)
            return try #require(created.json["id"]?.stringValue)
        }
        let first = try order([["Ada"], ["Bea", "Cem"]])
        let second = try order([["Dan", "Eva", "Fay"]], products: [(BK.p3, 2)], voucher: "25.00")
        let third = try order([["Gus"]], voucher: "10.00")
        // The first order's product line comes after the others' lines.
        #expect(try server.bk("PATCH", "/orders/\(first)", json: ["products": [["product_id": .string(BK.p3), "amount": 1]]]).status == 200)

        func names(_ order: JSONValue) -> [[String]] {
            (order["tickets"]?.arrayValue ?? []).map { ticket in
                (ticket["participants"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            }
        }
        let page = try server.bk("GET", "/orders?accept=\(first),\(second),\(third)")
        #expect(page.ids == [first, second, third])
        #expect(page.json.arrayValue?.map(names) == [[["Ada"], ["Bea", "Cem"]], [["Dan", "Eva", "Fay"]], [["Gus"]]])
        #expect(page.json.arrayValue?.map { $0["products"]?.arrayValue?.compactMap { $0["amount"] } } == [[1], [2], []])
        #expect(page.json.arrayValue?.map { $0["voucherOrders"]?.arrayValue?.compactMap { $0["voucher"]?["value"] } } == [[], ["25.00"], ["10.00"]])
        #expect(page.json.arrayValue?.map { $0["flexTickets"] } == [[], [], []])
        for (index, id) in [first, second, third].enumerated() {
            #expect(try server.bk("GET", "/orders/\(id)").json == page.json[index])
            let tickets = try server.bk("GET", "/orders/\(id)/tickets").json
            #expect(tickets.arrayValue?.map { $0["order"] } == page.json[index]?["tickets"]?.arrayValue?.map { _ in .string(id) })
            #expect(tickets.arrayValue?.map { $0["participants"]?.arrayValue?.compactMap { $0["ticket_id"] } ?? [] }
                == page.json[index]?["tickets"]?.arrayValue?.map { ticket in
                    (ticket["participants"]?.arrayValue ?? []).map { _ in ticket["id"] ?? .null }
                })
        }
        // A window of the page, and a sparse field list without what orders embed.
        let window = try server.bk("GET", "/orders?accept=\(first),\(second),\(third)&limit=2&offset=1")
        #expect(window.json.arrayValue?.map(names) == [[["Dan", "Eva", "Fay"]], [["Gus"]]])
        #expect(try server.bk("GET", "/orders?accept=\(first),\(second)&fields=id,code").json.arrayValue?.map { keys($0) } == [["id", "code"], ["id", "code"]])
    }

    @Test func aResellerChangesOnlyTheOrdersItCreated() throws {
        let lister = try server.issueToken(client: "mock-marketplace", secret: "mock-secret-marketplace", scope: "orders_read_all orders_write_owned")
        #expect(try server.bk("PATCH", "/orders/\(BK.od)", token: lister, json: ["name": "X"]).json == BKBodies.unauthorized)
        #expect(try server.bk("PATCH", "/orders/\(BK.od)", token: BK.reseller, json: ["name": "Erika M."]).json["name"] == "Erika M.")
    }
}

/// Payments of an order (spec §5.7, §7.6).
@Suite struct PaymentsTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func listsAnOrdersPaymentsAndRefunds() throws {
        let response = try server.bk("GET", "/orders/\(BK.od)/payments")
        #expect(response.json[0] == [
            "id": "7318b273add6571b6ea8e9b69cdbc7d8", "value": 90, "type": "payment", "code": "ThirdParty", "payment_method": "ThirdParty",
            "name": "Marketing Partner", "payment_date": "2024-08-06T07:36:35Z",
            "related_items": ["orders": [["id": "65098279518ee11cd3549c3afa68850c", "code": "PXG-VJ2T6U"]], "vouchers": [["id": "de8dd18ca8f38574488d21f02bcc11c8"]]],
        ])
        #expect(response.count == 2)
        #expect(try server.bk("GET", "/orders/\(BK.of)/payments").json == [])
        #expect(try server.bk("GET", "/orders/\(BK.oa)/payments").json == BKBodies.notFound)
    }

    @Test func recordsPaymentsAndMarksTheOrderPaid() throws {
        try server.freezeClock(at: "2030-02-01T12:00:00Z")
        let cash = try server.bk("POST", "/orders/\(BK.of)/payments", json: ["payment_method": "Cash", "value": "100.00", "type": "payment"])
        #expect(cash.json == ["code": "Cash", "name": "Cash", "value": 100, "type": "payment", "payment_date": "2030-02-01T12:00:00Z"])
        #expect(try server.bk("GET", "/orders/\(BK.of)").json["payment_date"] == "2030-02-01T12:00:00Z")
        let refund = try server.bk("POST", "/orders/\(BK.of)/payments", json: ["payment_method": "MobileApp", "value": -20.5, "type": "refund"])
        #expect(refund.json["name"] == "Mobile App")
        #expect(refund.json["value"] == -20.5)
        let listed = try server.bk("GET", "/orders/\(BK.of)/payments").json[1]
        #expect(listed?["related_items"] == ["orders": [["id": .string(BK.of), "code": "RSV-9KD3QA"]], "vouchers": []])
        #expect(try server.bk("POST", "/orders/\(BK.of)/payments", json: ["payment_method": "Card", "value": 1, "type": "payment"]).json
            == BKBodies.property(#"The property "payment_method" must be one of "ThirdParty", "Cash", "MobileApp""#))
        #expect(try server.bk("POST", "/orders/\(BK.of)/payments", json: ["payment_method": "Cash", "type": "payment"]).json
            == BKBodies.property(#"The property "value" is required"#))
    }
}
