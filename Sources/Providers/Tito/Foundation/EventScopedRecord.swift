import Emulation

/// A record that belongs to one event and is named by a path parameter: what the shared
/// handlers in `EventRecordHandlers` need to find, edit and delete it.
protocol EventScopedRecord {
    /// The table that stores it, e.g. `tito_opt_ins`.
    static var table: String { get }
    /// The key of request bodies, e.g. `opt_in` for `{"opt_in": {…}}` (spec §3).
    static var wrapper: String { get }

    var id: Int64 { get set }
    var eventID: Int64 { get set }
    var createdAt: Int64 { get set }
    var updatedAt: Int64 { get set }

    /// A blank record (every stored property at its default), filled in by the initializers below.
    init()

    /// The record the request's path names within `scope`; throws `TitoError.notFound` when none
    /// does (a record of another event is not found either).
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> Self

    /// Applies the attributes sent; checks only what was sent, so it serves create and update.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws
    /// Checks that span several attributes, run after `apply` on every write (default: none).
    func validate(errors: inout ValidationErrors)

    func insert(into database: Database) throws
    /// Stores the writable columns and `updated_at` of an existing record.
    func update(in database: Database) throws
}

extension EventScopedRecord {
    /// A new record of the event, created and last changed `now`.
    init(eventID: Int64, now: Int64) {
        self.init()
        self.eventID = eventID
        createdAt = now
        updatedAt = now
    }

    /// A record with the columns every event-scoped table has read from `row`: `id`,
    /// `event_id`, `created_at` and `updated_at` (milliseconds).
    init(identityOf row: Row) {
        self.init()
        id = Int64(row.int("id") ?? 0)
        eventID = Int64(row.int("event_id") ?? 0)
        createdAt = Int64(row.int("created_at") ?? 0)
        updatedAt = Int64(row.int("updated_at") ?? 0)
    }

    /// The id sequence new records draw from (`Identifiers.next`): every table is `tito_` and
    /// its sequence's name.
    static var idSequence: String { String(table.dropFirst("tito_".count)) }

    func validate(errors: inout ValidationErrors) {}
}

extension EventScopedRecord {
    /// The stored row `key` names in the scope's event: a slug, or else a numeric id (spec §10).
    static func row(slugOrID key: String, _ scope: EventScope, in database: Database) throws -> Row {
        guard let row = try SlugOrID.row(key, select: "SELECT * FROM \(table)", parent: "event_id", scope.event.id, in: database)
        else { throw TitoError.notFound }
        return row
    }

    /// The stored row with the id `key` in the scope's event, for records that have no slug.
    static func row(id key: String, _ scope: EventScope, in database: Database) throws -> Row {
        guard let id = Int64(key),
            let row = try database.queryOne("SELECT * FROM \(table) WHERE event_id = ? AND id = ?", scope.event.id, id)
        else { throw TitoError.notFound }
        return row
    }
}

extension EventScopedRecord {
    /// Copies the records of an event being duplicated (E8), in id order: each copy gets a new
    /// id, the copy's event and `copy.now` as both times; `adjust` makes the group's own changes
    /// (new slugs, id lists pointing at the copies, reset counters) before it is stored. With
    /// `resource`, each copy's id is recorded in `copy` for later groups' id lists.
    static func copyAll(
        _ copy: inout EventCopy, as resource: String? = nil, read: (Row) -> Self, in database: Database,
        adjust: (inout Self, EventCopy, Database) throws -> Void = { _, _, _ in }
    ) throws {
        for row in try database.query("SELECT * FROM \(table) WHERE event_id = ? ORDER BY id", copy.sourceEventID) {
            var record = read(row)
            let original = record.id
            record.id = try Identifiers.next(idSequence, in: database)
            record.eventID = copy.copyEventID
            record.createdAt = copy.now
            record.updatedAt = copy.now
            try adjust(&record, copy, database)
            try record.insert(into: database)
            if let resource { copy.record(resource, original: original, copy: record.id) }
        }
    }
}
