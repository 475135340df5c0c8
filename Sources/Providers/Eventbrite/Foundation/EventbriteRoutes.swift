import Emulation

/// Builds the provider's routes. A user route's handler gets an `EventbriteRequest` for the
/// caller's user; a service token (`SOA_TOKEN`) is `INVALID_AUTH` there (spec §3.1), and only
/// `service(…)` routes (the Balance endpoint) take it.
struct EventbriteRoutes: Sendable {
    let settings: EventbriteSettings

    typealias Handler = @Sendable (EventbriteRequest) throws -> HTTPResponse

    func route(_ method: String, _ template: String, example: String? = nil, _ handler: @escaping Handler) -> Route<Caller> {
        let settings = settings
        return Route(method, template, example: example) { request, caller in
            guard case .user(let user) = caller.kind else { throw EventbriteError.invalidAuth(status: settings.invalidAuthStatus) }
            return try handler(EventbriteRequest(request, caller: user, switches: caller.switches, settings: settings))
        }
    }

    func get(_ template: String, example: String?, _ handler: @escaping Handler) -> Route<Caller> {
        route("GET", template, example: example, handler)
    }

    func post(_ template: String, _ handler: @escaping Handler) -> Route<Caller> {
        route("POST", template, handler)
    }

    func delete(_ template: String, _ handler: @escaping Handler) -> Route<Caller> {
        route("DELETE", template, handler)
    }

    /// A route the service token (`SOA_TOKEN`) may call, unlike every other: the handler gets the
    /// caller as authenticated and decides what a user token may do there (the Balance endpoint
    /// admits users who hold its permission, §8.2).
    func service(
        _ method: String, _ template: String, example: String? = nil,
        _ handler: @escaping @Sendable (ProviderRequest, Caller) throws -> HTTPResponse
    ) -> Route<Caller> {
        Route(method, template, example: example) { request, caller in try handler(request, caller) }
    }
}

/// One part of the API (a resource and its endpoints): its tables, its seed, its routes, and
/// what it does when an event is created or copied. `EventbriteProvider.groups` lists them all;
/// the schema, the seed and the route table are derived from that one list, in its order.
protocol EventbriteResourceGroup: Sendable {
    /// The group's tables (their indexes come with them).
    static var tables: [RecordTable] { get }
    /// Fills the group's tables from `seed/eventbrite/`; groups listed earlier are loaded already.
    static func loadSeed(from seed: SeedDirectory, into database: Database) throws
    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>]
    /// Mock-only endpoints under `/_understudy/eventbrite/…`.
    static var controlRoutes: [ControlRoute] { get }
    /// Creates what a new event starts with (display settings, canned questions…, §10.9).
    static func eventCreated(_ eventID: Int64, in database: Database, now: Int64) throws
    /// Copies the records `POST /events/{id}/copy/` copies (§8.6) from `source` to `copy`.
    static func eventCopied(from source: Int64, to copy: Int64, in database: Database, now: Int64) throws
}

extension EventbriteResourceGroup {
    static var tables: [RecordTable] { [] }
    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {}
    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] { [] }
    static var controlRoutes: [ControlRoute] { [] }
    static func eventCreated(_ eventID: Int64, in database: Database, now: Int64) throws {}
    static func eventCopied(from source: Int64, to copy: Int64, in database: Database, now: Int64) throws {}
}
