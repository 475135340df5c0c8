import Emulation

/// Check-in lists: the table, the seed and the endpoints C1–C5 (spec §11.5).
enum CheckinLists: TitoResourceGroup {
    static let resource = "checkin_lists"

    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_checkin_lists (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            slug TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            activity_ids TEXT NOT NULL DEFAULT '[]',
            question_ids TEXT NOT NULL DEFAULT '[]',
            release_ids TEXT NOT NULL DEFAULT '[]',
            expires_at INTEGER,
            show_company_name INTEGER NOT NULL DEFAULT 1,
            show_email INTEGER NOT NULL DEFAULT 1,
            show_phone_number INTEGER NOT NULL DEFAULT 1,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_checkin_lists_by_event ON tito_checkin_lists (event_id, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "checkin_lists.json", key: "checkin_lists") {
            var list = CheckinListRecord(eventID: try record.id("event_id"), now: try record.requiredMilliseconds("created_at"))
            list.id = try record.id()
            list.slug = try record.requiredText("slug")
            list.title = try record.requiredText("title")
            list.activityIDs = JSONColumn.ids(record.jsonText("activity_ids"))
            list.questionIDs = JSONColumn.ids(record.jsonText("question_ids"))
            list.releaseIDs = JSONColumn.ids(record.jsonText("release_ids"))
            list.expiresAt = try record.milliseconds("expires_at")
            list.showCompanyName = record.bool("show_company_name", default: true)
            list.showEmail = record.bool("show_email", default: true)
            list.showPhoneNumber = record.bool("show_phone_number", default: true)
            list.updatedAt = try record.milliseconds("updated_at", default: list.createdAt) ?? list.createdAt
            try list.insert(into: database)
        }
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
        try CheckinListRecord.copyAll(&copy, read: CheckinListRecord.init(row:), in: database) { list, copy, database in

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
            request, principal, resource: resource, key: "checkin_lists", table: CheckinListRecord.table, alias: "c",
            orderBy: { _ in "c.id" }, record: CheckinListRecord.init(row:), render: render)
    }

    /// C2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(CheckinListRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// C3: `title` is required; the slug is `chk_` and a random body.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource,
            newRecord: { scope, _ in CheckinListRecord(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { list, errors in if list.title.isBlank { errors.add("title", ValidationErrors.blank) } },
            prepareInsert: { list, _, database in list.slug = "chk_" + (try Identifiers.randomSlugBody(in: database)) },
            respond: respond)
    }

    /// C4: partial; the slug never changes.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(CheckinListRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// C5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(CheckinListRecord.self, request, principal, resource: resource)
    }

    private static var respond: EventRecordHandlers.Respond<CheckinListRecord> {
        EventRecordHandlers.single("checkin_list", render: render)
    }

    /// Lists with their releases, questions and activities embedded.
    private static func render(
        _ lists: [CheckinListRecord], view: View, _ request: ProviderRequest, _ scope: EventScope, in database: Database
    ) throws -> [JSONValue] {
        let embedded = try EmbeddedRecords(
            scope: scope, now: request.nowMilliseconds, releaseIDs: lists.flatMap(\.releaseIDs),
            questionIDs: lists.flatMap(\.questionIDs), activityIDs: lists.flatMap(\.activityIDs), in: database)
        return lists.map { $0.json(embedded: embedded, view: view) }
    }
}
