import Emulation

/// An employee or representative of a vendor (spec §6.15); vendor clients only.
struct UserRecord: StoredRecord {
    var id = ""
    var vendorID = ""
    var name = ""
    var email = ""
    var language = "en"
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_users", of: UserRecord.self, constraints: [.references("vendor_id", "bookingkit_vendors")],
        indexes: ["vendor_id"])

    static let view = RecordView<Void>(table, [.column("id"), .column("name"), .column("email"), .column("language")])
}
