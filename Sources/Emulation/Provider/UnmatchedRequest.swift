import HTTPServer

/// A request to a provider that no route matches, as its `routeNotFound` sees it.
public struct UnmatchedRequest: Sendable {
    /// The request as routed (after the provider's `rewrite`).
    public let http: HTTPRequest
    /// The world the request would have acted on, for a provider that authenticates first.
    public let world: World
    /// The real path (the provider's base path included, Understudy's `/{provider}` prefix not),
    /// still percent-encoded.
    public let path: String
    /// The methods the path does exist for; empty when no route has this path.
    public let allowedMethods: [String]

    public var method: String { http.method }

    /// The raw query after `?`, or `""`.
    public var query: String { http.query }

    /// The path followed by `?query` when there is one, as the client wrote them.
    public var target: String { query.isEmpty ? path : path + "?" + query }

    /// The request as a handler would see it (no path parameters), to run the provider's
    /// authentication on it.
    public var providerRequest: ProviderRequest {
        ProviderRequest(http: http, world: world, path: path, parameters: [:])
    }
}
