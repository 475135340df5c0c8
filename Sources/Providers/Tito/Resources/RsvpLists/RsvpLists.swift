import Emulation

/// RSVP lists: the table, the seed and the endpoints V1–V5 (spec §11.13).
enum RsvpLists: TitoResourceGroup {
    static let resource = "rsvp_lists"

    static let schema = RsvpList.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try RsvpList.loadSeed(seed, "rsvp_lists.json", key: "rsvp_lists", into: database)
        try Identifiers.start("rsvp_lists", at: 124, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/rsvp_lists", example: "/biscuit-box/2018/rsvp_lists", list),
        Route("GET", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}",
              example: "/biscuit-box/2018/rsvp_lists/rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg", show),
        Route("POST", "/{account_slug}/{event_slug}/rsvp_lists", create),
        Route("PATCH", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}", delete),
    ]

    static let sort = SortSpec(
        default: .init("created_at", sql: "l.created_at", direction: .desc), others: [.init("title", sql: "l.title")],
        idColumn: "l.id")

    /// V1: newest first, or `search[sort]` by created_at or title.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "rsvp_lists", rendering: RsvpListView.rendering, sort: sort
        ) { json in
            ListMeta.writeSortOptions(
                [("Created time, earliest first", "created_at", "asc", false),
                 ("Created time, latest first", "created_at", "desc", true),
                 ("Title A-Z", "title", "asc", false), ("Title Z-A", "title", "desc", false)], to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        }
    }

    /// V2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(RsvpList.self, request, principal, resource: resource, key: "rsvp_list", rendering: RsvpListView.rendering)
    }

    /// V3: `title` is required; the slug is `rsvp_list_` and a random body.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource, key: "rsvp_list", rendering: RsvpListView.rendering,
            newRecord: { scope, _ in RsvpList(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { list, errors in
                if list.title.isBlank && !errors.has("title") { errors.add("title", ValidationErrors.blank) }
            },
            prepareInsert: { list, _, database in list.slug = "rsvp_list_" + (try Identifiers.randomSlugBody(in: database)) })
    }

    /// V4: only a sent `title` is a change; a body without one leaves `updated_at` alone, unlike
    /// the shared partial update, so this one is written out.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            var list = try RsvpList.find(request, scope, in: database)
            let attributes = try Attributes(request, wrapper: RsvpList.wrapper)
            if attributes.has("title") {
                var errors = ValidationErrors()
                try list.apply(attributes, errors: &errors, in: database)
                try errors.check()
                list.updatedAt = request.nowMilliseconds
                try database.update(list)
            }
            return try RsvpListView.rendering.single("rsvp_list", id: list.id, request, scope, in: database)
        }
    }

    /// V5: its invitations go with it (spec §13.11).
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(RsvpList.self, request, principal, resource: resource) { list, _, database in
            try database.delete(ReleaseInvitation.self, where: "rsvp_list_id = ?", list.id)
        }
    }
}
