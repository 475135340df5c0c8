import Emulation

/// The constants ticket class create and update answer with (spec §8.12), checked on the ticket
/// class as it would be after the change, once its arguments are known to be well-formed.
enum TicketClassRules {
    /// 2000-01-01T00:00:00Z: a relative sales end may not fall before it.
    static let earliestSalesEnd: Int64 = 946_684_800

    /// Checks `ticket` (the result of applying `changes` to `previous`, or to a new ticket class)
    /// and works out its category. Throws the first rule it breaks.
    static func check(
        _ ticket: inout TicketClass, previous: TicketClass?, changes: TicketClassChanges, event: Event, inventory: EventInventory,
        in database: Database
    ) throws {
        if let named = changes.eventID, named != event.id {
            throw EventbriteError.rule("INVALID_EVENT_ID", "Event id must match the event id associated with the ticket.")
        }
        if event.isSeries && !event.isSeriesParent {
            if previous != nil {
                throw EventbriteError.rule("INVALID_TICKET", "Cannot update child ticket directly, update parent ticket rule instead.")
            }
            throw EventbriteError.rule("INVALID_EVENT", "Create or update the ticket from the parent event instead.")
        }
        if event.status == .canceled || event.isDeleted {
            throw EventbriteError.rule("INVALID_EVENT", "This event is not qualified to have tickets.")
        }
        var arguments = ArgumentErrors()
        // A series parent's tickets end relative to each date; other tickets end at a time.
        if event.isSeriesParent && !changes.salesEnd.isAbsent && changes.salesEnd.value != nil {
            arguments.invalid("ticket_class.sales_end")
        }
        if !event.isSeriesParent && changes.salesEndRelative.value != nil { arguments.invalid("ticket_class.sales_end_relative") }
        // Tiered events sell every ticket from a tier (the May 2020 changelog note).
        if inventory.hasInventoryTiers && ticket.inventoryTierID == nil { arguments.missing("ticket_class.inventory_tier_id") }
        if let maximum = ticket.maximumQuantity, maximum < ticket.minimumQuantity { arguments.invalid("ticket_class.maximum_quantity") }
        try arguments.check()

        if let previous, previous.inventoryTierID != ticket.inventoryTierID {
            throw EventbriteError.rule("INVALID_INVENTORY_TIER_ID", "You cannot change the inventory tier of a ticket.")
        }
        let tier = inventory.tier(ticket.inventoryTierID)
        if ticket.inventoryTierID != nil && tier == nil {
            throw EventbriteError.rule("INVALID_INVENTORY_TIER_ID", "The inventory tier does not exist on this event.")
        }
        if ticket.free && ticket.costValue > 0 {
            throw EventbriteError.rule("FREE_AND_COST", "A ticket cannot be a free ticket and a charged ticket.")
        }
        if ticket.donation && ticket.costValue > 0 {
            throw EventbriteError.rule("DONATION_AND_COST", "A ticket cannot be a donation and a charged ticket.")
        }
        if ticket.donation && ticket.free {
            throw EventbriteError.rule("DONATION_AND_FREE", "A ticket cannot be a donation and a free ticket.")
        }
        if !ticket.free && !ticket.donation && ticket.costValue == 0 {
            throw EventbriteError.rule("NO_COST", "A price must be set for a charged ticket.")
        }
        if case .value(let cost) = changes.cost, cost.currency != event.currency {
            throw EventbriteError.rule("CURRENCY_MISMATCH", "Event currency ticket currency must match.")
        }
        if ticket.donation && ticket.minimumQuantity < 1 {
            throw EventbriteError.rule("DONATION_AND_MIN_QUANTITY", "Please set a minimum quantity for donation ticket.")
        }
        if !ticket.donation && tier == nil && (ticket.capacity ?? 0) == 0 {
            throw EventbriteError.rule("NO_QUANTITY_TOTAL", "A quantity total must be set for this ticket.")
        }
        if ticket.includeFee && ticket.splitFee {
            throw EventbriteError.rule("SPLIT_AND_INCLUDE", "You cannot split fees and include them in the price of the ticket.")
        }
        if !ticket.autoHide && (ticket.autoHideBefore != nil || ticket.autoHideAfter != nil) {
            throw EventbriteError.rule("AUTO_HIDE_NOT_SET", "You must select an auto hide setting.")
        }
        if !ticket.deliveryMethods.allSatisfy(TicketClass.deliveryMethodNames.contains) {
            throw EventbriteError.rule(
                "INVALID_DELIVERY_METHOD", "A ticket under this event organization cannot have this delivery method.")
        }
        if let relative = ticket.salesEndRelative {
            let anchor = relative.relativeToEvent == "end_time" ? event.endUTC.value : event.startUTC.value
            if anchor - relative.offset < earliestSalesEnd {
                throw EventbriteError.rule(
                    "SALES_END_RELATIVE_TOO_FAR_IN_PAST", "The ticket sales_end relative can't result in a date < 2000.")
            }
        }
        if try startsAfterCircularly(ticket, eventID: event.id, in: database) {
            throw EventbriteError.rule("CIRCULAR_SALES_START_AFTER", "Cannot start circular sales.")
        }
        if let previous, previous.costValue != ticket.costValue || previous.currency != ticket.currency,
            (inventory.ticket(previous.id)?.sold ?? 0) > 0
        {
            throw EventbriteError.rule("CANNOT_UPDATE_COST", "Cannot change the ticket price after tickets have been sold")
        }
        if ticket.isPaidTicket {
            let fees = try FeeSchedule.fees(price: ticket.costValue, currency: ticket.currency, in: database)
            if ticket.costValue < fees.total {
                throw EventbriteError.rule("COST_GREATER_THAN_FEE", "The cost of the ticket class must be greater than the fee.")
            }
        }
        ticket.category = ticket.donation ? "donation" : (tier.map { $0.countAgainstEventCapacity } ?? true) ? "admission" : "add_on"
        // The spec reads BAD_QUANTITIES as a custom event capacity below what the admission
        // tickets outside tiers add up to (§8.12).
        if let custom = inventory.customCapacity, ticket.category == "admission", ticket.inventoryTierID == nil {
            let others = inventory.tickets.filter {
                $0.record.id != ticket.id && $0.record.category == "admission" && $0.record.inventoryTierID == nil
            }
            if others.reduce(ticket.capacity ?? 0, { $0 + ($1.record.capacity ?? 0) }) > custom {
                throw EventbriteError.rule(
                    "BAD_QUANTITIES", "The sum of tickets across ticket classes is not equal to the sum of total tickets available.")
            }
        }
    }

    /// Whether following `sales_start_after` from `ticket` comes back to it.
    private static func startsAfterCircularly(_ ticket: TicketClass, eventID: Int64, in database: Database) throws -> Bool {
        var next = ticket.salesStartAfter
        var seen: Set<Int64> = []
        while let id = next {
            if id == ticket.id || !seen.insert(id).inserted { return true }
            next = try database.queryOne(
                "SELECT sales_start_after FROM eventbrite_ticket_classes WHERE event_id = ? AND id = ? AND NOT is_deleted", eventID, id
            )?.int("sales_start_after").map(Int64.init)
        }
        return false
    }
}
