import Emulation

/// A price of an event (spec §6.3 EventPrice): bookable on the dates of the event, and of the
/// event its pricelist belongs to (§7.2). Ids are integers, unique across events.
struct PriceRecord: StoredRecord {
    var id: Int64 = 0
    var eventID = ""
    var title = ""
    var value = Amount.zero
    var currency = "EUR"
    var `public`: Int64 = 1
    var category = ""
    var vat = Amount.zero
    var entryUnits: JSONValue = [["type": "ADULT"]]

    static let table = RecordTable(
        "bookingkit_prices", of: PriceRecord.self,
        constraints: [.references("event_id", "bookingkit_events", onDelete: "CASCADE")], indexes: ["event_id"])

    /// The event form: `value` and `vat` as numbers.
    static let eventView = RecordView<Void>(table, [
        .column("id"), .column("title"), .column("value", format: .amountNumber), .column("currency"), .column("public"),
        .column("category"), .column("vat", format: .amountNumber), .column("entry_units"),
    ])

    /// The merged-date form (§6.11): `category` before `currency`, `value` and `vat` as strings.
    static let mergedDateView = RecordView<Void>(table, [
        .column("id"), .column("title"), .column("value", format: .amountText), .column("category"), .column("currency"),
        .column("public"), .column("vat", format: .amountText), .column("entry_units"),
    ])

    /// Seats a participant at this price takes: one per entry unit, at least one (§10 D13).
    var seats: Int64 { max(1, Int64(entryUnits.arrayValue?.count ?? 1)) }
}
