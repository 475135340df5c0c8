import Emulation

/// A ticket, "also known as a booking" (spec §6.9): one date of one event inside an order, with
/// its participants. `event_date_id` always renders as `date_id` (§9.4).
struct TicketRecord: StoredRecord {
    enum Status: String, ColumnCodable {
        case accepted = "ACCEPTED", canceled = "CANCELED", pending = "PENDING", declined = "DECLINED", open = "OPEN",
            reserved = "RESERVED"

        /// A ticket's participants hold seats in these statuses (§7.4).
        var holdsSeats: Bool { self != .canceled && self != .declined }
    }

    var id = ""
    var orderID = ""
    var dateID = ""
    var eventID = ""
    var code = ""
    var status = Status.accepted
    var comment = ""
    var cancellationDate: DateTime?
    var vat = Amount.zero

    static let table = RecordTable(
        "bookingkit_tickets", of: TicketRecord.self,
        constraints: [.references("order_id", "bookingkit_orders"), .references("date_id", "bookingkit_dates")],
        indexes: ["order_id", "date_id", "code"])
}

/// A participant of a ticket (spec §6.10): who comes, at which price, and whether they hold
/// seats (`status` ACCEPTED in a seat-holding ticket: `seats` of them, one per entry unit).
struct ParticipantRecord: StoredRecord {
    enum Status: String, ColumnCodable {
        case accepted = "ACCEPTED", canceled = "CANCELED"
    }

    var id = ""
    var ticketID = ""
    var orderID = ""
    var status = Status.accepted
    var name = ""
    var email = ""
    var phone = ""
    var comment = ""
    var priceID: Int64 = 0
    var priceValue = Amount.zero
    var priceTitle = ""
    var vat = Amount.zero
    var cancellationDate: DateTime?
    var code = ""
    var checkedIn: DateTime?
    var entryUnits: JSONValue = [["type": "ADULT"]]
    /// `{id, redeemed_value, creation_date, purchasing_order_id}`, or NULL (then omitted, §1).
    var redeemedFlexTicket: JSONValue?
    var seats: Int64 = 1

    static let table = RecordTable(
        "bookingkit_participants", of: ParticipantRecord.self,
        constraints: [.references("ticket_id", "bookingkit_tickets"), .references("order_id", "bookingkit_orders")],
        indexes: ["ticket_id", "order_id", "code"])
}
