import Emulation

/// Tito's Admin API v3 (https://api.tito.io/v3), as specified in specs/tito.md.
///
/// The API is split into resource groups (`Resources/<Group>/`), each a `TitoResourceGroup`:
/// it declares its tables (`schema`), fills them from `seed/tito/` (`loadSeed`), lists its
/// endpoints (`routes`) and takes part in event duplication and release deletion through two
/// hooks. To add a group, put its files in its own folder and add it to `groups` below: the
/// schema, the seed and the route table are all derived from that one list, in its order
/// (tables a group refers to, and seed rows it needs, come from groups listed before it).
/// A table with an `event_id` column is cleared of an event's rows when the event is deleted.
///
/// Shared pieces live in `Foundation/`: authentication and the principal handlers receive,
/// account and event lookup in the documented order (`Scope`, and `PathNamedRecord` for the
/// record a path names), request attributes with Rails' type coercion (`Attributes`) and the
/// rules by which they land on records (`FieldAssignment`, `SluggedRecord`), 422 bodies
/// (`ValidationErrors`), pagination (`PageRequest`, `PageMeta`, `ListPage`), sorting and
/// filtering (`SortSpec`, `ListQuery`), views, formats and ids.
/// Each resource is a `StoredRecord` (`TitoRecord`): its properties are its columns, and its
/// table, seed reading, inserts and updates follow; it renders through `RecordView`s with a
/// `RenderContext` (the view asked for, how money is written, the records it embeds).
public struct TitoProvider: Provider {
    static let providerName = "tito"
    public let name = providerName
    public let basePath = "/v3"
    public let hosts = ["api.tito.io"]

    /// Every resource group, in dependency order.
    static let groups: [any TitoResourceGroup.Type] = [
        Accounts.self,
        Events.self,
        Questions.self,
        Releases.self,
        Activities.self,
        DiscountCodes.self,
        Registrations.self,
        Tickets.self,
        Answers.self,
        CheckinLists.self,
        InterestedUsers.self,
        OptIns.self,
        RsvpLists.self,
        ReleaseInvitations.self,
        WebhookEndpoints.self,
        Refunds.self,
        Venues.self,
        WaitlistedPeople.self,
    ]

    private let auth: TitoAuth

    /// Reads `TITO_TOKENS`, `TITO_ACCEPT_ANY_TOKEN` and `TITO_MONEY_AS_NUMBERS` (see `TitoAuth`); throws a `SettingsError`
    /// naming every value that cannot be used, so the server refuses to start.
    public init(environment: [String: String]) throws {
        auth = try SettingsReader.read(environment) { TitoAuth(settings: &$0) }
    }

    public var schema: String {
        Self.groups.map { $0.schema }.joined(separator: "\n")
    }

    public func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for group in Self.groups { try group.loadSeed(from: seed, into: database) }
    }

    public func initialTokens(from seed: SeedDirectory, database: Database) throws -> [IssuedToken] {
        try TitoToken.initial(from: seed, environment: auth.environmentTokens)
    }

    public var routes: [Route<TitoPrincipal>] { Self.groups.flatMap { $0.routes } }

    public var controlRoutes: [ControlRoute] { TitoRateLimit.controlRoutes }

    /// The spec's own reset endpoint (§17) answers 204.
    public let resetStatus = 204

    public func authenticate(_ request: ProviderRequest) throws -> TitoPrincipal {
        try auth.authenticate(request)
    }

    /// Rails answers an unknown path, and a known path with another method, with its 404 JSON.
    public func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse {
        TitoError.notFound.response
    }

    /// Malformed JSON is Rails' 400; injected faults and storage failures get the public-exceptions body.
    public func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        if error is JSONBodyError { return TitoError.badRequest.response }
        return TitoError.rails(status, ReasonPhrase.rfc7231Name(forStatus: status)).response
    }

    public func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue {
        auth.credentials(tokens: tokens)
    }
}
