import Emulation

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
