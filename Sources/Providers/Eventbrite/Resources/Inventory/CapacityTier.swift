import Emulation

/// The capacity tier of an event (spec §8.14, §9.11): the event's capacity and the general
/// admission holds kept back from it. It is not a table of its own: `capacity_total` is the
/// event's capacity (custom, or its tickets' sum), its holds are the event's holds outside tiers,
/// and the sold figures come from the attendees (`EventInventory`).
enum CapacityTier: EventbriteResourceGroup {
    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{event_id}/capacity_tier/", example: "/events/5678/capacity_tier/") { request in
                let body = try request.read { database -> HTTPResponse in
                    let event = try request.managedEvent(in: database)
                    return render(try EventInventory.load(event.id, in: database))
                }
                return body
            },
            routes.post("/events/{event_id}/capacity_tier/", update),
        ]
    }

    /// The Capacity Tier object: `quantity_*` without the holds, `capacity_*` with them.
    static func render(_ inventory: EventInventory) -> HTTPResponse {
        let holds = inventory.holds(ofTier: nil)
        let capacity = inventory.capacity ?? 0
        let all = inventory.admissionSales
        let fromHolds = holds.reduce(into: EventInventory.Sales()) {
            let sales = inventory.sales(ofHold: $1.id)
            $0.sold += sales.sold
            $0.pending += sales.pending
        }
        return EventbriteResponse.json { json in
            json.object { json in
                json.field("event_id", String(inventory.eventID))
                json.field("quantity_pending", all.pending - fromHolds.pending)
                json.field("quantity_sold", all.sold - fromHolds.sold)
                json.field("quantity_total", capacity - inventory.held(byTier: nil))
                json.field("capacity_pending", all.pending)
                json.field("capacity_sold", all.sold)
                json.field("capacity_total", capacity)
                json.field("capacity_is_custom", inventory.customCapacity != nil)
                json.field("holds", array: { json in
                    for hold in holds {
                        let sales = inventory.sales(ofHold: hold.id)
                        hold.write(sold: sales.sold, pending: sales.pending, to: &json)
                    }
                })
            }
        }
    }

    /// `POST /events/{event_id}/capacity_tier/` with `{"capacity_tier": {capacity_total, holds}}`
    /// (the seed's prose sends the fields bare; both are read, A32). A partial update.
    static func update(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        return try request.write { database in
            var event = try request.managedEvent(in: database)
            var fields = body.object["capacity_tier"] != nil ? body.wrapper("capacity_tier") : body.unwrapped
            fields.rejectUnknown(allowed: ["capacity_total", "holds"])
            let capacity = fields.integer("capacity_total")
            if case .value(let total) = capacity, total < 0 || total > EventInventory.maximumQuantity { fields.invalid("capacity_total") }
            let changes = HoldChanges.read(&fields, eventID: event.id)
            let inventory = try EventInventory.load(event.id, in: database)
            let existing = inventory.holds(ofTier: nil)
            // Events with general admission tiers hold back quantity through those tiers (§8.14);
            // a reserved seating event's tiers are its seats and leave the capacity's holds alone.
            if changes != nil && inventory.tiers.contains(where: \.isGeneralAdmission) { fields.invalid("holds") }
            // Holds need a capacity to be kept back from.
            if let changes, !changes.items.isEmpty, capacity.isAbsent, event.customCapacity == nil { fields.missing("capacity_total") }
            if case .null = capacity, !existing.isEmpty || !(changes?.items.isEmpty ?? true) { fields.invalid("capacity_total") }
            try fields.check()

            let (kept, deleted) =
                try changes?.apply(
                    to: existing, eventID: event.id, tierID: nil, inventory: inventory, path: fields.path("holds"), in: database)
                ?? (existing, [])
            capacity.update(&event.customCapacity)
            if let total = event.customCapacity {
                let used = inventory.admissionSales
                // An oversold event may not become more oversold.
                if total < used.sold + used.pending {
                    throw EventbriteError.rule("CAPACITY_TOTAL_TOO_SMALL", "Capacity total is too small for oversold quantities")
                }
                let heldRemaining = kept.reduce(Int64(0)) {
                    let sales = inventory.sales(ofHold: $1.id)
                    return $0 + max(0, $1.quantityTotal - sales.sold - sales.pending)
                }
                if heldRemaining > total - used.sold - used.pending {
                    throw EventbriteError.rule(
                        "HOLD_QUANTITIES_EXCEEDS_REMAINING_CAPACITY",
                        "Sum of total remaining quantity from holds cannot exceed remaining capacity")
                }
            }
            event.changed = EpochSeconds(request.now)
            try database.update(event)
            try HoldChanges.save(kept: kept, deleted: deleted, existing: existing, in: database)
            return render(try EventInventory.load(event.id, in: database))
        }
    }
}
