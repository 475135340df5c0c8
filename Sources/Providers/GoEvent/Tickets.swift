import Emulation

/// A ticket type of an event. `quantity` is the stock still available for issue.
struct TicketType: JSONEncodable {
    let id: String
    let name: String
    let quantity: Int64
    let enabled: Bool

    init(row: Row) {
        id = row.string("id") ?? ""
        name = row.string("name") ?? ""
        quantity = Int64(row.int("quantity") ?? 0)
        enabled = row.bool("enabled") ?? false
    }

    /// Whether tickets of this type can be issued now.
    var available: Bool { enabled && quantity > 0 }

    /// The Ticket schema of spec §6.2, keys in the documented order.
    func encode(to json: inout JSONBuilder) {
        json.object { json in
            json.field("id", id)
            json.field("name", name)
            json.field("available", available)
            json.field("quantity", quantity)
        }
    }

    /// The event's ticket types in creation order.
    static func all(ofEvent eventID: String, in database: Database) throws -> [TicketType] {
        try database.query(
            "SELECT id, name, quantity, enabled FROM goevent_tickets WHERE event_id = ? ORDER BY seq", eventID
        ).map(TicketType.init(row:))
    }

    /// The ticket type `id` if it belongs to the event.
    static func find(_ id: String, ofEvent eventID: String, in database: Database) throws -> TicketType? {
        try database.queryOne(
            "SELECT id, name, quantity, enabled FROM goevent_tickets WHERE id = ? AND event_id = ?", id, eventID
        ).map(TicketType.init(row:))
    }
}

/// `GET /tickets?eventId=…` and `POST /tickets/create` (spec §5.3, §5.4).
enum Tickets {
    /// All ticket types of one of the user's events; not paginated.
    static func list(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        let eventID = try Event.requiredID(request.query)
        let tickets = try request.read { database in
            let event = try Event.administered(eventID, by: user, in: database)
            return try TicketType.all(ofEvent: event.id, in: database)
        }
        return .json { json in
            json.object { json in json.field("tickets", elements: tickets) }
        }
    }

    /// Issues tickets: checks the order against the stored data (spec §5.4 steps 6 to 9), then
    /// takes the stock, creates or links the participant and records one batch per item. All in
    /// one transaction, so a refused order changes nothing.
    static func create(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        let order = try TicketOrder(body: TicketOrder.body(of: request))
        let now = Timestamp.iso8601Milliseconds(request.now)
        return try request.write { database in
            let event = try Event.administered(order.eventID, by: user, in: database)
            let ticketTypes = try ticketTypes(of: order, event: event, in: database)
            var participant: Participant?
            if case .existing(let id) = order.participant {
                guard let existing = try Participant.owned(id, by: user, in: database) else {
                    throw GoEventError.notFound("Participant not found")
                }
                participant = existing
            }
            try takeStock(for: order, from: ticketTypes, in: database)

            if case .new(let details) = order.participant {
                let created = Participant(
                    id: try ObjectID.next(in: database), lastName: details.lastName, firstName: details.firstName,
                    email: details.email, phone: details.phone, address: details.address, confirmed: true, created: now)
                try created.insert(owner: user, into: database)
                participant = created
            }
            try participant?.link(toEvent: event.id, in: database)

            var issued: [JSONValue] = []
            for item in order.items {
                let batch = try IssuedTicket(
                    eventID: event.id, ticketID: item.ticketID, participantID: participant?.id, quantity: item.quantity,
                    createdAt: now, in: database)
                try batch.insert(into: database)
                issued.append([
                    "name": .string(ticketTypes[item.ticketID]?.name ?? ""),
                    "url": .string(batch.url),
                    "quantity": .int(item.quantity),
                ])
            }
            return .json { json in
                json.object { json in
                    json.field("success", true)
                    json.key("participant")
                    if let participant { participant.encodeContact(to: &json) } else { json.null() }
                    json.field("tickets", .array(issued))
                }
            }
        }
    }

    /// The ticket types the order names, by id; the first one not of this event is a 404.
    private static func ticketTypes(of order: TicketOrder, event: Event, in database: Database) throws -> [String: TicketType] {
        var found: [String: TicketType] = [:]
        for item in order.items where found[item.ticketID] == nil {
            guard let ticketType = try TicketType.find(item.ticketID, ofEvent: event.id, in: database) else {
                throw GoEventError.notFound("Ticket not found: \(item.requestedID)")
            }
            found[item.ticketID] = ticketType
        }
        return found
    }

    /// Checks each ticket type once, in the order the request first names it, against the sum of
    /// the quantities asked of it, then lowers the stock of all of them.
    private static func takeStock(for order: TicketOrder, from ticketTypes: [String: TicketType], in database: Database) throws {
        var requested: [(ticketType: TicketType, quantity: Int64)] = []
        for item in order.items {
            if let index = requested.firstIndex(where: { $0.ticketType.id == item.ticketID }) {
                let (sum, overflow) = requested[index].quantity.addingReportingOverflow(item.quantity)
                requested[index].quantity = overflow ? Int64.max : sum
            } else if let ticketType = ticketTypes[item.ticketID] {
                requested.append((ticketType, item.quantity))
            }
        }
        for (ticketType, quantity) in requested {
            guard ticketType.enabled else { throw GoEventError.badRequest("Ticket \(ticketType.name) is not available") }
            guard quantity <= ticketType.quantity else {
                throw GoEventError.badRequest("Not enough tickets available for \(ticketType.name)")
            }
        }
        for (ticketType, quantity) in requested {
            try database.run("UPDATE goevent_tickets SET quantity = quantity - ? WHERE id = ?", quantity, ticketType.id)
        }
    }
}
