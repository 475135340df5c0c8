import Emulation

/// The list / create / show / update / delete handlers event sub-resources share (spec §4). Each
/// checks the scope first (account 404, token 403, event 404), then finds the record, then
/// reads the body, so a bad path wins over a bad body. A group's own rules come in as
/// arguments: its required fields, how a new record gets its slug, what a delete takes with it;
/// records render through the group's `RecordRendering`.
enum EventRecordHandlers {
    /// A page of the event's records (spec §5): `{"<key>": […], "meta": {…}}`, in `sort`'s
    /// order; `extraMeta` writes what follows the pagination keys.
    static func list(
        _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String?, key: StaticString, rendering: RecordRendering,
        sort: SortSpec, extraMeta: (inout JSONBuilder) -> Void = ListMeta.writeEmptyFilterOptions
    ) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let filter = SQLFilter("\(rendering.alias).event_id = ?", scope.event.id)
            let page = try database.listPage(
                PageRequest(request.query), from: "\(rendering.view.table.name) AS \(rendering.alias)", alias: rendering.alias,
                where: filter, order: sort.order(request.query))
            var context = RenderContext(request, scope, view: request.listView)
            try rendering.prepare(&context, scope, database)
            return try ResourceResponse.list(key, meta: page.meta(overallTotal: page.total), extraMeta: extraMeta) { json in
                try rendering.write(page, context: context, scope, in: database, to: &json)
            }
        }
    }

    static func show<Record: EventScopedRecord>(
        _: Record.Type, _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String, key: StaticString,
        rendering: RecordRendering
    ) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let record = try Record.find(request, scope, in: database)
            return try rendering.single(key, id: record.id, request, scope, in: database)
        }
    }

    /// Creates a record from `newRecord` and the body; `requireFields` adds the errors of fields a
    /// create must send, and `prepareInsert` runs once the input is valid and the id is drawn.
    static func create<Record: EventScopedRecord>(
        _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String, key: StaticString, rendering: RecordRendering,
        newRecord: (EventScope, Database) throws -> Record,
        requireFields: (Record, inout ValidationErrors) -> Void = { _, _ in },
        prepareInsert: (inout Record, EventScope, Database) throws -> Void = { _, _, _ in }
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
            try database.insert(record)
            return try rendering.single(key, id: record.id, status: 201, request, scope, in: database)
        }
    }

    /// A partial update: only the attributes sent change; a body without any changes nothing,
    /// not even `updated_at`.
    static func update<Record: EventScopedRecord>(
        _: Record.Type, _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String, key: StaticString,
        rendering: RecordRendering
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
                try database.update(record)
            }
            return try rendering.single(key, id: record.id, request, scope, in: database)
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
            try database.delete(Record.self, where: "id = ?", record.id)
        }
        return ResourceResponse.deleted
    }
}
