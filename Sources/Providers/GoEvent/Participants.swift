import Emulation

/// A participant (attendee) as GoEvent stores it. It belongs to the user who created it and is
/// linked to any number of that user's events.
struct Participant: JSONEncodable {
    let id: String
    let lastName: String
    let firstName: String
    let email: String
    let phone: String?
    let address: String?
    let confirmed: Bool
    let created: String

    /// The columns `init(row:)` reads, for queries aliasing `goevent_participants` as `p`.
    static let columns = "p.id, p.last_name, p.first_name, p.email, p.phone, p.address, p.confirmed, p.created"

    init(id: String, lastName: String, firstName: String, email: String, phone: String?, address: String?,
         confirmed: Bool, created: String) {
        self.id = id
        self.lastName = lastName
        self.firstName = firstName
        self.email = email
        self.phone = phone
        self.address = address
        self.confirmed = confirmed
        self.created = created
    }

    init(row: Row) {
        self.init(
            id: row.string("id") ?? "", lastName: row.string("last_name") ?? "", firstName: row.string("first_name") ?? "",
            email: row.string("email") ?? "", phone: row.string("phone"), address: row.string("address"),
            confirmed: row.bool("confirmed") ?? false, created: row.string("created") ?? "")
    }

    /// The list form of spec §6.3, keys in the documented order (snake_case names, then `created`).
    func encode(to json: inout JSONBuilder) {
        json.object { json in
            encodeContactFields(to: &json)
            json.field("confirmed", confirmed)
            json.field("created", created)
        }
    }

    /// The form `POST /tickets/create` answers with: the first six keys only.
    func encodeContact(to json: inout JSONBuilder) {
        json.object { json in encodeContactFields(to: &json) }
    }

    private func encodeContactFields(to json: inout JSONBuilder) {
        json.field("id", id)
        json.field("last_name", lastName)
        json.field("first_name", firstName)
        json.field("email", email)
        json.field("phone", phone)
        json.field("address", address)
    }

    /// The participant `id` if `user` owns it.
    static func owned(_ id: String, by user: GoEventUser, in database: Database) throws -> Participant? {
        try database.queryOne(
            "SELECT \(columns) FROM goevent_participants AS p WHERE p.id = ? AND p.owner_user_id = ?", id, user.id
        ).map(Participant.init(row:))
    }

    func insert(owner: GoEventUser, into database: Database) throws {
        try database.run(
            """
            INSERT INTO goevent_participants
                (id, owner_user_id, last_name, first_name, email, phone, address, confirmed, created)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, id, owner.id, lastName, firstName, email, phone, address, confirmed, created)
    }

    /// Links the participant to an event, so the event's participant list shows it; linking twice changes nothing.
    func link(toEvent eventID: String, in database: Database) throws {
        try database.run(
            "INSERT OR IGNORE INTO goevent_participant_events (event_id, created, participant_id) VALUES (?, ?, ?)",
            eventID, created, id)
    }
}

/// `GET /participants?eventId=…` (spec §5.5).
enum Participants {
    /// The participants linked to one of the user's events, oldest `created` first, ties by id.
    static func list(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        let eventID = try Event.requiredID(request.query)
        let pagination = GoEventPagination(request.query)
        let page = try request.read { database in
            let event = try Event.administered(eventID, by: user, in: database)
            return try database.page(
                select: Participant.columns,
                from: "goevent_participant_events AS l JOIN goevent_participants AS p ON p.id = l.participant_id",
                where: SQLFilter("l.event_id = ?", event.id), orderBy: "l.created, l.participant_id", window: pagination.window)
        }
        return .json { json in
            json.object { json in
                json.field("participants", elements: page.items.lazy.map(Participant.init(row:)))
                json.field("paginate", pagination.paginate(page))
            }
        }
    }
}
