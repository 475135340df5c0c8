import Emulation

/// Inventory tiers (spec §8.13): retrieve (wrapped `{"inventory_tier": …}`), list, the three
/// operations of `POST /events/{event_id}/inventory_tiers/` (create one, create many, update
/// many, told apart by the body, A4), update one, and delete. Holds of a tier are changed through
/// its update. All of it is for members of the event's organization.
enum InventoryTiers: EventbriteResourceGroup {
    static let tables = [InventoryTier.table, Hold.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        let file = "inventory_tiers.json"
        for tier in try seed.records(InventoryTier.self, file, key: "inventory_tiers") { try database.insert(tier) }
        for hold in try seed.records(Hold.self, file, key: "holds") { try database.insert(hold) }
    }

    static let imageExpansion = ExpansionReference("image", from: "image_id") { Image.presenter }

    static let presenter: Presenter = Presenter(
        type: "inventory_tier",
        view: RecordView(InventoryTier.table, [
            .id("id"),
            .id("event_id"),
            .column("name"),
            .column("tier"),
            .column("seatmap_number"),
            .column("sort_order"),
            .column("color"),
            .derived("quantity_total") { row, context, json in
                let inventory = try EventInventory.of(row.integer("event_id"), context)
                json.int(row.integer("capacity_total") - inventory.held(byTier: row.integer("id")))
            },
            .column("capacity_total"),
            .column("count_against_event_capacity"),
            .id("image_id"),
            // Deprecated ("Do not use"), always 0.
            .constant("quantity_held", 0),
            .derived("quantity_sold") { row, context, json in
                json.int(try EventInventory.of(row.integer("event_id"), context).sales(ofTier: row.integer("id")).sold)
            },
            .derived("quantity_pending") { row, context, json in
                json.int(try EventInventory.of(row.integer("event_id"), context).sales(ofTier: row.integer("id")).pending)
            },
            .derived("ticket_class_ids") { row, context, json in
                let tickets = try EventInventory.of(row.integer("event_id"), context).tickets(inTier: row.integer("id"))
                json.array { json in for ticket in tickets { json.string(String(ticket.record.id)) } }
            },
            // A general admission tier is a parent of holds; a reserved seating tier is not (null).
            .derived("holds") { row, context, json in
                guard row.integer("seatmap_number") == 0 else { return json.null() }
                let inventory = try EventInventory.of(row.integer("event_id"), context)
                json.array { json in
                    for hold in inventory.holds(ofTier: row.integer("id")) {
                        let sales = inventory.sales(ofHold: hold.id)
                        hold.write(sold: sales.sold, pending: sales.pending, to: &json)
                    }
                }
            },
            .expansion(imageExpansion),
        ]),
        alias: "it", references: [imageExpansion])

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{event_id}/inventory_tiers/{inventory_tier_id}/", example: "/events/5678/inventory_tiers/1234/") {
                request in
                let (eventID, id) = try request.read { database -> (Int64, Int64) in
                    let tier = try request.inventoryTier(in: database)
                    return (tier.eventID, tier.id)
                }
                return try respond(request, wrapping: "inventory_tier", eventID: eventID, ids: [id])
            },
            routes.post("/events/{event_id}/inventory_tiers/", createOrUpdateMany),
            routes.post("/events/{event_id}/inventory_tiers/{inventory_tier_id}/") { request in
                let body = try EventbriteBody(request)
                let (eventID, id) = try request.write { database -> (Int64, Int64) in
                    let tier = try request.inventoryTier(in: database)
                    let changes = try InventoryTierChanges(body.wrapper("inventory_tier"), creating: false, event: try event(tier, database), in: database)
                    try save(changes, existing: tier, eventID: tier.eventID, now: request.now, in: database)
                    return (tier.eventID, tier.id)
                }
                return try respond(request, wrapping: "inventory_tier", eventID: eventID, ids: [id])
            },
            routes.get("/events/{event_id}/inventory_tiers/", example: "/events/1234/inventory_tiers/") { request in
                let event = try request.read { try request.managedEvent(in: $0) }
                let page = try request.page()
                var arguments = QueryArguments(request.query)
                var filter = SQLFilter("it.event_id = ? AND NOT it.is_deleted", event.id)
                if arguments.has("seatmap_number") {
                    if let seatmap = arguments.string("seatmap_number").flatMap({ Int64($0) }), seatmap >= 0 {
                        filter.add("it.seatmap_number = ?", seatmap)
                    } else {
                        arguments.errors.invalid("seatmap_number")
                    }
                }
                if let counts = arguments.bool("count_against_event_capacity") { filter.add("it.count_against_event_capacity = ?", counts) }
                try arguments.errors.check()
                return try PaginatedList.respond(
                    request, key: "inventory_tiers", presenter, where: filter, orderBy: "it.sort_order, it.id", page: page)
            },
            routes.delete("/events/{event_id}/inventory_tiers/{inventory_tier_id}/", delete),
        ]
    }

    private static func event(_ tier: InventoryTier, _ database: Database) throws -> Event {
        guard let event = try Event.find(tier.eventID, in: database) else { throw EventbriteError.notFound(.inventoryTier) }
        return event
    }

    /// `{"inventory_tier": {…}}` creates one tier; `{"inventory_tiers": [...]}` creates several
    /// when no element has an `id`, and updates several when every element has one (A4).
    private static func createOrUpdateMany(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let (eventID, ids, key) = try request.write { database -> (Int64, [Int64], String) in
            var event = try request.managedEvent(in: database)
            let elements: [BodyFields]
            let key: String
            if body.object["inventory_tier"] != nil {
                key = "inventory_tier"
                elements = [body.wrapper(key)]
            } else if let array = body.object["inventory_tiers"]?.arrayValue, !array.isEmpty {
                key = "inventory_tiers"
                guard array.allSatisfy({ $0.objectValue != nil }) else { throw ArgumentErrors.single(key, ArgumentErrors.Code.invalid) }
                elements = array.map {
                    BodyFields(prefix: key, object: $0.objectValue!, strict: request.settings.strictUnknownParameters)
                }
            } else {
                throw ArgumentErrors.single(body.object["inventory_tiers"] == nil ? "inventory_tier" : "inventory_tiers", ArgumentErrors.Code.missing)
            }
            let withIDs = elements.filter { $0.has("id") }.count
            var ids: [Int64] = []
            if key == "inventory_tiers" && withIDs == elements.count {
                for element in elements {
                    guard let id = EventbriteID.parse(element.object["id"]),
                        let tier = try database.fetchOne(InventoryTier.self, where: "event_id = ? AND id = ? AND NOT is_deleted", event.id, id)
                    else { throw ArgumentErrors.single("inventory_tiers.id", ArgumentErrors.Code.invalid) }
                    let changes = try InventoryTierChanges(element, creating: false, event: event, in: database)
                    try save(changes, existing: tier, eventID: event.id, now: request.now, in: database)
                    ids.append(id)
                }
            } else if withIDs > 0 {
                // Some with ids and some without: neither a create nor an update.
                throw ArgumentErrors.single("inventory_tiers", ArgumentErrors.Code.invalid)
            } else {
                let existing = try database.queryOne(
                    "SELECT COUNT(*) AS n FROM eventbrite_inventory_tiers WHERE event_id = ? AND NOT is_deleted", event.id)?.int("n") ?? 0
                if existing + elements.count > InventoryTierChanges.maximumTiers {
                    throw InventoryTierChanges.tooManyTiers
                }
                for element in elements {
                    let changes = try InventoryTierChanges(element, creating: true, event: event, in: database)
                    ids.append(try save(changes, existing: nil, eventID: event.id, now: request.now, in: database))
                }
            }
            event.changed = EpochSeconds(request.now)
            try database.update(event)
            return (event.id, ids, key)
        }
        return try respond(request, wrapping: key, eventID: eventID, ids: ids)
    }

    /// Creates (`existing` nil) or updates one tier and its holds; returns its id.
    @discardableResult
    private static func save(
        _ changes: InventoryTierChanges, existing: InventoryTier?, eventID: Int64, now: Int64, in database: Database
    ) throws -> Int64 {
        var changes = changes
        let inventory = try EventInventory.load(eventID, in: database)
        var tier = existing ?? InventoryTier()
        if existing == nil {
            tier.eventID = eventID
            tier.id = try EventbriteID.next(in: database)
            tier.created = EpochSeconds(now)
            tier.sortOrder = Int64(inventory.tiers.count + 1)
        }
        let holds = existing.map { inventory.holds(ofTier: $0.id) } ?? []
        let (kept, deleted) = try changes.apply(to: &tier, existingHolds: holds, inventory: inventory, in: database)
        if existing == nil && changes.tier == nil {
            // The next free tier number of its seat map.
            tier.tier = (inventory.tiers.filter { $0.seatmapNumber == tier.seatmapNumber }.map(\.tier).max() ?? 0) + 1
        } else if inventory.tiers.contains(where: { $0.id != tier.id && $0.seatmapNumber == tier.seatmapNumber && $0.tier == tier.tier }) {
            throw ArgumentErrors.single(changes.fields.path("tier"), ArgumentErrors.Code.invalid)
        }
        if existing == nil { try database.insert(tier) } else { try database.update(tier) }
        try HoldChanges.save(kept: kept, deleted: deleted, existing: holds, in: database)
        // A tier that stops counting against the event's capacity sells add-ons.
        try database.run(
            "UPDATE eventbrite_ticket_classes SET category = ? WHERE event_id = ? AND inventory_tier_id = ? AND NOT donation",
            tier.countAgainstEventCapacity ? "admission" : "add_on", eventID, tier.id)
        return tier.id
    }

    /// The tiers `ids` of the event, under `key`: one object for `inventory_tier`, an array for
    /// `inventory_tiers`.
    private static func respond(_ request: EventbriteRequest, wrapping key: String, eventID: Int64, ids: [Int64]) throws -> HTTPResponse {
        try request.read { database in
            let context = request.context(database, type: presenter.type)
            return try EventbriteResponse.json { json in
                try json.object { json in
                    json.key(escaping: key)
                    if key == "inventory_tier" {
                        try presenter.writeOne(where: "it.event_id = ? AND it.id = ?", [eventID, ids[0]], context: context, to: &json)
                    } else {
                        try json.array { json in
                            for id in ids {
                                try presenter.writeOne(where: "it.event_id = ? AND it.id = ?", [eventID, id], context: context, to: &json)
                            }
                        }
                    }
                }
            }
        }
    }

    /// `DELETE /events/{event_id}/inventory_tiers/{inventory_tier_id}/` → `{"deleted": true}`:
    /// the tier, its holds and its ticket classes go, under the ticket class delete's rules.
    private static func delete(_ request: EventbriteRequest) throws -> HTTPResponse {
        try request.write { database in
            let tier = try request.inventoryTier(in: database)
            var event = try event(tier, database)
            let inventory = try EventInventory.load(event.id, in: database)
            let ticketClasses = inventory.tickets(inTier: tier.id).map(\.record.id)
            if inventory.sales(ofTier: tier.id).sold > 0 {
                throw EventbriteError.rule("HAS_ATTENDEES", "You cannot delete a ticket class that has been purchased by attendees.")
            }
            if !ticketClasses.isEmpty { try TicketClasses.checkRemovable(ticketClasses, from: event, inventory: inventory) }
            // A reserved-seating tier holds seats of the event's seat map.
            if !tier.isGeneralAdmission, try database.queryOne("SELECT 1 FROM eventbrite_seatmaps WHERE event_id = ?", event.id) != nil {
                throw EventbriteError.rule("HAS_SEAT_ASSIGNMENTS", "You cannot delete an inventory tier that are still assigned to seats.")
            }
            try TicketClasses.markDeleted(ticketClasses, eventIDs: [event.id], in: database)
            try database.run("UPDATE eventbrite_holds SET is_deleted = 1 WHERE event_id = ? AND tier_id = ?", event.id, tier.id)
            try database.run("UPDATE eventbrite_inventory_tiers SET is_deleted = 1 WHERE event_id = ? AND id = ?", event.id, tier.id)
            event.changed = EpochSeconds(request.now)
            try database.update(event)
            // The seed types it a string; a boolean, as every other delete answers (§8.13).
            return EventbriteResponse.json(["deleted": true])
        }
    }
}

extension EventbriteRequest {
    /// The `{inventory_tier_id}` of the path's event: 404 ("The event or inventory_tier_id you
    /// requested does not exist.") when either is unknown, 403 unless the caller is a member.
    func inventoryTier(in database: Database) throws -> InventoryTier {
        guard let eventID = EventbriteID.parse(parameter("event_id")), let event = try Event.find(eventID, in: database) else {
            throw EventbriteError.notFound(.inventoryTier)
        }
        guard let id = EventbriteID.parse(parameter("inventory_tier_id")),
            let tier = try database.fetchOne(InventoryTier.self, where: "event_id = ? AND id = ? AND NOT is_deleted", eventID, id)
        else { throw EventbriteError.notFound(.inventoryTier) }
        try caller.requireMember(of: event.organizationID)
        return tier
    }
}
