/// A request to a provider that no route matches, as its `routeNotFound` sees it.
public struct UnmatchedRequest: Sendable {
    public let method: String
    /// The real path (the provider's base path included, Understudy's `/{provider}` prefix not),
    /// still percent-encoded.
    public let path: String
    /// The raw query after `?`, or `""`.
    public let query: String
    /// The methods the path does exist for; empty when no route has this path.
    public let allowedMethods: [String]

    /// The path followed by `?query` when there is one, as the client wrote them.
    public var target: String { query.isEmpty ? path : path + "?" + query }
}
