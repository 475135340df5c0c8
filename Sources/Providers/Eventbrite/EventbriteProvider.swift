import Emulation

/// Eventbrite's API v3 (https://www.eventbriteapi.com/v3), as specified in specs/eventbrite.md.
///
/// Every route is served under `/v3` and, for clients whose base URL loses the `/v3`, at the root
/// too (§1.2); the OAuth endpoints live outside the base, as on www.eventbrite.com. The API is
/// split into resource groups (`Resources/<Group>/`, each an `EventbriteResourceGroup`), and
/// `Foundation/` holds the dialect they all speak: authentication, errors, paging, expansions,
/// request bodies. `README.md` in this folder shows how a resource plugs in.
public struct EventbriteProvider: Provider {
    public let name = "eventbrite"
    public let basePath = "/v3"
    public let alternateBasePaths = [""]
    public let hosts = ["www.eventbriteapi.com", "www.eventbrite.com"]

    /// Every resource group, in dependency order: tables a group refers to, and seed rows it
    /// needs, come from groups listed before it.
    static let groups: [any EventbriteResourceGroup.Type] = [
        Users.self,
        Organizations.self,
        ReferenceData.self,
        Media.self,
        Organizers.self,
        Venues.self,
        Events.self,
        Pricing.self,
        TicketClasses.self,
        InventoryTiers.self,
        CapacityTier.self,
        TicketGroups.self,
        Discounts.self,
        Teams.self,
        Orders.self,
        Attendees.self,
        Reports.self,
        Balance.self,
        EventSettings.self,
        Questions.self,
        StructuredContent.self,
        Series.self,
        SeatMaps.self,
        TextOverrides.self,
        Webhooks.self,
        EventbriteControl.self,
    ]

    let settings: EventbriteSettings
    private let auth: EventbriteAuth
    private let oauth: EventbriteOAuth

    /// Reads the `EVENTBRITE_*` settings (see `EventbriteSettings`); throws a `SettingsError`
    /// naming every value that cannot be used, so the server refuses to start.
    public init(environment: [String: String]) throws {
        settings = try SettingsReader.read(environment) { EventbriteSettings(&$0) }
        auth = EventbriteAuth(settings: settings)
        oauth = EventbriteOAuth(userID: settings.oauthUserID)
    }

    public var trailingSlash: TrailingSlashPolicy {
        switch settings.trailingSlashMode {
        case .lenient: return .ignored
        case .redirect:
            return .redirectReads { location in
                var response = EventbriteError.permanentlyMoved.response
                response.headers.add("Location", location)
                return response
            }
        }
    }

    public var schema: String {
        (Self.groups.flatMap { $0.tables }.map(\.schema) + [oauth.schema]).joined(separator: "\n")
    }

    public func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try EventbriteID.startSequence(in: database)
        for group in Self.groups { try group.loadSeed(from: seed, into: database) }
        try oauth.loadSeed(from: seed, into: database)
    }

    public func initialTokens(from seed: SeedDirectory, database: Database) throws -> [IssuedToken] {
        try EventbriteTokens.seeded(from: seed)
    }

    public var routes: [Route<Caller>] {
        let builder = EventbriteRoutes(settings: settings)
        return Self.groups.flatMap { $0.routes(builder) } + oauth.routes
    }

    public var controlRoutes: [ControlRoute] {
        Self.groups.flatMap { $0.controlRoutes } + oauth.controlRoutes + EventbriteRateLimit.controlRoutes
            + WebhookDeliveries.routes(settings: settings)
    }

    public func authenticate(_ request: ProviderRequest) throws -> Caller {
        try auth.authenticate(request)
    }

    /// An unknown path is the 404 of §3.4, before authentication; a known path with another
    /// method is authenticated first (switches, credential, rate limit), then `405`.
    public func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse {
        guard !request.allowedMethods.isEmpty else { return EventbriteError.pathNotFound.response }
        do {
            _ = try auth.authenticate(request.providerRequest)
        } catch let error as EventbriteError {
            return error.response
        } catch {
            return EventbriteError.internalError.response
        }
        return EventbriteError.methodNotAllowed.response
    }

    /// Malformed bodies are `INVALID_BODY`; injected faults and storage failures the generic 500
    /// (or the fault's status with the closest common error).
    public func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        if error is JSONBodyError || error is RequestBodyError { return EventbriteError.invalidBody.response }
        let byStatus: EventbriteError
        switch status {
        case 400: byStatus = .actionNotProcessed
        case 401: byStatus = .noAuth
        case 403: byStatus = .notAuthorized
        case 404: byStatus = .pathNotFound
        case 429: byStatus = .hitRateLimit(retryAfter: 3600)
        default: byStatus = .internalError
        }
        // A fault names its constant: one of §6.2 keeps its description, any other its status's.
        let chosen = (error as? InjectedFault)?.error.map { EventbriteError.common[$0] ?? .rule($0, byStatus.description) } ?? byStatus
        var answer = EventbriteError(status: status, code: chosen.code, description: chosen.description)
        answer.headers = chosen.headers
        return answer.response
    }

    /// CORS preflight (§1.2): the JS SDK runs in browsers.
    public func preflight(_ request: HTTPRequest) -> HTTPResponse? {
        .empty(status: 204, headers: [
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS"),
            (
                "Access-Control-Allow-Headers",
                "Authorization, Content-Type, Eb-Api-Switches-Enabled, Eb-Api-Switches-Disabled, Eventbrite-API-Waypoint-Token"
            ),
        ])
    }

    /// Every response allows any origin; a successful API write carries a waypoint token (§1.6).
    public func decorate(_ response: inout HTTPResponse, for request: HTTPRequest) {
        if response.headers["Access-Control-Allow-Origin"] == nil { response.headers.add("Access-Control-Allow-Origin", "*") }
        guard request.method == "POST" || request.method == "DELETE", (200..<300).contains(response.status),
            !request.path.contains("/oauth/")
        else { return }
        response.headers.add("Eventbrite-API-Waypoint-Token", WaypointToken.for(request))
    }

    public func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue {
        try oauth.credentials(tokens: tokens, in: database)
    }
}
