import Emulation
import TestSupport
import Testing

/// The optional rate limiter (spec §9): off by default, switched on by a control endpoint.
@Suite struct RateLimitTests {
    @Test func theLimiterIsOffUntilSwitchedOn() throws {
        let server = try TestServer()
        #expect(try server.request("GET", "/_understudy/tito/rate-limit").json == ["enabled": false, "limit": 60, "window_seconds": 60])
        for _ in 0..<5 { #expect(try server.tito("GET", "/hello").status == 200) }
        try server.freezeClock(at: "2025-01-01T00:00:00Z")
        let on = try server.request("POST", "/_understudy/tito/rate-limit", json: ["limit": 2, "window_seconds": 10])
        #expect(on.status == 200)
        #expect(on.json == ["enabled": true, "limit": 2, "window_seconds": 10])
        #expect(try server.tito("GET", "/hello").status == 200)
        #expect(try server.tito("GET", "/biscuit-box").status == 200)
        let limited = try server.tito("GET", "/hello")
        #expect(limited.status == 429)
        #expect(limited.json == ["status": 429, "error": "Too Many Requests"])
        #expect(limited.header("Retry-After") == "10")
        // Each token has its own allowance; unauthenticated requests are refused before counting.
        #expect(try server.tito("GET", "/hello", token: TitoSeed.testToken).status == 200)
        #expect(try server.tito("GET", "/hello", token: nil).status == 401)
        try server.advanceClock(seconds: 4)
        #expect(try server.tito("GET", "/hello").header("Retry-After") == "6")
        try server.advanceClock(seconds: 6)
        #expect(try server.tito("GET", "/hello").status == 200)
        #expect(try server.request("POST", "/_understudy/tito/rate-limit", json: ["enabled": false]).json["enabled"] == false)
        for _ in 0..<3 { #expect(try server.tito("GET", "/hello").status == 200) }
        #expect(try server.request("POST", "/_understudy/tito/rate-limit", json: ["limit": -1]).status == 400)
        #expect(try server.request("POST", "/_understudy/tito/rate-limit", json: ["enabled": "yes"]).status == 400)
        // A reset turns it off again.
        _ = try server.request("POST", "/_understudy/tito/rate-limit", json: ["limit": 0])
        #expect(try server.tito("GET", "/hello").status == 429)
        _ = try server.request("POST", "/_understudy/reset?provider=tito")
        #expect(try server.tito("GET", "/hello").status == 200)
    }
}
