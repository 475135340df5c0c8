import Emulation

/// Activities: the table, the seed and the endpoints A1–A6 (spec §11.3, §13.6).
enum Activities: TitoResourceGroup {
    static let tables = [GroupTable(Activity.self, nextID: 1_019_152)]

    /// A1–A5: name A-Z by default (`search[sort]=name` with either direction); `name` is required
    /// on create; a deleted activity leaves the check-in lists that named it (spec §13.11).
    static let endpoints = EventRecordEndpoints<Activity>(
        path: "activities", resource: "activities", listKey: "activities", singleKey: "activity",
        rendering: ActivityView.rendering, sort: SortSpec(default: .init("name", sql: "ac.name"), idColumn: "ac.id"),
        example: ("activities", "1019150"),
        extraMeta: { json in
            ListMeta.writeSortOptions([("Name A-Z", "name", "asc", true), ("Name Z-A", "name", "desc", false)], to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        },
        requireFields: { activity, errors in if activity.name.isBlank { errors.add("name", ValidationErrors.blank) } },
        removeDependents: { activity, scope, database in
            try database.removeID(activity.id, fromList: "activity_ids", of: "tito_checkin_lists", event: scope.event.id)
        })

    static var routes: [Route<TitoPrincipal>] {
        endpoints.routes + [Route("POST", "/{account_slug}/{event_slug}/activities/{activity_id}/duplication", duplicate)]
    }

    /// A6: a copy named "<name> Copy" with a new id and no allocations of its own history.
    static func duplicate(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Activity.write(request, principal, resource: endpoints.resource) { database, scope, found in
            var activity = found
            activity.id = try Identifiers.next(Activity.idSequence, in: database)
            activity.name += " Copy"
            activity.createdAt = request.nowMilliseconds
            activity.updatedAt = activity.createdAt
            try database.insert(activity)
            return try ActivityView.rendering.single("activity", id: activity.id, status: 201, request, scope, in: database)
        }
    }

    /// Copies the activities of a duplicated event (E8) with their releases and questions
    /// pointing at the copies; venues are not copied, so the venue is dropped.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try Activity.copyAll(&copy, as: "activities", in: database) { activity, copy, _ in
            activity.releaseIDs = copy.remap("releases", activity.releaseIDs)
            activity.questionIDs = copy.remap("questions", activity.questionIDs)
            activity.venueID = nil
        }
    }
}
