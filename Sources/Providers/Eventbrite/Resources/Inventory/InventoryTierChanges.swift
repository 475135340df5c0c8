import Emulation

/// One tier of an inventory tier create or update body (spec §8.13): the fields, the holds, and
/// the quantity rules — `capacity_total` is the tier's whole capacity, `quantity_total` what its
/// holds leave (`capacity_total − Σ holds`), and whenever quantities move `capacity_total` must
/// come with them; a `quantity_total` sent beside it only confirms the sum.
struct InventoryTierChanges {
    static let createFields: Set<String> = [
        "name", "tier", "seatmap_number", "sort_order", "color", "quantity_total", "count_against_event_capacity", "image_id",
        "capacity_total", "holds",
    ]
    static let updateFields: Set<String> = ["name", "sort_order", "color", "quantity_total", "image_id", "capacity_total", "holds"]
    /// The most tiers an event may have, and the error past it.
    static let maximumTiers = 100
    static let tooManyTiers = EventbriteError.rule("EXCEED_MAXIMUM_INVENTORY_TIERS", "You cannot create more than 100 tiers for an event.")

    var fields: BodyFields
    let creating: Bool
    var name: String?
    var tier: Int64?
    var seatmapNumber: Int64?
    var sortOrder: Int64?
    var color: Provided<String> = .absent
    var quantityTotal: Int64?
    var capacityTotal: Int64?
    var countsAgainstEvent: Bool?
    var imageID: Provided<Int64> = .absent
    var holds: HoldChanges?

    /// Reads one tier's fields (`creating` allows and requires the create-only ones).
    init(_ fields: BodyFields, creating: Bool, event: Event, in database: Database) throws {
        self.fields = fields
        self.creating = creating
        self.fields.rejectUnknown(allowed: creating ? Self.createFields : Self.updateFields.union(["id"]))
        switch self.fields.string("name") {
        case .value(let text) where !text.trimmingWhitespace().isEmpty: name = text
        case .value, .null: self.fields.missing("name")
        case .absent: if creating { self.fields.missing("name") }
        }
        tier = count("tier", minimum: 1)
        seatmapNumber = count("seatmap_number", minimum: 0)
        if let seatmap = seatmapNumber, seatmap > 1 { self.fields.invalid("seatmap_number") }
        sortOrder = count("sort_order", minimum: 0)
        color = Self.color(&self.fields, "color")
        quantityTotal = count("quantity_total", minimum: 0)
        capacityTotal = count("capacity_total", minimum: 0)
        countsAgainstEvent = self.fields.bool("count_against_event_capacity").value
        imageID = self.fields.id("image_id")
        if case .value(let id) = imageID,
            try !Image.isUsable(id, byOrganization: event.organizationID, in: database)
        {
            self.fields.invalid("image_id")
        }
        holds = HoldChanges.read(&self.fields, eventID: event.id)
        if creating && quantityTotal == nil && capacityTotal == nil && !self.fields.has("quantity_total") {
            self.fields.missing("quantity_total")
        }
    }

    private mutating func count(_ key: String, minimum: Int64) -> Int64? {
        switch fields.integer(key) {
        case .value(let value) where value >= minimum && value <= EventInventory.maximumQuantity: return value
        case .value, .null:
            fields.invalid(key)
            return nil
        case .absent: return nil
        }
    }

    /// A `#rrggbb` color.
    static func color(_ fields: inout BodyFields, _ key: String) -> Provided<String> {
        let value = fields.string(key)
        if case .value(let text) = value {
            guard text.count == 7, text.first == "#", text.dropFirst().allSatisfy(\.isHexDigit) else {
                fields.invalid(key)
                return .absent
            }
        }
        return value
    }

    /// Applies the changes to `tier` and its holds, checking the quantity rules; returns the
    /// holds to save.
    mutating func apply(
        to tier: inout InventoryTier, existingHolds: [Hold], inventory: EventInventory, in database: Database
    ) throws -> (kept: [Hold], deleted: [Hold]) {
        if let name { tier.name = name }
        if let value = self.tier { tier.tier = value }
        if let seatmapNumber { tier.seatmapNumber = seatmapNumber }
        if let sortOrder { tier.sortOrder = sortOrder }
        color.update(&tier.color)
        if let countsAgainstEvent { tier.countAgainstEventCapacity = countsAgainstEvent }
        imageID.update(&tier.imageID)
        // Reserved seating tiers sell seats; their holds are the seat map's, and their quantity
        // is the seats' (§8.13: `quantity_total` only for GA tiers).
        if !tier.isGeneralAdmission {
            if holds != nil { fields.invalid("holds") }
            if quantityTotal != nil && !creating { fields.invalid("quantity_total") }
        }
        if holds != nil && capacityTotal == nil && creating { fields.missing("capacity_total") }
        if !creating {
            let movesQuantities = quantityTotal != nil || (holds?.changesQuantities(of: existingHolds) ?? false)
            if movesQuantities && capacityTotal == nil { fields.missing("capacity_total") }
        }
        try fields.check()
        let path = fields.path("holds")
        let (kept, deleted) =
            try holds?.apply(to: existingHolds, eventID: tier.eventID, tierID: tier.id, inventory: inventory, path: path, in: database)
            ?? (existingHolds, [])
        let held = kept.reduce(0) { $0 + $1.quantityTotal }
        if let capacityTotal {
            tier.capacityTotal = capacityTotal
            if let quantityTotal, quantityTotal != capacityTotal - held {
                throw ArgumentErrors.single(fields.path("quantity_total"), ArgumentErrors.Code.invalid)
            }
        } else if let quantityTotal {
            // A new tier without holds: its capacity is its quantity.
            tier.capacityTotal = quantityTotal + held
        }
        if held > tier.capacityTotal {
            throw EventbriteError.rule(
                "HOLD_QUANTITIES_EXCEEDS_CAPACITY_TOTAL", "sum of quantity total must be smaller than tier capacity_total")
        }
        if tier.capacityTotal - held < inventory.sales(ofTier: tier.id).sold {
            throw ArgumentErrors.single(fields.path("capacity_total"), ArgumentErrors.Code.invalid)
        }
        return (kept, deleted)
    }
}
