import Emulation

/// Opt-ins: the table, the seed and the endpoints O1–O5 (spec §11.8). The docs' endpoint line
/// spells the get path `/opt_in/{opt_in_slug}`; both spellings are served (spec §15 A9).
enum OptIns: TitoResourceGroup {
    static let resource = "opt_ins"

    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_opt_ins (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            slug TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            release_ids TEXT NOT NULL DEFAULT '[]',
            acceptance_count INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (event_id, slug)
        );
        CREATE INDEX IF NOT EXISTS tito_opt_ins_by_name ON tito_opt_ins (event_id, name, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "opt_ins.json", key: "opt_ins") {
            var optIn = OptInRecord(eventID: try record.id("event_id"), now: try record.requiredMilliseconds("created_at"))
            optIn.id = try record.id()
            optIn.slug = try record.requiredText("slug")
            optIn.name = try record.requiredText("name")
            optIn.description = record.text("description")
            optIn.releaseIDs = JSONColumn.ids(record.jsonText("release_ids"))
            optIn.acceptanceCount = record.int("acceptance_count") ?? 0
            optIn.updatedAt = try record.milliseconds("updated_at", default: optIn.createdAt) ?? optIn.createdAt
            try optIn.insert(into: database)
        }
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
        try OptInRecord.copyAll(&copy, read: OptInRecord.init(row:), in: database) { optIn, copy, _ in

            optIn.releaseIDs = copy.remap("releases", optIn.releaseIDs)
            optIn.acceptanceCount = 0
        }
    }

    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        try database.removeID(releaseID, fromList: "release_ids", of: "tito_opt_ins", event: eventID)
    }

    /// O1: A-Z by name by default.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "opt_ins", table: OptInRecord.table, alias: "o",
            orderBy: sort.orderBy, record: OptInRecord.init(row:), render: render
        ) { json in
            ListMeta.writeSortOptions([("A-Z", "name", "asc", true), ("Z-A", "name", "desc", false)], to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        }
    }

    /// O2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(OptInRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// O3: `name` is required; the slug follows it.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource,
            newRecord: { scope, _ in OptInRecord(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { optIn, errors in if optIn.name.isBlank { errors.add("name", ValidationErrors.blank) } },
            respond: respond)
    }

    /// O4: a name change moves the opt-in to a new slug; the old one then answers 404.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(OptInRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// O5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(OptInRecord.self, request, principal, resource: resource)
    }

    private static var respond: EventRecordHandlers.Respond<OptInRecord> {
        EventRecordHandlers.single("opt_in", render: render)
    }

    /// Opt-ins with their releases embedded; short objects carry no releases, so only the
    /// extended view loads them.
    private static func render(
        _ optIns: [OptInRecord], view: View, _ request: ProviderRequest, _ scope: EventScope, in database: Database
    ) throws -> [JSONValue] {
        let embedded = try EmbeddedRecords(
            scope: scope, now: request.nowMilliseconds, releaseIDs: view.isExtended ? optIns.flatMap(\.releaseIDs) : [],
            in: database)
        return optIns.map { $0.json(view: view, embedded: embedded) }
    }
}
