import Emulation

/// An inventory tier (spec §9.10): a quantity several ticket classes of one event sell from.
/// Ids are unique within an event (the docs reuse tier `1234` on two events, A5). The tier keeps
/// its capacity; its sellable `quantity_total` is what its holds leave (`capacity_total − Σ holds`),
/// and its sold figures come from the attendees of its ticket classes (`EventInventory`).
struct InventoryTier: StoredRecord {
    var eventID: Int64 = 0
    var id: Int64 = 0
    var name = ""
    /// A small integer unique within a seat map.
    var tier: Int64 = 1
    /// 0 for general admission, 1 for reserved seating.
    var seatmapNumber: Int64 = 0
    var sortOrder: Int64 = 1
    var color: String?
    var capacityTotal: Int64 = 0
    var countAgainstEventCapacity = true
    var imageID: Int64?
    var created = EpochSeconds(0)
    var isDeleted = false

    static let table = RecordTable(
        "eventbrite_inventory_tiers", of: InventoryTier.self, primaryKey: ["event_id", "id"],
        constraints: [.references("event_id", "eventbrite_events")], withoutRowID: true)

    var isGeneralAdmission: Bool { seatmapNumber == 0 }
}

/// A hold (spec §9.10.2): quantity kept back from sale under an inventory tier, or under the
/// event's capacity when `tierID` is nil (the capacity tier's holds, §8.14). Ids are `I<n>`
/// (`H<n>` for reserved seating, which the mock does not create) and unique within an event.
struct Hold: StoredRecord {
    var eventID: Int64 = 0
    var id = ""
    var tierID: Int64?
    var name = ""
    var abbreviation: String?
    var sortOrder: Int64 = 1
    var color: String?
    var quantityTotal: Int64 = 0
    var isDeleted = false

    static let table = RecordTable(
        "eventbrite_holds", of: Hold.self, primaryKey: ["event_id", "id"],
        constraints: [.references("event_id", "eventbrite_events")], withoutRowID: true)

    /// A hold id of the form the API writes: `I` or `H` and digits.
    static func isWellFormed(_ id: String) -> Bool {
        guard let first = id.first, first == "I" || first == "H" else { return false }
        return EventbriteID.parse(String(id.dropFirst())) != nil
    }

    /// The Hold Response (§9.10.2), with the sold and pending figures of `figures`.
    func write(sold: Int64, pending: Int64, to json: inout JSONBuilder) {
        json.object { json in
            json.field("id", id)
            json.field("event_id", String(eventID))
            json.field("name", name)
            json.field("abbreviation", abbreviation)
            json.field("sort_order", sortOrder)
            json.field("color", color)
            json.field("quantity_sold", sold)
            json.field("quantity_total", quantityTotal)
            json.field("quantity_pending", pending)
        }
    }
}
