import Emulation

/// Event series (spec §8.7): the parent by its series id, its occurrences, and schedules that add
/// occurrences to it. Occurrences are events (`is_series`, `series_id` = the parent) created only
/// here, each a copy of the parent at one date of the schedule.
enum Series: EventbriteResourceGroup {
    static let tables = [Schedule.table]

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/series/{event_series_id}/", example: "/series/12345/") { request in
                let id = try request.id("event_series_id", orNotFound: .series)
                return try EventbriteResponse.one(
                    Event.presenter, as: Event.self, where: "e.id = ? AND NOT e.is_deleted", [id], request, notFound: .notFound(.series)
                ) { event, _ in try request.requireSeriesParent(event) }
            },
            routes.get("/series/{event_series_id}/events/", example: "/series/12345/events/") { request in
                let parent = try request.read { try request.seriesParent(in: $0) }
                let page = try request.page()
                var query = EventListQuery(request, base: "e.series_id = ?", parent.id)
                query.orderBy(["start_asc", "start_desc", "created_asc", "created_desc"])
                query.timeFilter()
                query.startDateRange()
                // Non-members see the occurrences anyone may see.
                if !request.caller.isMember(of: parent.organizationID) { query.onlyPublic() }
                return try query.respond(request, page: page)
            },
            routes.post("/events/{event_id}/schedules/", ScheduleCreation.create),
        ]
    }
}

extension EventbriteRequest {
    /// The `{event_series_id}` of the path: a series parent that is not deleted (any other id is
    /// the series 404), readable by the caller as events are (§3.3).
    func seriesParent(in database: Database) throws -> Event {
        guard let event = try Event.find(try id("event_series_id", orNotFound: .series), in: database) else {
            throw EventbriteError.notFound(.series)
        }
        try requireSeriesParent(event)
        return event
    }

    /// The series 404 unless `event` is a series parent, then the 403 of events (§3.3).
    func requireSeriesParent(_ event: Event) throws(EventbriteError) {
        guard event.isSeriesParent else { throw EventbriteError.notFound(.series) }
        try requireReadable(event)
    }
}
