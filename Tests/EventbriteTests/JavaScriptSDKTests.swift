import Emulation
import TestSupport
import Testing

/// The official JavaScript SDK (npm `eventbrite`) as its `src/index.ts` and `src/request.ts`
/// send requests, configured as the README says: `eventbrite({token, baseUrl:
/// "http://127.0.0.1:8080/eventbrite/v3"})`. It joins the base URL and the endpoint as they are
/// (`${baseUrl}${endpoint}`), puts the token in the query (`?token=`, after any query of the
/// endpoint), adds `Content-Type: application/json` to everything but GET, sends the body it is
/// given, follows redirects as `fetch` does, treats every status from 300 up as an error, and
/// reads errors as `{error, error_description, error_detail.ARGUMENTS_ERROR}`. It runs in
/// browsers too, so requests carry an `Origin` and writes are preflighted.
@Suite struct JavaScriptSDKTests {
    let server: TestServer
    static let baseURL = "/eventbrite/v3"
    static let origin = "http://localhost:3000"

    init() throws {
        server = try TestServer()
    }

    /// `sdk.request(endpoint, {method, body})`, with `fetch`'s redirect following (at most 5).
    private func sdkRequest(_ endpoint: String, method: String = "GET", body: String? = nil) throws -> TestResponse {
        var target = Self.baseURL + endpoint + (endpoint.contains("?") ? "&" : "?") + "token=" + Seed.token
        var headers = [("Origin", Self.origin)]
        if method != "GET" { headers.append(("Content-Type", "application/json")) }
        var response = try server.request(method, target, headers: headers, body: body)
        var redirects = 0
        while [301, 302, 307, 308].contains(response.status), let location = response.header("Location"), redirects < 5 {
            target = location
            response = try server.request(method, target, headers: headers, body: body)
            redirects += 1
        }
        return response
    }

    @Test func theUserEndpointsOfTheSDK() throws {
        // `sdk.users.me()` and `sdk.users.get(id)`.
        let me = try sdkRequest("/users/me/")
        #expect(me.status == 200)
        #expect(me.header("Access-Control-Allow-Origin") == "*")
        #expect(me.json == [
            "emails": [["email": "john@smith.com", "verified": true, "primary": true]], "id": "12345", "name": "John Smith",
            "first_name": "John", "last_name": "Smith", "is_public": false, "image_id": nil,
        ])
        #expect(try sdkRequest("/users/12345/").json == me.json)
    }

    @Test func theOrganizationsOfAUser() throws {
        // `sdk.organizations.getByUser('me')`: the shape `PaginatedOrganizationResponse` types.
        let response = try sdkRequest("/users/me/organizations/")
        #expect(response.status == 200)
        let pagination = response.json["pagination"]
        #expect(keys(pagination) == ["object_count", "page_number", "page_size", "page_count", "has_more_items"])
        let awesome = try #require(response.json["organizations"]?.arrayValue?.first { $0["id"] == "12345" })
        #expect(awesome == [
            "_type": "organization", "name": "Awesome Org", "vertical": "Default", "parent_id": nil, "locale": "en_US",
            "image_id": "12345", "id": "12345",
        ])
    }

    @Test func anEndpointWithItsOwnQueryKeepsIt() throws {
        // The token is appended after the endpoint's own query.
        let event = try sdkRequest("/events/12345/?expand=venue,ticket_classes")
        #expect(event.status == 200)
        #expect(event.json["venue"]?["name"] == "Madison Square Garden")
        #expect(event.json["ticket_classes"]?[0]?["cost"]?["display"] == "$45.00")
        // Without `expand`, the default `logo` comes along, as the SDK sends none.
        #expect(try sdkRequest("/events/12345/").json["logo"]?["id"] == "12345")
    }

    @Test func anEndpointWrittenWithoutItsSlashIsRedirectedWithTheToken() throws {
        let target = Self.baseURL + "/users/me?token=" + Seed.token
        let moved = try server.request("GET", target, headers: [("Origin", Self.origin)])
        #expect(moved.status == 301)
        #expect(moved.header("Location") == Self.baseURL + "/users/me/?token=" + Seed.token)
        #expect(moved.header("Access-Control-Allow-Origin") == "*")
        // `fetch` follows it; the SDK sees the user.
        let followed = try sdkRequest("/users/me")
        #expect(followed.status == 200)
        #expect(followed.json["id"] == "12345")
    }

    @Test func aWriteIsPreflightedThenSentAsJSON() throws {
        let path = Self.baseURL + "/organizations/12345/events/?token=" + Seed.token
        let preflight = try server.request("OPTIONS", path, headers: [
            ("Origin", Self.origin), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type"),
        ])
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Origin") == "*")
        #expect(preflight.header("Access-Control-Allow-Methods") == "GET, POST, DELETE, OPTIONS")
        #expect(preflight.header("Access-Control-Allow-Headers")?.contains("Content-Type") == true)

        let body = """
            {"event": {"name": {"html": "Made in a browser"}, "start": {"timezone": "Europe/Berlin", "utc": "2032-03-01T18:00:00Z"},
             "end": {"timezone": "Europe/Berlin", "utc": "2032-03-01T21:00:00Z"}, "currency": "EUR"}}
            """
        let created = try sdkRequest("/organizations/12345/events/", method: "POST", body: body)
        #expect(created.status == 200)
        #expect(created.header("Access-Control-Allow-Origin") == "*")
        #expect(created.json["name"] == ["text": "Made in a browser", "html": "Made in a browser"])
        #expect(created.json["start"] == ["timezone": "Europe/Berlin", "local": "2032-03-01T19:00:00", "utc": "2032-03-01T18:00:00Z"])
        #expect(created.json["status"] == "draft")
        let id = try #require(created.json["id"]?.stringValue)
        let published = try sdkRequest("/events/\(id)/publish/", method: "POST")
        // No ticket class yet: an argument error, which the SDK's `parseError` turns into
        // `{error, description, argumentErrors}`.
        #expect(published.json == Bodies.arguments(["tickets": "MISSING"]))
    }

    @Test func errorsAreWhatParseErrorReads() throws {
        let missing = try sdkRequest("/events/999999999/")
        #expect(missing.status == 404)
        #expect(missing.header("Access-Control-Allow-Origin") == "*")
        #expect(missing.json == Bodies.notFound("event"))

        let invalid = try sdkRequest("/organizations/12345/events/", method: "POST", body: #"{"event": {"currency": "USD"}}"#)
        #expect(invalid.status == 400)
        #expect(invalid.json["error"] == "ARGUMENTS_ERROR")
        #expect(invalid.json["error_detail"]?["ARGUMENTS_ERROR"] == [
            "event.name.html": ["MISSING"], "event.start.utc": ["MISSING"], "event.start.timezone": ["MISSING"],
            "event.end.utc": ["MISSING"], "event.end.timezone": ["MISSING"],
        ])

        // A body that is not JSON under the SDK's JSON content type.
        let garbled = try sdkRequest("/organizations/12345/events/", method: "POST", body: "{not json")
        #expect(garbled.json == Bodies.invalidBody)

        // A token the API does not know, in the query as the SDK sends it.
        let unknown = try server.request("GET", Self.baseURL + "/users/me/?token=nope", headers: [("Origin", Self.origin)])
        #expect(unknown.json == Bodies.invalidAuth)
        #expect(unknown.header("Access-Control-Allow-Origin") == "*")
    }
}
