import Emulation
import TestSupport
import Testing

/// Registrations R1–R8 (spec §7.3, §11.11, §13.3).
@Suite struct RegistrationsTests {
    static let base = "/biscuit-box/2018/registrations"
    static let john = base + "/reg_test_ds7qNqJ4s4doDMeh1VogTrw"
    static let alice = base + "/reg_test_dQm4Lk8sPz2vXc7NbR1tYwE"

    static let registrationKeys = [
        "_type", "id", "slug", "billing_address", "created_at", "updated_at", "company_name", "completed_at", "discount_code",
        "email", "expires_at", "ip_address", "locale", "metadata", "name", "payment_reference", "phone_number",
        "registration_type", "reference", "source", "state", "test_mode", "total", "consented_at", "paid", "payment",
        "refunded", "receipt_paid", "total_less_tax", "tickets_count", "quantities", "receipts", "refunds", "tickets",
        "line_items",
    ]

    @Test func theListHidesCancelledRegistrations() throws {
        let server = try TestServer()
        let response = try server.tito("GET", Self.base)
        #expect(response.status == 200)
        #expect(keys(response.json) == ["registrations", "meta"])
        #expect(response.ids("registrations") == [3509401, 3509397])
        let john = response.json["registrations"]?[1]
        #expect(keys(john) == Self.registrationKeys)
        #expect(john?["expires_at"] == "2018-11-12 13:50:44 +0000")
        #expect(john?["created_at"] == "2018-11-12T13:35:44.000+00:00")
        #expect(john?["total"] == "0.0")
        #expect(john?["paid"] == false)
        #expect(john?["receipt_paid"] == true)
        #expect(john?["quantities"] == ["coffee-brewing": ["release": "Coffee Brewing", "quantity": 1]])
        #expect(john?["tickets"]?[0]?["slug"] == "ti_dhlR2CSzh59ZLht5ELPkxjg")
        #expect(john?["tickets"]?[0]?["registration"] == .null)
        #expect(john?["receipts"] == [[
            "_type": "receipt", "id": 1, "number": "0000001", "total": "0.0", "tax": 0, "total_less_tax": "0.0",
            "payment_provider": nil, "payment_reference": nil, "paid": true,
        ]])
        let alice = response.json["registrations"]?[0]
        #expect(alice?["tickets_count"] == 2)
        #expect(alice?["paid"] == true)
        #expect(alice?["quantities"] == [
            "coffee-brewing": ["release": "Coffee Brewing", "quantity": 1], "vip-tasting": ["release": "VIP Tasting", "quantity": 1],
        ])
        #expect(alice?["line_items"]?[1] == [
            "_type": "line_item", "id": 3800652, "release_slug": "vip-tasting", "release_id": 1105526, "release_title": "VIP Tasting",
            "release_price": "250.0", "release": ["slug": "vip-tasting", "title": "VIP Tasting", "price": "250.0", "metadata": [:]],
            "price": "250.0", "title": "VIP Tasting", "quantity": 1, "total": "250.0", "currency": "USD",
        ])
        let meta = response.meta
        #expect(meta["total_count"] == 2)
        #expect(meta["overall_total"] == 3)
        #expect(meta["resources_hidden_by_default_count"] == 1)
        #expect(meta["search_states_hidden_by_default"] == ["cancelled"])
        #expect(meta["filter_options"]?["selected_states"] == ["paid", "unpaid", "complete", "confirmed", "incomplete"])
        #expect(meta["filter_options"]?["states"]?[5] == ["label": "Cancelled", "value": "cancelled"])
    }

    @Test func statesSearchTimeAndSortsNarrowAndOrderTheList() throws {
        let server = try TestServer()
        func ids(_ query: String) throws -> [Int64] { try server.tito("GET", Self.base + "?" + query).ids("registrations") }
        #expect(try ids("search[states][]=cancelled") == [3509402])
        #expect(try ids("search[states][]=paid") == [3509401, 3509397])
        #expect(try ids("search[states][]=unpaid") == [])
        #expect(try ids("search[states][]=complete&search[states][]=cancelled") == [3509402, 3509401, 3509397])
        #expect(try ids("search[states][]=confirmed") == [])
        #expect(try server.tito("GET", Self.base + "?search[states][]=cancelled").meta["resources_hidden_by_default_count"] == 0)
        #expect(try ids("q=alice") == [3509401])
        #expect(try ids("search[q]=zbre") == [3509397])
        #expect(try ids("q=beanster") == [3509401])
        #expect(try ids("search[created_at][gt]=2018-11-12T13:35:44Z") == [3509401])
        #expect(try ids("search[updated_at][lte]=2018-11-12%2013:35:44%20UTC") == [3509397])
        #expect(try ids("search[sort]=name") == [3509401, 3509397])
        #expect(try ids("search[sort]=name&search[direction]=desc") == [3509397, 3509401])
        #expect(try ids("search[sort]=total&search[direction]=desc") == [3509401, 3509397])
        #expect(try ids("search[sort]=reference") == [3509401, 3509397])
        #expect(try ids("search[sort]=payment_provider") == [3509397, 3509401])
        #expect(try ids("search[sort]=created_at&search[direction]=asc") == [3509397, 3509401])
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
        _ = try server.tito("PATCH", Self.john, json: ["registration": ["phone_number": "+353 1 234"]])
        #expect(try ids("search[sort]=updated_at") == [3509397, 3509401])
        #expect(try ids("search[sort]=updated_at&search[direction]=asc") == [3509401, 3509397])
        #expect(try ids("page[size]=1&page[number]=2") == [3509397])
        #expect(try ids("page[size]=1&page[number]=3") == [])
    }

    @Test func aRegistrationIsShownExtendedIfTheTokenSeesIt() throws {
        let server = try TestServer()
        let response = try server.tito("GET", Self.john)
        #expect(response.status == 200)
        #expect(keys(response.json["registration"]) == Self.registrationKeys + ["view"])
        #expect(try server.tito("GET", Self.base + "/3509397").json["registration"]?["reference"] == "ZBRE")
        #expect(try server.tito("GET", Self.base + "/reg_nope").json == TitoBodies.notFound)
        let live = "/ultimateconf/2024/registrations/"
        #expect(try server.tito("GET", live + "reg_dLv8Hq2WmZ4xK7pT1sN9cRb", token: TitoSeed.ultimateToken).status == 200)
        #expect(try server.tito("GET", live + "reg_dLv8Hq2WmZ4xK7pT1sN9cRb", token: TitoSeed.testToken).status == 404)
        #expect(try server.tito("GET", live + "4000002", token: TitoSeed.ultimateToken).status == 404)
        #expect(try server.tito("GET", String(live.dropLast()), token: TitoSeed.testToken).ids("registrations") == [4000002])
        // The cancelled registration shows its refund.
        let bob = try server.tito("GET", Self.base + "/3509402").json["registration"]
        #expect(bob?["refunds"]?[0]?["id"] == 123456)
        #expect(bob?["refunds"]?[0]?["amount"] == "100.0")
        #expect(bob?["tickets"]?[0]?["state"] == "void")
    }

    @Test func creatingARegistrationFollowsTheDocsExample() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-02-03T04:05:06Z")
        let response = try server.tito(
            "POST", Self.base,
            json: [
                "registration": [
                    "email": "jane@example.com", "name": "John Smith", "discount_code": "", "source": "",
                    "line_items": [["release_id": 123, "quantity": 1]],
                ]
            ])
        #expect(response.status == 201)
        let registration = response.json["registration"]
        #expect(registration?["id"] == 3509398)
        #expect(registration?["email"] == "jane@example.com")
        #expect(registration?["source"] == .null)
        #expect(registration?["discount_code"] == .null)
        #expect(registration?["registration_type"] == "manual")
        #expect(registration?["state"] == "complete")
        #expect(registration?["receipt_paid"] == true)
        #expect(registration?["ip_address"] == "127.0.0.1")
        #expect(registration?["expires_at"] == "2025-02-03 04:20:06 +0000")
        #expect(registration?["completed_at"] == "2025-02-03T04:05:06.000+00:00")
        #expect(registration?["tickets_count"] == 1)
        #expect(registration?["receipts"]?[0]?["number"] == "0000004")
        let ticket = registration?["tickets"]?[0]
        #expect(ticket?["first_name"] == "John")
        #expect(ticket?["last_name"] == "Smith")
        #expect(ticket?["email"] == "jane@example.com")
        #expect(ticket?["state"] == "complete")
        #expect(ticket?["release_slug"] == "5k-stretch")
        #expect(try server.tito("GET", Self.base).meta["total_count"] == 3)
    }

    @Test func severalTicketsStayUnassignedAndTakeTheDiscount() throws {
        let server = try TestServer()
        let response = try server.tito(
            "POST", Self.base,
            json: [
                "registration": [
                    "email": "team@example.com", "name": "Team Lead", "discount_code": "save10", "source": "partner",
                    "line_items": [["release_id": "coffee-brewing", "quantity": "2"], ["release_id": "5k-stretch"]],
                ]
            ])
        #expect(response.status == 201)
        let registration = response.json["registration"]
        #expect(registration?["total"] == "180.0")
        #expect(registration?["paid"] == true)
        #expect(registration?["receipt_paid"] == false)
        #expect(registration?["discount_code"] == "SAVE10")
        #expect(registration?["source"] == "partner")
        #expect(registration?["tickets_count"] == 3)
        let tickets = registration?["tickets"]?.arrayValue ?? []
        #expect(tickets.map { $0["state"] } == ["new", "new", "new"])
        #expect(tickets.map { $0["price"] } == ["90.0", "90.0", "0.0"])
        #expect(tickets.map { $0["discount_code_used"] } == ["SAVE10", "SAVE10", .null])
        #expect(tickets.map { $0["email"] } == [.null, .null, .null])
        #expect(registration?["line_items"]?[0]?["price"] == "90.0")
        #expect(registration?["line_items"]?[0]?["total"] == "180.0")
        let coffee = try server.tito("GET", "/biscuit-box/2018/releases/coffee-brewing").json["release"]
        #expect(coffee?["tickets_count"] == 4)
        #expect(coffee?["discounted_tickets_count"] == 2)
        #expect(coffee?["gross_income"] == "280.0")
        let unpaid = try server.tito("GET", Self.base + "?search[states][]=unpaid")
        #expect(unpaid.ids("registrations") == [registration?["id"]?.intValue ?? 0])
    }

    @Test func invalidRegistrationsAreRefused() throws {
        let server = try TestServer()
        #expect(try server.tito("POST", Self.base, json: ["registration": ["name": "X"]]).json
            == TitoBodies.errors(["line_items": ["can't be blank"]]))
        #expect(try server.tito("POST", Self.base, json: ["registration": ["line_items": []]]).json
            == TitoBodies.errors(["line_items": ["can't be blank"]]))
        #expect(try server.tito("POST", Self.base, json: ["registration": ["line_items": [["release_id": "early-bird"]]]]).json
            == TitoBodies.errors(["line_items": ["is invalid"]]))
        #expect(try server.tito("POST", Self.base, json: ["registration": ["line_items": [["release_id": 123, "quantity": 0]]]]).json
            == TitoBodies.errors(["line_items": ["is invalid"]]))
        #expect(
            try server.tito(
                "POST", Self.base,
                json: ["registration": ["email": "bad", "discount_code": "NOPE", "line_items": [["release_id": 123]]]]
            ).json == TitoBodies.errors(["email": ["is invalid"], "discount_code": ["is invalid"]]))
        let soldOut = try server.tito("POST", Self.base, json: ["registration": ["line_items": [["release_id": "vip-tasting", "quantity": 20]]]])
        #expect(soldOut.status == 422)
        #expect(soldOut.json == TitoBodies.errors(["base": ["VIP Tasting is sold out"]]))
        #expect(try server.tito("POST", Self.base, json: ["registration": ["line_items": [["release_id": "vip-tasting", "quantity": 19]]]]).status == 201)
        #expect(try server.tito("GET", Self.base).meta["overall_total"] == 4)
    }

    @Test func updatingARegistrationAnswersWithTheFormEnvelope() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2018-11-19T14:28:11Z")
        let response = try server.tito("PATCH", Self.john, json: ["registration": ["email": "john@example.com"]])
        #expect(response.status == 200)
        #expect(keys(response.json) == [
            "email", "metadata", "name", "payment_reference", "phone_number", "source", "registration", "total", "update_receipt",
            "billing_address_attributes", "receipt_lines_attributes",
        ])
        #expect(
            response.json["registration"]
                == [
                    "event_id": 1058586, "id": 3509397, "name": "John Smith", "email": "john@example.com",
                    "slug": "reg_test_ds7qNqJ4s4doDMeh1VogTrw", "created_at": "2018-11-12T13:35:44.000+00:00",
                    "updated_at": "2018-11-19T14:28:11.000+00:00", "discount_code": nil, "user_id": nil, "ip_address": "127.0.0.1",
                    "payment_option_id": nil, "expires_at": "2018-11-12T13:50:44.000+00:00", "reference": "ZBRE",
                    "payment_reference": nil, "cached_total": "0.0", "processing_job_id": nil,
                    "completed_at": "2018-11-12T13:35:44.000+00:00", "state": "complete", "registration_type": "manual",
                    "billing_address_id": nil, "company_name": "", "source": nil, "receipt_paid": true, "payment_option_name": nil,
                    "locale": "en", "phone_number": "", "metadata": [:], "prefill_id": nil, "test_mode": true, "consented_at": nil,
                    "data_security_consent_id": nil, "data_security_terms_and_condition_id": nil,
                ])
        #expect(response.json["update_receipt"] == true)
        #expect(response.json["billing_address_attributes"] == [:])
        let changed = try server.tito(
            "PATCH", Self.john,
            json: [
                "registration": [
                    "name": "Johnny Smith", "total": "12.5", "metadata": ["crm": 7], "source": "phone",
                    "billing_address_attributes": ["city": "Dublin", "country": "IE"],
                ]
            ])
        #expect(changed.json["name"] == "Johnny Smith")
        #expect(changed.json["total"] == "12.5")
        #expect(changed.json["metadata"] == ["crm": 7])
        #expect(changed.json["billing_address_attributes"] == ["city": "Dublin", "country": "IE"])
        #expect(changed.json["registration"]?["billing_address_id"] == 1)
        let shown = try server.tito("GET", Self.john).json["registration"]
        #expect(shown?["total"] == "12.5")
        #expect(shown?["source"] == "phone")
        #expect(shown?["billing_address"]?["city"] == "Dublin")
        #expect(shown?["billing_address"]?["_type"] == "billing_address")
        #expect(try server.tito("PATCH", Self.john, json: ["registration": ["total": "lots", "email": "x"]]).json
            == TitoBodies.errors(["email": ["is invalid"], "total": ["is not a number"]]))
    }

    @Test func confirmationsMarkARegistrationPaidAndUnpaid() throws {
        let server = try TestServer()
        let unpaid = try server.tito("DELETE", Self.alice + "/confirmations")
        #expect(unpaid.status == 200)
        #expect(unpaid.json["registration"]?["receipt_paid"] == false)
        #expect(try server.tito("GET", Self.base + "?search[states][]=unpaid").ids("registrations") == [3509401])
        #expect(try server.tito("GET", Self.alice).json["registration"]?["receipts"]?[0]?["paid"] == false)
        for _ in 0..<2 {
            let paid = try server.tito("POST", Self.alice + "/confirmations")
            #expect(paid.json["registration"]?["receipt_paid"] == true)
        }
        #expect(try server.tito("GET", Self.base + "?search[states][]=unpaid").ids("registrations") == [])
        #expect(try server.tito("POST", Self.base + "/reg_nope/confirmations").status == 404)
    }

    @Test func refundingARegistrationRecordsARefund() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-02-03T04:05:06Z")
        #expect(try server.tito("POST", Self.alice + "/refunds", json: ["refund": [:]]).json
            == TitoBodies.errors(["manual": ["is not included in the list"]]))
        let response = try server.tito("POST", Self.alice + "/refunds", json: ["refund": ["manual": false]])
        #expect(response.status == 201)
        #expect(response.json["refund"]?["id"] == 123457)
        #expect(response.json["refund"]?["amount"] == "350.0")
        #expect(response.json["refund"]?["manual"] == false)
        #expect(response.json["refund"]?["created_at"] == "2025-02-03T04:05:06.000+00:00")
        #expect(response.json["refund"]?["registration"]?["refunded"] == true)
        let alice = try server.tito("GET", Self.alice).json["registration"]
        #expect(alice?["refunded"] == true)
        #expect(alice?["refunds"]?[0]?["id"] == 123457)
        #expect(alice?["tickets"]?[0]?["state"] == "complete")
        #expect(try server.tito("POST", Self.alice + "/refunds", json: ["refund": ["manual": "true"]]).json
            == TitoBodies.errors(["base": ["Registration can't be refunded"]]))
        // The docs' refund example, against their free registration: refunded once, for 0.0.
        let free = try server.tito("POST", Self.john + "/refunds", json: ["refund": ["manual": false]])
        #expect(free.status == 201)
        #expect(free.json["refund"]?["id"] == 123458)
        #expect(free.json["refund"]?["amount"] == "0.0")
        #expect(free.json["refund"]?["registration"]?["refunded"] == true)
        #expect(try server.tito("POST", Self.john + "/refunds", json: ["refund": ["manual": true]]).json
            == TitoBodies.errors(["base": ["Registration can't be refunded"]]))
        #expect(try server.tito("POST", Self.base + "/3509402/refunds", json: ["refund": ["manual": true]]).status == 422)
        #expect(try server.tito("GET", "/biscuit-box/2018/refunds").ids("refunds") == [123458, 123457, 123456])
    }

    @Test func aDeniedTokenCannotRefund() throws {
        let server = try TestServer()
        let refunds = try server.tito("GET", "/biscuit-box/2018/refunds", token: TitoSeed.limitedToken)
        #expect(refunds.status == 403)
        #expect(refunds.json == TitoBodies.forbidden("You are not authorized to access refunds"))
        let refund = try server.tito("POST", Self.alice + "/refunds", token: TitoSeed.limitedToken, json: ["refund": ["manual": true]])
        #expect(refund.json == TitoBodies.forbidden("You are not authorized to access refunds"))
        // The same token may read registrations.
        #expect(try server.tito("GET", Self.alice, token: TitoSeed.limitedToken).status == 200)
    }

    @Test func cancellingARegistrationVoidsItsTickets() throws {
        let server = try TestServer()
        for _ in 0..<2 {
            let response = try server.tito("POST", Self.alice + "/cancellation")
            #expect(response.status == 200)
            #expect(response.json["registration"]?["state"] == "cancelled")
            #expect(response.json["registration"]?["tickets"]?.arrayValue?.allSatisfy { $0["state"] == "void" } == true)
        }
        #expect(try server.tito("GET", Self.base).ids("registrations") == [3509397])
        let vip = try server.tito("GET", "/biscuit-box/2018/releases/vip-tasting").json["release"]
        #expect(vip?["tickets_count"] == 0)
        #expect(vip?["voided_tickets_count"] == 1)
        #expect(vip?["quantity"] == 20)
        #expect(try server.tito("GET", "/biscuit-box/2018/tickets").ids("tickets") == [3068931])
    }
}
