import Emulation

/// A reserved entry group (spec §7.4): places of an event's tickets held back for a partner (or
/// for the organiser when `partnerId` is null).
struct ReservedEntryGroup {
    var id: String
    var name: String
    var description: String
    var eventID: String
    var partnerID: String?
    var maxCapacity: JSONValue
    var usedCapacity: Int64
    var tickets: JSONValue
    var type: String
    var settings: JSONValue

    static let types = ["MULTI_USE", "SINGLE_USE", "UNKNOWN"]
    static let notFound = LetsDoThisError.notFound("Reserved entry group")
    static let columns = "id, name, description, event_id, partner_id, max_capacity, used_capacity, tickets, type, settings"

    init(seed: SeedRecord) throws {
        id = try seed.string("id")
        name = try seed.string("name")
        description = try seed.optionalString("description") ?? ""
        eventID = try seed.string("eventId")
        partnerID = try seed.optionalString("partnerId")
        guard let max = seed.fields["maxCapacity"], max.doubleValue != nil else { throw seed.invalid("maxCapacity", "a number") }
        maxCapacity = max
        usedCapacity = try seed.integer("usedCapacity")
        tickets = seed.fields["tickets"] ?? []
        type = try seed.string("type")
        settings = seed.fields["settings"] ?? [:]
    }

    init(row: Row) {
        id = row.string("id") ?? ""
        name = row.string("name") ?? ""
        description = row.string("description") ?? ""
        eventID = row.string("event_id") ?? ""
        partnerID = row.string("partner_id")
        maxCapacity = row.json("max_capacity", default: 0)
        usedCapacity = Int64(row.int("used_capacity") ?? 0)
        tickets = row.json("tickets", default: [])
        type = row.string("type") ?? ""
        settings = row.json("settings", default: [:])
    }

    init(id: String, eventID: String, fields: JSONObject) {
        self.id = id
        name = fields["name"]?.stringValue ?? ""
        description = fields["description"]?.stringValue ?? ""
        self.eventID = eventID
        partnerID = fields["partnerId"]?.stringValue
        maxCapacity = fields["maxCapacity"] ?? 0
        usedCapacity = 0
        tickets = fields["tickets"] ?? []
        type = fields["type"]?.stringValue ?? "UNKNOWN"
        settings = fields["settings"] ?? [:]
    }

    var json: [UInt8] {
        var json = JSONBuilder(capacity: 512)
        json.object { json in
            json.field("id", id)
            json.field("name", name)
            json.field("description", description)
            json.field("eventId", eventID)
            json.field("partnerId", partnerID)
            json.field("maxCapacity", maxCapacity)
            json.field("usedCapacity", usedCapacity)
            json.field("tickets", tickets)
            json.field("type", type)
            json.field("settings", settings)
        }
        return json.bytes
    }

