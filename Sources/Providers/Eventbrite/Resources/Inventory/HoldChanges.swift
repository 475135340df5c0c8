import Emulation

/// The `holds` of an inventory tier or capacity tier update (spec §8.13, §8.14): an element
/// without `id` creates a hold (`name` and `quantity_total` required), one with `id` updates it,
/// and `is_deleted: true` deletes it. A hold with sold tickets cannot be deleted (`HAS_ATTENDEES`)
/// nor go below what it sold and has pending.
struct HoldChanges {
    struct Item {
        var id: String?
        var name: String?
        var abbreviation: Provided<String> = .absent
        var sortOrder: Int64?
        var color: Provided<String> = .absent
        var quantityTotal: Int64?
        var isDeleted = false
    }

    static let fields: Set<String> = ["id", "event_id", "name", "abbreviation", "sort_order", "color", "quantity_total", "is_deleted"]

    let items: [Item]

    /// The `holds` list of `fields`, nil when the body has none; problems are reported on `fields`
    /// under `<prefix>.holds.<field>`.
    static func read(_ fields: inout BodyFields, eventID: Int64) -> HoldChanges? {
        guard case .value(let elements) = fields.list("holds") else { return nil }
        var items: [Item] = []
        for element in elements {
            guard let object = element.objectValue else {
                fields.invalid("holds")
                continue
            }
            var hold = BodyFields(prefix: fields.path("holds"), object: object, strict: fields.strict)
            hold.rejectUnknown(allowed: Self.fields)
            var item = Item()
            switch hold.string("id") {
            case .value(let id) where Hold.isWellFormed(id): item.id = id
            case .value: hold.invalid("id")
            case .null, .absent: break
            }
            if case .value(let event) = hold.id("event_id"), event != eventID { hold.invalid("event_id") }
            switch hold.string("name") {
            case .value(let name) where !name.trimmingWhitespace().isEmpty: item.name = name
            case .value, .null: hold.invalid("name")
            case .absent: break
            }
            item.abbreviation = hold.string("abbreviation")
            item.sortOrder = hold.integer("sort_order").value
            item.color = InventoryTierChanges.color(&hold, "color")
            switch hold.integer("quantity_total") {
            case .value(let quantity) where quantity >= 0 && quantity <= EventInventory.maximumQuantity: item.quantityTotal = quantity
            case .value, .null: hold.invalid("quantity_total")
            case .absent: break
            }
            item.isDeleted = hold.bool("is_deleted").value ?? false
            if item.id == nil {
                if item.name == nil && !hold.errors.fields.contains(where: { $0.field == hold.path("name") }) { hold.missing("name") }
                if item.quantityTotal == nil && !hold.errors.fields.contains(where: { $0.field == hold.path("quantity_total") }) {
                    hold.missing("quantity_total")
                }
            }
            fields.absorb(hold)
            items.append(item)
        }
        return HoldChanges(items: items)
    }

    /// Whether the change moves quantities (which needs `capacity_total` sent with it).
    func changesQuantities(of existing: [Hold]) -> Bool {
        items.contains { item in
            guard let id = item.id else { return true }
            // An unknown id is reported as such when the change is applied.
            guard let hold = existing.first(where: { $0.id == id }) else { return false }
            return item.isDeleted || (item.quantityTotal.map { $0 != hold.quantityTotal } ?? false)
        }
    }

    /// The holds after the change: `existing` (of one tier, or the capacity tier) updated,
    /// deleted ones left out, new ones appended with fresh ids. `path` names the list in errors.
    func apply(
        to existing: [Hold], eventID: Int64, tierID: Int64?, inventory: EventInventory, path: String, in database: Database
    ) throws -> (kept: [Hold], deleted: [Hold]) {
        var kept = existing
        var deleted: [Hold] = []
        for item in items {
            if let id = item.id {
                guard let index = kept.firstIndex(where: { $0.id == id }) else {
                    throw ArgumentErrors.single("\(path).id", ArgumentErrors.Code.invalid)
                }
                let sales = inventory.sales(ofHold: id)
                if item.isDeleted {
                    if sales.sold > 0 {
                        throw EventbriteError.rule("HAS_ATTENDEES", "You cannot delete a ticket class that has been purchased by attendees.")
                    }
                    var hold = kept.remove(at: index)
                    hold.isDeleted = true
                    deleted.append(hold)
                    continue
                }
                var hold = kept[index]
                update(&hold, with: item)
                if hold.quantityTotal < sales.sold + sales.pending {
                    throw ArgumentErrors.single("\(path).quantity_total", ArgumentErrors.Code.invalid)
                }
                kept[index] = hold
            } else if !item.isDeleted {
                var hold = Hold()
                hold.eventID = eventID
                hold.tierID = tierID
                hold.id = "I" + String(try EventbriteID.next(in: database))
                hold.sortOrder = (kept.map(\.sortOrder).max() ?? 0) + 1
                update(&hold, with: item)
                kept.append(hold)
            }
        }
        return (kept, deleted)
    }

    private func update(_ hold: inout Hold, with item: Item) {
        if let name = item.name { hold.name = name }
        item.abbreviation.update(&hold.abbreviation)
        if let sortOrder = item.sortOrder { hold.sortOrder = sortOrder }
        item.color.update(&hold.color)
        if let quantity = item.quantityTotal { hold.quantityTotal = quantity }
    }

    /// Writes the holds after a change: updated and new ones, and deleted ones flagged.
    static func save(kept: [Hold], deleted: [Hold], existing: [Hold], in database: Database) throws {
        for hold in kept + deleted {
            if existing.contains(where: { $0.id == hold.id }) { try database.update(hold) } else { try database.insert(hold) }
        }
    }
}
