import HTTPServer

/// One endpoint of a provider: method, path template, an example path for `/_understudy/routes`,
/// and a handler. Authenticated routes get the provider's principal, so a handler cannot forget auth.
public struct Route<Principal: Sendable>: Sendable {
    public enum Handler: Sendable {
        case authenticated(@Sendable (ProviderRequest, Principal) throws -> HTTPResponse)
        case anonymous(@Sendable (ProviderRequest) throws -> HTTPResponse)
    }

    public let method: String
    /// Relative to the provider's base path, spelled as in the spec's endpoint table.
    public let template: String
    /// A path (and query) relative to the base path that succeeds with the seed data and demo credentials.
    public let example: String?
    public let handler: Handler
    /// Other method and path spellings answered by the same handler. They are not listed by
    /// `/_understudy/routes`, and their responses name this route in `X-Understudy-Route`.
    public private(set) var aliases: [(method: String, template: String)] = []
    /// Whether `template` is relative to the host root rather than to the base path (OAuth
    /// endpoints: `/oauth/token` beside `/v3/…`).
    public private(set) var isOutsideBasePath = false
    /// Whether answers may be reused for the same caller and target until the data changes or
    /// the clock leaves their window (see `ResponseCache`).
    public private(set) var isMemoized = false

    /// A route that requires the provider's authentication.
    public init(
        _ method: String, _ template: String, example: String? = nil,
        _ handler: @escaping @Sendable (ProviderRequest, Principal) throws -> HTTPResponse
    ) {
        self.method = method
        self.template = template
        self.example = example
        self.handler = .authenticated(handler)
    }

    /// A route that anyone may call (OAuth token endpoints and the like).
    public init(
        anonymous method: String, _ template: String, example: String? = nil,
        _ handler: @escaping @Sendable (ProviderRequest) throws -> HTTPResponse
    ) {
        self.method = method
        self.template = template
        self.example = example
        self.handler = .anonymous(handler)
    }

    /// The route, its answers reused while the world's data and tokens stay the same (see
    /// `ResponseCache`): only for reads whose answer depends on nothing else, or on the emulated
    /// clock only through comparisons whose next flip the handler states
    /// (`ProviderRequest.answerChanges(at:)`).
    public func memoized() -> Route {
        var route = self
        route.isMemoized = true
        return route
    }

    /// The route with `template` taken from the host root, not the base path (see `isOutsideBasePath`).
    public func outsideBasePath() -> Route {
        var route = self
        route.isOutsideBasePath = true
        return route
    }

    /// The route, also answering `method` (default: its own) at `template` (default: its own).
    public func alias(_ method: String? = nil, _ template: String? = nil) -> Route {
        var route = self
        route.aliases.append((method ?? self.method, template ?? self.template))
        return route
    }
}

/// A provider's own mock-only endpoint, served under `/_understudy/{provider}/…` without auth.
public struct ControlRoute: Sendable {
    public let method: String
    /// Relative to `/_understudy/{provider}`, e.g. `/tokens`.
    public let template: String
    public let handler: @Sendable (ProviderRequest) throws -> HTTPResponse

    public init(_ method: String, _ template: String, _ handler: @escaping @Sendable (ProviderRequest) throws -> HTTPResponse) {
        self.method = method
        self.template = template
        self.handler = handler
    }
}
