import Emulation
import Testing

@Suite struct RouteTableTests {
    private func table(_ policy: TrailingSlashPolicy = .ignored) -> RouteTable<String> {
        RouteTable(
            [
                ("GET", RouteTemplate("/v3/{account}/events/{event}"), "event"),
                ("GET", RouteTemplate("/v3/{account}/events/search"), "search"),
                ("DELETE", RouteTemplate("/v3/{account}/events/{event}"), "delete"),
                ("GET", RouteTemplate("/v3/users/me/"), "me"),
                ("GET", RouteTemplate("/"), "root"),
            ], trailingSlash: policy)
    }

    private func entry(_ lookup: RouteTable<String>.Lookup) -> String? {
        if case .matched(let match) = lookup { return match.entry }
        return nil
    }

    @Test func literalSegmentsWinOverParametersWhateverTheOrder() {
        #expect(entry(table().lookup(method: "GET", path: "/v3/acme/events/search")) == "search")
        #expect(entry(table().lookup(method: "GET", path: "/v3/acme/events/jazz")) == "event")
    }

    @Test func decodesPathParameters() {
        guard case .matched(let match) = table().lookup(method: "GET", path: "/v3/acme%20co/events/caf%C3%A9") else {
            Issue.record("expected a match")
            return
        }
        #expect(match.parameters == ["account": "acme co", "event": "café"])
        #expect(match.template.text == "/v3/{account}/events/{event}")
    }

    @Test func headFallsBackToGet() {
        #expect(entry(table().lookup(method: "HEAD", path: "/v3/acme/events/jazz")) == "event")
    }

    @Test func reportsMethodsAllowedOnAKnownPath() {
        guard case .methodNotAllowed(let allowed) = table().lookup(method: "POST", path: "/v3/acme/events/jazz") else {
            Issue.record("expected methodNotAllowed")
            return
        }
        #expect(allowed == ["GET", "DELETE"])
    }

    @Test func unknownPathsAndEmptyParametersAreNotFound() {
        guard case .notFound = table().lookup(method: "GET", path: "/v3/acme/events") else {
            Issue.record("expected notFound")
            return
        }
        guard case .notFound = table().lookup(method: "GET", path: "/v3//events/x") else {
            Issue.record("an empty segment must not fill a parameter")
            return
        }
    }

    @Test func trailingSlashPolicies() {
        #expect(entry(table(.ignored).lookup(method: "GET", path: "/v3/users/me")) == "me")
        #expect(entry(table(.ignored).lookup(method: "GET", path: "/v3/acme/events/jazz/")) == "event")
        #expect(entry(table(.exact).lookup(method: "GET", path: "/v3/users/me/")) == "me")
        #expect(entry(table(.exact).lookup(method: "GET", path: "/v3/users/me")) == nil)
        #expect(entry(table(.exact).lookup(method: "GET", path: "/v3/acme/events/jazz/")) == nil)
        #expect(entry(table().lookup(method: "GET", path: "/")) == "root")
    }
}
