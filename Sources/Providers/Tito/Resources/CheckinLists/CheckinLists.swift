import Emulation

/// Check-in lists: the table, the seed and the endpoints C1–C5 (spec §11.5).
enum CheckinLists: TitoResourceGroup {
    static let resource = "checkin_lists"

    static let schema = CheckinList.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try CheckinList.loadSeed(seed, "checkin_lists.json", key: "checkin_lists", into: database)
        try Identifiers.start("checkin_lists", at: 3, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/checkin_lists", example: "/biscuit-box/2018/checkin_lists", list),
        Route("GET", "/{account_slug}/{event_slug}/checkin_lists/{checkin_list_slug}",
              example: "/biscuit-box/2018/checkin_lists/chk_d90KqwJIp9rfgkVzOCCTdMQ", show),
        Route("POST", "/{account_slug}/{event_slug}/checkin_lists", create),
        Route("PATCH", "/{account_slug}/{event_slug}/checkin_lists/{checkin_list_slug}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/checkin_lists/{checkin_list_slug}", delete),
    ]

    /// Copies the lists of a duplicated event (E8) with new slugs, pointing at the copied records.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try CheckinList.copyAll(&copy, in: database) { list, copy, database in
            list.slug = "chk_" + (try Identifiers.randomSlugBody(in: database))
            list.activityIDs = copy.remap("activities", list.activityIDs)
            list.questionIDs = copy.remap("questions", list.questionIDs)
            list.releaseIDs = copy.remap("releases", list.releaseIDs)
        }
    }

    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        try database.removeID(releaseID, fromList: "release_ids", of: "tito_checkin_lists", event: eventID)
    }

    /// C1: in id order.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "checkin_lists", rendering: CheckinListView.rendering,
            sort: SortSpec(idColumn: "c.id"))
    }

    /// C2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(
            CheckinList.self, request, principal, resource: resource, key: "checkin_list", rendering: CheckinListView.rendering)
    }

    /// C3: `title` is required; the slug is `chk_` and a random body.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource, key: "checkin_list", rendering: CheckinListView.rendering,
            newRecord: { scope, _ in CheckinList(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { list, errors in if list.title.isBlank { errors.add("title", ValidationErrors.blank) } },
            prepareInsert: { list, _, database in list.slug = "chk_" + (try Identifiers.randomSlugBody(in: database)) })
    }

    /// C4: partial; the slug never changes.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(
            CheckinList.self, request, principal, resource: resource, key: "checkin_list", rendering: CheckinListView.rendering)
    }

    /// C5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(CheckinList.self, request, principal, resource: resource)
    }
}
