import Emulation
import TestSupport
import Testing

/// Webhook endpoints H1–H5 (spec §11.16, §12.16).
@Suite struct WebhookEndpointsTests {
    static let example: JSONValue = [
        "_type": "webhook_endpoint", "id": 1, "url": "https://www.example.com", "included_triggers": ["ticket.created"],
        "custom_data": "", "deprecated": false,
    ]

    @Test func theListIsTheDocsExample() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/webhook_endpoints")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/webhook_endpoints")
        // Exactly the pagination keys and overall_total: no sort or filter options.
        #expect(response.json == [
            "webhook_endpoints": [Self.example],
            "meta": pageMeta(pages: 1, count: 1, overall: 1),
        ])
        let shown = try server.event("GET", "/webhook_endpoints/1")
        shown.expectRecord("webhook_endpoint", route: "GET /v3/{account_slug}/{event_slug}/webhook_endpoints/{id}")
        var expected = Self.example.objectValue!
        expected.append("view", "extended")
        #expect(shown.json["webhook_endpoint"] == .object(expected))
        try server.event("GET", "/webhook_endpoints/2").expectNotFound()
        try server.tito("GET", Subresource.otherEvent + "/webhook_endpoints/1").expectNotFound()
    }

    @Test func createEchoesWhatWasSent() throws {
        let server = try TestServer()
        let response = try server.event("POST", "/webhook_endpoints", json: [
            "webhook_endpoint": ["url": "https://hooks.example.org/tito", "included_triggers": ["ticket.created", "ticket.voided"]],
        ])
        response.expectRecord("webhook_endpoint", status: 201, route: "POST /v3/{account_slug}/{event_slug}/webhook_endpoints")
        #expect(response.json["webhook_endpoint"] == [
            "_type": "webhook_endpoint", "id": 2, "url": "https://hooks.example.org/tito",
            "included_triggers": ["ticket.created", "ticket.voided"], "custom_data": nil, "deprecated": false, "view": "extended",
        ])
        let custom = try server.event("POST", "/webhook_endpoints", json: [
            "webhook_endpoint": ["url": "http://localhost:9000/hook", "included_triggers": "registration.finished", "custom_data": "x=1"],
        ])
        #expect(custom.json["webhook_endpoint"]?["included_triggers"] == ["registration.finished"])
        #expect(custom.json["webhook_endpoint"]?["custom_data"] == "x=1")
        let listed = try server.event("GET", "/webhook_endpoints?page[size]=2&page[number]=2")
        #expect(listed.ids("webhook_endpoints") == [3])
        #expect(listed.json["meta"] == pageMeta(page: 2, prev: 1, pages: 2, count: 3, per: 2, overall: 3))
    }

    @Test func createAndUpdateReportEveryInvalidAttribute() throws {
        let server = try TestServer()
        try server.event("POST", "/webhook_endpoints").expectErrors([
            "url": ["can't be blank"], "included_triggers": ["can't be blank"],
        ])
        try server.event("POST", "/webhook_endpoints", json: [
            "webhook_endpoint": ["url": "ftp://example.com", "included_triggers": ["registration.started"]],
        ]).expectErrors(["url": ["is invalid"], "included_triggers": ["is invalid"]])
        try server.event("POST", "/webhook_endpoints", json: [
            "webhook_endpoint": ["url": "https://", "included_triggers": []],
        ]).expectErrors(["url": ["is invalid"], "included_triggers": ["can't be blank"]])
        try server.event("PATCH", "/webhook_endpoints/1", json: ["webhook_endpoint": ["url": "", "included_triggers": nil]])
            .expectErrors(["url": ["can't be blank"], "included_triggers": ["can't be blank"]])
        #expect(try server.event("GET", "/webhook_endpoints/1").json["webhook_endpoint"]?["url"] == "https://www.example.com")
    }

    @Test func updateAndDelete() throws {
        let server = try TestServer()
        let response = try server.event("PATCH", "/webhook_endpoints/1", json: ["webhook_endpoint": ["url": "https://www.foobar.com"]])
        response.expectRecord("webhook_endpoint", route: "PATCH /v3/{account_slug}/{event_slug}/webhook_endpoints/{id}")
        #expect(response.json["webhook_endpoint"]?["url"] == "https://www.foobar.com")
        #expect(response.json["webhook_endpoint"]?["included_triggers"] == ["ticket.created"])
        let triggers = try server.event("PATCH", "/webhook_endpoints/1", json: [
            "webhook_endpoint": ["included_triggers": ["checkin.created"], "custom_data": nil],
        ])
        #expect(triggers.json["webhook_endpoint"]?["included_triggers"] == ["checkin.created"])
        #expect(triggers.json["webhook_endpoint"]?["custom_data"] == .null)
        #expect(try server.event("GET", "/webhook_endpoints").json["webhook_endpoints"]?[0]?["url"] == "https://www.foobar.com")

        try server.event("DELETE", "/webhook_endpoints/1")
            .expectDeleted(route: "DELETE /v3/{account_slug}/{event_slug}/webhook_endpoints/{id}")
        try server.event("GET", "/webhook_endpoints/1").expectNotFound()
        let empty = try server.event("GET", "/webhook_endpoints")
        #expect(empty.json == ["webhook_endpoints": [], "meta": pageMeta(pages: 0, count: 0, overall: 0)])
    }
}
