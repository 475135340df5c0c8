import Emulation

/// A batch of tickets issued by `POST /tickets/create`: one per request item. The live service
/// renders each batch as a PDF on S3; the mock keeps the record and a link of the same shape.
struct IssuedTicket {
    let id: String
    let eventID: String
    let ticketID: String
    let participantID: String?
    let quantity: Int64
    let url: String
    let createdAt: String

    /// A new record with a fresh id and its PDF link.
    init(eventID: String, ticketID: String, participantID: String?, quantity: Int64, createdAt: String, in database: Database) throws {
        id = try ObjectID.next(in: database)
        self.eventID = eventID
        self.ticketID = ticketID
        self.participantID = participantID
        self.quantity = quantity
        url = "https://goeventcloud2.s3.amazonaws.com/ticket-\(id).pdf?signature=\(Self.signature(of: id))"
        self.createdAt = createdAt
    }

    private init(row: Row) {
        id = row.string("id") ?? ""
        eventID = row.string("event_id") ?? ""
        ticketID = row.string("ticket_id") ?? ""
        participantID = row.string("participant_id")
        quantity = Int64(row.int("quantity") ?? 0)
        url = row.string("url") ?? ""
        createdAt = row.string("created_at") ?? ""
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO goevent_issued_tickets (id, event_id, ticket_id, participant_id, quantity, url, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, id, eventID, ticketID, participantID, quantity, url, createdAt)
    }

    /// Every issued batch, oldest first.
    static func all(in database: Database) throws -> [IssuedTicket] {
        try database.query(
            "SELECT id, event_id, ticket_id, participant_id, quantity, url, created_at FROM goevent_issued_tickets ORDER BY seq"
        ).map(IssuedTicket.init(row:))
    }

    /// The IssuedTicketRecord of spec §5.4, for the control API.
    var json: JSONValue {
        [
            "id": .string(id),
            "eventId": .string(eventID),
            "ticketId": .string(ticketID),
            "participantId": .string(participantID),
            "quantity": .int(quantity),
            "url": .string(url),
            "createdAt": .string(createdAt),
        ]
    }

    /// 40 lower-case hex digits that depend only on the id, in the place of the S3 signature:
    /// stable across runs, so recorded responses compare equal. Not a security measure.
    static func signature(of id: String) -> String {
        // Three FNV-1a 64-bit hashes, each seeded differently, give 48 digits; the first 40 are kept.
        (UInt8(0)..<3).map { salt in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in [salt] + Array(id.utf8) {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined().prefix(40).description
    }
}
