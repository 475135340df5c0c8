import Emulation
import Foundation
import TestSupport
import Testing

/// Questions Q1–Q5 and the answers list N1 (spec §11.4, §11.9, §13.7).
@Suite struct QuestionsTests {
    static let fieldOrder = [
        "_type", "id", "title", "field_type", "include_free_text_field", "required", "slug", "answers_count", "created_at",
        "updated_at", "description", "options", "options_free_text_field",
    ]

    static let dietary: JSONValue = [
        "_type": "question", "id": 1041930, "title": "Do you have any dietary requirements?", "field_type": "Text",
        "include_free_text_field": false, "required": nil, "slug": "dietary", "answers_count": 0,
        "created_at": "2018-11-06T13:12:17.000+00:00", "updated_at": "2018-11-06T14:55:32.000+00:00", "description": nil,
        "options": [], "options_free_text_field": nil,
    ]

    @Test func theListIsInPositionOrder() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/questions")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/questions")
        #expect(response.slugs("questions") == ["t-shirt-size", "dietary", "what-is-your-industry"])
        #expect(keys(response.json["questions"]?[0]) == Self.fieldOrder)
        #expect(response.json["questions"]?[1] == Self.dietary)
        let shirt = response.json["questions"]?[0]
        #expect(shirt?["options"] == ["Small", "Medium", "Large"])
        #expect(shirt?["include_free_text_field"] == true)
        #expect(shirt?["options_free_text_field"] == "Other")
        #expect(shirt?["answers_count"] == 1)
        // The live service sends the list's sort options, as every other sortable list does.
        #expect(response.meta == [
            "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 3, "per_page": 100,
            "overall_total": 3,
            "sort_options": [
                "Position on tickets": ["attr": "position", "direction": "asc", "default": true],
                "Question Title, A-Z": ["attr": "title", "direction": "asc"],
                "Question Title, Z-A": ["attr": "title", "direction": "desc"],
            ],
            "filter_options": emptyFilterOptions,
        ])
        let byTitle = try server.event("GET", "/questions?search[sort]=title")
        #expect(byTitle.slugs("questions") == ["dietary", "what-is-your-industry", "t-shirt-size"])
        let byTitleDescending = try server.event("GET", "/questions?search[sort]=title&search[direction]=desc")
        #expect(byTitleDescending.slugs("questions") == ["t-shirt-size", "what-is-your-industry", "dietary"])
        let backwards = try server.event("GET", "/questions?search[sort]=position&search[direction]=desc&page[size]=2")
        #expect(backwards.slugs("questions") == ["what-is-your-industry", "dietary"])
        #expect(backwards.pagination() == pageMeta(next: 2, pages: 2, count: 3, per: 2, overall: 3))
    }

    @Test func getBySlugOrId() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/questions/dietary")
        response.expectRecord("question", route: "GET /v3/{account_slug}/{event_slug}/questions/{question_slug}")
        var expected = Self.dietary.objectValue!
        expected.append("view", "extended")
        #expect(response.json["question"] == .object(expected))
        #expect(try server.event("GET", "/questions/1041930").json["question"]?["slug"] == "dietary")
        try server.event("GET", "/questions/nope").expectNotFound()
        // A question of another event of the account.
        try server.event("GET", "/questions/do-you-have-any-dietary-requirements").expectNotFound()
        try server.event("GET", "/questions/1041973").expectNotFound()
    }

    @Test func createDerivesTheSlugAndAppendsAUUIDOnACollision() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let response = try server.event("POST", "/questions", json: [
            "question": ["title": "What is your industry?", "field_type": "Text"],
        ])
        response.expectRecord("question", status: 201, route: "POST /v3/{account_slug}/{event_slug}/questions")
        let question = response.json["question"]
        #expect(question?["id"] == 1041932)
        #expect(question?["required"] == false)
        #expect(question?["answers_count"] == 0)
        #expect(question?["created_at"] == .string(Subresource.nowText))
        let slug = question?["slug"]?.stringValue ?? ""
        let suffix = slug.dropFirst("what-is-your-industry-".count)
        #expect(slug.hasPrefix("what-is-your-industry-"))
        #expect(UUID(uuidString: String(suffix)) != nil && suffix == suffix.lowercased())
        #expect(Array(suffix)[14] == "4")
        #expect(try server.event("GET", "/questions/\(slug)").json["question"]?["id"] == 1041932)

        let choice = try server.event("POST", "/questions", json: [
            "question": [
                "title": "Shoe size", "field_type": "Select", "options": "38\n40\n42", "required": "true",
                "include_free_text_field": true, "options_free_text_field": "Other size", "description": "EU sizes",
            ],
        ])
        #expect(choice.status == 201)
        #expect(choice.json["question"]?["slug"] == "shoe-size")
        #expect(choice.json["question"]?["options"] == ["38", "40", "42"])
        #expect(choice.json["question"]?["required"] == true)
        #expect(choice.json["question"]?["description"] == "EU sizes")
        let arrayOptions = try server.event("POST", "/questions", json: [
            "question": ["title": "Colour", "field_type": "Checkboxes", "options": ["Red", "Blue"]],
        ])
        #expect(arrayOptions.json["question"]?["options"] == ["Red", "Blue"])
        // Only choice questions keep options.
        let text = try server.event("POST", "/questions", json: [
            "question": ["title": "Anything else?", "field_type": "Textarea", "options": "A\nB"],
        ])
        #expect(text.json["question"]?["options"] == [])
        let retyped = try server.event("PATCH", "/questions/colour", json: ["question": ["field_type": "Text"]])
        #expect(retyped.json["question"]?["options"] == [])
        // New questions go last.
        #expect(try server.event("GET", "/questions").slugs("questions").suffix(3) == ["shoe-size", "colour", "anything-else"])
    }

    @Test func createAndUpdateReportEveryInvalidAttribute() throws {
        let server = try TestServer()
        try server.event("POST", "/questions", json: [:])
            .expectErrors(["title": ["can't be blank"], "field_type": ["can't be blank"]])
        try server.event("POST", "/questions", json: ["question": ["title": "Age", "field_type": "Dropdown"]])
            .expectErrors(["field_type": ["is not included in the list"]])
        try server.event("POST", "/questions", json: ["question": ["title": "", "field_type": "Text", "required": "often"]])
            .expectErrors(["title": ["can't be blank"], "required": ["is not included in the list"]])
        try server.event("PATCH", "/questions/dietary", json: ["question": ["field_type": "Radio", "options": 5]])
            .expectErrors(["field_type": ["is not included in the list"], "options": ["is invalid"]])
        #expect(try server.event("GET", "/questions").meta["total_count"] == 3)
    }

    @Test func updateKeepsTheSlug() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let response = try server.event("PATCH", "/questions/what-is-your-industry", json: [
            "question": ["title": "Which industry are you in?", "required": true],
        ])
        response.expectRecord("question", route: "PATCH /v3/{account_slug}/{event_slug}/questions/{question_slug}")
        #expect(response.json["question"]?["slug"] == "what-is-your-industry")
        #expect(response.json["question"]?["title"] == "Which industry are you in?")
        #expect(response.json["question"]?["required"] == true)
        #expect(response.json["question"]?["updated_at"] == .string(Subresource.nowText))
        #expect(response.json["question"]?["created_at"] == "2018-11-06T16:06:52.000+00:00")
        let read = try server.event("GET", "/questions/what-is-your-industry").json["question"]
        #expect(read?["title"] == "Which industry are you in?")
        #expect(read?["field_type"] == "Text")
    }

    @Test func deleteTakesItsAnswersAndLeavesEveryQuestionList() throws {
        let server = try TestServer()
        try server.execute("UPDATE tito_releases SET question_ids = '[1041929, 1041930]' WHERE id = 1105525")
        _ = try server.event("PATCH", "/activities/1019150", json: ["activity": ["question_ids": [1041929]]])
        let list = try server.event("POST", "/checkin_lists", json: [
            "checkin_list": ["title": "Shirts", "question_ids": ["t-shirt-size"]],
        ])
        #expect(list.json["checkin_list"]?["question_ids"] == [1041929])

        try server.event("DELETE", "/questions/t-shirt-size")
            .expectDeleted(route: "DELETE /v3/{account_slug}/{event_slug}/questions/{question_slug}")
        try server.event("GET", "/questions/t-shirt-size").expectNotFound()
        try server.event("GET", "/questions/t-shirt-size/answers").expectNotFound()
        #expect(try server.count("SELECT COUNT(*) AS n FROM tito_answers WHERE question_id = 1041929") == 0)
        #expect(try server.event("GET", "/questions").slugs("questions") == ["dietary", "what-is-your-industry"])
        #expect(try server.event("GET", "/activities/1019150").json["activity"]?["question_ids"] == [])
        let slug = list.json["checkin_list"]?["slug"]?.stringValue ?? ""
        #expect(try server.event("GET", "/checkin_lists/\(slug)").json["checkin_list"]?["question_ids"] == [])
        let release = try server.tito("GET", Subresource.event).json["event"]?["releases"]?[0]
        #expect(release?["slug"] == "coffee-brewing")
        #expect(release?["question_ids"] == [1041930])
        // Answers to other questions stay.
        #expect(try server.count("SELECT COUNT(*) AS n FROM tito_answers") == 1)
    }

    @Test func answersListTheResponsesToOneQuestion() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/questions/t-shirt-size/answers")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/questions/{question_slug}/answers")
        #expect(response.json == [
            "answers": [[
                "_type": "answer", "id": 1001, "alternate_response": "A small t-shirt is ok too.", "download_url": nil,
                "primary_response": "Medium", "question_id": 1041929, "response": "Medium, A small t-shirt is ok too.",
                "ticket_id": 3068941,
            ]],
            "meta": [
                "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 1, "per_page": 100,
                "overall_total": 1, "filter_options": emptyFilterOptions,
            ],
        ])
        // By id too; a question without answers has an empty first page.
        #expect(try server.event("GET", "/questions/1041929/answers").ids("answers") == [1001])
        let none = try server.event("GET", "/questions/dietary/answers")
        #expect(none.json["answers"] == [])
        #expect(none.pagination() == pageMeta(pages: 0, count: 0, overall: 0))
        // Answers on void tickets are listed; those a token's mode hides are not.
        try server.execute("UPDATE tito_tickets SET state = 'void' WHERE id = 3068941")
        #expect(try server.event("GET", "/questions/t-shirt-size/answers").ids("answers") == [1001])
        try server.execute("UPDATE tito_tickets SET test_mode = 0 WHERE id = 3068941")
        #expect(try server.event("GET", "/questions/t-shirt-size/answers", token: TitoSeed.testToken).ids("answers") == [])
        #expect(try server.event("GET", "/questions/t-shirt-size/answers").ids("answers") == [1001])
        try server.event("GET", "/questions/no-such-question/answers").expectNotFound()
    }
}
