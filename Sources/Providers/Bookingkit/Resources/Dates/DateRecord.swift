import Emulation

/// An appointment of an event (spec §6.5): when it starts and how many seats it has and has left.
/// Merged dates are the same records (§5.3 E22). `available_slots` is kept up to date by every
/// booking that takes or gives back seats (`SeatLedger`). `vendor_id` (never rendered) is its
/// event's, which never changes: a vendor's dates read in date order straight off an index.
struct DateRecord: StoredRecord {
    var id = ""
    var eventID = ""
    var vendorID = ""
    var date = DateTime(seconds: 0)
    var availableSlots: Int64 = 0
    var totalSlots: Int64 = 0
    var active: Int64 = 1
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_dates", of: DateRecord.self,
        constraints: [.references("event_id", "bookingkit_events")],
        indexes: ["vendor_id, date", "event_id, date", "date", "updated_at"])

    /// The Date object (§6.5); `checkout_url` follows the pattern of [RAML]'s `date.json` (§7.5).
    static let view = RecordView<Void>(table, [
        .column("id"), .column("active"), .column("event_id"), .column("date", format: .dateTime),
        .column("available_slots"), .column("total_slots"),
        .derived("checkout_url") { row, _, json in
            json.string(concatenating: "https://web.admin-sandbox.bookingkit.com/checkout/index/?date=", row.string("id"))
        },
    ])
}
