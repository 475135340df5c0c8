import Emulation

/// A code a vendor's customers redeem (spec §6.15): a coupon (a promotional discount) or a
/// voucher (a gift card or prepaid credit, also bought with orders, §7.3). Both are identified
/// by `ident`, unique per kind; vendor clients only.
struct RedeemableCodeRecord: StoredRecord {
    enum Kind: String, ColumnCodable {
        case coupon, voucher
    }

    var kind = Kind.coupon
    var ident = ""
    var vendorID = ""
    var title = ""
    var code = ""
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_redeemable_codes", of: RedeemableCodeRecord.self, primaryKey: ["kind", "ident"],
        constraints: [.references("vendor_id", "bookingkit_vendors")], indexes: ["kind, vendor_id"])

    static let view = RecordView<Void>(table, [.column("ident"), .column("title"), .column("code")])
}
