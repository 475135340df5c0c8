import Emulation
import TestSupport
import Testing

/// Spec §7: the per-token limit, off by default, set through the control API.
@Suite struct RateLimitTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func itIsOffByDefault() throws {
        for _ in 0..<3 {
            let response = try server.eventbrite("GET", "/users/me/")
            #expect(response.status == 200)
            #expect(response.header("x-rate-limit") == nil)
        }
        #expect(try server.request("GET", "/_understudy/eventbrite/rate-limit").json == [
            "enabled": false, "limit": 2000, "window_seconds": 3600,
        ])
    }

    @Test func aTokenBeyondItsHourlyLimitIsRefusedUntilTheWindowEnds() throws {
        let set = try server.request("POST", "/_understudy/eventbrite/rate-limit", json: ["limit": 2])
        #expect(set.json == ["enabled": true, "limit": 2, "window_seconds": 3600])
        let first = try server.eventbrite("GET", "/users/me/")
        #expect(first.header("x-rate-limit") == "token:PERSONAL_OAUTH_TOKEN 1/2 reset=3600s")
        try server.advanceClock(seconds: 600)
        // Errors after authentication count too.
        let second = try server.eventbrite("GET", "/events/31337/")
        #expect(second.status == 404)
        #expect(second.header("x-rate-limit") == "token:PERSONAL_OAUTH_TOKEN 2/2 reset=3000s")
        let refused = try server.eventbrite("GET", "/users/me/")
        #expect(refused.status == 429)
        #expect(refused.header("Retry-After") == "3000")
        #expect(refused.json == Bodies.error(
            429, "HIT_RATE_LIMIT", "Hourly rate limit has been reached for this token. Default rate limits are 2,000 calls per hour."))
        // Another token has its own window; requests without a valid token are not counted.
        #expect(try server.eventbrite("GET", "/users/me/", token: Seed.otherUserToken).status == 200)
        #expect(try server.eventbrite("GET", "/users/me/", token: "nope").status == 401)
        try server.advanceClock(seconds: 3000)
        #expect(try server.eventbrite("GET", "/users/me/").header("x-rate-limit") == "token:PERSONAL_OAUTH_TOKEN 1/2 reset=3600s")
    }

    @Test func aResetTurnsItOffAgain() throws {
        _ = try server.request("POST", "/_understudy/eventbrite/rate-limit", json: ["limit": 1])
        _ = try server.eventbrite("GET", "/users/me/")
        #expect(try server.eventbrite("GET", "/users/me/").status == 429)
        #expect(try server.request("POST", "/_understudy/eventbrite/reset").status == 200)
        #expect(try server.eventbrite("GET", "/users/me/").status == 200)
    }

    @Test func badSettingsAreRefused() throws {
        #expect(try server.request("POST", "/_understudy/eventbrite/rate-limit", json: ["limit": -1]).status == 400)
        #expect(try server.request("POST", "/_understudy/eventbrite/rate-limit", json: ["enabled": "yes"]).status == 400)
    }
}
