import Emulation

/// Structured content (spec §8.23) and the rendered description built from it (§8.9). These
/// endpoints report an unknown event as `400 ARGUMENTS_ERROR event.id - INVALID`, not 404, as
/// the seed documents. Anyone who may read the event reads its published content and its
/// description; members read the working version and write new ones.
enum StructuredContent: EventbriteResourceGroup {
    static let tables = [StructuredContentPage.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try seed.seedRecords("structured_content.json", key: "pages") {
            var page = StructuredContentPage()
            page.eventID = try record.integer("event_id")
            page.purpose = try record.string("purpose")
            page.version = try record.integer("version")
            page.accessType = try record.string("access_type")
            page.published = try record.bool("published")
            page.modulesJSON = JSONWriter.string(record["modules"] ?? [])
            page.widgetsJSON = JSONWriter.string(record["widgets"] ?? [])
            page.created = EpochSeconds(Timestamp.parse(try record.timestamp("created")) ?? .distantPast)
            try database.insert(page)
        }
    }

    /// A copy (or a series occurrence) describes itself as its source does: every version comes along.
    static func eventCopied(from source: Int64, to copy: Int64, in database: Database, now: Int64) throws {
        for var page in try database.fetchAll(StructuredContentPage.self, where: "event_id = ?", source) {
            page.eventID = copy
            try database.insert(page)
        }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{id}/structured_content/", example: "/events/21321/structured_content/") { request in
                try respondLatest(request, publishedOnly: true)
            },
            routes.get("/events/{id}/structured_content/edit/", example: "/events/21321/structured_content/edit/") { request in
                try respondLatest(request, publishedOnly: false)
            },
            // An example, as no read names a `{version}`: the seed's next version of the demo event.
            routes.route(
                "POST", "/events/{id}/structured_content/{version}/", example: "/events/21321/structured_content/2/",
                StructuredContentWrite.create),
            routes.get("/events/{event_id}/description/", example: "/events/12345/description/") { request in
                let description = try request.read { database -> String in
                    let event = try request.describedEvent("event_id", changing: false, in: database)
                    return try EventDescription.html(of: event, in: database)
                }
                return EventbriteResponse.json(["description": .string(description)])
            },
        ]
    }

    /// `purpose` (default `listing`), then the latest (published) version, or the empty version 0.
    private static func respondLatest(_ request: EventbriteRequest, publishedOnly: Bool) throws -> HTTPResponse {
        let page = try request.read { database -> StructuredContentPage in
            let event = try request.describedEvent("id", changing: !publishedOnly, in: database)
            var arguments = QueryArguments(request.query)
            let purpose = arguments.choice("purpose", of: StructuredContentPage.purposes) ?? "listing"
            try arguments.errors.check()
            return try StructuredContentPage.latest(eventID: event.id, purpose: purpose, publishedOnly: publishedOnly, in: database)
                ?? .empty(eventID: event.id, purpose: purpose)
        }
        return EventbriteResponse.json(page.json(resourceURIBase: request.settings.resourceURIBase))
    }
}

extension EventbriteRequest {
    /// The event a description or structured content endpoint names in `parameter`: unknown (or
    /// deleted) is `400 ARGUMENTS_ERROR event.id - INVALID` (§6.3), then 403 as elsewhere.
    func describedEvent(_ parameter: String, changing: Bool, in database: Database) throws -> Event {
        guard let id = EventbriteID.parse(self.parameter(parameter)), let event = try Event.find(id, in: database) else {
            throw ArgumentErrors.single("event.id", ArgumentErrors.Code.invalid)
        }
        guard changing ? caller.isMember(of: event.organizationID) : (event.isPublic || caller.isMember(of: event.organizationID))
        else { throw EventbriteError.notAuthorized }
        return event
    }
}
