import Emulation

/// The event status machine (spec §10.3, endpoints §8.6): publish, unpublish, cancel, delete
/// and copy. A series parent acts on its occurrences too, and only when all of them qualify.
enum EventLifecycle {
    /// `POST /events/{event_id}/publish/` → `{"published": true}`.
    static func publish(_ request: EventbriteRequest) throws -> HTTPResponse {
        try request.write { database in
            let event = try request.managedEvent(includingDeleted: true, in: database)
            guard event.status == .draft, !event.isDeleted else {
                throw EventbriteError.rule("ALREADY_PUBLISHED_OR_DELETED", "This event has already been published or deleted.")
            }
            let occurrences = try Event.occurrences(of: event, in: database)
            if event.isSeriesParent && occurrences.isEmpty {
                throw EventbriteError.rule("ERROR_CANNOT_PUBLISH_SERIES_WITH_NO_DATES", "A series cannot be published without dates.")
            }
            let drafts = [event] + occurrences.filter { $0.status == .draft }
            for candidate in drafts { try checkPublishable(candidate, in: database) }
            for var candidate in drafts {
                candidate.status = .live
                if candidate.published == nil { candidate.published = EpochSeconds(request.now) }
                candidate.changed = EpochSeconds(request.now)
                try database.update(candidate)
                // Tickets without an explicit sales start go on sale now (§8.6).
                try database.run(
                    "UPDATE eventbrite_ticket_classes SET sales_start = ? WHERE event_id = ? AND sales_start IS NULL",
                    request.now, candidate.id)
            }
            return EventbriteResponse.json(["published": true])
        }
    }

    /// What publishing needs (§8.6): a name, an organizer, a ticket class, and payment options
    /// for paid tickets. A series parent's own tickets live on its occurrences, so it needs none.
    private static func checkPublishable(_ event: Event, in database: Database) throws {
        var errors = ArgumentErrors()
        if event.nameText.isEmpty { errors.missing("name") }
        if try database.queryOne("SELECT 1 FROM eventbrite_organizers WHERE id = ?", event.organizerID) == nil {
            errors.missing("organizer")
        }
        let ticketClasses = try database.fetchAll(TicketClass.self, where: "event_id = ? AND NOT is_deleted", event.id)
        if ticketClasses.isEmpty && !event.isSeriesParent { errors.missing("tickets") }
        try errors.check()
        let paid = ticketClasses.contains { $0.costValue > 0 && !$0.donation }
        if paid, let organization = try database.fetchOne(Organization.self, where: "id = ?", event.organizationID),
            !organization.hasPaymentOptions
        {
            throw EventbriteError.rule("NO_PAYMENT_OPTIONS", "The event has paid tickets but no payment options.")
        }
    }

    /// `POST /events/{event_id}/unpublish/` → `{"unpublished": true}`.
    static func unpublish(_ request: EventbriteRequest) throws -> HTTPResponse {
        try request.write { database in
            let event = try request.managedEvent(in: database)
            guard event.status == .live || event.status == .completed else {
                throw EventbriteError.rule("NOT_PUBLISHED", "This event is not published.")
            }
            if event.isSeries && !event.isSeriesParent {
                throw EventbriteError.rule("CANNOT_UNPUBLISH", "A series occurrence cannot be unpublished on its own.")
            }
            let family = [event] + (try Event.occurrences(of: event, in: database))
            // Orders stop it, unless it is a paid event that is completed and paid out (§8.6).
            let paidOut = try event.status == .completed && event.isPaid(in: database)
            if !paidOut, try Orders.blockRemoval(ofEvents: family.map(\.id), in: database) {
                throw EventbriteError.rule("CANNOT_UNPUBLISH", "This event has orders and cannot be unpublished.")
            }
            try set(family, to: .draft, now: request.now, in: database)
            return EventbriteResponse.json(["unpublished": true])
        }
    }

    /// `POST /events/{event_id}/cancel/` → `{"canceled": true}`.
    static func cancel(_ request: EventbriteRequest) throws -> HTTPResponse {
        try request.write { database in
            let event = try request.managedEvent(in: database)
            guard event.status != .canceled else { throw EventbriteError.rule("ALREADY_CANCELED", "This event is already canceled.") }
            let family = [event] + (try Event.occurrences(of: event, in: database))
            if try Orders.blockRemoval(ofEvents: family.map(\.id), in: database) {
                throw EventbriteError.rule("CANNOT_CANCEL", "This event has orders and cannot be canceled.")
            }
            try set(family, to: .canceled, now: request.now, in: database)
            return EventbriteResponse.json(["canceled": true])
        }
    }

