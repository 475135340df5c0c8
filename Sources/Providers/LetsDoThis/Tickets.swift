import Emulation

/// Tickets (spec §7.6) and `GET /events/{id}/tickets` (§6.17). A ticket's JSON is kept in two
/// halves around `soldCount`, which is counted at read time.
enum Ticket {
    /// Stores a seed ticket, keys in the order of spec §7.6.
    static func insert(_ fields: JSONObject, into database: Database) throws {
        let order = ["id", "title", "description", "eventId", "eventOccurrenceId", "raceId", "price", "requiresApplication", "maxCapacity"]
        let tail = ["onSaleFrom", "onSaleUntil", "createdAt", "updatedAt"]
        func members(_ keys: [String]) throws -> String {
            try keys.map { key in
                guard let value = fields[key] else { throw SeedError(file: "events.json", reason: "a ticket has no \"\(key)\"") }
                return JSONWriter.string(.string(key)) + ":" + JSONWriter.string(value)
            }.joined(separator: ",")
        }
        guard let id = fields["id"]?.stringValue, let eventID = fields["eventId"]?.stringValue else {
            throw SeedError(file: "events.json", reason: "a ticket has no id or eventId")
        }
        try database.run(
            "INSERT INTO letsdothis_tickets (id, event_id, body_head, body_tail) VALUES (?, ?, ?, ?)",
            id, eventID, "{" + (try members(order)), (try members(tail)) + "}")
    }

    /// Whether `ticketID` is a ticket of `eventID`.
    static func belongs(_ ticketID: String, toEvent eventID: String, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM letsdothis_tickets WHERE id = ? AND event_id = ?", ticketID, eventID) != nil
    }

    /// `GET /events/{id}/tickets`: every ticket of the event in creation order, no `page`.
    static func list(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let eventID = request.parameter("id")
        let items = try request.read { database -> [[UInt8]] in
            try Events.requireOwned(eventID, by: organiser, in: database)
            return try database.query(
                """
                SELECT t.body_head, t.body_tail,
                    (SELECT count(*) FROM letsdothis_participants AS p WHERE p.ticket_id = t.id AND p.cancelled = 0) AS sold
                FROM letsdothis_tickets AS t WHERE t.event_id = ? ORDER BY t.seq
                """, eventID
            ).map { row in
                // Participants whose newest status is CANCELLED do not count as sold (spec §8.2).
                Array("\(row.string("body_head") ?? "{"),\"soldCount\":\(row.int("sold") ?? 0),\(row.string("body_tail") ?? "}")".utf8)
            }
        }
        return DataEnvelope.response(items)
    }
}
