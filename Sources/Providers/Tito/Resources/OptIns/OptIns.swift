import Emulation

/// Opt-ins: the table, the seed and the endpoints O1–O5 (spec §11.8). The docs' endpoint line
/// spells the get path `/opt_in/{opt_in_slug}`; both spellings are served (spec §15 A9).
enum OptIns: TitoResourceGroup {
    static let resource = "opt_ins"

    static let schema = OptIn.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try OptIn.loadSeed(seed, "opt_ins.json", key: "opt_ins", into: database)
        try Identifiers.start("opt_ins", at: 167, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/opt_ins", example: "/biscuit-box/2018/opt_ins", list),
        Route("GET", "/{account_slug}/{event_slug}/opt_ins/{opt_in_slug}",
              example: "/biscuit-box/2018/opt_ins/do-you-consent-to-receiving-marketing-em", show),
        Route("GET", "/{account_slug}/{event_slug}/opt_in/{opt_in_slug}",
              example: "/biscuit-box/2018/opt_in/do-you-consent-to-receiving-marketing-em", show),
        Route("POST", "/{account_slug}/{event_slug}/opt_ins", create),
        Route("PATCH", "/{account_slug}/{event_slug}/opt_ins/{opt_in_slug}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/opt_ins/{opt_in_slug}", delete),
    ]

    static let sort = SortSpec(default: .init("name", sql: "o.name"), idColumn: "o.id")

    /// Copies the opt-ins of a duplicated event (E8): same slugs (slugs are per event), copied
    /// releases, no acceptances yet.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try OptIn.copyAll(&copy, in: database) { optIn, copy, _ in
            optIn.releaseIDs = copy.remap("releases", optIn.releaseIDs)
            optIn.acceptanceCount = 0
        }
    }

    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        try database.removeID(releaseID, fromList: "release_ids", of: "tito_opt_ins", event: eventID)
    }

    /// O1: A-Z by name by default.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(request, principal, resource: resource, key: "opt_ins", rendering: OptInView.rendering, sort: sort) {
            json in
            ListMeta.writeSortOptions([("A-Z", "name", "asc", true), ("Z-A", "name", "desc", false)], to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        }
    }

    /// O2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(OptIn.self, request, principal, resource: resource, key: "opt_in", rendering: OptInView.rendering)
    }

    /// O3: `name` is required; the slug follows it.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource, key: "opt_in", rendering: OptInView.rendering,
            newRecord: { scope, _ in OptIn(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { optIn, errors in if optIn.name.isBlank { errors.add("name", ValidationErrors.blank) } })
    }

    /// O4: a name change moves the opt-in to a new slug; the old one then answers 404.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(OptIn.self, request, principal, resource: resource, key: "opt_in", rendering: OptInView.rendering)
    }

    /// O5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(OptIn.self, request, principal, resource: resource)
    }
}
