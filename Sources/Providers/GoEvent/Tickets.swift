import Emulation

/// A ticket type of an event. `quantity` is the stock still available for issue.
struct TicketType: StoredRecord {
    /// Creation order (assigned by SQLite).
    var seq: Int64?
    var id = ""
    var eventID = ""
    var name = ""
    var quantity: Int64 = 0
    var enabled = false

    static let table = RecordTable(
        "goevent_tickets", of: TicketType.self, primaryKey: ["seq"],
        constraints: [.unique(["id"]), .references("event_id", "goevent_events"), .check("quantity >= 0")],
        indexes: ["event_id, seq"])
    static let keyStyle = JSONKeyStyle.camelCase

    /// The Ticket schema of spec §6.2, keys in the documented order.
    static let json = RecordView<Void>(table, [
        .column("id"), .column("name"),
        .derived("available") { row, _, json in json.bool(row.bool("enabled") && row.integer("quantity") > 0) },
        .column("quantity"),
    ])

    /// Writes the event's ticket types in creation order, each as an element of the array being built.
    static func writeAll(ofEvent eventID: String, in database: Database, to json: inout JSONBuilder) throws {
        try database.write(
            Self.json, "SELECT \(table.selectList()) FROM \(table.name) WHERE event_id = ? ORDER BY seq", arguments: [eventID],
            context: (), to: &json)
    }

    /// The ticket type `id` if it belongs to the event.
    static func find(_ id: String, ofEvent eventID: String, in database: Database) throws -> TicketType? {
        try database.fetchOne(TicketType.self, where: "id = ? AND event_id = ?", id, eventID)
    }
}

/// `GET /tickets?eventId=…` and `POST /tickets/create` (spec §5.3, §5.4).
enum Tickets {
    /// All ticket types of one of the user's events; not paginated.
    static func list(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        let eventID = try Event.requiredID(request.query)
        return try request.read { database in
            let event = try Event.administered(eventID, by: user, in: database)
            return try .json { json in
                try json.object { json in
                    try json.field("tickets", array: { json in try TicketType.writeAll(ofEvent: event.id, in: database, to: &json) })
                }
            }
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
                    id: try ObjectID.next(in: database), ownerUserID: user.id, lastName: details.lastName,
                    firstName: details.firstName, email: details.email, phone: details.phone, address: details.address,
                    confirmed: true, created: now)
                try database.insert(created)
                participant = created
            }
            try participant?.link(toEvent: event.id, in: database)

            var issued: [JSONValue] = []
            for item in order.items {
                let batch = try IssuedTicket(
                    eventID: event.id, ticketID: item.ticketID, participantID: participant?.id, quantity: item.quantity,
                    createdAt: now, in: database)
                try database.insert(batch)
                issued.append([
                    "name": .string(ticketTypes[item.ticketID]?.name ?? ""),
                    "url": .string(batch.url),
                    "quantity": .int(item.quantity),
                ])
            }
            return try .json { json in
                try json.object { json in
                    json.field("success", true)
                    json.key("participant")
                    if let participant { try Participant.writeContact(participant.id, in: database, to: &json) } else { json.null() }
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
            try database.run("UPDATE \(TicketType.table.name) SET quantity = quantity - ? WHERE id = ?", quantity, ticketType.id)
        }
    }
}
