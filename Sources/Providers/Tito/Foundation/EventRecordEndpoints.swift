import Emulation

/// The endpoints of an event sub-resource that follow the shared rules (spec §4): its list, and
/// the show, create, update and delete of one record, each at
/// `/{account_slug}/{event_slug}/<path>[/{<parameter>}]`. Every handler checks the scope first
/// (account 404, token 403, event 404), then finds the record, then reads the body, so a bad path
/// wins over a bad body. A resource's own rules come in as properties: its sort and list meta,
/// its required fields, how a new record gets its slug, which attributes an update counts, what
/// a delete takes with it; records render through its `RecordRendering`.
struct EventRecordEndpoints<Record: EventScopedRecord>: Sendable {
    typealias Handler = @Sendable (ProviderRequest, TitoPrincipal) throws -> HTTPResponse

    /// Below the event: `checkin_lists`, or `rsvp_lists/{rsvp_list_slug}/release_invitations`.
    let path: String
    /// The name a token may be denied (spec §2.5).
    let resource: String
    /// The wrapper keys of a list and of one record.
    let listKey: StaticString
    let singleKey: StaticString
    let rendering: RecordRendering
    var sort: SortSpec
    /// The path with its parameters filled, and a record's key, for the routes' examples.
    var example: (path: String, record: String)
    /// What follows the pagination keys in the list's meta.
    var extraMeta: @Sendable (inout JSONBuilder) -> Void = ListMeta.writeEmptyFilterOptions
    var newRecord: @Sendable (ProviderRequest, EventScope, Database) throws -> Record = { request, scope, _ in
        Record(eventID: scope.event.id, now: request.nowMilliseconds)
    }
    /// Adds the errors of fields a create must send.
    var requireFields: @Sendable (Record, inout ValidationErrors) -> Void = { _, _ in }
    /// Runs once a create's input is valid and its id is drawn (a slug, a position).
    var prepareInsert: @Sendable (inout Record, EventScope, Database) throws -> Void = { _, _, _ in }
    /// Deals with what points at a record before it is deleted.
    var removeDependents: @Sendable (Record, EventScope, Database) throws -> Void = { _, _, _ in }
    /// Whether an update's body changes the record (else nothing changes, not even `updated_at`):
    /// any attribute sent, unless the resource names the ones that count.
    var isChange: @Sendable (Attributes) -> Bool = { !$0.object.isEmpty }
    /// A list with its own filters, in place of the shared one.
    var customList: Handler?

    var routes: [Route<TitoPrincipal>] {
        let collection = "/{account_slug}/{event_slug}/\(path)"
        let member = collection + "/{\(Record.pathParameter)}"
        let examplePath = "/biscuit-box/2018/\(example.path)"
        return [
            Route("GET", collection, example: examplePath, customList ?? list),
            Route("GET", member, example: examplePath + "/" + example.record, show),
            Route("POST", collection, create),
            Route("PATCH", member, update),
            Route("DELETE", member, delete),
        ]
    }

    /// A page of the event's records (spec §5): `{"<key>": […], "meta": {…}}`, in `sort`'s order.
    func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            return try rendering.list(listKey, request, scope, sort: sort, extraMeta: extraMeta, in: database)
        }
    }

    func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Record.read(request, principal, resource: resource) { database, scope, record in
            try rendering.single(singleKey, id: record.id, request, scope, in: database)
        }
    }

    func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            var record = try newRecord(request, scope, database)
            let attributes = try Attributes(request, wrapper: Record.wrapper)
            var errors = ValidationErrors()
            try record.apply(attributes, errors: &errors, in: database)
            record.validate(errors: &errors)
            requireFields(record, &errors)
            try errors.check()
            record.id = try Identifiers.next(Record.idSequence, in: database)
            try prepareInsert(&record, scope, database)
            try database.insert(record)
            return try rendering.single(singleKey, id: record.id, status: 201, request, scope, in: database)
        }
    }

    /// A partial update: only the attributes sent change; a body that `isChange` says changes
    /// nothing changes nothing, not even `updated_at`.
    func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Record.write(request, principal, resource: resource) { database, scope, found in
            var record = found
            let attributes = try Attributes(request, wrapper: Record.wrapper)
            if isChange(attributes) {
                var errors = ValidationErrors()
                try record.apply(attributes, errors: &errors, in: database)
                record.validate(errors: &errors)
                try errors.check()
                record.updatedAt = request.nowMilliseconds
                try database.update(record)
            }
            return try rendering.single(singleKey, id: record.id, request, scope, in: database)
        }
    }

    /// Deletes the record after `removeDependents` has dealt with what points at it; 204.
    func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Record.write(request, principal, resource: resource) { database, scope, record in
            try removeDependents(record, scope, database)
            try database.delete(Record.self, where: "id = ?", record.id)
        }
        return ResourceResponse.deleted
    }
}
