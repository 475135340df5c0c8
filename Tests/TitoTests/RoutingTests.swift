import Emulation
import TestSupport
import Testing

/// Routing rules (spec §1, §10) and the route listing of the control API.
@Suite struct RoutingTests {
    @Test func literalSegmentsWinOverEventSlugs() throws {
        let server = try TestServer()
        #expect(try server.tito("GET", "/biscuit-box/events/past").header("X-Understudy-Route") == "GET /v3/{account_slug}/events/past")
        #expect(try server.tito("GET", "/biscuit-box/2018").header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}")
        #expect(try server.tito("GET", "/biscuit-box/events").header("X-Understudy-Route") == "GET /v3/{account_slug}/events")
        #expect(try server.tito("GET", "/events").header("X-Understudy-Route") == "GET /v3/events")
        #expect(try server.tito("GET", "/biscuit-box/2018/registrations/").status == 200)
        #expect(try server.tito("DELETE", "/biscuit-box/events").status == 404)
    }

    @Test func theRealHostServesUnprefixedPaths() throws {
        let server = try TestServer()
        let response = try server.request(
            "GET", "/v3/hello", headers: [("Host", "api.tito.io"), ("Authorization", "Token token=\(TitoSeed.liveToken)")])
        #expect(response.status == 200)
        #expect(response.json["access_token"] == "*ab1C")
    }

    @Test func everyListedExampleAnswersWithTheDefaultCredentials() throws {
        let server = try TestServer()
        let credentials = try server.request("GET", "/_understudy/credentials").json["providers"]?["tito"]?["headers"]
        let headers = credentials?.objectValue?.map { ($0.key, $0.value.stringValue ?? "") } ?? []
        let routes = try server.request("GET", "/_understudy/routes?provider=tito").json["routes"]?.arrayValue ?? []
        #expect(routes.count >= 40)
        for route in routes where route["method"] == "GET" {
            let example = route["example"]?.stringValue
            #expect(example != nil, "GET \(route["template"]?.stringValue ?? "") has no example")
            guard let example else { continue }
            let response = try server.request("GET", example, headers: headers)
            #expect((200..<300).contains(response.status), "GET \(example) gave \(response.status)")
        }
    }
}
