import Emulation
import Foundation
import Testing

/// A provider that uses every routing hook, to show what the framework does with each.
private struct HookedProvider: Provider {
    struct Caller: Sendable { let name: String }
    struct Refusal: ResponseError {
        let response: HTTPResponse
    }
    struct Broken: Error {}

    let name = "hooked"
    let basePath = "/v3"
    let alternateBasePaths = [""]
    let hosts = ["api.hooked.test"]
    let trailingSlash = TrailingSlashPolicy.redirectReads { location in
        .json(["error": "PERMANENTLY_MOVED"], status: 301, headers: [("Location", location)])
    }
    let schema = ""
    let resetStatus = 204

    func loadSeed(from seed: SeedDirectory, into database: Database) throws {}

    var routes: [Route<Caller>] {
        [
            Route("GET", "/things/", example: "/things/") { _, caller in .json(["caller": .string(caller.name)]) },
            Route("POST", "/things/") { _, _ in .json(["created": true]) },
            Route("PATCH", "/things/{id}/") { request, _ in .json(["patched": .string(request.parameter("id"))]) },
            Route("GET", "/broken/") { _, _ in throw Broken() },
            Route(anonymous: "POST", "/oauth/token") { _ in .json(["access_token": "t"]) }.outsideBasePath(),
        ]
    }

    func authenticate(_ request: ProviderRequest) throws -> Caller {
        guard request.headers["Authorization"] == "Bearer good" else {
            throw Refusal(response: .json(["error": "NO_AUTH"], status: 401))
        }
        request.responseHeaders.add("x-rate-limit", "1/10")
        return Caller(name: "good")
    }

    /// Authenticates before it says 405, as Eventbrite does.
    func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse {
        guard !request.allowedMethods.isEmpty else { return .json(["error": "NOT_FOUND"], status: 404) }
        do {
            _ = try authenticate(request.providerRequest)
        } catch let refusal as Refusal {
            return refusal.response
        } catch {}
        return .json(["error": "METHOD_NOT_ALLOWED"], status: 405)
    }

    /// `POST …?method=PATCH` is a PATCH; other overrides are refused.
    func rewrite(_ request: inout HTTPRequest) -> HTTPResponse? {
        guard request.method == "POST", let override = QueryParameters(request.query)["method"] else { return nil }
        guard override == "PATCH" else { return .json(["error": "BAD_METHOD"], status: 400) }
        request.method = override
        return nil
    }

    func preflight(_ request: HTTPRequest) -> HTTPResponse? {
        .empty(status: 204, headers: [("Access-Control-Allow-Methods", "GET, POST")])
    }

    func decorate(_ response: inout HTTPResponse, for request: HTTPRequest) {
        response.headers.add("Access-Control-Allow-Origin", "*")
    }

    func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        .json(["error": "INTERNAL_ERROR"], status: status)
    }

    func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue { ["headers": ["Authorization": "Bearer good"]] }
}

@Suite struct ProviderRoutingTests {
    private let emulator: Emulator

    init() throws {
        let provider = HookedProvider()
        let seed = try SeedSnapshot(providers: [provider], seedRoot: URL(fileURLWithPath: "/nonexistent"))
        emulator = Emulator(providers: [provider], world: try World(seed: seed, location: .memory), version: "test")
    }

    private func send(
        _ method: String, _ target: String, authorized: Bool = true, host: String = "127.0.0.1"
    ) -> HTTPResponse {
        var headers = HTTPHeaders([("Host", host)])
        if authorized { headers.add("Authorization", "Bearer good") }
        let request = HTTPRequest(method: method, target: target, headers: headers)
        return emulator.respond(to: request)
    }

    private func json(_ response: HTTPResponse) -> JSONValue { (try? JSONParser.parse(response.body)) ?? .null }

    @Test func servesEveryRouteUnderTheBasePathAndEachAlternateOne() {
        for target in ["/hooked/v3/things/", "/hooked/things/"] {
            let response = send("GET", target)
            #expect(response.status == 200)
            #expect(json(response) == ["caller": "good"])
            #expect(response.headers["X-Understudy-Route"] == "GET /v3/things/")
        }
    }

    @Test func servesRoutesOutsideTheBasePathAtTheRootAndByHost() {
        let prefixed = send("POST", "/hooked/oauth/token", authorized: false)
        #expect(prefixed.status == 200)
        #expect(prefixed.headers["X-Understudy-Route"] == "POST /oauth/token")
        let byHost = send("POST", "/oauth/token", authorized: false, host: "api.hooked.test")
        #expect(byHost.status == 200)
        #expect(send("POST", "/hooked/v3/oauth/token", authorized: false).status == 404)
    }

    @Test func redirectsReadsWithoutTheTrailingSlashAndServesWritesAsIfItWereThere() {
        let redirect = send("GET", "/hooked/v3/things?expand=a")
        #expect(redirect.status == 301)
        #expect(redirect.headers["Location"] == "/hooked/v3/things/?expand=a")
        #expect(json(redirect) == ["error": "PERMANENTLY_MOVED"])
        #expect(send("HEAD", "/hooked/v3/things").status == 301)
        let write = send("POST", "/hooked/v3/things")
        #expect(write.status == 200)
        #expect(json(write) == ["created": true])
    }

    @Test func rewritesBeforeRouting() {
        let patched = send("POST", "/hooked/v3/things/7/?method=PATCH")
        #expect(patched.status == 200)
        #expect(json(patched) == ["patched": "7"])
        #expect(send("POST", "/hooked/v3/things/7/?method=DELETE").status == 400)
    }

    @Test func answersPreflightsAndDecoratesEveryResponse() {
        let preflight = send("OPTIONS", "/hooked/v3/things/", authorized: false)
        #expect(preflight.status == 204)
        #expect(preflight.headers["Access-Control-Allow-Methods"] == "GET, POST")
        for response in [preflight, send("GET", "/hooked/v3/things/"), send("GET", "/hooked/v3/nothing/")] {
            #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        }
    }

    @Test func aNotFoundAnswerCanAuthenticateBeforeItSaysMethodNotAllowed() {
        #expect(json(send("DELETE", "/hooked/v3/things/", authorized: false)) == ["error": "NO_AUTH"])
        #expect(send("DELETE", "/hooked/v3/things/").status == 405)
        #expect(json(send("DELETE", "/hooked/v3/nothing/", authorized: false)) == ["error": "NOT_FOUND"])
    }

    @Test func headersAddedDuringAuthenticationReachTheResponse() {
        #expect(send("GET", "/hooked/v3/things/").headers["x-rate-limit"] == "1/10")
    }

    @Test func anUnexpectedErrorIsAnsweredInTheDialectAndJournaled() {
        let response = send("GET", "/hooked/v3/broken/")
        #expect(response.status == 500)
        #expect(json(response) == ["error": "INTERNAL_ERROR"])
        let entry = emulator.world.journal.entries(limit: 1).first
        #expect(entry?.route == "GET /v3/broken/")
        #expect(entry?.error == "Broken()")
    }

    @Test func providerResetAnswersWithTheProvidersStatus() {
        let response = send("POST", "/_understudy/hooked/reset")
        #expect(response.status == 204)
        #expect(response.body.isEmpty)
    }
}
