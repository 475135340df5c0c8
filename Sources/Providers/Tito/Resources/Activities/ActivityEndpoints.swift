import Emulation

/// The activity endpoints A1–A6 (spec §11.3, §13.6). The table and seed are `Activities`.
enum ActivityEndpoints: TitoResourceGroup {
    static let resource = "activities"

    /// A1's orders read through this index.
    static let schema = """
        CREATE INDEX IF NOT EXISTS tito_activities_by_name ON tito_activities (event_id, name, id);
        """

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/activities", example: "/biscuit-box/2018/activities", list),
        Route("GET", "/{account_slug}/{event_slug}/activities/{activity_id}", example: "/biscuit-box/2018/activities/1019150",
              show),
        Route("POST", "/{account_slug}/{event_slug}/activities", create),
        Route("PATCH", "/{account_slug}/{event_slug}/activities/{activity_id}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/activities/{activity_id}", delete),
        Route("POST", "/{account_slug}/{event_slug}/activities/{activity_id}/duplication", duplicate),
    ]

    static let sort = SortSpec(default: .init("name", sql: "ac.name"), idColumn: "ac.id")

    /// Activity columns with `allocation_count` over the non-void tickets of its releases that the
    /// token sees (spec §13.6), for `tito_activities AS ac`.
    static func columns(_ scope: EventScope) -> String {
        let modes = scope.visibleTestModes.map { $0 ? "1" : "0" }.joined(separator: ", ")
        return """
            ac.*, (SELECT COUNT(*) FROM tito_tickets AS t WHERE t.event_id = ac.event_id AND t.state != 'void'
                AND t.test_mode IN (\(modes)) AND t.release_id IN (SELECT value FROM json_each(ac.release_ids)))
                AS allocation_count
            """
    }

    /// A1: name A-Z by default; `search[sort]=name` with either direction.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "activities", table: ActivityDraft.table, alias: "ac",
            columns: columns, orderBy: sort.orderBy, record: ActivityRecord.init(row:), render: render
        ) { json in
            ListMeta.writeSortOptions(
                [("Name A-Z", "name", "asc", true), ("Name Z-A", "name", "desc", false)], to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        }
    }

    /// A2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(ActivityDraft.self, request, principal, resource: resource, respond: respond)
    }

    /// A3: `name` is required.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource,
            newRecord: { scope, _ in ActivityDraft(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { draft, errors in if draft.name.isBlank { errors.add("name", ValidationErrors.blank) } },
            respond: respond)
    }

    /// A4: partial; an empty body changes nothing.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(ActivityDraft.self, request, principal, resource: resource, respond: respond)
    }

    /// A5: the activity leaves the check-in lists that named it (spec §13.11).
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(ActivityDraft.self, request, principal, resource: resource) { activity, scope, database in
            try database.removeID(activity.id, fromList: "activity_ids", of: "tito_checkin_lists", event: scope.event.id)
        }
    }

    /// A6: a copy named "<name> Copy" with a new id and no allocations of its own history.
    static func duplicate(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let activity = try find(request, scope, in: database)
            var draft = ActivityDraft(activity)
            draft.id = try Identifiers.next("activities", in: database)
            draft.name = activity.name + " Copy"
            draft.createdAt = request.nowMilliseconds
            draft.updatedAt = draft.createdAt
            try draft.insert(into: database)
            return try respond(draft.id, status: 201, request, scope, in: database)
        }
    }

    /// The activity `{activity_id}` names in the event (its id).
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> ActivityRecord {
        guard let id = Int64(request.parameter("activity_id")),
            let row = try database.queryOne(
                "SELECT \(columns(scope)) FROM tito_activities AS ac WHERE ac.event_id = ? AND ac.id = ?", scope.event.id, id)
        else { throw TitoError.notFound }
        return ActivityRecord(row: row)
    }

    /// The stored activity, re-read for its `allocation_count`.
    private static func respond(
        _ draft: ActivityDraft, status: Int, _ request: ProviderRequest, _ scope: EventScope, in database: Database
    ) throws -> HTTPResponse {
        try respond(draft.id, status: status, request, scope, in: database)
    }

    private static func respond(
        _ id: Int64, status: Int, _ request: ProviderRequest, _ scope: EventScope, in database: Database
    ) throws -> HTTPResponse {
        guard let row = try database.queryOne(
            "SELECT \(columns(scope)) FROM tito_activities AS ac WHERE ac.id = ?", id)
        else { throw TitoError.notFound }
        let object = try render([ActivityRecord(row: row)], view: request.singleView, request, scope, in: database).first
        return ResourceResponse.single("activity", object ?? .null, status: status)
    }

    /// Activities with their questions and releases embedded.
    private static func render(
        _ activities: [ActivityRecord], view: View, _ request: ProviderRequest, _ scope: EventScope, in database: Database
    ) throws -> [JSONValue] {
        let embedded = try EmbeddedRecords(
            scope: scope, now: request.nowMilliseconds, releaseIDs: activities.flatMap(\.releaseIDs),
            questionIDs: activities.flatMap(\.questionIDs), in: database)
        return activities.map { json($0, scope: scope, embedded: embedded, view: view) }
    }

    /// The activity with its questions and releases embedded (spec §12.3).
    static func json(_ activity: ActivityRecord, scope: EventScope, embedded: EmbeddedRecords, view: View) -> JSONValue {
        guard var object = activity.embeddedJSON(event: scope.event).objectValue else { return .null }
        object["questions"] = .array(embedded.questions(activity.questionIDs))
        object["releases"] = .array(embedded.releases(activity.releaseIDs))
        return JSONValue.object(object).marked(view)
    }
}
