import Emulation

/// A ticket, "also known as a booking" (spec §6.9): one date of one event inside an order, with
/// its participants. `event_date_id` always renders as `date_id` (§9.4).
struct TicketRecord: StoredRecord {
    enum Status: String, ColumnCodable {
        case accepted = "ACCEPTED", canceled = "CANCELED", pending = "PENDING", declined = "DECLINED", open = "OPEN",
            reserved = "RESERVED"

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
