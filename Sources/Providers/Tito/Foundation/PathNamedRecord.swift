import Emulation

/// A record of an event that the request's path names (by slug or id, spec §10): the event is
/// checked first, in the documented order (spec §8), then the record is found in it.
protocol PathNamedRecord {
    /// The record the request's path names within `scope`; throws `TitoError.notFound` when none
    /// does (a record of another event is not found either).
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> Self
}

extension PathNamedRecord {
    /// Runs `body` in a read transaction with the event (`resource` is the name a token may be
    /// denied) and the record the path names.
    static func read<Result>(
        _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String, _ body: (Database, EventScope, Self) throws -> Result
    ) throws -> Result {
        try open(request, principal, resource: resource, writing: false, body)
    }

    /// Runs `body` in a write transaction with the event and the record the path names.
    static func write<Result>(
        _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String, _ body: (Database, EventScope, Self) throws -> Result
    ) throws -> Result {
        try open(request, principal, resource: resource, writing: true, body)
    }

    private static func open<Result>(
        _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String, writing: Bool,
        _ body: (Database, EventScope, Self) throws -> Result
    ) throws -> Result {
        func transaction(_ database: Database) throws -> Result {
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            return try body(database, scope, try find(request, scope, in: database))
        }
        return writing ? try request.write(transaction) : try request.read(transaction)
    }
}
