import Emulation
import TestSupport
import Testing

/// Check-in lists C1–C5 (spec §11.5, §12.5).
@Suite struct CheckinListsTests {
    static let fieldOrder = [
        "_type", "id", "slug", "activity_ids", "expires_at", "question_ids", "release_ids", "show_company_name", "show_email",
        "show_phone_number", "title", "activities", "checkins", "questions", "releases", "tickets",
    ]

    static let bowling: JSONValue = [
        "_type": "checkin_list", "id": 1, "slug": "chk_d90KqwJIp9rfgkVzOCCTdMQ", "activity_ids": [], "expires_at": nil,
        "question_ids": [], "release_ids": [], "show_company_name": true, "show_email": true, "show_phone_number": true,
        "title": "Bowling Attendee List", "activities": [], "checkins": [], "questions": [], "releases": [], "tickets": [],
    ]

    @Test func theListIsInIdOrder() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/checkin_lists")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/checkin_lists")
        #expect(response.slugs("checkin_lists") == ["chk_d90KqwJIp9rfgkVzOCCTdMQ", "chk_el1ClfZxL8We2DHKtUzzoeg"])
        #expect(response.json["checkin_lists"]?[0] == Self.bowling)
        #expect(keys(response.json["checkin_lists"]?[1]) == Self.fieldOrder)
        #expect(response.meta == [
            "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 2, "per_page": 100,
            "overall_total": 2, "filter_options": emptyFilterOptions,
        ])
        // Paging works here (the live service's 500 on page[number] is not emulated, spec §15 A31).
        let second = try server.event("GET", "/checkin_lists?page[number]=2&page[size]=1")
        #expect(second.ids("checkin_lists") == [2])
        #expect(second.pagination() == pageMeta(page: 2, prev: 1, pages: 2, count: 2, per: 1, overall: 2))
    }

    @Test func getBySlugOrIdEmbedsTheReleases() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/checkin_lists/chk_el1ClfZxL8We2DHKtUzzoeg")
        response.expectRecord("checkin_list", route: "GET /v3/{account_slug}/{event_slug}/checkin_lists/{checkin_list_slug}")
        let list = response.json["checkin_list"]
        #expect(keys(list) == Self.fieldOrder + ["view"])
        #expect(list?["title"] == "Brew Master Check-In List")
        #expect(list?["release_ids"] == [1105525])
        #expect(list?["releases"]?[0]?["_type"] == "release")
        #expect(list?["releases"]?[0]?["slug"] == "coffee-brewing")
        #expect(list?["releases"]?[0]?["tickets_count"] == 2)
        #expect(list?["releases"]?[0]?["questions"] == [])
        #expect(try server.event("GET", "/checkin_lists/1").json["checkin_list"]?["slug"] == "chk_d90KqwJIp9rfgkVzOCCTdMQ")
        try server.event("GET", "/checkin_lists/chk_nope").expectNotFound()
        try server.tito("GET", Subresource.otherEvent + "/checkin_lists/chk_d90KqwJIp9rfgkVzOCCTdMQ").expectNotFound()
    }

    @Test func createGivesARandomSlugAndTheDefaults() throws {
        let server = try TestServer()
        let response = try server.event("POST", "/checkin_lists", json: ["checkin_list": ["title": "Bowling Attendee List"]])
        response.expectRecord("checkin_list", status: 201, route: "POST /v3/{account_slug}/{event_slug}/checkin_lists")
        var expected = Self.bowling.objectValue!
        let slug = response.json["checkin_list"]?["slug"]?.stringValue
        #expect(isRandomSlug(slug, prefix: "chk_"))
        expected["id"] = 3
        expected["slug"] = .string(slug)
        expected.append("view", "extended")
        #expect(response.json["checkin_list"] == .object(expected))

        let full = try server.event("POST", "/checkin_lists", json: [
            "checkin_list": [
                "title": "Dinner", "activity_ids": ["1019150"], "release_ids": ["coffee-brewing", 1105526],
                "question_ids": [1041930], "expires_at": "2030-01-01T10:00:00Z", "show_company_name": "0",
                "show_email": false, "show_phone_number": "false",
            ],
        ])
        #expect(full.status == 201)
        let list = full.json["checkin_list"]
        #expect(list?["id"] == 4)
        #expect(list?["slug"] != .string(slug))
        #expect(list?["activity_ids"] == [1019150])
        #expect(list?["activities"]?[0]?["name"] == "Tea Making")
        #expect(list?["activities"]?[0]?["releases"] == [])
        #expect(list?["release_ids"] == [1105525, 1105526])
        #expect(list?["releases"]?.arrayValue?.count == 2)
        #expect(list?["question_ids"] == [1041930])
        #expect(list?["questions"]?[0]?["slug"] == "dietary")
        #expect(list?["expires_at"] == "2030-01-01T10:00:00.000+00:00")
        #expect(list?["show_company_name"] == false && list?["show_email"] == false && list?["show_phone_number"] == false)
        #expect(try server.event("GET", "/checkin_lists").ids("checkin_lists") == [1, 2, 3, 4])
    }

    /// Lists and single records embed the questions and activities each record names; they are
    /// rendered for the records written alone, so records naming different ones sit side by side.
    @Test func listsEmbedWhatEachRecordNames() throws {
        let server = try TestServer()
        func slugs(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap { $0["slug"]?.stringValue } ?? [] }
        func names(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [] }
        #expect(try server.event("PATCH", "/releases/coffee-brewing", json: ["release": ["question_ids": ["dietary"]]]).status == 200)
        #expect(try server.event("PATCH", "/releases/vip-tasting", json: ["release": ["question_ids": [1041929, 1041930]]]).status == 200)
        let cupping = try server.event("POST", "/activities", json: [
            "activity": ["name": "Cupping", "release_ids": ["vip-tasting"], "question_ids": ["t-shirt-size"]],
        ])
        #expect(cupping.status == 201)
        let cuppingID = try #require(cupping.json["activity"]?["id"]?.intValue)

        let releases = try server.event("GET", "/releases").json["releases"]?.arrayValue ?? []
        let coffee = releases.first { $0["slug"] == "coffee-brewing" }
        let vip = releases.first { $0["slug"] == "vip-tasting" }
        #expect(slugs(coffee?["questions"]) == ["dietary"])
        #expect(slugs(vip?["questions"]) == ["t-shirt-size", "dietary"])
        #expect(names(coffee?["activities"]).contains("Cupping") == false)
        #expect(names(vip?["activities"]).contains("Cupping") == true)
        #expect(slugs(try server.event("GET", "/releases/vip-tasting").json["release"]?["questions"]) == ["t-shirt-size", "dietary"])
        // A page of one release embeds that release's own.
        let second = try server.event("GET", "/releases?page[size]=1&page[number]=2").json["releases"]?[0]
        #expect(slugs(second?["questions"]) == slugs(releases.count > 1 ? releases[1]["questions"] : nil))

        let activities = try server.event("GET", "/activities").json["activities"]?.arrayValue ?? []
        #expect(slugs(activities.first { $0["name"] == "Cupping" }?["questions"]) == ["t-shirt-size"])
        #expect(activities.filter { $0["name"] != "Cupping" }.allSatisfy { slugs($0["questions"]).isEmpty })

        let dinner = try server.event("POST", "/checkin_lists", json: [
            "checkin_list": ["title": "Dinner", "activity_ids": [.int(cuppingID), "1019150"], "question_ids": [1041930]],
        ])
        #expect(dinner.status == 201)
        let lists = try server.event("GET", "/checkin_lists").json["checkin_lists"]?.arrayValue ?? []
        let listed = lists.first { $0["title"] == "Dinner" }
        #expect(names(listed?["activities"]) == ["Cupping", "Tea Making"])
        #expect(slugs(listed?["questions"]) == ["dietary"])
        #expect(lists.filter { $0["title"] != "Dinner" }.allSatisfy { names($0["activities"]).isEmpty && slugs($0["questions"]).isEmpty })
    }

    @Test func createAndUpdateReportEveryInvalidAttribute() throws {
        let server = try TestServer()
        try server.event("POST", "/checkin_lists").expectErrors(["title": ["can't be blank"]])
        try server.event("POST", "/checkin_lists", json: [
            "checkin_list": [
                "title": "", "expires_at": "not a time", "show_email": "sometimes", "activity_ids": [42],
                "question_ids": ["nope"], "release_ids": ["no-such-release"],
            ],
        ]).expectErrors([
            "title": ["can't be blank"], "expires_at": ["is invalid"], "show_email": ["is not included in the list"],
            "activity_ids": ["is invalid"], "question_ids": ["is invalid"], "release_ids": ["is invalid"],
        ])
        try server.event("PATCH", "/checkin_lists/1", json: ["checkin_list": ["title": "  "]])
            .expectErrors(["title": ["can't be blank"]])
        // A release of another event is unknown here.
        try server.event("PATCH", "/checkin_lists/1", json: ["checkin_list": ["release_ids": [1105634]]])
            .expectErrors(["release_ids": ["is invalid"]])
        #expect(try server.event("GET", "/checkin_lists").meta["total_count"] == 2)
    }

    @Test func updateChangesWhatIsSentAndKeepsTheSlug() throws {
        let server = try TestServer()
        let response = try server.event("PATCH", "/checkin_lists/chk_d90KqwJIp9rfgkVzOCCTdMQ", json: [
            "checkin_list": ["title": "Conference Dinner List", "expires_at": "2030-05-01 18:00:00 UTC", "release_ids": [123]],
        ])
        response.expectRecord("checkin_list", route: "PATCH /v3/{account_slug}/{event_slug}/checkin_lists/{checkin_list_slug}")
        #expect(response.json["checkin_list"]?["slug"] == "chk_d90KqwJIp9rfgkVzOCCTdMQ")
        #expect(response.json["checkin_list"]?["title"] == "Conference Dinner List")
        #expect(response.json["checkin_list"]?["expires_at"] == "2030-05-01T18:00:00.000+00:00")
        #expect(response.json["checkin_list"]?["releases"]?[0]?["slug"] == "5k-stretch")
        let cleared = try server.event("PATCH", "/checkin_lists/1", json: ["checkin_list": ["expires_at": nil]])
        #expect(cleared.json["checkin_list"]?["expires_at"] == .null)
        let read = try server.event("GET", "/checkin_lists/chk_d90KqwJIp9rfgkVzOCCTdMQ").json["checkin_list"]
        #expect(read?["title"] == "Conference Dinner List")
        #expect(read?["release_ids"] == [123])
        #expect(read?["show_email"] == true)
    }

    @Test func deleteRemovesTheList() throws {
        let server = try TestServer()
        try server.event("DELETE", "/checkin_lists/chk_d90KqwJIp9rfgkVzOCCTdMQ")
            .expectDeleted(route: "DELETE /v3/{account_slug}/{event_slug}/checkin_lists/{checkin_list_slug}")
        try server.event("GET", "/checkin_lists/chk_d90KqwJIp9rfgkVzOCCTdMQ").expectNotFound()
        try server.event("DELETE", "/checkin_lists/chk_d90KqwJIp9rfgkVzOCCTdMQ").expectNotFound()
        try server.event("DELETE", "/checkin_lists/2").expectDeleted(
            route: "DELETE /v3/{account_slug}/{event_slug}/checkin_lists/{checkin_list_slug}")
        let empty = try server.event("GET", "/checkin_lists")
        #expect(empty.json["checkin_lists"] == [])
        #expect(empty.pagination() == pageMeta(pages: 0, count: 0, overall: 0))
    }
}
