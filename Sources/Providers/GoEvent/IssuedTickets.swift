import Emulation

/// A batch of tickets issued by `POST /tickets/create`: one per request item. The live service
/// renders each batch as a PDF on S3; the mock keeps the record and a link of the same shape.
struct IssuedTicket: StoredRecord {
    var seq: Int64?
    var id = ""
    var eventID = ""
    var ticketID = ""
    var participantID: String?
    var quantity: Int64 = 0
    var url = ""
    var createdAt = ""

    static let table = RecordTable(
        "goevent_issued_tickets", of: IssuedTicket.self, primaryKey: ["seq"],
        constraints: [
            .unique(["id"]), .references("event_id", "goevent_events"), .references("ticket_id", "goevent_tickets"),
            .references("participant_id", "goevent_participants"),
        ],
        indexes: ["event_id", "ticket_id", "participant_id"])

    /// The IssuedTicketRecord of spec §5.4, for the control API.
    static let json = RecordView<Void>(table, [
        .column("id"), .column("event_id", as: "eventId"), .column("ticket_id", as: "ticketId"),
        .column("participant_id", as: "participantId"), .column("quantity"), .column("url"),
        .column("created_at", as: "createdAt"),
    ])

    init() {}

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
