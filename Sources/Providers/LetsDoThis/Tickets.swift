import Emulation

/// A ticket (spec §7.6), listed by `GET /events/{id}/tickets` (§6.17) in creation order. Columns
/// are its keys in the spec's order, spelled snake_case; `soldCount` is kept by
/// `LetsDoThisCounts.soldByTicket` as entries are written.
struct Ticket: StoredRecord {
    var seq: Int64?
    var id = ""
    var title = ""
    var description = ""
    var eventID = ""
    var eventOccurrenceID = ""
    var raceID = ""
    var price: JSONValue = [:]
    var requiresApplication = false
    var maxCapacity: Int64 = 0
    var onSaleFrom = ""
    var onSaleUntil = ""
    var createdAt = ""
    var updatedAt = ""

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_tickets", of: Ticket.self, primaryKey: ["seq"],
        constraints: [.unique(["id"]), .references("event_id", "letsdothis_events")], indexes: ["event_id, seq"])
    /// Rows carry `sold_count`: participants of the ticket whose newest status is not CANCELLED (spec §8.2).
    static let view = RecordView<Void>(
        table,
        RecordView.columns(of: table, keys: .camelCase, except: ["seq"],
            inserting: ["max_capacity": [.derived("soldCount") { row, _, json in json.int(row.integer("sold_count")) }]]))

    /// Whether `ticketID` is a ticket of `eventID`.
    static func belongs(_ ticketID: String, toEvent eventID: String, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM letsdothis_tickets WHERE id = ? AND event_id = ?", ticketID, eventID) != nil
    }

    /// `GET /events/{id}/tickets`: every ticket of the event in creation order, no `page`.
    static func list(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let eventID = request.parameter("id")
        return try request.read { database in
            try Events.requireOwned(eventID, by: organiser, in: database)
            return try DataEnvelope.list(
                view,
                """
                SELECT \(table.selectList(alias: "t")), COALESCE(sold.sold, 0) AS sold_count
                FROM letsdothis_tickets AS t LEFT JOIN \(LetsDoThisCounts.soldByTicket.table) AS sold ON sold.ticket_id = t.id
                WHERE t.event_id = ? ORDER BY t.seq
                """,
                eventID, context: (), in: database)
        }
    }
}
