import Emulation
import TestSupport
import Testing

/// Activities A1–A6 (spec §11.3, §13.6).
@Suite struct ActivitiesTests {
    static let fieldOrder = [
        "_type", "id", "capacity", "date", "description", "start_time", "end_time", "start_at", "end_at", "name", "private",
        "question_ids", "venue_id", "accommodation", "allocation_count", "sold_out", "show_to_attendee", "release_ids",
        "translations", "venue", "questions", "releases",
    ]

    static let teaMaking: JSONValue = [
        "_type": "activity", "id": 1019150, "capacity": 20, "date": nil, "description": "", "start_time": nil,
        "end_time": nil, "start_at": nil, "end_at": nil, "name": "Tea Making", "private": false, "question_ids": [],
        "venue_id": nil, "accommodation": nil, "allocation_count": 0, "sold_out": false, "show_to_attendee": false,
        "release_ids": [], "translations": ["en": ["name": "Tea Making"]], "venue": nil, "questions": [], "releases": [],
    ]

    @Test func theListIsTheDocsExample() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/activities")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/activities")
        #expect(response.json == [
            "activities": [Self.teaMaking],
            "meta": [
                "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 1, "per_page": 100,
                "overall_total": 1,
                "sort_options": [
                    "Name A-Z": ["attr": "name", "direction": "asc", "default": true],
                    "Name Z-A": ["attr": "name", "direction": "desc"],
                ],
                "filter_options": emptyFilterOptions,
            ],
        ])
        let extended = try server.event("GET", "/activities?view=extended")
        #expect(extended.json["activities"]?[0]?["view"] == "extended")
    }

    @Test func getIsTheDocsExampleInTheExtendedView() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/activities/1019150")
        response.expectRecord("activity", route: "GET /v3/{account_slug}/{event_slug}/activities/{activity_id}")
        var expected = Self.teaMaking.objectValue!
        expected.append("view", "extended")
        #expect(response.json["activity"] == .object(expected))
        #expect(try server.event("GET", "/activities/1019150?view=short").json["activity"] == Self.teaMaking)
        try server.event("GET", "/activities/999").expectNotFound()
        try server.event("GET", "/activities/tea-making").expectNotFound()
        try server.tito("GET", Subresource.otherEvent + "/activities/1019150").expectNotFound()
    }

    @Test func createTakesTheDocsDefaultsAndSortsIntoTheList() throws {
        let server = try TestServer()
        let response = try server.event("POST", "/activities", json: ["activity": ["name": "Coffee Workshop"]])
        response.expectRecord("activity", status: 201, route: "POST /v3/{account_slug}/{event_slug}/activities")
        #expect(response.json["activity"] == [
            "_type": "activity", "id": 1019152, "capacity": nil, "date": nil, "description": nil, "start_time": nil,
            "end_time": nil, "start_at": nil, "end_at": nil, "name": "Coffee Workshop", "private": true, "question_ids": [],
            "venue_id": nil, "accommodation": nil, "allocation_count": 0, "sold_out": false, "show_to_attendee": true,
            "release_ids": [], "translations": ["en": ["name": "Coffee Workshop"]], "venue": nil, "questions": [],
            "releases": [], "view": "extended",
        ])
        #expect(keys(response.json["activity"]) == Self.fieldOrder + ["view"])
        #expect(try server.event("GET", "/activities/1019152").json["activity"]?["name"] == "Coffee Workshop")

        let names = { (query: String) in
            try server.event("GET", "/activities\(query)").values("activities", "name").compactMap(\.stringValue)
        }
        #expect(try names("") == ["Coffee Workshop", "Tea Making"])
        #expect(try names("?search[sort]=name&search[direction]=desc") == ["Tea Making", "Coffee Workshop"])
        #expect(try names("?search[sort]=bogus&search[direction]=desc") == ["Coffee Workshop", "Tea Making"])
        let second = try server.event("GET", "/activities?page[size]=1&page[number]=2")
        #expect(second.values("activities", "name") == ["Tea Making"])
        #expect(second.pagination() == pageMeta(page: 2, prev: 1, pages: 2, count: 2, per: 1, overall: 2))
        let past = try server.event("GET", "/activities?page[size]=1&page=3")
        #expect(past.json["activities"] == [])
        #expect(past.pagination() == pageMeta(page: 3, pages: 2, count: 2, per: 1, overall: 2))
    }

    @Test func createReadsEveryAttributeAndDerivesTimesAndAllocations() throws {
        let server = try TestServer()
        let response = try server.event("POST", "/activities", json: [
            "activity": [
                "name": "Cupping", "capacity": "3", "date": "2018-12-01", "description": "Taste the beans",
                "start_time": "09:30", "end_time": "11:00", "show_to_attendee": "false",
                "release_ids": [1105525, "vip-tasting", ""], "question_ids": ["dietary"],
            ],
        ])
        #expect(response.status == 201)
        let activity = response.json["activity"]
        #expect(activity?["capacity"] == 3)
        #expect(activity?["date"] == "2018-12-01")
        #expect(activity?["start_time"] == "09:30")
        #expect(activity?["start_at"] == "2018-12-01T09:30:00.000+00:00")
        #expect(activity?["end_at"] == "2018-12-01T11:00:00.000+00:00")
        #expect(activity?["show_to_attendee"] == false)
        #expect(activity?["release_ids"] == [1105525, 1105526])
        #expect(activity?["question_ids"] == [1041930])
        #expect(activity?["releases"]?.arrayValue?.compactMap { $0["slug"]?.stringValue } == ["coffee-brewing", "vip-tasting"])
        // Embedded releases have their own associations emptied and no view.
        #expect(activity?["releases"]?[0]?["activities"] == [])
        #expect(activity?["releases"]?[0]?["view"] == nil)
        #expect(activity?["questions"]?[0]?["slug"] == "dietary")
        // Non-void tickets of those releases: two of coffee-brewing (one is void), one of vip-tasting.
        #expect(activity?["allocation_count"] == 3)
        #expect(activity?["sold_out"] == true)
    }

    @Test func createAndUpdateReportEveryInvalidAttribute() throws {
        let server = try TestServer()
        try server.event("POST", "/activities").expectErrors(["name": ["can't be blank"]])
        try server.event("POST", "/activities", json: ["name": "Not wrapped"]).expectErrors(["name": ["can't be blank"]])
        try server.event("POST", "/activities", json: [
            "activity": [
                "name": " ", "capacity": -1, "date": "someday", "start_time": "25:00", "show_to_attendee": "perhaps",
                "question_ids": ["no-such-question"], "release_ids": [999],
            ],
        ]).expectErrors([
            "name": ["can't be blank"], "capacity": ["must be greater than or equal to 0"], "date": ["is invalid"],
            "start_time": ["is invalid"], "show_to_attendee": ["is not included in the list"], "question_ids": ["is invalid"],
            "release_ids": ["is invalid"],
        ])
        try server.event("POST", "/activities", json: ["activity": ["name": "X", "capacity": "many"]])
            .expectErrors(["capacity": ["is not a number"]])
        try server.event("PATCH", "/activities/1019150", json: ["activity": ["name": ""]])
            .expectErrors(["name": ["can't be blank"]])
        let malformed = try server.event("POST", "/activities", body: "{\"activity\":")
        #expect(malformed.status == 400)
        #expect(malformed.json == TitoBodies.badRequest)
        #expect(try server.event("GET", "/activities").meta["total_count"] == 1)
        #expect(try server.event("GET", "/activities/1019150").json["activity"]?["name"] == "Tea Making")
    }

    @Test func updateChangesOnlyWhatIsSent() throws {
        let server = try TestServer()
        let response = try server.event("PATCH", "/activities/1019150", json: ["activity": ["capacity": 100]])
        response.expectRecord("activity", route: "PATCH /v3/{account_slug}/{event_slug}/activities/{activity_id}")
        var expected = Self.teaMaking.objectValue!
        expected["capacity"] = 100
        expected.append("view", "extended")
        #expect(response.json["activity"] == .object(expected))

        let dated = try server.event("PATCH", "/activities/1019150", json: [
            "activity": ["name": "Tea Tasting", "date": "2019-01-02", "start_time": "10:00"],
        ])
        #expect(dated.json["activity"]?["translations"] == ["en": ["name": "Tea Tasting"]])
        #expect(dated.json["activity"]?["start_at"] == "2019-01-02T10:00:00.000+00:00")
        // With a date and no end time, the end is midnight of that date (spec §13.6).
        #expect(dated.json["activity"]?["end_at"] == "2019-01-02T00:00:00.000+00:00")
        let cleared = try server.event("PATCH", "/activities/1019150", json: ["activity": ["date": nil, "capacity": nil]])
        #expect(cleared.json["activity"]?["start_at"] == .null)
        #expect(cleared.json["activity"]?["capacity"] == .null)
        let unchanged = try server.event("PATCH", "/activities/1019150", json: [:])
        #expect(unchanged.status == 200)
        let read = try server.event("GET", "/activities/1019150").json["activity"]
        #expect(read?["name"] == "Tea Tasting")
        #expect(read?["date"] == .null)
        #expect(read?["start_time"] == "10:00")
        #expect(read?["description"] == "")
    }

    @Test func deleteRemovesTheActivityFromCheckinLists() throws {
        let server = try TestServer()
        let list = try server.event("POST", "/checkin_lists", json: [
            "checkin_list": ["title": "Tea Room", "activity_ids": [1019150]],
        ])
        #expect(list.json["checkin_list"]?["activity_ids"] == [1019150])
        #expect(list.json["checkin_list"]?["activities"]?[0]?["name"] == "Tea Making")
        let slug = list.json["checkin_list"]?["slug"]?.stringValue ?? ""

        try server.event("DELETE", "/activities/1019150")
            .expectDeleted(route: "DELETE /v3/{account_slug}/{event_slug}/activities/{activity_id}")
        try server.event("GET", "/activities/1019150").expectNotFound()
        try server.event("DELETE", "/activities/1019150").expectNotFound()
        #expect(try server.event("GET", "/activities").json["activities"] == [])
        let after = try server.event("GET", "/checkin_lists/\(slug)").json["checkin_list"]
        #expect(after?["activity_ids"] == [])
        #expect(after?["activities"] == [])
    }

    @Test func duplicationCopiesUnderANewName() throws {
        let server = try TestServer()
        _ = try server.event("PATCH", "/activities/1019150", json: ["activity": ["release_ids": ["coffee-brewing"]]])
        let response = try server.event("POST", "/activities/1019150/duplication")
        response.expectRecord(
            "activity", status: 201, route: "POST /v3/{account_slug}/{event_slug}/activities/{activity_id}/duplication")
        let copy = response.json["activity"]
        #expect(copy?["id"] == 1019152)
        #expect(copy?["name"] == "Tea Making Copy")
        #expect(copy?["translations"] == ["en": ["name": "Tea Making Copy"]])
        #expect(copy?["capacity"] == 20)
        #expect(copy?["private"] == false)
        #expect(copy?["release_ids"] == [1105525])
        #expect(try server.event("GET", "/activities").values("activities", "name") == ["Tea Making", "Tea Making Copy"])
        try server.event("POST", "/activities/42/duplication").expectNotFound()
    }
}
