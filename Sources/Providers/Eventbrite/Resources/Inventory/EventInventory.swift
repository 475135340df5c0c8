import Emulation

/// The capacity accounting of one event (spec §10.2), read in five queries and derived in one
/// place, so that ticket classes, inventory tiers, holds, the capacity tier, the event's
/// capacity and its availability expansions all agree:
///
/// - a ticket sells from the event's general pool unless it came from a hold;
/// - a ticket class's `quantity_total` is the least of its own capacity, what its tier leaves
///   (`capacity_total − Σ holds − what its other classes sold`) and, for admission tickets of an
///   event with a custom capacity, what the event leaves (`capacity − Σ capacity holds − what
///   other admission classes sold`); with none of these it is 0, unlimited;
/// - sold means a placed order and an attendee neither refunded nor deleted (`Attendee.isSold`).
struct EventInventory {
    struct Ticket {
        let record: TicketClass
        /// Every ticket sold, from holds too.
        var sold: Int64 = 0
        /// Tickets sold from the general pool (not from a hold).
        var soldOutsideHolds: Int64 = 0
        var pending: Int64 = 0
    }

    struct Sales {
        var sold: Int64 = 0
        var pending: Int64 = 0
    }

    /// The largest quantity a body may set (a capacity, a hold, a limit per order): beyond any
    /// real event, and small enough that the sums here cannot overflow.
    static let maximumQuantity: Int64 = 1_000_000_000

    let eventID: Int64
    private(set) var customCapacity: Int64?
    /// The event's capacity as the event object shows it (custom, else its tickets' sum).
    private(set) var capacity: Int64?
    /// Non-deleted ticket classes, in list order (`sorting`, then creation).
    private(set) var tickets: [Ticket]
    private(set) var tiers: [InventoryTier]
    /// Every non-deleted hold: the tiers' and the capacity tier's (`tierID` nil).
    private(set) var holds: [Hold]
    /// Sold and pending tickets per hold id.
    private(set) var holdSales: [String: Sales]

    static func load(_ eventID: Int64, in database: Database) throws -> EventInventory {
        try load([eventID], in: database)[eventID] ?? EventInventory(eventID: eventID)
    }

    /// The inventories of `eventIDs`, each of the five queries made once for all of them and its
    /// rows filed by event (an id that names no event gets an empty inventory).
    static func load(_ eventIDs: [Int64], in database: Database) throws -> [Int64: EventInventory] {
        var inventories = Dictionary(eventIDs.map { ($0, EventInventory(eventID: $0)) }, uniquingKeysWith: { first, _ in first })
        guard !eventIDs.isEmpty else { return inventories }
        let events = SQLFilter("event_id", inList: eventIDs)
        let capacities = SQLFilter("e.id", inList: eventIDs)
        try database.forEachRow(
            "SELECT e.id, e.custom_capacity, \(computedCapacity) FROM eventbrite_events e WHERE \(capacities.clause)",
            arguments: capacities.arguments
        ) { row in
            let custom = row.optionalInteger(at: 1)
            inventories[row.integer(at: 0)]?.customCapacity = custom
            inventories[row.integer(at: 0)]?.capacity = custom ?? row.optionalInteger(at: 2)
        }
        for ticket in try database.fetchAll(
            TicketClass.self, where: events.clause + " AND NOT is_deleted", orderBy: "event_id, sorting, id", arguments: events.arguments)
        {
            inventories[ticket.eventID]?.tickets.append(Ticket(record: ticket))
        }
        try database.forEachRow(
            """
            SELECT event_id, ticket_class_id, hold_id, SUM(\(Attendee.isSold)) AS sold, SUM(\(Attendee.isPending)) AS pending
            FROM eventbrite_attendees WHERE \(events.clause) GROUP BY event_id, ticket_class_id, hold_id
            """, arguments: events.arguments
        ) { row in
            inventories[row.int64(at: 0)]?.addSales(
                ticketClassID: row.int64(at: 1), holdID: row.optionalString(at: 2), sold: row.int64(at: 3), pending: row.int64(at: 4))
        }
        for tier in try database.fetchAll(
            InventoryTier.self, where: events.clause + " AND NOT is_deleted", orderBy: "event_id, sort_order, id",
            arguments: events.arguments)
        {
            inventories[tier.eventID]?.tiers.append(tier)
        }
        for hold in try database.fetchAll(
            Hold.self, where: events.clause + " AND NOT is_deleted", orderBy: "event_id, sort_order, id", arguments: events.arguments)
        {
            inventories[hold.eventID]?.holds.append(hold)
        }
        return inventories
    }

    /// An event's inventory before its rows are read: no capacity, tickets, tiers or holds.
    private init(eventID: Int64) {
        self.eventID = eventID
        customCapacity = nil
        capacity = nil
        tickets = []
        tiers = []
        holds = []
        holdSales = [:]
    }

