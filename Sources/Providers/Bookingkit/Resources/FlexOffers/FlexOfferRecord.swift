import Emulation

/// A flex offer (spec §6.14): an inventory item bought as a multi- or single-entry ticket.
/// Read-only through the API; buying one with an order takes one of its `stock` (§7.3).
struct FlexOfferRecord: StoredRecord {
    var id = ""
    var active: Int64 = 1
    var title = ""
    var vendorID = ""
    var eventID = ""
    var startDate = DateTime(seconds: 0)
    var endDate = DateTime(seconds: 0)
    var redemptionStartDate = DateTime(seconds: 0)
    var redemptionEndDate = DateTime(seconds: 0)
    var stock: Int64 = 0
    var redemptions: Int64 = 0
    var unlimitedRedemptions: Int64 = 0
    var type = "FLEX_OFFER"
    /// EventPrice objects, as rendered.
    var flexOfferPrices: JSONValue = []
    var createdAt = DateTime(seconds: 0)
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_flex_offers", of: FlexOfferRecord.self,
        constraints: [.references("vendor_id", "bookingkit_vendors")], indexes: ["vendor_id", "updated_at"])

    static let view = RecordView<Void>(table, [
        .column("id"), .column("active"), .column("title"), .column("vendor_id"), .column("event_id"),
        .column("start_date", format: .dateTime), .column("end_date", format: .dateTime),
        .column("redemption_start_date", format: .dateTime), .column("redemption_end_date", format: .dateTime),
        .column("stock"), .column("redemptions"), .column("unlimited_redemptions"), .column("type"),
        .column("flex_offer_prices"),
    ])

    /// The price of `flex_offer_prices` with this id.
    func price(id: Int64) -> JSONObject? {
        flexOfferPrices.arrayValue?.lazy.compactMap(\.objectValue).first { $0["id"]?.intValue == id }
    }
}
