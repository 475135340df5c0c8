import Emulation

/// A participant (attendee) as GoEvent stores it. It belongs to the user who created it and is
/// linked to any number of that user's events.
struct Participant: StoredRecord {
    var seq: Int64?
    var id = ""
    var ownerUserID = ""
    var lastName = ""
    var firstName = ""
    var email = ""
    var phone: String?
    var address: String?
    var confirmed = false
    /// ISO 8601 with milliseconds and Z, so text order is time order.
    var created = ""

    static let table = RecordTable("goevent_participants", of: Participant.self, primaryKey: ["seq"], constraints: [.unique(["id"])])

    /// The first six keys of spec §6.3: the form `POST /tickets/create` answers with.
    private static let contactFields: [RecordView<Void>.Member] = [
        .column("id"), .column("last_name"), .column("first_name"), .column("email"), .column("phone"), .column("address"),
    ]
    /// The list form of spec §6.3, keys in the documented order (snake_case names, then `created`).
    static let json = RecordView<Void>(table, contactFields + [.column("confirmed"), .column("created")])
    static let contactJSON = RecordView<Void>(table, contactFields)

    init() {}

    init(
        id: String, ownerUserID: String, lastName: String, firstName: String, email: String, phone: String?,
        address: String?, confirmed: Bool, created: String
    ) {
        self.id = id
        self.ownerUserID = ownerUserID
        self.lastName = lastName
        self.firstName = firstName
        self.email = email
        self.phone = phone
        self.address = address
        self.confirmed = confirmed
        self.created = created
    }

    /// The participant `id` if `user` owns it.
    static func owned(_ id: String, by user: GoEventUser, in database: Database) throws -> Participant? {
        try database.fetchOne(Participant.self, where: "id = ? AND owner_user_id = ?", id, user.id)
    }

    /// Writes the stored participant `id` in its contact form.
    static func writeContact(_ id: String, in database: Database, to json: inout JSONBuilder) throws {
        try database.write(
            contactJSON, "SELECT \(table.selectList()) FROM \(table.name) WHERE id = ?", arguments: [id], context: (),
            to: &json)
    }

    /// Links the participant to an event, so the event's participant list shows it; linking twice changes nothing.
    func link(toEvent eventID: String, in database: Database) throws {
        try database.insert(ParticipantEvent(eventID: eventID, created: created, participantID: id), onConflict: .ignore)
    }
}

/// Which events a participant is linked to. `created` is copied from the participant (it never
/// changes) so the key itself serves `GET /participants`' order: created, then id.
struct ParticipantEvent: StoredRecord {
    var eventID = ""
    var created = ""
    var participantID = ""

    static let table = RecordTable(
        "goevent_participant_events", of: ParticipantEvent.self, primaryKey: ["event_id", "created", "participant_id"],
        constraints: [.references("event_id", "goevent_events"), .references("participant_id", "goevent_participants")],
        indexes: ["participant_id"], withoutRowID: true)
}

/// `GET /participants?eventId=…` (spec §5.5).
enum Participants {
    /// The participants linked to one of the user's events, oldest `created` first, ties by id.
    static func list(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        let eventID = try Event.requiredID(request.query)
        let pagination = GoEventPagination(request.query)
        return try request.read { database in
            let event = try Event.administered(eventID, by: user, in: database)
            return try pagination.response(
                "participants", Participant.json, select: Participant.table.selectList(alias: "p"),
                from: "goevent_participant_events AS l JOIN goevent_participants AS p ON p.id = l.participant_id",
                where: SQLFilter("l.event_id = ?", event.id), orderBy: "l.created, l.participant_id", in: database)
        }
    }
}
