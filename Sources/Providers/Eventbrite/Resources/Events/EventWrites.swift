import Emulation

/// Creating and updating events (spec §8.6). Both answer with the event as `GET` shows it.
enum EventWrites {
    /// `POST /organizations/{organization_id}/events/` and the legacy `POST /events/` (whose
    /// organization is the caller's own, else their first).
    static func create(_ request: EventbriteRequest, organizationID: Int64) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            let changes = try EventChanges(body.wrapper("event"), creating: true, organizationID: organizationID, in: database)
            var event = Event()
            event.organizationID = organizationID
            changes.apply(to: &event)
            try changes.checkConflicts(resulting: event, now: request.now)
            if changes.organizerID == nil {
                // The organization's default organizer has its id (§10.1).
                guard try database.queryOne(
                    "SELECT 1 FROM eventbrite_organizers WHERE id = ? AND organization_id = ?", organizationID, organizationID) != nil
                else { throw EventbriteError.rule("NO_DEFAULT_ORGANIZER", "The organization has no default organizer.") }
                event.organizerID = organizationID
            }
            event.id = try EventbriteID.next(in: database)
            event.url = Event.url(name: event.nameText, id: event.id)
            event.created = EpochSeconds(request.now)
            event.changed = event.created
            try database.insert(event)
            for group in EventbriteProvider.groups { try group.eventCreated(event.id, in: database, now: request.now) }
            return event.id
        }
        return try EventbriteResponse.one(Event.presenter, id: id, request, notFound: .event)
    }

    /// The organization `POST /events/` creates in: the one with the caller's id, else the
    /// first they belong to; none is 403.
    static func legacyOrganization(of caller: UserCaller) throws(EventbriteError) -> Int64 {
        if caller.isMember(of: caller.userID) { return caller.userID }
        guard let first = caller.organizationIDs.min() else { throw EventbriteError.notAuthorized }
        return first
    }

    /// `POST /events/{event_id}/`: a partial update; a series parent passes some fields on to its
    /// occurrences.
    static func update(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            var event = try request.managedEvent(in: database)
            let fields = body.wrapper("event")
            let changes = try EventChanges(fields, creating: false, organizationID: event.organizationID, in: database)
            try checkUpdateRules(changes, event: event, in: database)
            changes.apply(to: &event)
            try changes.checkConflicts(resulting: event, now: request.now)
            if event.isSeries && !event.isSeriesParent && event.endUTC.value - event.startUTC.value > 7 * 86_400 {
                throw EventbriteError.rule("OCCURRENCE_DURATION_TOO_LONG", "An occurrence cannot last longer than 7 days.")
            }
            event.changed = EpochSeconds(request.now)
            try database.update(event)
            if event.isSeriesParent && changes.propagatesToOccurrences {
                for var occurrence in try Event.occurrences(of: event, in: database) {
                    EventChanges.propagate(from: event, to: &occurrence)
                    occurrence.changed = event.changed
                    try database.update(occurrence)
                }
            }
            return event.id
        }
        return try EventbriteResponse.one(Event.presenter, id: id, request, notFound: .event)
    }

    /// The update-only constants of §8.6, checked against the event before the change.
    private static func checkUpdateRules(_ changes: EventChanges, event: Event, in database: Database) throws {
        if let source = changes.source, source != event.source {
            throw EventbriteError.rule("CANNOT_UPDATE_SOURCE", "The source of an event cannot be changed.")
        }
        let isOccurrence = event.isSeries && !event.isSeriesParent
        if event.isSeriesParent && (changes.start?.utc != nil || changes.end?.utc != nil) {
            throw EventbriteError.rule(
                "SERIES_PARENT_START_END_DATE_EDIT", "The start and end of a series parent come from its occurrences; only the timezone may change.")
        }
        if isOccurrence,
            let zone = changes.start?.timezone ?? changes.end?.timezone, zone != event.startTimezone
        {
            throw EventbriteError.rule("OCCURRENCE_TIMEZONE_UPDATE_NOT_ALLOWED", "The timezone of an occurrence cannot be changed.")
        }
        if let reserved = changes.flag("is_reserved_seating"), reserved != event.isReservedSeating, event.isSeries {
            throw EventbriteError.rule(
                "IS_RESERVED_SEATING_UPDATE_NOT_ALLOWED_ON_SERIES_EVENTS", "Reserved seating cannot be changed on series events.")
        }
        if let series = changes.flag("is_series"), series != event.isSeries {
            if isOccurrence {
                throw EventbriteError.rule(
                    "IS_SERIES_UPDATE_NOT_ALLOWED_ON_SERIES_OCCURRENCE", "is_series cannot be changed on a series occurrence.")
            }
            if event.isReservedSeating {
                throw EventbriteError.rule(
                    "IS_SERIES_UPDATE_NOT_ALLOWED_ON_RESERVED_EVENTS", "is_series cannot be changed on reserved seating events.")
            }
            if event.status != .draft {
                throw EventbriteError.rule(
                    "IS_SERIES_UPDATE_NOT_ALLOWED_ON_PUBLISHED_EVENTS", "is_series cannot be changed on published events.")
            }
            if try !Event.occurrences(of: event, in: database).isEmpty {
                throw EventbriteError.rule(
                    "IS_SERIES_UPDATE_NOT_ALLOWED_HAS_OCCURRENCES", "is_series cannot be changed on a series with occurrences.")
            }
            if try database.queryOne("SELECT 1 FROM eventbrite_ticket_classes WHERE event_id = ? AND NOT is_deleted", event.id) != nil {
                throw EventbriteError.rule(
                    "IS_SERIES_UPDATE_NOT_ALLOWED_ON_TICKETED_EVENTS", "is_series cannot be changed on events with ticket classes.")
            }
        }
        // Paid sales fix the currency (§8.6).
        if let currency = changes.currency, currency != event.currency, try Orders.blockRemoval(ofEvents: [event.id], in: database),
            try database.queryOne(
                "SELECT 1 FROM eventbrite_ticket_classes WHERE event_id = ? AND NOT is_deleted AND \(TicketClass.isPaid)", event.id) != nil
        {
            throw EventbriteError.rule("CANNOT_UPDATE_CURRENCY", "The currency cannot be changed once paid tickets are sold.")
        }
    }
}
