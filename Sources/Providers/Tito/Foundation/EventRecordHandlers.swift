import Emulation

/// The create / show / update / delete handlers event sub-resources share (spec §4). Each
/// checks the scope first (account 404, token 403, event 404), then finds the record, then
/// reads the body, so a bad path wins over a bad body. A group's own rules come in as
/// arguments: its required fields, how a new record gets its slug, what a delete takes with it,
/// and how the record is rendered (`respond`, given the status to answer with).
enum EventRecordHandlers {
    typealias Respond<Record> = (Record, _ status: Int, ProviderRequest, EventScope, Database) throws -> HTTPResponse

    static func show<Record: EventScopedRecord>(
        _: Record.Type, _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String,
        respond: Respond<Record>
    ) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            return try respond(try Record.find(request, scope, in: database), 200, request, scope, database)
        }
    }

    /// Creates a record from `newRecord` and the body; `requireFields` adds the errors of fields a
    /// create must send, and `prepareInsert` runs once the input is valid and the id is drawn.
    static func create<Record: EventScopedRecord>(
        _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String,
        newRecord: (EventScope, Database) throws -> Record,
        requireFields: (Record, inout ValidationErrors) -> Void = { _, _ in },
        prepareInsert: (inout Record, EventScope, Database) throws -> Void = { _, _, _ in },
        respond: Respond<Record>
    ) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            var record = try newRecord(scope, database)
            let attributes = try Attributes(request, wrapper: Record.wrapper)
            var errors = ValidationErrors()
            try record.apply(attributes, errors: &errors, in: database)
            record.validate(errors: &errors)
            requireFields(record, &errors)
            try errors.check()
            record.id = try Identifiers.next(Record.idSequence, in: database)
            try prepareInsert(&record, scope, database)
            try record.insert(into: database)
            return try respond(record, 201, request, scope, database)
        }
    }

    /// A partial update: only the attributes sent change; a body without any changes nothing,
    /// not even `updated_at`.
    static func update<Record: EventScopedRecord>(
        _: Record.Type, _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String,
        respond: Respond<Record>
    ) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            var record = try Record.find(request, scope, in: database)
            let attributes = try Attributes(request, wrapper: Record.wrapper)
            if !attributes.object.isEmpty {
                var errors = ValidationErrors()
                try record.apply(attributes, errors: &errors, in: database)
                record.validate(errors: &errors)
                try errors.check()
                record.updatedAt = request.nowMilliseconds
                try record.update(in: database)
            }
            return try respond(record, 200, request, scope, database)
        }
    }

    /// Deletes the record after `removeDependents` has dealt with what points at it; 204.
    static func delete<Record: EventScopedRecord>(
        _: Record.Type, _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String,
        removeDependents: (Record, EventScope, Database) throws -> Void = { _, _, _ in }
    ) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let record = try Record.find(request, scope, in: database)
            try removeDependents(record, scope, database)
            try database.run("DELETE FROM \(Record.table) WHERE id = ?", record.id)
        }
        return ResourceResponse.deleted
    }
}
