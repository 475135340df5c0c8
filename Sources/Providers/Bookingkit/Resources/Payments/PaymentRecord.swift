import Emulation

/// A payment or refund of an order (spec §6.12). `code` is the deprecated alias of
/// `payment_method`; `related_items` is managed by the server.
struct PaymentRecord: StoredRecord {
    var id = ""
    var orderID = ""
    var value = Amount.zero
    var type = "payment"
    var paymentMethod = "ThirdParty"
    var name = ""
    var paymentDate = DateTime(seconds: 0)
    var relatedItems: JSONValue = ["orders": [], "vouchers": []]

    static let table = RecordTable(
        "bookingkit_payments", of: PaymentRecord.self,
        constraints: [.references("order_id", "bookingkit_orders")], indexes: ["order_id"])

    static let view = RecordView<Void>(table, [
        .column("id"), .column("value", format: .amountNumber), .column("type"), .column("payment_method", as: "code"),
        .column("payment_method"), .column("name"), .column("payment_date", format: .dateTime), .column("related_items"),
    ])

    /// The reduced object `POST /orders/{id}/payments` answers with (§5.7 E39).
    static let createdView = RecordView<Void>(table, [
        .column("payment_method", as: "code"), .column("name"), .column("value", format: .amountNumber), .column("type"),
        .column("payment_date", format: .dateTime),
    ])
}
