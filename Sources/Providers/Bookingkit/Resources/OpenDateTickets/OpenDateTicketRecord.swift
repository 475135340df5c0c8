import Emulation

/// A ticket without a date, redeemable for one appointment of its event (spec §6.13). Only the
/// vendor's own clients see it. Redeeming an OPEN one turns it DEPLETED.
struct OpenDateTicketRecord: StoredRecord {
    var id = ""
    var code = ""
    var status = "OPEN"
    var customerName = ""
    var customerEmail = ""
    var customerPhone = ""
    var customerLanguage = "en"
    var priceValue = Amount.zero
    var priceTitle = ""
    var currency = "EUR"
    var eventID = ""
    var vendorID = ""
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_open_date_tickets", of: OpenDateTicketRecord.self,
        constraints: [.references("event_id", "bookingkit_events")])

    static let view = RecordView<Void>(table, [
        .column("id"), .column("code"), .column("status"), .column("customer_name"), .column("customer_email"),
        .column("customer_phone"), .column("customer_language"), .column("price_value", format: .amountText),
        .column("price_title"), .column("currency"), .column("event_id"),
    ])
}
