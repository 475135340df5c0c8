import Emulation

/// Loads `seed/goevent/`: `users.json` (users; their tokens go to the token store, see
/// `GoEventTokens`), `events.json` (with their admins), `tickets.json` (ticket types) and
/// `participants.json` (with their linked events).
/// Ids are checked and timestamps normalised here, so handlers can trust what they read.
enum GoEventSeed {
    static func load(from seed: SeedDirectory, into database: Database) throws {
        let users = try seed.json("users.json")
        for user in try SeedRecord.array("users", in: users, file: "users.json") {
            try database.run(
                "INSERT INTO goevent_users (id, name) VALUES (?, ?)", try user.objectID("id"), try user.string("name"))
        }
        for event in try seed.seedRecords("events.json", key: "events") {
            try database.run(
                """
                INSERT INTO goevent_events (id, name, slug, date_start, date_end, location, publish, cover_image_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                try event.objectID("id"), try event.string("name"), try event.string("slug"),
                try event.timestamp("dateStart"), try event.timestamp("dateEnd"), try event.optionalString("location"),
                try event.bool("publish"), try event.optionalString("coverImageId"))
            let eventSeq = database.lastInsertRowID
            for admin in try event.objectIDs("admins") {
                try database.run("INSERT INTO goevent_event_admins (user_id, event_seq) VALUES (?, ?)", admin, eventSeq)
            }
        }
        for ticket in try seed.seedRecords("tickets.json", key: "tickets") {
            try database.run(
                "INSERT INTO goevent_tickets (id, event_id, name, quantity, enabled) VALUES (?, ?, ?, ?, ?)",
                try ticket.objectID("id"), try ticket.objectID("eventId"), try ticket.string("name"),
                try ticket.count("quantity"), try ticket.bool("enabled"))
        }
        for record in try seed.seedRecords("participants.json", key: "participants") {
            let participant = Participant(
                id: try record.objectID("id"), lastName: try record.string("last_name"),
                firstName: try record.string("first_name"), email: try record.string("email"),
                phone: try record.optionalString("phone"), address: try record.optionalString("address"),
                confirmed: try record.bool("confirmed"), created: try record.timestamp("created"))
            try participant.insert(owner: GoEventUser(id: try record.objectID("ownerUserId")), into: database)
            for eventID in try record.objectIDs("eventIds") {
                try participant.link(toEvent: eventID, in: database)
            }
        }
    }
}

/// GoEvent's own forms in seed files.
extension SeedRecord {
    func count(_ key: String) throws -> Int64 {
        guard let value = fields[key]?.intValue, value >= 0 else { throw invalid(key, "an integer ≥ 0") }
        return value
    }

    func objectID(_ key: String) throws -> String {
        guard let id = fields[key]?.stringValue.flatMap(ObjectID.normalized) else { throw invalid(key, "a 24-hex ObjectId") }
        return id
    }

    func objectIDs(_ key: String) throws -> [String] {
        guard let array = fields[key]?.arrayValue else { throw invalid(key, "an array of 24-hex ObjectIds") }
        return try array.map { element in
            guard let id = element.stringValue.flatMap(ObjectID.normalized) else {
                throw invalid(key, "an array of 24-hex ObjectIds")
            }
            return id
        }
    }
}
