import Emulation

/// A promotional discount code of a vendor (spec §6.15), identified by `ident`; vendor clients only.
struct CouponRecord: StoredRecord {
    var ident = ""
    var vendorID = ""
    var title = ""
    var code = ""
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_coupons", of: CouponRecord.self, primaryKey: ["ident"],
        constraints: [.references("vendor_id", "bookingkit_vendors")], indexes: ["vendor_id"])

    static let view = RecordView<Void>(table, [.column("ident"), .column("title"), .column("code")])
}