    func insert(organiserID: String, into database: Database) throws {
        try database.run(
            """
            INSERT INTO letsdothis_reserved_entry_groups
                (id, organiser_id, event_id, partner_id, name, description, max_capacity, used_capacity, tickets, type, settings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, organiserID, eventID, partnerID, name, description, JSONWriter.string(maxCapacity), usedCapacity,
            JSONWriter.string(tickets), type, JSONWriter.string(settings))
    }

    func update(in database: Database) throws {
        try database.run(
            """
            UPDATE letsdothis_reserved_entry_groups
            SET name = ?, description = ?, max_capacity = ?, used_capacity = ?, tickets = ?, settings = ?
            WHERE id = ?
            """,
            name, description, JSONWriter.string(maxCapacity), usedCapacity, JSONWriter.string(tickets),
            JSONWriter.string(settings), id)
    }

    /// The organiser's group `id`, or nil.
    static func find(_ id: String, organiserID: String, in database: Database) throws -> ReservedEntryGroup? {
        try database.queryOne(
            "SELECT \(columns) FROM letsdothis_reserved_entry_groups WHERE id = ? AND organiser_id = ?", id, organiserID
        ).map(ReservedEntryGroup.init(row:))
    }

    /// Every `tickets[i].ticketId` given must be a ticket of the group's event (spec §6.13).
    static func checkTickets(_ tickets: JSONValue?, event eventID: String, in database: Database) throws {
        for ticket in tickets?.arrayValue ?? [] {
            guard let value = ticket["ticketId"], value != .null else { continue }
            let ticketID = value.stringValue ?? JSONWriter.string(value)
            guard try Ticket.belongs(ticketID, toEvent: eventID, in: database) else {
                throw LetsDoThisError.badRequest("Ticket \(ticketID) does not belong to event \(eventID)")
            }
        }
    }
}

/// The reserved entry group endpoints (spec §6.12 to §6.16).
enum ReservedEntryGroups {
    static let createSchema = BodySchema(
        required: ["name", "maxCapacity", "tickets", "type"],
        properties: [
            ("name", .name), ("partnerId", .string), ("maxCapacity", .number(minimum: 0)),
            ("tickets", .arrayOfObjects(minItems: 1)), ("description", .string),
            ("type", .enumeration(ReservedEntryGroup.types)), ("settings", .object),
        ])
    static let updateSchema = BodySchema(
        required: [],
        properties: [
            ("settings", .object), ("name", .name), ("maxCapacity", .number(minimum: 0)),
            ("tickets", .arrayOfObjects(minItems: 1)), ("description", .string),
        ])

    /// `GET /reserved-entries/{id}`.
    static func show(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let group = try request.read { try ReservedEntryGroup.find(request.parameter("id"), organiserID: organiser.id, in: $0) }
        guard let group else { throw ReservedEntryGroup.notFound }
        return DataEnvelope.object(group.json)
    }

    /// `PATCH /reserved-entries/{id}` (and `PUT`): provided keys replace stored ones; `partnerId`,
    /// `type`, `eventId` and `usedCapacity` are not updatable.
    static func update(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try updateSchema.validate(try RequestBody.object(of: request))
        let group = try request.write { database -> ReservedEntryGroup in
            guard var group = try ReservedEntryGroup.find(request.parameter("id"), organiserID: organiser.id, in: database) else {
                throw ReservedEntryGroup.notFound
            }
            if let maxCapacity = fields["maxCapacity"] {
                guard maxCapacity.doubleValue ?? 0 >= Double(group.usedCapacity) else {
                    throw LetsDoThisError.badRequest("maxCapacity cannot be lower than usedCapacity")
                }
                group.maxCapacity = maxCapacity
            }
            if let tickets = fields["tickets"] {
                try ReservedEntryGroup.checkTickets(tickets, event: group.eventID, in: database)
                group.tickets = tickets
            }
            if let settings = fields["settings"] { group.settings = settings }
            if let name = fields["name"]?.stringValue { group.name = name }
            if let description = fields["description"]?.stringValue { group.description = description }
            try group.update(in: database)
            return group
        }
        return DataEnvelope.object(group.json)
    }

    /// `DELETE /reserved-entries/{id}`: `{}`; allowed with used places (spec §6.14).
    static func delete(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        try request.write { database in
            try database.run(
                "DELETE FROM letsdothis_reserved_entry_groups WHERE id = ? AND organiser_id = ?", request.parameter("id"), organiser.id)
            guard database.changes == 1 else { throw ReservedEntryGroup.notFound }
        }
        return DataEnvelope.object(Array("{}".utf8))
    }

    /// `GET /events/{id}/reserved-entries`: the event's groups, oldest first, no `page`.
    static func list(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let eventID = request.parameter("id")
        let items = try request.read { database -> [[UInt8]] in
            try Events.requireOwned(eventID, by: organiser, in: database)
            return try database.query(
                "SELECT \(ReservedEntryGroup.columns) FROM letsdothis_reserved_entry_groups WHERE event_id = ? ORDER BY seq", eventID
            ).map { ReservedEntryGroup(row: $0).json }
        }
        return DataEnvelope.response(items)
    }

    /// `POST /events/{id}/reserved-entries`: a new group with no places used.
    static func create(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try createSchema.validate(try RequestBody.object(of: request))
        let eventID = request.parameter("id")
        let group = try request.write { database -> ReservedEntryGroup in
            try Events.requireOwned(eventID, by: organiser, in: database)
            if let partnerID = fields["partnerId"]?.stringValue,
                try Partner.find(partnerID, externalIDType: nil, organiser: organiser, in: database) == nil
            {
                throw LetsDoThisError.badRequest("Partner not found")
            }
            try ReservedEntryGroup.checkTickets(fields["tickets"], event: eventID, in: database)
            let id = try database.ids.digestCharacters(
                "letsdothis.reservedEntryGroup", count: 11, alphabet: IDAlphabet.base36, prefix: "re_")
            let group = ReservedEntryGroup(id: id, eventID: eventID, fields: fields)
            try group.insert(organiserID: organiser.id, into: database)
            return group
        }
        return DataEnvelope.object(group.json)
    }
}
