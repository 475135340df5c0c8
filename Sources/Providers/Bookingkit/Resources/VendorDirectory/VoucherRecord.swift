import Emulation

/// A gift card or prepaid credit of a vendor (spec §6.15), identified by `ident`; vendor clients
/// only. Voucher purchases in orders add to them (§7.3).
struct VoucherRecord: StoredRecord {
    var ident = ""
    var vendorID = ""
    var title = ""
    var code = ""
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_vouchers", of: VoucherRecord.self, primaryKey: ["ident"],
        constraints: [.references("vendor_id", "bookingkit_vendors")], indexes: ["vendor_id"])

    static let view = RecordView<Void>(table, [.column("ident"), .column("title"), .column("code")])
}
