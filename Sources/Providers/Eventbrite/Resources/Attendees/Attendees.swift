import Emulation

/// Attendees (spec §8.15): one attendee, and the lists by event, organization, order, and (Appendix
/// A) by the events a user's organizations own. Attendees are private to the organization and to
/// the buyer of their order (§3.3). They come from the seed, the generated orders of
/// `BulkOrders`, and the mock's order control endpoint.
enum Attendees: EventbriteResourceGroup {
    static let tables = [Attendee.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for var attendee in try seed.records(Attendee.self, "attendees.json", key: "attendees") {
            attendee.organizationID = try Orders.organization(ofEvent: attendee.eventID, in: database)
            if attendee.barcode.isEmpty { attendee.barcode = Attendee.barcode(order: attendee.orderID, attendee: attendee.id) }
            try database.insert(attendee)
        }
        try BulkOrders.load(from: seed, into: database)
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{event_id}/attendees/{attendee_id}/", example: "/events/12345/attendees/12345/") { request in
                let eventID = try request.read { database -> Int64 in
                    guard let eventID = EventbriteID.parse(request.parameter("event_id")), try Event.find(eventID, in: database) != nil
                    else { throw EventbriteError.notFound(.event) }
                    return eventID
                }
                let id = try request.id("attendee_id", orNotFound: .attendee)
                return try EventbriteResponse.one(
                    Attendee.presenter, as: Attendee.self, where: "a.id = ? AND a.event_id = ?", [id, eventID], request,
                    notFound: .notFound(.attendee)
                ) { attendee, database in
                    try request.requireAttendeeAccess(organizationID: attendee.organizationID, orderID: attendee.orderID, in: database)
                }
            },
            routes.get("/events/{event_id}/attendees/", example: "/events/12345/attendees/") { request in
                let event = try request.read { try request.managedEvent(in: $0) }
                let page = try request.page()
                var query = AttendeeListQuery(request, base: "a.event_id = ?", event.id)
                query.status()
                query.changedSince(withLastItemSeen: true)
                query.attendeeIDs()
                return try query.respond(request, page: page)
            },
            routes.get("/organizations/{organization_id}/attendees/", example: "/organizations/12345/attendees/") { request in
                let organizationID = try request.memberOrganization()
                let page = try request.page()
                var query = AttendeeListQuery(request, base: "a.organization_id = ?", organizationID)
                query.status(["attending", "not_attending"])
                query.changedSince()
                return try query.respond(request, page: page)
            },
            routes.get("/orders/{order_id}/attendees/", example: "/orders/12345/attendees/") { request in
                let order = try request.read { try request.readableOrder(in: $0) }
                let page = try request.page()
                var query = AttendeeListQuery(request, base: "a.order_id = ?", order.id)
                query.status()
                query.changedSince()
                return try query.respond(request, page: page)
            },
            routes.get("/users/{user_id}/owned_event_attendees/", example: "/users/me/owned_event_attendees/") { request in
                let userID = try request.user()
                let page = try request.page()
                var query = AttendeeListQuery(request, base: Member.organizationOfUser("a.organization_id"), userID)
                query.status(["attending", "not_attending"])
                query.changedSince()
                return try query.respond(request, page: page)
            },
        ]
    }
}

extension EventbriteRequest {
    /// Attendees are readable by the organization's members and by the buyer of their order.
    func requireAttendeeAccess(organizationID: Int64, orderID: Int64, in database: Database) throws {
        if caller.isMember(of: organizationID) { return }
        guard let order = try database.fetchOne(Order.self, where: "id = ?", orderID), order.buyerUserID == caller.userID else {
            throw EventbriteError.notAuthorized
        }
    }
}
