import Emulation

/// A product line of an order (spec §6.8 `products`): a copy of the product's title, price and VAT
/// at the time it was added, and how many.
struct ProductLineRecord: StoredRecord {
    var orderID = ""
    var productID = ""
    var status = "ACCEPTED"
    var title = ""
    var price = Amount.zero
    var amount: Int64 = 1
    var currency = "EUR"
    var vat = Amount.zero

    static let table = RecordTable(
        "bookingkit_product_lines", of: ProductLineRecord.self, primaryKey: ["order_id", "product_id"],
        constraints: [.references("order_id", "bookingkit_orders")])

    static let view = RecordView<Void>(table, [
        .column("product_id"), .column("status"), .column("title"), .column("price", format: .amountText), .column("amount"),
        .column("currency"), .column("vat", format: .amountText),
    ])
}

/// A voucher bought with an order (spec §6.8 `voucherOrders`); the voucher itself is also a
/// `RedeemableCodeRecord` voucher of the vendor (§7.3).
struct VoucherOrderRecord: StoredRecord {
    var id = ""
    var orderID = ""
    var status = "ACCEPTED"
    var vat = Amount.zero
    var voucherID = ""
    var voucherCode = ""
    var value = Amount.zero
    var currency = "EUR"

    static let table = RecordTable(
        "bookingkit_voucher_orders", of: VoucherOrderRecord.self,
        constraints: [.references("order_id", "bookingkit_orders")], indexes: ["order_id"])

    static let view = RecordView<Void>(table, [
        .column("id"), .column("status"), .column("vat", format: .amountText),
        .object("voucher", [
            .column("voucher_id", as: "id"), .column("voucher_code", as: "code"), .column("value", format: .amountText),
            .column("currency"),
        ]),
    ])
}

/// A flex ticket bought with an order (spec §6.8 `flexTickets`), from a `FlexOfferRecord`.
struct FlexTicketRecord: StoredRecord {
    var id = ""
    var orderID = ""
    var code = ""
    var status = "ACCEPTED"
    var title = ""
    var redemptionTotal: Int64 = 0
    var redemptionAvailable: Int64 = 0
    var unlimitedRedemptions: Int64 = 0
    var price = Amount.zero
    var priceTitle = ""
    var currency = "EUR"
    var vat = Amount.zero
    var flexOfferID = ""
    var priceCategoryID: Int64 = 0
    var eventID = ""

    static let table = RecordTable(
        "bookingkit_flex_tickets", of: FlexTicketRecord.self,
        constraints: [.references("order_id", "bookingkit_orders")], indexes: ["order_id"])

    static let view = RecordView<Void>(table, [
        .column("id"), .column("code"), .column("status"), .column("title"), .column("redemption_total"),
        .column("redemption_available"), .column("unlimited_redemptions"), .column("price", format: .amountText),
        .column("price_title"), .column("currency"), .column("vat", format: .amountText),
        .object("flexOffer", [.column("flex_offer_id", as: "id"), .column("price_category_id"), .column("event_id")]),
    ])
}
