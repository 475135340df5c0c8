import Emulation
import Testing
import TestSupport

/// Whatever a client sends, the server answers without a 5xx and keeps serving: bad input gets
/// the provider's own 4xx. Inputs are random but reproducible (a fixed seed), and bounded.
@Suite struct HostileInputTests {
    /// SplitMix64: a tiny deterministic generator, so a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pathPieces = [
        "events", "event", "tickets", "create", "participants", "507f1f77bcf86cd799439011", "67212707e47ff56741acb3a6",
        "%00", "%ZZ", "%2F", "..", "", "caf%C3%A9", "a%20b", "%FF%FE", "x?y", "[]", "{id}", String(repeating: "z", count: 300),
    ]
    static let queryPieces = [
        "page=2", "page=-1", "page=99999999999999999999999", "limit=0", "limit=abc", "eventId=", "eventId=%00",
        "eventId=67212707e47ff56741acb3a6", "eventId=67212707e47ff56741acb3a6&eventId=x", "page[size]=1", "%", "=&=", "a=%E2%28",
    ]
    static let bodies = [
        "", "{", "[]", "null", "\"text\"", "42", "{\"eventId\": 1}", "{\"tickets\": \"no\"}",
        "{\"eventId\":\"643e7b194937913299554a7d\",\"tickets\":[{\"ticket_id\":\"65fff7aada40be007f09ee95\",\"quantity\":1e400}]}",
        "{\"eventId\":\"643e7b194937913299554a7d\",\"tickets\":[{\"ticket_id\":\"65fff7aada40be007f09ee95\",\"quantity\":-9223372036854775808}]}",
        "{\"eventId\":\"643e7b194937913299554a7d\",\"tickets\":[{}],\"participant\":[]}",
        "{\"eventId\":\"643e7b194937913299554a7d\",\"tickets\":[{\"ticket_id\":\"65fff7aada40be007f09ee95\",\"quantity\":1}],\"participant\":{\"participantId\":{}}}",
        String(repeating: "[", count: 5000), "\u{FEFF}{}", "{\"a\":\"\\ud800\"}",
    ]
    static let authorizations = [
        nil, "Bearer goevent-test-token", "Bearer goevent-other-token", "bearer   goevent-test-token  ", "Bearer ",
        "Basic Zm9vOmJhcg==", "Bearer \u{00e9}", "Token token=abc",
    ]

    @Test func randomRequestsNeverGetA5xx() throws {
        let server = try TestServer()
        var random = SeededGenerator(state: 20_261_122)
        for round in 0..<400 {
            let method = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"].randomElement(using: &random)!
            let segments = (0..<Int.random(in: 0...4, using: &random)).map { _ in Self.pathPieces.randomElement(using: &random)! }
            var target = "/goevent/developers/v1.0/" + segments.joined(separator: "/")
            if Bool.random(using: &random) {
                target += "?" + (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.queryPieces.randomElement(using: &random)! }
                    .joined(separator: "&")
            }
            target = target.replacingOccurrences(of: " ", with: "%20")
            var headers: [(String, String)] = []
            if let authorization = Self.authorizations.randomElement(using: &random)! { headers.append(("Authorization", authorization)) }
            var body: String?
            if method != "GET" && method != "HEAD" {
                body = Self.bodies.randomElement(using: &random)!
                headers.append(("Content-Type", ["application/json", "text/plain", "application/json; charset=utf-8"].randomElement(using: &random)!))
            }
            let response = try server.request(method, target, headers: headers, body: body)
            #expect(response.status < 500, "round \(round): \(method) \(target) \(body ?? "") → \(response.status) \(response.text)")
        }
        #expect(try server.request("GET", "/_understudy/health").status == 200)
    }

    @Test func randomControlRequestsNeverGetA5xx() throws {
        let server = try TestServer()
        var random = SeededGenerator(state: 7)
        let paths = [
            "/_understudy/clock", "/_understudy/clock/advance", "/_understudy/reset", "/_understudy/requests",
            "/_understudy/goevent/faults", "/_understudy/goevent/tokens", "/_understudy/goevent/reset",
            "/_understudy/nope/faults", "/_understudy/routes?provider=", "/_understudy/requests?limit=-5",
        ]
        let bodies = [
            "", "{", "[]", "{\"now\": 5}", "{\"now\": \"9999-99-99T99:99:99Z\"}", "{\"seconds\": 1e308}",
            "{\"seconds\": -1e308}", "{\"status\": 500, \"times\": 0}", "{\"token\": \"\", \"userId\": 1}", "{\"status\": \"x\"}",
        ]
        for round in 0..<200 {
            let method = ["GET", "POST", "PUT", "DELETE"].randomElement(using: &random)!
            let path = paths.randomElement(using: &random)!
            let body = method == "GET" ? nil : bodies.randomElement(using: &random)!
            let response = try server.request(method, path, headers: [("Content-Type", "application/json")], body: body)
            #expect(response.status < 500, "round \(round): \(method) \(path) \(body ?? "") → \(response.status) \(response.text)")
        }
        // Whatever the clock went through, it can be released and the server still serves.
        #expect(try server.request("DELETE", "/_understudy/clock").status == 200)
        #expect(try server.request("GET", "/goevent/developers/v1.0/events", headers: [("Authorization", "Bearer goevent-test-token")]).status == 200)
    }
}
