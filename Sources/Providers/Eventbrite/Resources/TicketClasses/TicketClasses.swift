import Emulation

/// Ticket classes (spec §8.12): retrieve, list, the list for sale, create, update and (Appendix
/// A) delete. A series parent's ticket classes are copied to its occurrences under the same id,
/// and changes to them follow (an occurrence's copies cannot be changed on their own).
enum TicketClasses: EventbriteResourceGroup {
    static let tables = [TicketClass.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for ticketClass in try seed.records(TicketClass.self, "ticket_classes.json", key: "ticket_classes") {
            try database.insert(ticketClass)
        }
    }

    /// A copy gets every ticket class with the same ids and sales dates and nothing sold (the
    /// sold counts are derived from attendees, which are not copied).
    static func eventCopied(from source: Int64, to copy: Int64, in database: Database, now: Int64) throws {
        for var ticketClass in try database.fetchAll(TicketClass.self, where: "event_id = ? AND NOT is_deleted", source) {
            ticketClass.eventID = copy
            // Tiers are not copied, so a copied ticket keeps its capacity but leaves its tier.
            ticketClass.inventoryTierID = nil
            try database.insert(ticketClass)
        }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{event_id}/ticket_classes/", example: "/events/12345/ticket_classes/", list),
            routes.get("/events/{event_id}/ticket_classes/for_sale/", example: "/events/12345/ticket_classes/for_sale/") { request in
                try TicketClassesForSale.respond(request)
            },
            routes.get("/events/{event_id}/ticket_classes/{ticket_class_id}/", example: "/events/12345/ticket_classes/12345/") {
                request in
                let event = try request.read { try request.readableEvent(in: $0) }
                let id = try request.id("ticket_class_id", orNotFound: .ticketClass)
                return try EventbriteResponse.one(
                    TicketClass.presenter, as: TicketClass.self, where: "t.id = ? AND t.event_id = ? AND NOT t.is_deleted", [id, event.id],
                    request, notFound: .notFound(.ticketClass)
                ) { ticketClass, _ in try request.requireVisible(ticketClass, of: event) }
            },
            routes.post("/events/{event_id}/ticket_classes/") { request in try save(request, existing: false) },
            routes.post("/events/{event_id}/ticket_classes/{ticket_class_id}/") { request in try save(request, existing: true) },
            routes.delete("/events/{event_id}/ticket_classes/{ticket_class_id}/", delete),
        ]
    }

    static func respondWith(_ eventID: Int64, _ id: Int64, _ request: EventbriteRequest) throws -> HTTPResponse {
        try EventbriteResponse.one(
            TicketClass.presenter, where: "t.event_id = ? AND t.id = ?", [eventID, id], request, notFound: .notFound(.ticketClass))
    }

    /// `GET /events/{event_id}/ticket_classes/`: `pos`, `category`, `include_holds`; non-members
    /// see the public ticket classes only (§9.9.2). Ordered by `sorting`, then creation.
    static func list(_ request: EventbriteRequest) throws -> HTTPResponse {
        let event = try request.read { try request.readableEvent(in: $0) }
        let page = try request.page()
        var arguments = QueryArguments(request.query)
        var filter = SQLFilter("t.event_id = ? AND NOT t.is_deleted", event.id)
        if let pos = arguments.choice("pos", of: ["online", "at_the_door"]) {
            filter.add("EXISTS (SELECT 1 FROM json_each(t.sales_channels) WHERE value = ?)", pos == "online" ? "online" : "atd")
        }
        if let categories = arguments.choices("category", of: ["all", "admission", "add_on", "donation"]), !categories.contains("all") {
            filter.add("t.category", in: categories)
        }
        // Hold ticket classes are made by Eventbrite's seating tools, which the mock has none of,
        // so `include_holds` has nothing to add; it is still checked.
        _ = arguments.bool("include_holds")
        try arguments.errors.check()
        if !request.caller.isMember(of: event.organizationID) { filter.add("NOT t.hidden") }
        return try PaginatedList.respond(
            request, key: "ticket_classes", TicketClass.presenter, where: filter, orderBy: "t.sorting, t.id", page: page)
    }

    /// Create (`existing` false) or partial update from `{"ticket_class": {…}}`.
    static func save(_ request: EventbriteRequest, existing: Bool) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let (eventID, id) = try request.write { database -> (Int64, Int64) in
            var event = try request.managedEvent(in: database)
            let previous = existing ? try request.ticketClass(of: event, in: database) : nil
            let changes = try TicketClassChanges(body.wrapper("ticket_class"), creating: !existing, event: event, in: database)
            var ticketClass = previous ?? TicketClass()
            if previous == nil {
                ticketClass.eventID = event.id
                ticketClass.currency = event.currency
            }
            changes.apply(to: &ticketClass)
            if previous == nil {
                // Sales start when the event is published (now, if it is), and end an hour before
                // it starts (§9.9.1); a series parent's tickets end relative to each date.
                if changes.salesStart.isAbsent { ticketClass.salesStart = event.status == .draft ? nil : EpochSeconds(request.now) }
                if changes.salesEnd.isAbsent && !event.isSeriesParent { ticketClass.salesEnd = EpochSeconds(event.startUTC.value - 3600) }
            }
            let inventory = try EventInventory.load(event.id, in: database)
            try TicketClassRules.check(
                &ticketClass, previous: previous, changes: changes, event: event, inventory: inventory, in: database)
            if previous == nil {
                ticketClass.id = try EventbriteID.next(in: database)
                try database.insert(ticketClass)
            } else {
                try database.update(ticketClass)
            }
            try copyToOccurrences(ticketClass, of: event, in: database)
            event.changed = EpochSeconds(request.now)
            try database.update(event)
            return (event.id, ticketClass.id)
        }
        return try respondWith(eventID, id, request)
    }

    /// A series parent's ticket class, copied to (or updated on) each of its occurrences.
    private static func copyToOccurrences(_ ticketClass: TicketClass, of parent: Event, in database: Database) throws {
        for occurrence in try Event.occurrences(of: parent, in: database) {
            let existing = try database.fetchOne(
                TicketClass.self, where: "event_id = ? AND id = ?", occurrence.id, ticketClass.id)
            var copy = ticketClass
            copy.eventID = occurrence.id
            // Tiers belong to one event; a copy keeps the tier the occurrence gave it, if any.
            copy.inventoryTierID = existing?.inventoryTierID
            if let relative = ticketClass.salesEndRelative {
                let anchor = relative.relativeToEvent == "end_time" ? occurrence.endUTC.value : occurrence.startUTC.value
                copy.salesEnd = EpochSeconds(anchor - relative.offset)
            } else if copy.salesEnd == nil {
                copy.salesEnd = EpochSeconds(occurrence.startUTC.value - 3600)
            }
            if existing == nil { try database.insert(copy) } else { try database.update(copy) }
        }
    }

    /// `DELETE /events/{event_id}/ticket_classes/{ticket_class_id}/` → `{"deleted": true}`: not
    /// with sold tickets, not the last ticket of a live event, not one another ticket's sales
    /// start after (Appendix A, the tier delete's constants).
    static func delete(_ request: EventbriteRequest) throws -> HTTPResponse {
        try request.write { database in
            var event = try request.managedEvent(in: database)
            let ticketClass = try request.ticketClass(of: event, in: database)
            if event.isSeries && !event.isSeriesParent {
                throw EventbriteError.rule("INVALID_TICKET", "Cannot update child ticket directly, update parent ticket rule instead.")
            }
            let inventory = try EventInventory.load(event.id, in: database)
            try checkRemovable([ticketClass.id], from: event, inventory: inventory)
            try markDeleted([ticketClass.id], eventIDs: [event.id] + Event.occurrences(of: event, in: database).map(\.id), in: database)
            event.changed = EpochSeconds(request.now)
            try database.update(event)
            return EventbriteResponse.json(["deleted": true])
        }
    }

    /// The rules for removing ticket classes (a ticket class delete, or a tier's): none may have
    /// sold tickets, no remaining ticket may start selling after one of them, and a live event
    /// keeps at least one ticket.
    static func checkRemovable(_ ids: [Int64], from event: Event, inventory: EventInventory) throws {
        let removed = Set(ids)
        if inventory.tickets.contains(where: { removed.contains($0.record.id) && $0.sold > 0 }) {
            throw EventbriteError.rule("HAS_ATTENDEES", "You cannot delete a ticket class that has been purchased by attendees.")
        }
        let remaining = inventory.tickets.filter { !removed.contains($0.record.id) }
        if remaining.contains(where: { $0.record.salesStartAfter.map(removed.contains) == true }) {
            throw EventbriteError.rule(
                "IS_STARTED_AFTER", "Another ticket class is configured to start when this one ends, so it cannot be deleted.")
        }
        if remaining.isEmpty && event.status == .live {
            throw EventbriteError.rule("LAST_TICKET", "You cannot delete the last ticket while your event is live.")
        }
    }

    /// Deletes ticket classes on the given events, and takes them out of every ticket group.
    static func markDeleted(_ ids: [Int64], eventIDs: [Int64], in database: Database) throws {
        for eventID in eventIDs {
            for id in ids {
                try database.run(
                    "UPDATE eventbrite_ticket_classes SET is_deleted = 1 WHERE event_id = ? AND id = ?", eventID, id)
                try database.run(
                    "DELETE FROM eventbrite_ticket_group_classes WHERE event_id = ? AND ticket_class_id = ?", eventID, id)
            }
        }
    }
}

extension EventbriteRequest {
    /// The `{ticket_class_id}` of `event`: 404 when unknown or deleted, and for non-members when
    /// hidden (they cannot see it, §9.9.2).
    func ticketClass(of event: Event, in database: Database) throws -> TicketClass {
        let ticketClass = try record(
            TicketClass.self, "ticket_class_id", where: "id = ? AND event_id = ? AND NOT is_deleted", event.id,
            notFound: .ticketClass, in: database)
        try requireVisible(ticketClass, of: event)
        return ticketClass
    }

    /// A hidden ticket class is the ticket class 404 to all but members of the event's organization.
    func requireVisible(_ ticketClass: TicketClass, of event: Event) throws(EventbriteError) {
        guard !ticketClass.hidden || caller.isMember(of: event.organizationID) else { throw EventbriteError.notFound(.ticketClass) }
    }
}
