import Emulation
import TestSupport
import Testing

/// Interested users I1–I5 (spec §11.7).
@Suite struct InterestedUsersTests {
    static let tony: JSONValue = [
        "_type": "interested_user", "id": 123, "name": "Tony Tiger", "email": "grr@tito.io",
        "created_at": "2019-12-25T09:00:00.000+00:00", "updated_at": "2019-12-25T09:00:00.000+00:00",
    ]

    static func names(_ server: TestServer, _ query: String = "") throws -> [String] {
        try server.event("GET", "/interested_users\(query)").values("interested_users", "name").compactMap(\.stringValue)
    }

    @Test func theListIsPaginatedInIdOrder() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/interested_users")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/interested_users")
        #expect(response.json["interested_users"]?[0] == Self.tony)
        #expect(response.ids("interested_users") == [123, 124])
        #expect(response.meta == [
            "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 2, "per_page": 100,
            "overall_total": 2, "filter_options": emptyFilterOptions,
        ])
        let last = try server.event("GET", "/interested_users?page[size]=1&page[number]=2")
        #expect(last.ids("interested_users") == [124])
        #expect(last.pagination() == pageMeta(page: 2, prev: 1, pages: 2, count: 2, per: 1, overall: 2))
    }

    @Test func sortsByNameEmailAndCreation() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        _ = try server.event("POST", "/interested_users", json: ["interested_user": ["email": "aaa@example.com", "name": "Zed"]])
        #expect(try Self.names(server) == ["Tony Tiger", "Yogi Bear", "Zed"])
        #expect(try Self.names(server, "?search[sort]=name&search[direction]=desc") == ["Zed", "Yogi Bear", "Tony Tiger"])
        #expect(try Self.names(server, "?search[sort]=email") == ["Zed", "Yogi Bear", "Tony Tiger"])
        #expect(try Self.names(server, "?search[sort]=created_at&search[direction]=desc") == ["Zed", "Yogi Bear", "Tony Tiger"])
        #expect(try Self.names(server, "?search[sort]=created_at&search[direction]=sideways") == ["Tony Tiger", "Yogi Bear", "Zed"])
    }

    @Test func getCreateUpdateDelete() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let shown = try server.event("GET", "/interested_users/123")
        shown.expectRecord("interested_user", route: "GET /v3/{account_slug}/{event_slug}/interested_users/{interested_user_id}")
        var expected = Self.tony.objectValue!
        expected.append("view", "extended")
        #expect(shown.json["interested_user"] == .object(expected))
        try server.event("GET", "/interested_users/999").expectNotFound()
        try server.tito("GET", Subresource.otherEvent + "/interested_users/123").expectNotFound()

        let created = try server.event("POST", "/interested_users", json: ["interested_user": ["email": "test@example.com"]])
        created.expectRecord("interested_user", status: 201, route: "POST /v3/{account_slug}/{event_slug}/interested_users")
        #expect(created.json["interested_user"] == [
            "_type": "interested_user", "id": 125, "name": nil, "email": "test@example.com",
            "created_at": .string(Subresource.nowText), "updated_at": .string(Subresource.nowText), "view": "extended",
        ])
        // The same e-mail may register interest again.
        #expect(try server.event("POST", "/interested_users", json: ["interested_user": ["email": "test@example.com"]]).status == 201)

        try server.freezeClock(at: "2025-06-02T08:00:00Z")
        let updated = try server.event("PATCH", "/interested_users/125", json: ["interested_user": ["name": "Test Name"]])
        updated.expectRecord("interested_user", route: "PATCH /v3/{account_slug}/{event_slug}/interested_users/{interested_user_id}")
        #expect(updated.json["interested_user"]?["name"] == "Test Name")
        #expect(updated.json["interested_user"]?["email"] == "test@example.com")
        #expect(updated.json["interested_user"]?["updated_at"] == "2025-06-02T08:00:00.000+00:00")
        #expect(updated.json["interested_user"]?["created_at"] == .string(Subresource.nowText))
        #expect(try server.event("GET", "/interested_users/125").json["interested_user"]?["name"] == "Test Name")

        try server.event("DELETE", "/interested_users/125")
            .expectDeleted(route: "DELETE /v3/{account_slug}/{event_slug}/interested_users/{interested_user_id}")
        try server.event("GET", "/interested_users/125").expectNotFound()
        #expect(try server.event("GET", "/interested_users").ids("interested_users") == [123, 124, 126])
    }

    @Test func createAndUpdateReportInvalidEmails() throws {
        let server = try TestServer()
        try server.event("POST", "/interested_users", json: ["interested_user": ["name": "No Mail"]])
            .expectErrors(["email": ["can't be blank"]])
        try server.event("POST", "/interested_users").expectErrors(["email": ["can't be blank"]])
        try server.event("POST", "/interested_users", json: ["interested_user": ["email": "not-an-address"]])
            .expectErrors(["email": ["is invalid"]])
        try server.event("PATCH", "/interested_users/123", json: ["interested_user": ["email": ""]])
            .expectErrors(["email": ["can't be blank"]])
        #expect(try server.event("GET", "/interested_users/123").json["interested_user"]?["email"] == "grr@tito.io")
        #expect(try server.event("GET", "/interested_users").meta["total_count"] == 2)
    }
}
