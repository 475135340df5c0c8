import Emulation

/// Events (spec §8.6): retrieve, the lists by organization, venue, organizer and user, create
/// (also the legacy `POST /events/`), update, publish, unpublish, copy, cancel and delete, and the
/// retired search endpoint.
enum Events: EventbriteResourceGroup {
    static let tables = [Event.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for var event in try seed.records(Event.self, "events.json", key: "events") {
            try prepareSeeded(&event)
            try database.insert(event)
        }
        try BulkEvents.load(from: seed, into: database)
    }

    /// Fills what seed files leave to the server: the name's text, the local start, the url.
    static func prepareSeeded(_ event: inout Event) throws {
        event.setName(html: event.nameHTML)
        event.setTimes(
            start: event.startUTC.value, startTimezone: event.startTimezone, end: event.endUTC.value, endTimezone: event.endTimezone)
        if event.url.isEmpty { event.url = Event.url(name: event.nameText, id: event.id) }
    }

    static let controlRoutes = [EventLifecycle.completeControl]

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        let defaultStatus = routes.settings.organizationEventsDefaultStatus
        return [
            routes.get("/events/{event_id}/", example: "/events/12345/") { request in
                let id = try request.id("event_id", orNotFound: .event)
                return try EventbriteResponse.one(
                    Event.presenter, as: Event.self, where: "e.id = ? AND NOT e.is_deleted", [id], request, notFound: .notFound(.event)
                ) { event, _ in try request.requireReadable(event) }
            },
            routes.post("/organizations/{organization_id}/events/") { request in
                try EventWrites.create(request, organizationID: try request.memberOrganization())
            },
            routes.post("/events/") { request in
                try EventWrites.create(request, organizationID: try EventWrites.legacyOrganization(of: request.caller))
            },
            routes.post("/events/{event_id}/", EventWrites.update),
            routes.delete("/events/{event_id}/", EventLifecycle.delete),
            routes.post("/events/{event_id}/publish/", EventLifecycle.publish),
            routes.post("/events/{event_id}/unpublish/", EventLifecycle.unpublish),
            routes.post("/events/{event_id}/copy/", EventLifecycle.copy),
            routes.post("/events/{event_id}/cancel/", EventLifecycle.cancel),
            routes.get("/organizations/{organization_id}/events/", example: "/organizations/1234/events/") { request in
                let organizationID = try request.memberOrganization()
                let page = try request.page()
                var query = EventListQuery(request, base: "e.organization_id = ?", organizationID)
                query.organizationFilters(defaultStatus: defaultStatus)
                return try query.respond(request, page: page)
            },
            routes.get("/venues/{venue_id}/events/", example: "/venues/1234/events/") { request in
                let venue = try request.venue()
                let page = try request.page()
                // Like the organization list's default, occurrences stand for their series.
                var query = EventListQuery(request, base: "e.venue_id = ? AND NOT e.is_series_parent", venue.id)
                query.status(defaults: defaultStatus)
                query.orderBy(["start_asc", "start_desc", "created_asc", "created_desc"])
                query.startDateRange()
                // Non-members see the venue's public events only.
                if query.arguments.bool("only_public") == true || !request.caller.isMember(of: venue.organizationID) {
                    query.onlyPublic()
                }
                return try query.respond(request, page: page)
            },
            routes.get("/organizers/{organizer_id}/events/", example: "/organizers/12345/events/") { request in
                let organizer = try request.organizer()
                let page = try request.page()
                var query = EventListQuery(request, base: "e.organizer_id = ? AND NOT e.is_series_parent", organizer.id)
                query.status(defaults: ["live"])
                query.orderBy(["start_asc", "start_desc", "created_asc", "created_desc"])
                query.startDateRange()
                query.timeFilter()
                if !request.caller.isMember(of: organizer.organizationID) { query.onlyPublic() }
                return try query.respond(request, page: page)
            },
            routes.get("/users/{user_id}/owned_events/", example: "/users/me/owned_events/", ownedEvents),
            // The SDK's `get_user_events` reads the same list (Appendix A).
            routes.get("/users/{user_id}/events/", example: "/users/me/events/", ownedEvents),
            EventSearch.route(settings: routes.settings),
        ]
    }

    /// Events of every organization the user belongs to (Appendix A): any status but deleted
    /// unless `status` says otherwise. A user without events is 404, as observed live.
    private static func ownedEvents(_ request: EventbriteRequest) throws -> HTTPResponse {
        let userID = try request.user()
        let page = try request.page()
        var query = EventListQuery(request, base: Member.organizationOfUser("e.organization_id"), userID)
        query.status(defaults: ["all"])
        query.orderBy(["start_asc", "start_desc", "created_asc", "created_desc"])
        query.timeFilter()
        let hasEvents = try request.read { database in
            try database.queryOne(
                """
                SELECT 1 FROM eventbrite_events e JOIN eventbrite_members m ON m.organization_id = e.organization_id
                WHERE m.user_id = ? AND NOT e.is_deleted LIMIT 1
                """, userID) != nil
        }
        guard hasEvents else { throw EventbriteError.notFound(.user) }
        return try query.respond(request, page: page)
    }
}
