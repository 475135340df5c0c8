import Emulation

/// GoEvent's "Developers V1.0" ticketing API (https://cloud.goevent.live/developers/v1.0), as
/// specified in specs/goevent.md: events a user administers, their ticket types, ticket issuing
/// and participants, behind bearer tokens.
public struct GoEventProvider: Provider {
    static let providerName = "goevent"
    public let name = providerName
    public let basePath = "/developers/v1.0"
    public let hosts = ["cloud.goevent.live"]

    private let auth: GoEventAuth

    /// Reads `GOEVENT_TOKENS`, `GOEVENT_AUTH_MODE` and `GOEVENT_DEFAULT_USER_ID`; throws a
    /// `SettingsError` naming every value that cannot be used, so the server refuses to start.
    public init(environment: [String: String]) throws {
        auth = try SettingsReader.read(environment) { GoEventAuth(settings: &$0) }
    }

    public var schema: String { GoEventSchema.sql }

    public func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try GoEventSeed.load(from: seed, into: database)
    }

    public func initialTokens(from seed: SeedDirectory, database: Database) throws -> [IssuedToken] {
        try GoEventTokens.initial(from: seed, environment: auth.environmentTokens)
    }

    public var routes: [Route<GoEventUser>] {
        [
            // The reads depend on the data and the caller only: their answers are reused until either changes.
            Route("GET", "/events", example: "/events?page=1&limit=20", Events.list).memoized(),
            Route("GET", "/event/{id}", example: "/event/67212707e47ff56741acb3a6", Events.show).memoized(),
            Route("GET", "/tickets", example: "/tickets?eventId=67212707e47ff56741acb3a6", Tickets.list).memoized(),
            Route("POST", "/tickets/create", Tickets.create),
            Route("GET", "/participants", example: "/participants?eventId=67212707e47ff56741acb3a6&page=1&limit=50",
                  Participants.list).memoized(),
        ]
    }

    public var controlRoutes: [ControlRoute] { GoEventControl.routes }

    public func authenticate(_ request: ProviderRequest) throws -> GoEventUser {
        try auth.authenticate(request)
    }

    /// Express answers an unknown path and a known path with another method alike: its HTML 404.
    public func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse {
        GoEventErrors.routeNotFound(method: request.method, path: request.path)
    }

    public func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        GoEventErrors.response(for: error, status: status)
    }

    public func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue {
        try auth.credentials(in: database, tokens: tokens)
    }
}
