import Emulation

/// A record that belongs to one event and is named by a path parameter: what the shared
/// handlers in `EventRecordHandlers` need to find, edit and delete it.
protocol EventScopedRecord: TitoRecord, PathNamedRecord {
    /// The key of request bodies, e.g. `opt_in` for `{"opt_in": {…}}` (spec §3).
    static var wrapper: String { get }

    var id: Int64 { get set }
    var eventID: Int64 { get set }
    var createdAt: Int64 { get set }
    var updatedAt: Int64 { get set }

    /// The path parameter that names a record: `checkin_list_slug`, `activity_id`. A `_slug`
    /// parameter takes a slug or an id (spec §10), any other an id.
    static var pathParameter: String { get }

    /// Applies the attributes sent; checks only what was sent, so it serves create and update.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws
    /// Checks that span several attributes, run after `apply` on every write (default: none).
    func validate(errors: inout ValidationErrors)
}

extension EventScopedRecord {
    /// A new record of the event, created and last changed `now`.
    init(eventID: Int64, now: Int64) {
        self.init()
        self.eventID = eventID
        createdAt = now
        updatedAt = now
    }

    /// The id sequence new records draw from (`Identifiers.next`): every table is `tito_` and
    /// its sequence's name.
    static var idSequence: String { String(table.name.dropFirst("tito_".count)) }

    func validate(errors: inout ValidationErrors) {}

    /// A seed without `updated_at` was last changed when it was created.
    mutating func completeSeed() {
        if updatedAt == 0 { updatedAt = createdAt }
    }

    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> Self {
        let key = request.parameter(pathParameter)
        return try pathParameter.hasSuffix("_slug") ? find(slugOrID: key, scope, in: database) : find(id: key, scope, in: database)
    }

    /// The record `key` names in the scope's event: a slug, or else a numeric id (spec §10).
    static func find(slugOrID key: String, _ scope: EventScope, in database: Database) throws -> Self {
        guard let record = try SlugOrID.find(Self.self, key, parent: "event_id", scope.event.id, in: database) else {
            throw TitoError.notFound
        }
        return record
    }

    /// The record with the id `key` in the scope's event, for records that have no slug.
    static func find(id key: String, _ scope: EventScope, in database: Database) throws -> Self {
        guard let id = Int64(key), let record = try database.fetchOne(Self.self, where: "event_id = ? AND id = ?", scope.event.id, id)
        else { throw TitoError.notFound }
        return record
    }

    /// Copies the records of an event being duplicated (E8), in id order: each copy gets a new
    /// id, the copy's event and `copy.now` as both times; `adjust` makes the group's own changes
    /// (new slugs, id lists pointing at the copies, reset counters) before it is stored. With
    /// `resource`, each copy's id is recorded in `copy` for later groups' id lists.
    static func copyAll(
        _ copy: inout EventCopy, as resource: String? = nil, in database: Database,
        adjust: (inout Self, EventCopy, Database) throws -> Void = { _, _, _ in }
    ) throws {
        for var record in try database.fetchAll(Self.self, where: "event_id = ?", orderBy: "id", copy.sourceEventID) {
            let original = record.id
            record.id = try Identifiers.next(idSequence, in: database)
            record.eventID = copy.copyEventID
            record.createdAt = copy.now
            record.updatedAt = copy.now
            try adjust(&record, copy, database)
            try database.insert(record)
            if let resource { copy.record(resource, original: original, copy: record.id) }
        }
    }
}
