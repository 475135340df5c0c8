import Emulation

/// A ticket or a registration: named in paths by slug or id (spec §10) within its event, and
/// seen only by tokens of its mode (spec §2.2); anything else answers 404.
protocol ModeScopedRecord: TitoRecord, PathNamedRecord {
    var testMode: Bool { get }
    /// The path parameter that names a record: `ticket_slug`, `registration_slug`.
    static var pathParameter: String { get }
    /// The name a token may be denied (spec §2.5) when it changes such a record.
    static var resource: String { get }
}

extension ModeScopedRecord {
    /// The record of the scope's event by slug or id, if the token's mode sees it.
    static func find(_ slugOrID: String, scope: EventScope, in database: Database) throws -> Self? {
        guard let record = try SlugOrID.find(Self.self, slugOrID, parent: "event_id", scope.event.id, in: database),
            scope.isVisible(testMode: record.testMode)
        else { return nil }
        return record
    }

    /// The record the request's path names; `TitoError.notFound` when there is none.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> Self {
        guard let record = try find(request.parameter(pathParameter), scope: scope, in: database) else { throw TitoError.notFound }
        return record
    }

    /// `PathNamedRecord.read` for the record's own `resource`.
    static func read(
        _ request: ProviderRequest, _ principal: TitoPrincipal, _ body: (Database, EventScope, Self) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        try read(request, principal, resource: resource, body)
    }

    /// `PathNamedRecord.write` for the record's own `resource`.
    static func write(
        _ request: ProviderRequest, _ principal: TitoPrincipal, _ body: (Database, EventScope, Self) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        try write(request, principal, resource: resource, body)
    }
}
