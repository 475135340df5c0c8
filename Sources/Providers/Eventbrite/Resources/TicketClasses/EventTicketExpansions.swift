import Emulation

/// The event expansions that read its tickets (spec §5.4, §9.5.3–9.5.7): `ticket_availability`,
/// `event_sales_status`, `basic_inventory_info` and `ticket_classes`, all worked out from the
/// event's inventory (`EventInventory`) and the buyer's sale status of each ticket class.
enum EventTicketExpansions {
    /// The event's ticket classes that are not deleted, in `sorting` order; hidden ones only for
    /// members of the event's organization.
    static let ticketClasses = ExpansionReference(
        "ticket_classes", by: "event_id", orderBy: "t.sorting, t.id",
        where: { context in
            SQLFilter(
                "NOT t.is_deleted AND (NOT t.hidden OR ev.organization_id IN (SELECT value FROM json_each(?)))",
                IntegerList.text(context.caller.organizationIDs.sorted()))
        }
    ) { TicketClass.presenter }

    static let members: [RecordView<RenderContext>.Member] = [
        .expansion("ticket_availability") { row, context, json in
            let sale = try Sale(row, context)
            let prices = sale.visible.filter { !$0.record.donation }.map { $0.record.isPaidTicket ? $0.record.costValue : 0 }
            let currency = row.string("currency")
            json.object { json in
                json.field("has_available_tickets", sale.statuses.contains("AVAILABLE"))
                // `"45.00 USD"` here, as the captures show (A12).
                json.key("minimum_ticket_price")
                if let low = prices.min() { Money(currency: currency, value: low).write(to: &json, symbolDisplay: false) } else { json.null() }
                json.key("maximum_ticket_price")
                if let high = prices.max() { Money(currency: currency, value: high).write(to: &json, symbolDisplay: false) } else { json.null() }
                json.field("is_sold_out", sale.isSoldOut)
                json.key("start_sales_date")
                sale.writeStartSalesDate(timezone: row.string("start_timezone"), to: &json)
                json.field("waitlist_available", false)
            }
        },
        .expansion("event_sales_status") { row, context, json in
            let sale = try Sale(row, context)
            json.object { json in
                json.field("sales_status", sale.salesStatus)
                json.key("start_sales_date")
                sale.writeStartSalesDate(timezone: row.string("start_timezone"), to: &json)
                json.field("message", .null)
                json.field("message_type", "default")
                json.field("message_code", .null)
            }
        },
        .expansion("basic_inventory_info") { row, context, json in
            try writeBasicInventoryInfo(eventID: row.integer("id"), context, to: &json)
        },
        .expansion(ticketClasses),
    ]

    /// What the expansions read per event, fetched for all the events being written at once:
    /// their inventories and, for the buyer's sale statuses, the events themselves.
    static let prefetches = [
        EventInventory.prefetch,
        PagePrefetch(expansions: ["ticket_availability", "event_sales_status"]) { ids, context in
            var events = [Int64: Event](minimumCapacity: ids.count)
            let condition = SQLFilter("id", inList: ids)
            for event in try context.database.fetchAll(
                Event.self, where: condition.clause + " AND NOT is_deleted", arguments: condition.arguments)
            {
                events[event.id] = event
            }
            for id in ids { context.memo.set(eventKey(id), events[id] as Any) }
        },
    ]

    /// The event `id` as `Event.find` reads it (nil when deleted), once per response.
    static func event(_ id: Int64, _ context: RenderContext) throws -> Event? {
        try context.memo.value(eventKey(id)) { try Event.find(id, in: context.database) }
    }

    private static func eventKey(_ id: Int64) -> String { "event:\(id)" }

    /// Basic Inventory Info (§9.5.7): what the event's inventory is made of. Seat maps expand it
    /// for their event too (§5.4).
    static func writeBasicInventoryInfo(eventID: Int64, _ context: RenderContext, to json: inout JSONBuilder) throws {
        let inventory = try EventInventory.of(eventID, context)
        json.object { json in
            json.field("has_inventory_tiers", inventory.hasInventoryTiers)
            json.field("has_add_ons", inventory.tickets.contains { $0.record.category == "add_on" })
            json.field("has_ticket_classes", !inventory.tickets.isEmpty)
            json.field("has_donations", inventory.tickets.contains { $0.record.donation })
            // Ticket rules are not modelled.
            json.field("has_ticket_rules", false)
            json.field("has_admission_tiers", inventory.tiers.contains { $0.countAgainstEventCapacity })
            json.field("has_holds", !inventory.holds.isEmpty)
        }
    }

    /// The visible ticket classes of an event and what a buyer would see of each (§10.3).
    private struct Sale {
        let visible: [EventInventory.Ticket]
        let statuses: [String]
        let inventory: EventInventory
        let now: Int64

        init(_ row: ViewRow, _ context: RenderContext) throws {
            let inventory = try EventInventory.of(row.integer("id"), context)
            self.inventory = inventory
            now = context.now
            visible = inventory.tickets.filter { !$0.record.hidden }
            guard let event = try EventTicketExpansions.event(inventory.eventID, context) else {
                statuses = []
                return
            }
            statuses = visible.map { TicketClassesForSale.saleStatus($0, inventory: inventory, event: event, now: context.now) }
        }

        var isSoldOut: Bool {
            let admission = visible.filter { $0.record.category == "admission" }
            return !admission.isEmpty && admission.allSatisfy { inventory.isSoldOut($0) }
        }

        /// `on_sale`, `not_yet_on_sale`, `sales_ended`, `sold_out` or `unavailable`, in the
        /// spec's precedence.
        var salesStatus: String {
            guard !visible.isEmpty else { return "unavailable" }
            if isSoldOut { return "sold_out" }
            if statuses.allSatisfy({ $0 == "NOT_YET_ON_SALE" }) { return "not_yet_on_sale" }
            if visible.allSatisfy({ ticket in ticket.record.salesEnd.map { $0.value <= now } ?? false }) { return "sales_ended" }
            if statuses.contains("AVAILABLE") { return "on_sale" }
            return "unavailable"
        }

        /// The earliest sales start of the visible tickets, in the event's timezone, or `null`.
        func writeStartSalesDate(timezone: String, to json: inout JSONBuilder) {
            guard let start = visible.compactMap({ $0.record.salesStart?.value }).min() else { return json.null() }
            EventbriteFormats.writeDateTimeZone(utc: start, timezone: timezone, to: &json)
        }
    }
}
