import Emulation

/// A product sold with bookings (spec §6.7). `total` and `available` are NULL when stock is
/// unlimited and render as `""`. Products not offered at checkout are "private": lists leave
/// them out unless asked (§5.4 E26). `vat` is what an order's product line carries (§6.8).
struct ProductRecord: StoredRecord {
    var id = ""
    var vendorID = ""
    var name = ""
    var description = ""
    var total: Int64?
    var available: Int64?
    var price = Amount.zero
    var currency = "EUR"
    var shippingAddress: Int64 = 0
    var dependencies: JSONValue = []
    var offeredAtCheckout = true
    var vat = Amount(hundredths: 1900)
    var deleted = false
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_products", of: ProductRecord.self,
        constraints: [.references("vendor_id", "bookingkit_vendors")], indexes: ["vendor_id", "updated_at"])

    static let view = RecordView<Void>(table, [
        .column("id"), .column("vendor_id"), .column("name"), .column("description"), .column("total", format: .integerOrEmpty),
        .column("available", format: .integerOrEmpty), .column("price", format: .amountNumber), .column("currency"),
        .column("shipping_address"), .column("dependencies"),
    ])
}

extension ColumnFormat {
    /// An integer column; NULL (unlimited) as `""` (spec §6.7).
    static let integerOrEmpty = ColumnFormat { row, index, json in
        if row.isNull(at: index) { json.string("") } else { json.int(row.int64(at: index)) }
    }
}
