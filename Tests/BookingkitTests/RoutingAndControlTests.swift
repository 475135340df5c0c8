import Emulation
import Foundation
import TestSupport
import Testing

/// Paths, methods and hosts (spec §1), the 404 and 405 bodies (§4.1), and the mock-only
/// control endpoints (§10.2).
@Suite struct RoutingAndControlTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func aTrailingSlashChangesNothing() throws {
        let plain = try server.bk("GET", "/events/\(BK.e2)")
        let slashed = try server.bk("GET", "/events/\(BK.e2)/")
        #expect(slashed.status == 200)
        #expect(slashed.json == plain.json)
        #expect(slashed.header("X-Understudy-Route") == "GET /v3/events/{id}")
        #expect(try server.bk("GET", "/dates/?start_date=2030-06-01T10:00:00Z&limit=10").ids.first == BK.d4)
        #expect(try server.bk("POST", "/dates/", json: SeedSamples.date).status == 201)
    }

    @Test func theRealHostIsServedUnprefixed() throws {
        let response = try server.request(
            "GET", "/v3/vendors", headers: [("Host", "api.bookingkit.de"), ("Authorization", "Bearer \(BK.vendor)")])
        #expect(response.status == 200)
        #expect(response.ids == [BK.v1])
        #expect(try server.request("GET", "/v3/vendors", headers: [("Host", "api-sandbox.bookingkit.de")]).status == 401)
    }

    @Test func unknownRoutesAre404AndOtherMethods405BeforeAuth() throws {
        let unknown = try server.bk("GET", "/nothing-here", token: nil)
        #expect(unknown.status == 404)
        #expect(unknown.json == BKBodies.notFound)
        #expect(unknown.header("X-Understudy-Route") == nil)
        let delete = try server.bk("DELETE", "/events/\(BK.e2)", token: nil)
        #expect(delete.status == 405)
        #expect(delete.header("Allow") == "GET, PATCH, PUT")
        #expect(delete.json == BKBodies.error("40500", "Method not allowed"))
        #expect(try server.bk("POST", "/events/\(BK.e2)?method=DELETE").status == 405)
    }

    @Test func theMethodOverrideTakesPatchAndDeleteOnly() throws {
        let patched = try server.bk("POST", "/dates/\(BK.d4)?method=PATCH", json: ["total_slots": 15])
        #expect(patched.status == 200)
        #expect(patched.header("X-Understudy-Route") == "PATCH /v3/dates/{id}")
        let refused = try server.bk("POST", "/dates/\(BK.d4)?method=GET", json: [:])
        #expect(refused.json == BKBodies.parameter(#"The parameter "method" must be one of "PATCH", "DELETE""#))
        #expect(try server.bk("PUT", "/orders/\(BK.od)", json: ["comment": "by PUT"]).json["comment"] == "by PUT")
    }

    @Test func theProvidersResetAnswers204AndRestoresTheFixture() throws {
        _ = try server.bk("PATCH", "/dates/\(BK.d4)", json: ["total_slots": 15])
        let reset = try server.request("POST", "/_understudy/bookingkit/reset")
        #expect(reset.status == 204)
        #expect(reset.body.isEmpty)
        #expect(try server.bk("GET", "/dates/\(BK.d4)").json["total_slots"] == 10)
        // Ids the server creates are the same again after a reset.
        let first = try server.bk("POST", "/dates", json: SeedSamples.date).json["id"]
        _ = try server.request("POST", "/_understudy/bookingkit/reset")
        #expect(try server.bk("POST", "/dates", json: SeedSamples.date).json["id"] == first)
    }

    @Test func theClockControlEndpointsAnswer204() throws {
        #expect(try server.request("PUT", "/_understudy/bookingkit/clock", json: ["now": "2025-08-01T00:00:00Z"]).status == 204)
        #expect(try server.request("GET", "/_understudy/clock").json["now"] == "2025-08-01T00:00:00.000Z")
        // The seed's 2025 samples are bookable then.
        #expect(try server.bk("GET", "/dates?accept_events=\(BK.e4)&limit=1").ids == [BK.d1])
        #expect(try server.request("DELETE", "/_understudy/bookingkit/clock").status == 204)
        #expect(try server.request("GET", "/_understudy/clock").json["frozen"] == false)
        #expect(try server.request("PUT", "/_understudy/bookingkit/clock", json: ["now": "soon"]).status == 400)
    }

    @Test func theCredentialsListEveryClientWithItsReadyToken() throws {
        let credentials = try server.request("GET", "/_understudy/credentials").json["providers"]?["bookingkit"]
        #expect(credentials?["headers"] == ["Authorization": .string("Bearer \(BK.vendor)")])
        #expect(credentials?["token_endpoint"] == "/bookingkit/oauth/token")
        let clients = credentials?["clients"]?.arrayValue ?? []
        #expect(clients.compactMap { $0["client_id"]?.stringValue } == [
            "mock-vendor-sample", "mock-vendor-souvenirs", "mock-vendor-spree", "mock-vendor-museum", "mock-vendor-kayak", "mock-marketplace",
            "mock-reseller", "demo", "mock-vendor-bulk",
        ])
        #expect(clients.allSatisfy { $0["client_secret"]?.stringValue != nil && $0["access_token"]?.stringValue?.count == 40 })
        #expect(clients.compactMap { $0["kind"]?.stringValue }.filter { $0 == "marketplace" }.count == 3)
        #expect(credentials?["tokens"]?.arrayValue?.contains { $0["token"] == .string(BK.docsToken) } == true)
        for client in clients {
            let token = try #require(client["access_token"]?.stringValue)
            #expect(try server.bk("GET", "/events", token: token).status == 200)
        }
    }

    @Test func everyRouteIsListedWithAnExampleThatAnswers() throws {
        let routes = try server.request("GET", "/_understudy/routes?provider=bookingkit").json["routes"]?.arrayValue ?? []
        #expect(routes.count == 56)
        for route in routes where route["method"] == "GET" {
            let example = try #require(route["example"]?.stringValue)
            let response = try server.request("GET", example, headers: [("Authorization", "Bearer \(BK.vendor)")])
            #expect(response.status == 200, "\(example)")
        }
    }

    @Test func faultsAnswerInBookingkitsBody() throws {
        #expect(try server.request("POST", "/_understudy/bookingkit/faults", json: ["path": "/v3/vendors", "status": 503]).status == 201)
        let response = try server.bk("GET", "/vendors")
        #expect(response.status == 503)
        #expect(response.json["code"] == "50300")
        #expect(response.json["message"] == "An internal error occurred")
    }
}
