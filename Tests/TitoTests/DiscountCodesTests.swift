import Emulation
import TestSupport
import Testing

/// Discount codes D1–D5 (spec §11.6, §13.5).
@Suite struct DiscountCodesTests {
    static let save10: JSONValue = [
        "_type": "discount_code", "id": 5319076, "code": "SAVE10", "end_at": nil, "max_quantity_per_release": nil,
        "min_quantity_per_release": nil, "only_show_attached": false, "quantity": nil, "quantity_used": 0, "release_ids": [],
        "reveal_secret": nil, "start_at": nil, "type": "PercentOffDiscountCode", "value": "10.0", "source": nil,
    ]

    static let stateOptions: JSONValue = [
        ["label": "Current", "value": "current"], ["label": "Past", "value": "past"],
        ["label": "Upcoming", "value": "upcoming"], ["label": "Used", "value": "used"], ["label": "Unused", "value": "unused"],
    ]

    static func codes(_ server: TestServer, _ query: String = "") throws -> [String] {
        try server.event("GET", "/discount_codes\(query)").values("discount_codes", "code").compactMap(\.stringValue)
    }

    @Test func theListHidesPastCodesByDefault() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let response = try server.event("GET", "/discount_codes")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/discount_codes")
        #expect(response.json == [
            "discount_codes": [Self.save10],
            "meta": [
                "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 1, "per_page": 100,
                "overall_total": 2, "resources_hidden_by_default_count": 1, "search_states_hidden_by_default": ["past"],
                "filter_options": [
                    "sections": ["states": ["label": "Status", "open": false]], "collection": false,
                    "states": Self.stateOptions, "selected_states": ["current", "upcoming", "used", "unused"],
                ],
            ],
        ])
        let past = try server.event("GET", "/discount_codes?search[states][]=past")
        #expect(past.values("discount_codes", "code") == ["EARLYBIRD"])
        #expect(past.meta["resources_hidden_by_default_count"] == 0)
        #expect(past.meta["filter_options"]?["selected_states"] == ["past"])
        #expect(past.json["discount_codes"]?[0]?["end_at"] == "2018-10-01T00:00:00.000+00:00")
        #expect(try Self.codes(server, "?search[states][]=current&search[states][]=past") == ["SAVE10", "EARLYBIRD"])
        #expect(try Self.codes(server, "?search[states]=past,current") == ["SAVE10", "EARLYBIRD"])
        // Unknown states filter nothing and are not echoed; the list is then unfiltered.
        let unknown = try server.event("GET", "/discount_codes?search[states][]=expired&search[states][]=past")
        #expect(unknown.meta["filter_options"]?["selected_states"] == ["past"])
        let none = try server.event("GET", "/discount_codes?search[states][]=expired")
        #expect(none.values("discount_codes", "code") == ["SAVE10", "EARLYBIRD"])
        #expect(none.meta["filter_options"]?["selected_states"] == [])
        #expect(none.meta["resources_hidden_by_default_count"] == 0)
        // Before EARLYBIRD ended, it was current.
        try server.freezeClock(at: "2018-09-15T00:00:00Z")
        #expect(try Self.codes(server) == ["SAVE10", "EARLYBIRD"])
    }

    @Test func statesFilterOnTimeAndUsage() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let created = try server.event("POST", "/discount_codes", json: [
            "discount_code": ["code": "LATER", "type": "MoneyOffDiscountCode", "value": 5, "start_at": "2026-01-01T00:00:00Z"],
        ])
        #expect(created.status == 201)
        #expect(try Self.codes(server) == ["SAVE10", "LATER"])
        #expect(try Self.codes(server, "?search[states][]=upcoming") == ["LATER"])
        #expect(try Self.codes(server, "?search[states][]=current") == ["SAVE10"])
        // Tickets that used a code count towards quantity_used, case-insensitively, void ones too.
        try server.execute("UPDATE tito_tickets SET discount_code_used = 'save10' WHERE id IN (3068941, 3068943)")
        #expect(try server.event("GET", "/discount_codes/5319076").json["discount_code"]?["quantity_used"] == 2)
        #expect(try Self.codes(server, "?search[states][]=used") == ["SAVE10"])
        // Naming only a usage state leaves the time group unfiltered: past codes show too.
        #expect(try Self.codes(server, "?search[states][]=unused") == ["EARLYBIRD", "LATER"])
        #expect(try Self.codes(server, "?search[states][]=unused&search[states][]=past") == ["EARLYBIRD"])
        #expect(try Self.codes(server, "?search[states][]=used&search[states][]=unused") == ["SAVE10", "EARLYBIRD", "LATER"])
        // The test token sees test tickets only; these are test tickets, so the count is the same.
        #expect(try server.event("GET", "/discount_codes/5319076", token: TitoSeed.testToken)
            .json["discount_code"]?["quantity_used"] == 2)
    }

    @Test func sortByCodeAndPage() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let all = "?search[states][]=current&search[states][]=past"
        #expect(try Self.codes(server, all + "&search[sort]=code") == ["EARLYBIRD", "SAVE10"])
        #expect(try Self.codes(server, all + "&search[sort]=code&search[direction]=desc") == ["SAVE10", "EARLYBIRD"])
        let page = try server.event("GET", "/discount_codes\(all)&search[sort]=code&page[size]=1&page[number]=2")
        #expect(page.values("discount_codes", "code") == ["SAVE10"])
        #expect(page.pagination() == pageMeta(page: 2, prev: 1, pages: 2, count: 2, per: 1, overall: 2))
    }

    @Test func getIsTheDocsExample() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/discount_codes/5319076")
        response.expectRecord("discount_code", route: "GET /v3/{account_slug}/{event_slug}/discount_codes/{discount_code_id}")
        var expected = Self.save10.objectValue!
        expected.append("view", "extended")
        #expect(response.json["discount_code"] == .object(expected))
        try server.event("GET", "/discount_codes/SAVE10").expectNotFound()
        try server.tito("GET", Subresource.otherEvent + "/discount_codes/5319076").expectNotFound()
    }

    @Test func createIsTheDocsExampleAndCountsOnTheEvent() throws {
        let server = try TestServer()
        let response = try server.event("POST", "/discount_codes", json: [
            "discount_code": ["code": "SAVE50", "type": "PercentOffDiscountCode", "value": "50.0"],
        ])
        response.expectRecord("discount_code", status: 201, route: "POST /v3/{account_slug}/{event_slug}/discount_codes")
        #expect(response.json["discount_code"] == [
            "_type": "discount_code", "id": 5319079, "code": "SAVE50", "end_at": nil, "max_quantity_per_release": nil,
            "min_quantity_per_release": nil, "only_show_attached": false, "quantity": nil, "quantity_used": 0,
            "release_ids": [], "reveal_secret": false, "start_at": nil, "type": "PercentOffDiscountCode", "value": "50.0",
            "source": nil, "view": "extended",
        ])
        #expect(try server.tito("GET", Subresource.event).json["event"]?["discount_codes_count"] == 3)

        let full = try server.event("POST", "/discount_codes", json: [
            "discount_code": [
                "code": "CREW", "type": "MoneyOffDiscountCode", "value": "0.25e2", "quantity": "10",
                "max_quantity_per_release": 2, "min_quantity_per_release": "1", "only_show_attached": "true",
                "reveal_secret": 1, "release_ids": ["vip-tasting"], "start_at": "2018-11-01", "end_at": "2030-01-01T00:00:00+01:00",
            ],
        ])
        let code = full.json["discount_code"]
        #expect(full.status == 201)
        #expect(code?["value"] == "25.0")
        #expect(code?["quantity"] == 10)
        #expect(code?["max_quantity_per_release"] == 2)
        #expect(code?["min_quantity_per_release"] == 1)
        #expect(code?["only_show_attached"] == true)
        #expect(code?["reveal_secret"] == true)
        #expect(code?["release_ids"] == [1105526])
        #expect(code?["start_at"] == "2018-11-01T00:00:00.000+00:00")
        #expect(code?["end_at"] == "2029-12-31T23:00:00.000+00:00")
        #expect(try server.event("GET", "/discount_codes/\(code?["id"]?.intValue ?? 0)").json["discount_code"]?["code"] == "CREW")
    }

    @Test func createAndUpdateReportEveryInvalidAttribute() throws {
        let server = try TestServer()
        try server.event("POST", "/discount_codes").expectErrors([
            "code": ["can't be blank"], "type": ["can't be blank"], "value": ["can't be blank"],
        ])
        try server.event("POST", "/discount_codes", json: [
            "discount_code": ["code": "save10", "type": "HalfOffDiscountCode", "value": "lots", "quantity": "x",
                              "release_ids": [999], "end_at": "whenever", "reveal_secret": "maybe"],
        ]).expectErrors([
            "code": ["has already been taken"], "type": ["is not included in the list"], "value": ["is not a number"],
            "end_at": ["is invalid"], "quantity": ["is not a number"], "reveal_secret": ["is not included in the list"],
            "release_ids": ["is invalid"],
        ])
        try server.event("POST", "/discount_codes", json: [
            "discount_code": ["code": "BIG", "type": "PercentOffDiscountCode", "value": 150],
        ]).expectErrors(["value": ["must be less than or equal to 100"]])
        try server.event("POST", "/discount_codes", json: [
            "discount_code": ["code": "NEG", "type": "MoneyOffDiscountCode", "value": "-5", "quantity": -1],
        ]).expectErrors(["quantity": ["must be greater than or equal to 0"], "value": ["must be greater than or equal to 0"]])
        // On update, the checks apply to the record as it would become.
        try server.event("PATCH", "/discount_codes/5319076", json: ["discount_code": ["code": "EarlyBird"]])
            .expectErrors(["code": ["has already been taken"]])
        try server.event("PATCH", "/discount_codes/5319077", json: ["discount_code": ["type": "PercentOffDiscountCode", "value": "101"]])
            .expectErrors(["value": ["must be less than or equal to 100"]])
        try server.event("PATCH", "/discount_codes/5319076", json: ["discount_code": ["code": "", "value": nil]])
            .expectErrors(["code": ["can't be blank"], "value": ["can't be blank"]])
        #expect(try server.tito("GET", Subresource.event).json["event"]?["discount_codes_count"] == 2)
    }

    @Test func updateChangesWhatIsSent() throws {
        let server = try TestServer()
        let response = try server.event("PATCH", "/discount_codes/5319076", json: ["discount_code": ["code": "SUPERSAVER"]])
        response.expectRecord("discount_code", route: "PATCH /v3/{account_slug}/{event_slug}/discount_codes/{discount_code_id}")
        var expected = Self.save10.objectValue!
        expected["code"] = "SUPERSAVER"
        expected.append("view", "extended")
        #expect(response.json["discount_code"] == .object(expected))
        // The same code, differently cased, is not a clash with itself.
        let recased = try server.event("PATCH", "/discount_codes/5319076", json: ["discount_code": ["code": "SuperSaver", "value": 12.5]])
        #expect(recased.status == 200)
        #expect(recased.json["discount_code"]?["value"] == "12.5")
        let read = try server.event("GET", "/discount_codes/5319076").json["discount_code"]
        #expect(read?["code"] == "SuperSaver")
        #expect(read?["type"] == "PercentOffDiscountCode")
        #expect(try server.event("PATCH", "/discount_codes/5319076", json: [:]).json["discount_code"]?["code"] == "SuperSaver")
    }

    @Test func deleteLowersTheEventsCount() throws {
        let server = try TestServer()
        try server.event("DELETE", "/discount_codes/5319076")
            .expectDeleted(route: "DELETE /v3/{account_slug}/{event_slug}/discount_codes/{discount_code_id}")
        try server.event("GET", "/discount_codes/5319076").expectNotFound()
        try server.event("DELETE", "/discount_codes/5319076").expectNotFound()
        #expect(try server.tito("GET", Subresource.event).json["event"]?["discount_codes_count"] == 1)
        // The code is free to be used again.
        let again = try server.event("POST", "/discount_codes", json: [
            "discount_code": ["code": "SAVE10", "type": "PercentOffDiscountCode", "value": "10"],
        ])
        #expect(again.status == 201)
    }

    @Test func onlyShowAttachedIsAlwaysABoolean() throws {
        let server = try TestServer()
        #expect(try server.event("GET", "/discount_codes/5319076").json["discount_code"]?["only_show_attached"] == false)
        let shown = try server.event("PATCH", "/discount_codes/5319076", json: ["discount_code": ["only_show_attached": true]])
        #expect(shown.json["discount_code"]?["only_show_attached"] == true)
        let reset = try server.event("PATCH", "/discount_codes/5319076", json: ["discount_code": ["only_show_attached": nil]])
        #expect(reset.status == 200)
        #expect(reset.json["discount_code"]?["only_show_attached"] == false)
        // reveal_secret keeps the null the docs' stored example shows.
        #expect(reset.json["discount_code"]?["reveal_secret"] == .null)
    }
}
