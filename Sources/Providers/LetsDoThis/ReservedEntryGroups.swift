import Emulation

/// The reserved entry group endpoints (spec §6.12 to §6.16).
enum ReservedEntryGroups {
    static let createSchema = BodySchema(
        required: ["name", "maxCapacity", "tickets", "type"],
        properties: [
            ("name", .name), ("partnerId", .string), ("maxCapacity", .number(minimum: 0)),
            ("tickets", .arrayOfObjects(minItems: 1)), ("description", .string),
            ("type", .enumeration(ReservedEntryGroup.types)), ("settings", .object),
        ])
    /// `partnerId`, `type`, `eventId` and `usedCapacity` are not updatable.
    static let updateSchema = BodySchema(
        required: [],
        properties: [
            ("settings", .object), ("name", .name), ("maxCapacity", .number(minimum: 0)),
            ("tickets", .arrayOfObjects(minItems: 1)), ("description", .string),
        ])

    /// `GET /reserved-entries/{id}`.
    static func show(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let body = try request.read {
            try $0.render(ReservedEntryGroup.view, where: "id = ? AND organiser_id = ?", request.parameter("id"), organiser.id)
        }
        return try DataEnvelope.object(body, orThrow: ReservedEntryGroup.notFound)
    }

    /// `PATCH /reserved-entries/{id}` (and `PUT`): the keys given replace the stored ones.
    static func update(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try updateSchema.validate(try RequestBody.object(of: request))
        let body = try request.write { database -> [UInt8]? in
            guard let group = try ReservedEntryGroup.find(request.parameter("id"), organiserID: organiser.id, in: database) else {
                throw ReservedEntryGroup.notFound
            }
            if let maxCapacity = fields["maxCapacity"], maxCapacity.doubleValue ?? 0 < Double(group.usedCapacity) {
                throw LetsDoThisError.badRequest("maxCapacity cannot be lower than usedCapacity")
            }
            if let tickets = fields["tickets"] { try ReservedEntryGroup.checkTickets(tickets, event: group.eventID, in: database) }
            try database.update(try group.updated(with: fields))
            return try ReservedEntryGroup.render(group.id, in: database)
        }
        return try DataEnvelope.object(body, orThrow: ReservedEntryGroup.notFound)
    }

    /// `DELETE /reserved-entries/{id}`: `{}`; allowed with used places (spec §6.14).
    static func delete(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        try request.write { database in
            let deleted = try database.delete(
                ReservedEntryGroup.self, where: "id = ? AND organiser_id = ?", request.parameter("id"), organiser.id)
            guard deleted == 1 else { throw ReservedEntryGroup.notFound }
        }
        return DataEnvelope.object(Array("{}".utf8))
    }

    /// `GET /events/{id}/reserved-entries`: the event's groups, oldest first, no `page`.
    static func list(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let eventID = request.parameter("id")
        return try request.read { database in
            try Events.requireOwned(eventID, by: organiser, in: database)
            return try DataEnvelope.list(
                ReservedEntryGroup.view,
                "SELECT \(ReservedEntryGroup.table.selectList()) FROM \(ReservedEntryGroup.table.name) WHERE event_id = ? ORDER BY seq",
                eventID, context: (), in: database)
        }
    }

    /// `POST /events/{id}/reserved-entries`: a new group with no places used.
    static func create(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try createSchema.validate(try RequestBody.object(of: request))
        let eventID = request.parameter("id")
        let body = try request.write { database -> [UInt8]? in
            try Events.requireOwned(eventID, by: organiser, in: database)
            if let partnerID = fields["partnerId"]?.stringValue,
                try Partner.find(partnerID, externalIDType: nil, organiser: organiser, in: database) == nil
            {
                throw LetsDoThisError.badRequest("Partner not found")
            }
            try ReservedEntryGroup.checkTickets(fields["tickets"], event: eventID, in: database)
            var group = try ReservedEntryGroup().updated(with: fields)
            group.id = try database.ids.digestCharacters(
                "letsdothis.reservedEntryGroup", count: 11, alphabet: IDAlphabet.base36, prefix: "re_")
            group.eventID = eventID
            group.organiserID = organiser.id
            try database.insert(group)
            return try ReservedEntryGroup.render(group.id, in: database)
        }
        return try DataEnvelope.object(body, orThrow: ReservedEntryGroup.notFound)
    }
}
