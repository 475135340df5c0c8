import Emulation

/// The activity endpoints A1–A6 (spec §11.3, §13.6). The table and seed are `Activities`.
enum ActivityEndpoints: TitoResourceGroup {
    static let resource = "activities"

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

    /// A1: name A-Z by default; `search[sort]=name` with either direction.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "activities", rendering: ActivityView.rendering, sort: sort
        ) { json in
            ListMeta.writeSortOptions(
                [("Name A-Z", "name", "asc", true), ("Name Z-A", "name", "desc", false)], to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        }
    }

    /// A2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(Activity.self, request, principal, resource: resource, key: "activity", rendering: ActivityView.rendering)
    }

    /// A3: `name` is required.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource, key: "activity", rendering: ActivityView.rendering,
            newRecord: { scope, _ in Activity(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { activity, errors in if activity.name.isBlank { errors.add("name", ValidationErrors.blank) } })
    }

    /// A4: partial; an empty body changes nothing.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(Activity.self, request, principal, resource: resource, key: "activity", rendering: ActivityView.rendering)
    }

    /// A5: the activity leaves the check-in lists that named it (spec §13.11).
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(Activity.self, request, principal, resource: resource) { activity, scope, database in
            try database.removeID(activity.id, fromList: "activity_ids", of: "tito_checkin_lists", event: scope.event.id)
        }
    }

    /// A6: a copy named "<name> Copy" with a new id and no allocations of its own history.
    static func duplicate(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            var activity = try Activity.find(request, scope, in: database)
            activity.id = try Identifiers.next(Activity.idSequence, in: database)
            activity.name += " Copy"
            activity.createdAt = request.nowMilliseconds
            activity.updatedAt = activity.createdAt
            try database.insert(activity)
            return try ActivityView.rendering.single("activity", id: activity.id, status: 201, request, scope, in: database)
        }
    }
}