    /// `DELETE /events/{event_id}/` → `{"deleted": true}`; the event (and a series' occurrences)
    /// then answer 404 and leave every list.
    static func delete(_ request: EventbriteRequest) throws -> HTTPResponse {
        try request.write { database in
            let event = try request.managedEvent(includingDeleted: true, in: database)
            guard !event.isDeleted else { throw EventbriteError.rule("ALREADY_DELETED", "This event has already been deleted.") }
            let family = [event] + (try Event.occurrences(of: event, in: database))
            if try Orders.blockRemoval(ofEvents: family.map(\.id), in: database) {
                throw EventbriteError.rule("CANNOT_DELETE", "This event has orders and cannot be deleted.")
            }
            for var member in family {
                member.isDeleted = true
                member.changed = EpochSeconds(request.now)
                try database.update(member)
            }
            return EventbriteResponse.json(["deleted": true])
        }
    }

    /// `POST /_understudy/eventbrite/events/{event_id}/complete` (spec §12): the event is
    /// completed and paid out, the one state no public endpoint reaches.
    static let completeControl = ControlRoute("POST", "/events/{event_id}/complete") { request in
        try request.write { database in
            guard let id = EventbriteID.parse(request.parameter("event_id")), var event = try Event.find(id, in: database) else {
                throw ControlError.notFound("No event \(request.parameter("event_id"))")
            }
            event.status = .completed
            event.changed = EpochSeconds(request.now)
            try database.update(event)
            return .json(["id": .string(String(event.id)), "status": "completed"], contentType: "application/json")
        }
    }

    private static func set(_ events: [Event], to status: EventStatus, now: Int64, in database: Database) throws {
        for var event in events {
            event.status = status
            event.changed = EpochSeconds(now)
            try database.update(event)
        }
    }

    /// `POST /events/{event_id}/copy/` (body without wrapper: `name`, `start_date`, `end_date`,
    /// `timezone`, `summary`) → the new draft event.
    static func copy(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            let source = try request.managedEvent(in: database)
            var fields = body.unwrapped
            fields.rejectUnknown(allowed: ["name", "start_date", "end_date", "timezone", "summary"])
            let name = fields.string("name").value
            let summary = fields.string("summary").value.map(MultipartText.text(fromHTML:))
            if let summary, summary.count > 140 { fields.invalid("summary") }
            let start = utc(&fields, "start_date")
            let end = utc(&fields, "end_date")
            let timezone = fields.string("timezone").value
            try fields.check()
            if let timezone, !TimeZones.isKnown(timezone) {
                throw EventbriteError.rule("UNSUPPORTED_TIMEZONE", "The timezone \(timezone) is not supported.")
            }
            let duration = source.endUTC.value - source.startUTC.value
            let newStart = start ?? source.startUTC.value
            let newEnd = end ?? (start != nil ? newStart + duration : source.endUTC.value)
            // Dates are checked only when given (§8.6).
            if let start, start < request.now || start > request.now + 10 * 366 * 86_400 {
                throw EventbriteError.rule("INVALID_START_DATE", "The start date must be between now and 10 years from now.")
            }
            if start != nil || end != nil, newEnd - newStart < 60 || newEnd - newStart > 365 * 86_400 {
                throw EventbriteError.rule("INVALID_END_DATE", "The end date must be between 1 minute and 365 days after the start.")
            }
            var copy = source
            copy.id = try EventbriteID.next(in: database)
            if let name { copy.setName(html: MultipartText.html(fromPlain: name)) }
            if let summary {
                copy.summary = summary
                copy.descriptionHTML = nil
            }
            let zone = timezone ?? source.startTimezone
            copy.setTimes(start: newStart, startTimezone: zone, end: newEnd, endTimezone: timezone ?? source.endTimezone)
            copy.status = .draft
            copy.published = nil
            copy.created = EpochSeconds(request.now)
            copy.changed = copy.created
            copy.url = Event.url(name: copy.nameText, id: copy.id)
            // A copy stands alone: a parent's copy is a parent without dates, an occurrence's an
            // ordinary event.
            if !source.isSeriesParent {
                copy.isSeries = false
                copy.seriesID = nil
            }
            try database.insert(copy)
            for group in EventbriteProvider.groups {
                try group.eventCopied(from: source.id, to: copy.id, in: database, now: request.now)
            }
            return copy.id
        }
        return try EventbriteResponse.one(Event.presenter, id: id, request, notFound: .event)
    }

    private static func utc(_ fields: inout BodyFields, _ key: String) -> Int64? {
        guard let text = fields.string(key).value else { return nil }
        guard let date = Timestamp.parse(text) else {
            fields.invalid(key)
            return nil
        }
        return EpochSeconds(date).value
    }
}
