import Emulation
import TestSupport
import Testing

/// The control API as Eventbrite uses it: resets, credentials, routes.
@Suite struct ControlTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func aResetRestoresTheSeedAndTakesBackOAuthTokens() throws {
        let created = try server.createEvent()
        #expect(created == "800000000001")
        let approval = try server.request(
            "GET", "/eventbrite/oauth/authorize?response_type=token&client_id=MOCK_API_KEY&redirect_uri=http://localhost/cb")
        let location = try #require(approval.header("Location"))
        let token = try #require(QueryParameters(String(location.split(separator: "?").last ?? ""))["access_token"])
        #expect(try server.eventbrite("GET", "/users/me/", token: token).status == 200)

        #expect(try server.request("POST", "/_understudy/eventbrite/reset").status == 200)
        #expect(try server.eventbrite("GET", "/events/\(created)/").json == Bodies.notFound("event"))
        #expect(try server.eventbrite("GET", "/users/me/", token: token).json == Bodies.invalidAuth)
        #expect(try server.eventbrite("GET", "/users/me/").status == 200)
        // Ids start over: the same requests give the same ids.
        #expect(try server.createEvent() == "800000000001")
    }

    /// A fault answers in Eventbrite's body; one armed with a §6.2 constant answers that
    /// constant's own description (EXPANSION_FAILED is emitted only this way), any other name
    /// its status's description, and none the status's constant.
    @Test func faultsAnswerWithTheConstantTheyName() throws {
        func arm(_ fault: JSONValue) throws -> TestResponse { try server.request("POST", "/_understudy/eventbrite/faults", json: fault) }
        let armed = try arm(["path": "/v3/users/me/", "status": 500, "error": "EXPANSION_FAILED"])
        #expect(armed.status == 201)
        #expect(armed.json["error"] == "EXPANSION_FAILED")
        let expansion = try server.eventbrite("GET", "/users/me/?expand=organizations")
        #expect(expansion.status == 500)
        #expect(expansion.json == [
            "status_code": 500,
            "error_description":
                "Unhandled error occurred during expansion; the request is likely to succeed if you don't ask for expansions.",
            "error": "EXPANSION_FAILED",
        ])
        #expect(try server.eventbrite("GET", "/users/me/").status == 200)  // used up

        _ = try arm(["path": "/v3/users/me/", "status": 503, "error": "SOMETHING_ODD"])
        #expect(try server.eventbrite("GET", "/users/me/").json == [
            "status_code": 503, "error_description": "An unhandled error occured in Eventbrite.", "error": "SOMETHING_ODD",
        ])
        _ = try arm(["path": "/v3/users/me/", "status": 400])
        #expect(try server.eventbrite("GET", "/users/me/").json == [
            "status_code": 400, "error_description": "Requested operation not processed.", "error": "ACTION_NOT_PROCESSED",
        ])
        _ = try arm(["status": 429, "error": "HIT_RATE_LIMIT"])
        let rateLimited = try server.eventbrite("GET", "/users/me/")
        #expect(rateLimited.status == 429)
        #expect(rateLimited.header("Retry-After") == "3600")
        #expect(rateLimited.json["error"] == "HIT_RATE_LIMIT")
        #expect(try arm(["status": 500, "error": 7]).status == 400)
    }

    @Test func credentialsListTheDemoHeaderEveryTokenAndTheApps() throws {
        let eventbrite = try #require(try server.request("GET", "/_understudy/credentials").json["providers"]?["eventbrite"])
        #expect(eventbrite["headers"] == ["Authorization": "Bearer PERSONAL_OAUTH_TOKEN"])
        let tokens = eventbrite["tokens"]?.arrayValue?.compactMap { $0["token"]?.stringValue } ?? []
        #expect(tokens == ["PERSONAL_OAUTH_TOKEN", "MYTOKEN", "OTHER_USER_TOKEN", "DISABLED_TOKEN", "SOA_TOKEN", "BULK_FESTIVAL_TOKEN"])
        let clients = eventbrite["oauth_clients"]?.arrayValue?.compactMap { $0["client_id"]?.stringValue } ?? []
        #expect(clients == ["MOCK_API_KEY", "API_KEY", "YOUR_API_KEY"])
    }

    @Test func everyGetRouteHasAnExampleThatAnswers() throws {
        let routes = try server.request("GET", "/_understudy/routes?provider=eventbrite").json["routes"]?.arrayValue ?? []
        #expect(routes.count >= 39)
        for route in routes where route["method"] == "GET" {
            let template = route["template"]?.stringValue ?? ""
            guard let example = route["example"]?.stringValue else {
                Issue.record("\(template) has no example")
                continue
            }
            let response = try server.request("GET", example, headers: [("Authorization", "Bearer \(Seed.token)")])
            switch template {
            case "/v3/events/search/": #expect(response.status == 404)
            // Retired in 2020: the legacy 403 unless EVENTBRITE_LEGACY_ENDPOINTS=allow.
            case "/v3/webhooks/": #expect(response.status == 403)
            case "/oauth/authorize": #expect(response.status == 302)
            default: #expect(response.status == 200, "\(example) → \(response.status)")
            }
        }
    }
}
