import Emulation

/// A GoEvent user account: who administers events and owns participants. The first one (in
/// seed order) is the default demo user.
struct UserAccount: StoredRecord {
    var seq: Int64?
    var id = ""
    var name = ""

    static let table = RecordTable("goevent_users", of: UserAccount.self, primaryKey: ["seq"], constraints: [.unique(["id"])])
}

/// Loads `seed/goevent/`: `users.json` (users; their tokens go to the token store, see
/// `GoEventTokens`), `events.json` (with their admins), `tickets.json` (ticket types) and
/// `participants.json` (with their linked events). Ids are checked and timestamps normalised
/// here, so handlers can trust what they read.
enum GoEventSeed {
    static func load(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.array("users", in: try seed.json("users.json"), file: "users.json") {
            var user = try record.record(UserAccount.self)
            user.id = try record.objectID("id")
            try database.insert(user)
        }
        for record in try seed.seedRecords("events.json", key: "events") {
            var event = try record.record(Event.self)
            event.id = try record.objectID("id")
            event.dateStart = try record.timestamp("dateStart")
            event.dateEnd = try record.timestamp("dateEnd")
            try database.insert(event)
            let eventSeq = database.lastInsertRowID
            for admin in try record.objectIDs("admins") {
                try database.insert(EventAdmin(userID: admin, eventSeq: eventSeq))
            }
        }
        for record in try seed.seedRecords("tickets.json", key: "tickets") {
            var ticket = try record.record(TicketType.self)
            ticket.id = try record.objectID("id")
            ticket.eventID = try record.objectID("eventId")
            ticket.quantity = try record.count("quantity")
            try database.insert(ticket)
        }
        for record in try seed.seedRecords("participants.json", key: "participants") {
            var participant = try record.record(Participant.self)
            participant.id = try record.objectID("id")
            participant.ownerUserID = try record.objectID("owner_user_id")
            participant.created = try record.timestamp("created")
            try database.insert(participant)
            for eventID in try record.objectIDs("event_ids") {
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
