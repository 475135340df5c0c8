import HTTPServer

/// An emulated API. A provider declares what the framework needs to serve it (where it lives,
/// its tables and seed, its routes, its auth check and its error dialect) and nothing else:
/// sockets, routing, journaling, faults and the control API are the framework's.
public protocol Provider: Sendable {
    /// What an authenticated request carries to handlers (a user, an account, token scopes…).
    associatedtype Principal: Sendable

    /// Short name: the URL prefix (`/goevent`), the seed folder and the table-name prefix (`goevent_`).
    var name: String { get }
    /// The real service's base path, e.g. `/developers/v1.0`.
    var basePath: String { get }
    /// Further paths every base-path route is also served under (default: none). Eventbrite
    /// serves `/v3/x` at `/x` too, since a common client configuration drops the `/v3`.
    var alternateBasePaths: [String] { get }
    /// Host names of the real service; requests with such a `Host` are routed here unprefixed.
    var hosts: [String] { get }
    /// How a trailing slash must match (default: ignored).
    var trailingSlash: TrailingSlashPolicy { get }

    /// `CREATE TABLE IF NOT EXISTS` / `CREATE INDEX IF NOT EXISTS` statements; every table name
    /// starts with `name + "_"` so resets and namespaces can find them.
    var schema: String { get }
    /// Fills the (empty) tables from `seed/{name}/` in one transaction the caller opened.
    func loadSeed(from seed: SeedDirectory, into database: Database) throws
    /// The tokens every world starts with: seeded ones and those the environment adds (default:
    /// none). Read once, after `loadSeed`; they go into each world's `TokenStore`.
    func initialTokens(from seed: SeedDirectory, database: Database) throws -> [IssuedToken]

    var routes: [Route<Principal>] { get }
    /// Mock-only endpoints under `/_understudy/{name}/…` (default: none).
    var controlRoutes: [ControlRoute] { get }

    /// Checks a request's credentials; throws a `ResponseError` with the provider's 401/403 otherwise.
    func authenticate(_ request: ProviderRequest) throws -> Principal
    /// The provider's answer for a request no route matches. It sees the request's headers and
    /// the world, so a provider can authenticate before it says 405 (default order: none).
    func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse

    /// Changes a request before it is routed (bookingkit's `POST …?method=PATCH`), or refuses it
    /// with a response. Default: the request as it came.
    func rewrite(_ request: inout HTTPRequest) -> HTTPResponse?
    /// The answer to an `OPTIONS` request (a CORS preflight), or nil to route it like any other
    /// method (default).
    func preflight(_ request: HTTPRequest) -> HTTPResponse?
    /// Adds what every response of the provider carries (CORS headers, a write's waypoint token);
    /// called for every response, routed or not. Default: nothing.
    func decorate(_ response: inout HTTPResponse, for request: HTTPRequest)
    /// The status of `POST /_understudy/{name}/reset`, as the provider's spec proposes: 200 with
    /// `{}` (default) or 204 with no body.
    var resetStatus: Int { get }
    /// The provider's body for an error no handler turned into a response: malformed JSON,
    /// a storage failure, an injected fault (`status` is then the fault's).
    func errorResponse(for error: any Error, status: Int) -> HTTPResponse

    /// The demo credentials, as `/_understudy/credentials` lists them: at least `headers`.
    /// `tokens` are the provider's tokens in the world's `TokenStore`, in the order added.
    func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue
}

extension Provider {
    public var alternateBasePaths: [String] { [] }
    public func rewrite(_ request: inout HTTPRequest) -> HTTPResponse? { nil }
    public func preflight(_ request: HTTPRequest) -> HTTPResponse? { nil }
    public func decorate(_ response: inout HTTPResponse, for request: HTTPRequest) {}
    public var resetStatus: Int { 200 }
    public func initialTokens(from seed: SeedDirectory, database: Database) throws -> [IssuedToken] { [] }
    public var trailingSlash: TrailingSlashPolicy { .ignored }
    public var controlRoutes: [ControlRoute] { [] }
}
