import Emulation
import TestSupport
import Testing

/// Spec §1: where routes are served, trailing slashes, CORS and the waypoint header.
@Suite struct RoutingTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func everyRouteIsServedWithAndWithoutTheV3Prefix() throws {
        for path in ["/eventbrite/v3/users/me/", "/eventbrite/users/me/"] {
            let response = try server.request("GET", path, headers: [("Authorization", "Bearer \(Seed.token)")])
            #expect(response.status == 200)
            #expect(response.header("X-Understudy-Route") == "GET /v3/users/me/")
        }
    }

    @Test func theRealHostServesUnprefixedPaths() throws {
        let api = try server.request(
            "GET", "/v3/users/me/", headers: [("Host", "www.eventbriteapi.com"), ("Authorization", "Bearer \(Seed.token)")])
        #expect(api.status == 200)
        #expect(api.json["id"] == "12345")
        let oauth = try server.request(
            "GET", "/oauth/authorize?response_type=code&client_id=MOCK_API_KEY&redirect_uri=http://localhost/cb",
            headers: [("Host", "www.eventbrite.com")])
        #expect(oauth.status == 302)
    }

    @Test func readsWithoutTheTrailingSlashAreRedirectedWithTheirQuery() throws {
        let response = try server.eventbrite("GET", "/users/me?expand=assortment")
        #expect(response.status == 301)
        #expect(response.header("Location") == "/eventbrite/v3/users/me/?expand=assortment")
        #expect(response.json == Bodies.permanentlyMoved)
        #expect(try server.eventbrite("HEAD", "/events/12345").status == 301)
        // Unauthenticated too: the redirect comes with path normalisation, before auth (§3.4).
        #expect(try server.eventbrite("GET", "/users/me", token: nil).status == 301)
    }

    @Test func writesWithoutTheTrailingSlashAreServedAsIfItWereThere() throws {
        let response = try server.eventbrite("POST", "/events/\(Seed.draftToPublish)/publish")
        #expect(response.status == 200)
        #expect(response.json == ["published": true])
    }

    @Test func theLenientModeAcceptsReadsWithoutTheSlash() throws {
        let lenient = try TestServer(environment: ["EVENTBRITE_TRAILING_SLASH_MODE": "lenient"])
        let response = try lenient.eventbrite("GET", "/users/me")
        #expect(response.status == 200)
        #expect(response.json["id"] == "12345")
    }

    @Test func headIsAnsweredLikeGetWithoutABody() throws {
        let response = try server.eventbrite("HEAD", "/users/me/")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
    }

    @Test func aPreflightIsAnsweredWithoutCredentials() throws {
        let response = try server.eventbrite("OPTIONS", "/events/12345/", token: nil)
        #expect(response.status == 204)
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(response.header("Access-Control-Allow-Methods") == "GET, POST, DELETE, OPTIONS")
        #expect(response.header("Access-Control-Allow-Headers")?.contains("Eb-Api-Switches-Enabled") == true)
    }

    @Test func everyResponseAllowsAnyOrigin() throws {
        for response in [
            try server.eventbrite("GET", "/users/me/"), try server.eventbrite("GET", "/users/me/", token: nil),
            try server.eventbrite("GET", "/nothing/here/"),
        ] {
            #expect(response.header("Access-Control-Allow-Origin") == "*")
        }
    }

    @Test func successfulWritesCarryAWaypointToken() throws {
        let write = try server.eventbrite("POST", "/events/\(Seed.draftToPublish)/publish/")
        #expect(write.status == 200)
        let token = try #require(write.header("Eventbrite-API-Waypoint-Token"))
        #expect(token.count == 16)
        let refused = try server.eventbrite("POST", "/events/\(Seed.draftToPublish)/publish/")
        #expect(refused.status == 400)
        #expect(refused.header("Eventbrite-API-Waypoint-Token") == nil)
        #expect(try server.eventbrite("GET", "/users/me/").header("Eventbrite-API-Waypoint-Token") == nil)
    }

    @Test func theRetiredSearchEndpointAnswersThePathsNotFoundWithOrWithoutAToken() throws {
        for token in [nil, Seed.token] {
            let response = try server.eventbrite("GET", "/events/search/?q=music", token: token)
            #expect(response.status == 404)
            #expect(response.json == Bodies.pathNotFound)
            #expect(response.header("X-Understudy-Route") == "GET /v3/events/search/")
        }
    }
}
