import Emulation

/// The create / show / update / delete handlers event sub-resources share (spec §4). Each
/// checks the scope first (account 404, token 403, event 404), then finds the record, then
/// reads the body, so a bad path wins over a bad body. A group's own rules come in as
/// arguments: its required fields, how a new record gets its slug, what a delete takes with it,
/// and how the record is rendered (`respond`, given the status to answer with).
enum EventRecordHandlers {
    typealias Respond<Record> = (Record, _ status: Int, ProviderRequest, EventScope, Database) throws -> HTTPResponse
    /// Renders the records of one response in `view`, one object each in order; it gets them all
    /// at once so what they embed is loaded once per page.
    typealias Render<Record> = (_ records: [Record], View, ProviderRequest, EventScope, Database) throws -> [JSONValue]

    /// A page of the event's records (spec §5): `{"<key>": […], "meta": {…}}`, read from `table`
    /// (aliased `alias`) with `columns` (default: all of the table's), in `orderBy`'s order for
    /// the query; `extraMeta` writes what follows the pagination keys.
    static func list<Record>(
        _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String, key: StaticString,
        table: String, alias: String, columns: ((EventScope) -> String)? = nil, orderBy: (QueryParameters) -> String,
        record: (Row) -> Record, render: Render<Record>,
        extraMeta: (inout JSONBuilder) -> Void = ListMeta.writeEmptyFilterOptions
    ) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let page = PageRequest(request.query)
            var filter = SQLFilter()
            filter.add("\(alias).event_id = ?", scope.event.id)
            let result = try database.page(
                select: columns?(scope) ?? "\(alias).*", from: "\(table) AS \(alias)", where: filter,
                orderBy: orderBy(request.query), window: page.window, total: .count)
            let items = try render(result.items.map(record), request.listView, request, scope, database)
            return ResourceResponse.list(
                key, items: items, meta: PageMeta(page: page, totalCount: result.total, overallTotal: result.total),
                extraMeta: extraMeta)
        }
    }

    /// The `respond` of a group whose single record renders as its list items do, under `key`
    /// in the single view.
    static func single<Record>(_ key: String, render: @escaping Render<Record>) -> Respond<Record> {
        { record, status, request, scope, database in
            let object = try render([record], request.singleView, request, scope, database).first ?? .null
            return ResourceResponse.single(key, object, status: status)
        }
    }

    /// A renderer for records that embed nothing: each renders on its own.
    static func each<Record>(_ json: @escaping (Record, View) -> JSONValue) -> Render<Record> {
        { records, view, _, _, _ in records.map { json($0, view) } }
    }

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
