import Emulation
import TestSupport
import Testing

/// Spec §8.27 (webhooks), §10.8 and §12 (deliveries through the control API).
@Suite struct WebhooksTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    static let legacy = Bodies.error(
        403, "NOT_AUTHORIZED", "This user is not able to use legacy user endpoints, please use the organization equivalent.")

    @Test func theSeedsWebhooks() throws {
        #expect(try server.eventbrite("GET", "/webhooks/2006536/").json == [
            "id": "2006536", "resource_uri": "https://www.eventbriteapi.com/v3/webhooks/2006536/",
            "endpoint_url": "https://c3e123a02a37497897e08927816bb0c920c9de23c77804f.example.com",
            "actions": ["event.created", "event.published", "order.placed"], "event_id": "62541733007",
            "user_id": "308733706151", "created": "2020-03-03T18:09:37Z",
        ])
        let list = try server.eventbrite("GET", "/organizations/389957889113/webhooks/")
        #expect(list.ids("webhooks") == ["1990495", "1990496", "2006536"])
        #expect(list.pagination["object_count"] == 3)
        #expect(try server.eventbrite("GET", "/organizations/389957889113/webhooks/?page_size=2&page=2").ids("webhooks") == ["2006536"])
        #expect(try server.eventbrite("GET", "/webhooks/2006536/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/webhooks/42/").json == Bodies.notFound("webhook"))
        #expect(try server.eventbrite("GET", "/organizations/389957889113/webhooks/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func creatingListingAndDeleting() throws {
        let created = try server.eventbrite("POST", "/organizations/389957889113/webhooks/", json: [
            "endpoint_url": "https://hooks.example.com/eventbrite", "actions": "order.placed,attendee.updated,order.placed",
            "event_id": "62541733007",
        ])
        #expect(created.status == 200)
        let id = try #require(created.json["id"]?.stringValue)
        #expect(created.json["actions"] == ["order.placed", "attendee.updated"])
        #expect(created.json["event_id"] == "62541733007")
        #expect(created.json["user_id"] == "389957889113")
        #expect(try server.eventbrite("GET", "/webhooks/\(id)/").json == created.json)
        #expect(try server.eventbrite("GET", "/organizations/389957889113/webhooks/").ids("webhooks").last == .some(id))
        // Without actions: the defaults; a form body works too.
        let defaults = try server.eventbrite(
            "POST", "/organizations/389957889113/webhooks/", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: "endpoint_url=https%3A%2F%2Fhooks.example.com%2Fall&event_id=")
        #expect(defaults.json["actions"] == ["order.placed", "event.published", "event.unpublished"])
        #expect(defaults.json["event_id"] == .null)
        // Delete: the live API's answer; then gone.
        #expect(try server.eventbrite("DELETE", "/webhooks/\(id)/").json == ["id": .string(id), "success": true])
        #expect(try server.eventbrite("GET", "/webhooks/\(id)/").json == Bodies.notFound("webhook"))
        #expect(try !server.eventbrite("GET", "/organizations/389957889113/webhooks/").ids("webhooks").contains(id))
        #expect(try server.eventbrite("DELETE", "/webhooks/\(id)/").json == Bodies.notFound("webhook"))
        // The docs' example.
        #expect(try server.eventbrite("DELETE", "/webhooks/1990496/").json == ["id": "1990496", "success": true])
    }

    @Test func webhookArgumentErrors() throws {
        let path = "/organizations/389957889113/webhooks/"
        #expect(try server.eventbrite("POST", path, json: [:]).json == Bodies.arguments(["endpoint_url": "MISSING"]))
        #expect(try server.eventbrite("POST", path, json: [
            "endpoint_url": "ftp://example.com", "actions": ["order.placed", "order.eaten"], "event_id": "12345", "secret": "x",
        ]).json == Bodies.arguments([
            "secret": "Unknown parameter", "endpoint_url": "INVALID", "actions": "INVALID", "event_id": "INVALID",
        ]))
        #expect(try server.eventbrite("POST", path, token: Seed.otherUserToken, json: [:]).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("POST", "/organizations/42/webhooks/", json: [:]).json == Bodies.notFound("organization_id"))
        #expect(try server.eventbrite("DELETE", "/webhooks/2006536/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func theRetiredUserEndpoints() throws {
        #expect(try server.eventbrite("GET", "/webhooks/").json == Self.legacy)
        #expect(try server.eventbrite("POST", "/webhooks/", json: ["endpoint_url": "https://example.com/x"]).json == Self.legacy)
        #expect(try server.eventbrite("GET", "/webhooks/", token: nil).json == Bodies.noAuth)
        // A webhook made through them can no longer be deleted.
        #expect(try server.eventbrite("DELETE", "/webhooks/1990495/").json == Self.legacy)
        #expect(try server.eventbrite("GET", "/webhooks/1990495/").status == 200)

        let allowing = try TestServer(environment: ["EVENTBRITE_LEGACY_ENDPOINTS": "allow"])
        let created = try allowing.eventbrite("POST", "/webhooks/", json: ["endpoint_url": "https://example.com/x"])
        #expect(created.json["user_id"] == "12345")
        let id = try #require(created.json["id"]?.stringValue)
        #expect(try allowing.eventbrite("GET", "/webhooks/").ids("webhooks").contains(id))
        #expect(try allowing.eventbrite("GET", "/webhooks/").pagination["object_count"] == 4)
        #expect(try allowing.eventbrite("DELETE", "/webhooks/1990495/").json == ["id": "1990495", "success": true])
    }

    @Test func firingDeliversThePayloadTheSDKReads() throws {
        // Another Understudy stands in for the receiver: its journal keeps what arrived.
        let receiver = try TestServer()
        let endpoint = "http://127.0.0.1:\(receiver.port)/goevent/developers/v1.0/tickets/create"
        let id = try #require(try server.eventbrite(
            "POST", "/organizations/389957889113/webhooks/",
            json: ["endpoint_url": .string(endpoint), "actions": ["event.published"], "event_id": "62541733007"]
        ).json["id"]?.stringValue)
        let fired = try server.eventbriteControl("POST", "/webhooks/\(id)/fire", json: ["action": "event.published"])
        #expect(fired.status == 200)
        let payload: JSONValue = [
            "config": ["action": "event.published", "endpoint_url": .string(endpoint), "user_id": "389957889113", "webhook_id": .string(id)],
            "api_url": .string("http://127.0.0.1:\(server.port)/eventbrite/v3/events/62541733007/"),
        ]
        #expect(fired.json["payload"] == payload)
        #expect(fired.json["status"] == 401)
        #expect(fired.json["error"] == .null)
        let arrived = try receiver.request("GET", "/_understudy/requests?provider=goevent&method=POST").json["requests"]?.arrayValue ?? []
        #expect(arrived.count == 1)
        #expect(arrived.first.flatMap { try? JSONParser.parse(Array(($0["body"]?.stringValue ?? "").utf8)) } == payload)
        // The default action is the test ping, about the user.
        let ping = try server.eventbriteControl("POST", "/webhooks/\(id)/fire")
        #expect(ping.json["payload"]?["config"]?["action"] == "test")
        #expect(ping.json["payload"]?["api_url"] == .string("http://127.0.0.1:\(server.port)/eventbrite/v3/users/me/"))
        // Both are listed, newest first.
        let deliveries = try server.eventbriteControl("GET", "/webhooks/deliveries").json["deliveries"]?.arrayValue ?? []
        #expect(deliveries.map { $0["action"] } == ["test", "event.published"])
    }

    @Test func undeliverableAndRefusedFirings() throws {
        // https needs TLS, which the emulator does not speak; nothing listens on port 1.
        let https = try server.eventbriteControl("POST", "/webhooks/1990496/fire")
        #expect(https.json["status"] == .null)
        #expect(https.json["error"] == "https endpoints are not delivered: the emulator has no TLS client")
        let id = try #require(try server.eventbrite(
            "POST", "/organizations/389957889113/webhooks/", json: ["endpoint_url": "http://127.0.0.1:1/hook"]
        ).json["id"]?.stringValue)
        #expect(try server.eventbriteControl("POST", "/webhooks/\(id)/fire").json["error"] == "cannot connect to 127.0.0.1:1")
        #expect(try server.eventbriteControl("POST", "/webhooks/\(id)/fire", json: ["action": "order.placed"]).status == 400)
        #expect(try server.eventbriteControl("POST", "/webhooks/\(id)/fire", json: ["action": "order.eaten"]).status == 400)
        #expect(try server.eventbriteControl("POST", "/webhooks/42/fire").status == 404)
        // A reset forgets them.
        #expect(try server.request("POST", "/_understudy/eventbrite/reset").status == 200)
        #expect(try server.eventbriteControl("GET", "/webhooks/deliveries").json == ["deliveries": []])
    }
}
