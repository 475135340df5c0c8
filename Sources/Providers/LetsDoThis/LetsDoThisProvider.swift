import Emulation

/// Let's Do This's organiser API v0 (https://api.letsdothis.com/v0), as specified in
/// specs/letsdothis.md: applications, participants, partners, claim links, reserved entry
/// groups, tickets and line items, behind HS256 JWT API keys, with cursor pagination.
public struct LetsDoThisProvider: Provider {
    static let providerName = "letsdothis"
    public let name = providerName
    public let basePath = "/v0"
    public let hosts = ["api.letsdothis.com"]
    /// Fastify does not normalise trailing slashes: `/v0/applications/` is an unknown route.
    public let trailingSlash = TrailingSlashPolicy.exact

    private let settings: LetsDoThisSettings

    /// Reads the `LDT_*` switches; throws a `SettingsError` naming every value that cannot be
    /// used, so the server refuses to start.
    public init(environment: [String: String]) throws {
        settings = try SettingsReader.read(environment) { LetsDoThisSettings(settings: &$0) }
    }

    public var schema: String { LetsDoThisSchema.sql }

    public func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try LetsDoThisSeed.load(from: seed, settings: settings, into: database)
    }

    public func initialTokens(from seed: SeedDirectory, database: Database) throws -> [IssuedToken] {
        LetsDoThisTokens.initial(settings: settings)
    }

    public var routes: [Route<LetsDoThisOrganiser>] {
        let settings = self.settings
        let aliases = settings.pathAliases
        // Spec §1.2: other spellings of the reconstructed paths, and PUT for PATCH.
        func also(_ route: Route<LetsDoThisOrganiser>, _ spellings: [(String?, String?)]) -> Route<LetsDoThisOrganiser> {
            guard aliases else { return route }
            return spellings.reduce(route) { $0.alias($1.0, $1.1) }
        }
        let reservedEntry: [(String?, String?)] = [(nil, "/reserved-entry-groups/{id}"), (nil, "/reservedEntries/{id}")]
        let eventReservedEntries: [(String?, String?)] = [
            (nil, "/events/{id}/reserved-entry-groups"), (nil, "/events/{id}/reservedEntries"),
        ]
        return [
            Route("GET", "/applications", example: "/applications?page[size]=10") { try Entries.list(.application, $0, $1, settings) },
            Route("GET", "/applications/{id}", example: "/applications/6399c20015d60ae3ff28f24c?extendMetadata=true") {
                try Entries.show(.application, $0, $1, settings)
            },
            Route("GET", "/events/{id}/applications", example: "/events/2365756/applications") {
                try Entries.listByEvent($0, $1, settings)
            },
            Route("GET", "/participants", example: "/participants?page[size]=2") { try Entries.list(.participant, $0, $1, settings) },
            Route("GET", "/participants/{id}", example: "/participants/6399c20015d60ae3ff28f24c?extendMetadata=true") {
                try Entries.show(.participant, $0, $1, settings)
            },
            Route("GET", "/races/{id}/participants", example: "/races/3517846101/participants?eventOccurrenceId=1353673654") {
                try Entries.listByRace($0, $1, settings)
            },
            Route("GET", "/partners/{id}", example: "/partners/67123?externalId=enthuse", Partners.show),
            also(Route("PATCH", "/partners/{id}", Partners.update), [("PUT", nil)]),
            Route("GET", "/partners", example: "/partners?search=research") { try Partners.list($0, $1, settings) },
            Route("POST", "/partners", Partners.create),
            also(
                Route("POST", "/partners/{id}/claim-link", ClaimLinks.create),
                [(nil, "/partners/{id}/claim-links"), (nil, "/partners/{id}/claimLink")]),
            also(
                Route("GET", "/reserved-entries/{id}", example: "/reserved-entries/re_abcd6ss01x8", ReservedEntryGroups.show),
                reservedEntry),
            also(
                Route("PATCH", "/reserved-entries/{id}", ReservedEntryGroups.update),
                reservedEntry + [("PUT", nil), ("PUT", "/reserved-entry-groups/{id}"), ("PUT", "/reservedEntries/{id}")]),
            also(Route("DELETE", "/reserved-entries/{id}", ReservedEntryGroups.delete), reservedEntry),
            also(
                Route("GET", "/events/{id}/reserved-entries", example: "/events/11120888/reserved-entries", ReservedEntryGroups.list),
                eventReservedEntries),
            also(Route("POST", "/events/{id}/reserved-entries", ReservedEntryGroups.create), eventReservedEntries),
            Route("GET", "/events/{id}/tickets", example: "/events/2365756/tickets", Ticket.list),
            also(
                Route("GET", "/line-items/{id}", example: "/line-items/64a0c0de0000000000000001", LineItems.show),
                [(nil, "/lineItems/{id}")]),
            also(
                Route("GET", "/line-items", example: "/line-items?sort[createdAt]=-1") { try LineItems.list($0, $1, settings) },
                [(nil, "/lineItems")]),
        ]
    }

    public var controlRoutes: [ControlRoute] { LetsDoThisControl(settings: settings).routes }

    public func authenticate(_ request: ProviderRequest) throws -> LetsDoThisOrganiser {
        try LetsDoThisAuth(settings: settings).authenticate(request)
    }

    /// Fastify answers an unknown path and a known path with another method alike (spec §5.4).
    public func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse {
        LetsDoThisErrors.routeNotFound(method: request.method, url: request.target)
    }

    public func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        LetsDoThisErrors.response(for: error, status: status)
    }

    public func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue {
        try settings.credentials(in: database, tokens: tokens)
    }
}