    /// Counts the sold and pending tickets of one ticket class and hold (nil: the general pool).
    private mutating func addSales(ticketClassID: Int64, holdID: String?, sold: Int64, pending: Int64) {
        if let holdID {
            holdSales[holdID, default: Sales()].sold += sold
            holdSales[holdID, default: Sales()].pending += pending
        }
        guard let index = tickets.firstIndex(where: { $0.record.id == ticketClassID }) else { return }
        tickets[index].sold += sold
        tickets[index].pending += pending
        if holdID == nil { tickets[index].soldOutsideHolds += sold }
    }

    /// The inventory of `eventID`, worked out once per response (for all the events of a page
    /// at once when the page was prepared, `prefetch`).
    static func of(_ eventID: Int64, _ context: RenderContext) throws -> EventInventory {
        try context.memo.value("inventory:\(eventID)") { try load(eventID, in: context.database) }
    }

    /// The inventories of the events being written, for the expansions that read them.
    static let prefetch = PagePrefetch(expansions: ["ticket_availability", "event_sales_status", "basic_inventory_info"]) {
        ids, context in
        for (id, inventory) in try load(ids, in: context.database) { context.memo.set("inventory:\(id)", inventory) }
    }

    /// The capacity of an event whose capacity is not custom (§10.2), over the alias `e`: the
    /// capacities of its admission ticket classes outside tiers plus those of its tiers that count
    /// against the event's capacity; NULL when there are none.
    static let computedCapacity = """
        (SELECT SUM(c) FROM (
            SELECT t.capacity AS c FROM eventbrite_ticket_classes t
            WHERE t.event_id = e.id AND NOT t.is_deleted AND t.category = 'admission' AND t.inventory_tier_id IS NULL
            UNION ALL
            SELECT it.capacity_total FROM eventbrite_inventory_tiers it
            WHERE it.event_id = e.id AND NOT it.is_deleted AND it.count_against_event_capacity))
        """

    // MARK: Tickets

    func ticket(_ id: Int64) -> Ticket? { tickets.first { $0.record.id == id } }

    func tier(_ id: Int64?) -> InventoryTier? {
        guard let id else { return nil }
        return tiers.first { $0.id == id }
    }

    /// Σ quantity held back by the holds of a tier (nil: the capacity tier's holds).
    func held(byTier tierID: Int64?) -> Int64 {
        holds.filter { $0.tierID == tierID }.reduce(0) { $0 + $1.quantityTotal }
    }

    func holds(ofTier tierID: Int64?) -> [Hold] { holds.filter { $0.tierID == tierID } }

    func sales(ofHold id: String) -> Sales { holdSales[id] ?? Sales() }

    /// The limits on what a ticket class can sell; empty when nothing limits it.
    private func limits(_ ticket: Ticket) -> [Int64] {
        var limits: [Int64] = []
        if let capacity = ticket.record.capacity, capacity > 0 { limits.append(capacity) }
        if let tier = tier(ticket.record.inventoryTierID) {
            let soldByOthers = tickets.filter { $0.record.inventoryTierID == tier.id && $0.record.id != ticket.record.id }
                .reduce(0) { $0 + $1.soldOutsideHolds }
            limits.append(tier.capacityTotal - held(byTier: tier.id) - soldByOthers)
        }
        if let custom = customCapacity, ticket.record.category == "admission" {
            let soldByOthers = tickets.filter { $0.record.category == "admission" && $0.record.id != ticket.record.id }
                .reduce(0) { $0 + $1.soldOutsideHolds }
            limits.append(custom - held(byTier: nil) - soldByOthers)
        }
        return limits
    }

    /// `quantity_total` (§9.9.1): the most this class can sell from the general pool, sold
    /// tickets included; 0 when unlimited (donations without a capacity, say).
    func quantityTotal(_ ticket: Ticket) -> Int64 {
        guard let limit = limits(ticket).min() else { return 0 }
        return max(0, limit)
    }

    /// Whether nothing is left to sell of a limited ticket class (`on_sale_status` `SOLD_OUT`).
    func isSoldOut(_ ticket: Ticket) -> Bool {
        guard !limits(ticket).isEmpty else { return false }
        return quantityTotal(ticket) - ticket.soldOutsideHolds <= 0
    }

    // MARK: Tiers and the capacity tier

    func tickets(inTier tierID: Int64) -> [Ticket] { tickets.filter { $0.record.inventoryTierID == tierID } }

    /// What a tier's classes sold from its general part (holds' sales are the holds').
    func sales(ofTier tierID: Int64) -> Sales {
        tickets(inTier: tierID).reduce(into: Sales()) {
            $0.sold += $1.soldOutsideHolds
            $0.pending += $1.pending
        }
    }

    /// Admission tickets sold and pending, from holds too (the capacity tier's `capacity_*`).
    var admissionSales: Sales {
        tickets.filter { $0.record.category == "admission" }.reduce(into: Sales()) {
            $0.sold += $1.sold
            $0.pending += $1.pending
        }
    }

    var hasInventoryTiers: Bool { !tiers.isEmpty }
}
