import Emulation

/// `GET /events/{event_id}/ticket_classes/for_sale/` (spec §8.12, §9.9.3): the ticket classes a
/// buyer can pick from at a point of sale, each with its sale status and its variants. A `code`
/// applies a discount (a discounted variant) or unlocks hidden tickets (an access code); a
/// `hold_id` lists the tickets a member may sell from that hold.
enum TicketClassesForSale {
    /// What the request's `code` and the event's public discounts do to each ticket class,
    /// handed to the view through the render memo.
    struct Offer {
        /// The discounts whose variants a ticket class gets, by ticket class id.
        var discounts: [Int64: [Discount]] = [:]
        /// Hidden ticket classes the access code unlocks.
        var unlocked: Set<Int64> = []
    }

    static let offerKey = "for_sale.offer"

    static func respond(_ request: EventbriteRequest) throws -> HTTPResponse {
        let (event, offer, excluded) = try request.read { database -> (Event, Offer, [Int64]) in
            let event = try request.readableEvent(in: database)
            var arguments = QueryArguments(request.query)
            let pos = arguments.choice("pos", of: ["online", "at_the_door"]) ?? "online"
            let code = arguments.string("code")
            let holdID = arguments.string("hold_id")
            try arguments.errors.check()
            var hold: Hold?
            if let holdID {
                // Selling from holds is for the event's organization (§8.12).
                try request.caller.requireMember(of: event.organizationID)
                guard let found = try database.fetchOne(Hold.self, where: "event_id = ? AND id = ? AND NOT is_deleted", event.id, holdID)
                else { throw ArgumentErrors.single("hold_id", ArgumentErrors.Code.invalid) }
                hold = found
            }
            let inventory = try EventInventory.load(event.id, in: database)
            let offer = try makeOffer(event: event, code: code, inventory: inventory, now: request.now, in: database)
            // Tickets not sold at this point of sale, hidden ones not unlocked, tickets that hide
            // themselves while not on sale, and (for a hold) tickets that do not sell from it.
            var excluded: [Int64] = []
            for ticket in inventory.tickets {
                let record = ticket.record
                let channel = pos == "online" ? "online" : "atd"
                var keep = record.salesChannels.contains(channel) && (!record.hidden || offer.unlocked.contains(record.id))
                if keep && record.autoHide {
                    let status = saleStatus(ticket, inventory: inventory, event: event, now: request.now)
                    keep = status == "AVAILABLE" || status == "SOLD_OUT"
                }
                if keep, let hold {
                    keep = hold.tierID.map { record.inventoryTierID == $0 } ?? (record.category == "admission")
                }
                if !keep { excluded.append(record.id) }
            }
            return (event, offer, excluded)
        }
        let page = try request.page()
        var filter = SQLFilter("t.event_id = ? AND NOT t.is_deleted", event.id)
        filter.add("t.id", notIn: excluded)
        return try PaginatedList.respond(
            request, key: "ticket_classes", forSalePresenter, where: filter, orderBy: "t.sorting, t.id", page: page,
            prepare: { $0.memo.set(offerKey, offer) })
    }

    /// The discounts that make variants: the event's public discounts, and the `code`'s discount
    /// (an unknown or unusable code is `code - INVALID`).
    static func makeOffer(event: Event, code: String?, inventory: EventInventory, now: Int64, in database: Database) throws -> Offer {
        var offer = Offer()
        var discounts = try database.fetchAll(
            Discount.self, where: "organization_id = ? AND NOT is_deleted AND type = 'public' AND event_id = ?", event.organizationID,
            event.id)
        if let code {
            guard let found = try Discount.usable(code: code, for: event, now: now, in: database) else {
                throw ArgumentErrors.single("code", ArgumentErrors.Code.invalid)
            }
            if found.type != "public" { discounts.append(found) }
        }
        for discount in discounts {
            let groupClasses = try discount.groupClasses(of: event, in: database)
            for ticket in inventory.tickets where discount.covers(ticketClass: ticket.record.id, eventID: event.id, groupClasses: groupClasses) {
                if discount.type == "access" { offer.unlocked.insert(ticket.record.id) }
                if discount.reducesPrice && ticket.record.isPaidTicket { offer.discounts[ticket.record.id, default: []].append(discount) }
            }
        }
        return offer
    }

    /// `on_sale_status` for a buyer (§10.2): the event must be selling, then hidden, sold out, not
    /// yet on sale (before its start, or while the ticket it starts after still sells), ended.
    static func saleStatus(_ ticket: EventInventory.Ticket, inventory: EventInventory, event: Event, now: Int64) -> String {
        let record = ticket.record
        guard event.status == .live, now < event.endUTC.value else { return "UNAVAILABLE" }
        if record.hidden { return "HIDDEN" }
        if inventory.isSoldOut(ticket) { return "SOLD_OUT" }
        if let start = record.salesStart, now < start.value { return "NOT_YET_ON_SALE" }
        if let after = record.salesStartAfter, let previous = inventory.ticket(after), !inventory.isSoldOut(previous) {
            return "NOT_YET_ON_SALE"
        }
        if let end = record.salesEnd, now >= end.value { return "UNAVAILABLE" }
        return "AVAILABLE"
    }

    /// The Ticket Class For Sale Response (§9.9.3): public fields, the long name, the sales dates,
    /// the buyer's sale status and the variants.
    static let forSalePresenter: Presenter = Presenter(
        type: "ticket_class",
        view: RecordView(TicketClass.table, [
            .derived("resource_uri") { row, context, json in
                json.string(
                    concatenating: context.settings.resourceURIBase, "events/", String(row.integer("event_id")), "/ticket_classes/",
                    String(row.integer("id")), "/")
            },
            .derived("name") { row, context, json in json.string(try TicketClass.displayName(row, context)) },
            .column("description").when { row, _ in !row.bool("hide_description") },
            .column("sorting"),
            .column("donation"),
            .column("free"),
            .column("minimum_quantity"),
            .column("maximum_quantity"),
            .column("delivery_methods"),
            .column("category"),
            .id("image_id"),
            .column("sales_start", format: EventbriteFormats.utc),
            .derived("sales_end") { row, _, json in
                if let end = TicketClass.salesEnd(row) { json.string(EventbriteFormats.utcText(end)) } else { json.null() }
            },
            .column("include_fee"),
            .derived("on_sale_status") { row, context, json in json.string(try status(row, context)) },
            .derived("variant_input_type") { row, context, json in
                json.string(offer(context).discounts[row.integer("id")] == nil ? "one" : "multiple")
            },
            .derived("variants") { row, context, json in try writeVariants(row, context, to: &json) },
            .id("event_id"),
            .id("id"),
        ]),
        alias: "t",
        joins: "JOIN eventbrite_events ev ON ev.id = t.event_id",
        extraColumns: [
            "ev.organization_id AS event_organization_id", "ev.start_utc AS event_start_utc", "ev.end_utc AS event_end_utc",
        ])

    private static func offer(_ context: RenderContext) -> Offer { context.memo.value(offerKey, as: Offer.self) ?? Offer() }

    private static func status(_ row: ViewRow, _ context: RenderContext) throws -> String {
        let inventory = try EventInventory.of(row.integer("event_id"), context)
        guard let ticket = inventory.ticket(row.integer("id")),
            let event = try EventTicketExpansions.event(inventory.eventID, context)
        else { return "UNKNOWN" }
        return saleStatus(ticket, inventory: inventory, event: event, now: context.now)
    }

    /// The primary variant, then one per discount that applies (`T<id>-D<discount>`).
    private static func writeVariants(_ row: ViewRow, _ context: RenderContext, to json: inout JSONBuilder) throws {
        let id = row.integer("id")
        let status = try status(row, context)
        let displayName = try TicketClass.displayName(row, context)
        let tierColor = try row.optionalInteger("inventory_tier_id").flatMap {
            try EventInventory.of(row.integer("event_id"), context).tier($0)?.color
        }
        let price = row.integer("cost_value"), currency = row.string("currency")
        let priced = row.integer("cost_value") > 0 && !row.bool("donation")
        let includesFee = row.bool("include_fee")
        let originals = ["original_cost", "original_total_cost", "original_fee", "original_tax"]
        func writeNulls(_ keys: [String], to json: inout JSONBuilder) {
            for key in keys {
                json.key(escaping: key)
                json.null()
            }
        }
        func writeCosts(_ amount: Int64, original: Int64?, to json: inout JSONBuilder) throws {
            guard priced else {
                return writeNulls(["cost", "total_cost", "fee", "tax", "tax_and_fee"] + originals, to: &json)
            }
            func figures(_ value: Int64) throws -> (cost: Int64, total: Int64, fee: Int64) {
                let fees = try TicketClass.fees(price: value, currency: currency, context)
                // An absorbed fee is part of the price shown; otherwise it comes on top.
                return (value, includesFee ? value : value + fees.total, fees.total)
            }
            let now = try figures(amount)
            let money = { (value: Int64) in Money(currency: currency, value: value) }
            json.field("cost", money(now.cost))
            json.field("total_cost", money(now.total))
            json.field("fee", money(now.fee))
            json.field("tax", money(0))
            json.field("tax_and_fee", money(now.fee))
            if let original {
                let before = try figures(original)
                json.field("original_cost", money(before.cost))
                json.field("original_total_cost", money(before.total))
                json.field("original_fee", money(before.fee))
                json.field("original_tax", money(0))
            } else {
                writeNulls(originals, to: &json)
            }
        }
        try json.array { json in
            try json.object { json in
                json.field("id", "T\(id)")
                json.field("category", row.string("category"))
                json.field("primary", true)
                json.field("code", .null)
                json.field("name", .null)
                json.field("display_name", displayName)
                json.field("description", row.bool("hide_description") ? nil : row.optionalString("description"))
                json.field("free", row.bool("free"))
                try writeCosts(price, original: nil, to: &json)
                json.field("on_sale_status", status)
                json.field("amount_off", .null)
                json.field("percent_off", .null)
                json.field("color", tierColor)
                json.key("image_id")
                row.write("image_id", format: EventbriteID.format, to: &json)
            }
            for discount in offer(context).discounts[id] ?? [] {
                try json.object { json in
                    json.field("id", "T\(id)-D\(discount.id)")
                    json.field("category", row.string("category"))
                    json.field("primary", false)
                    json.field("code", discount.code)
                    json.field("name", discount.code)
                    json.field("display_name", "\(displayName) (\(discount.code))")
                    json.field("description", row.bool("hide_description") ? nil : row.optionalString("description"))
                    json.field("free", false)
                    try writeCosts(discount.discounted(price), original: price, to: &json)
                    json.field("on_sale_status", status)
                    json.key("amount_off")
                    if let amount = discount.amountOff {
                        Money(currency: currency, value: DecimalAmount.hundredths(amount)).write(to: &json)
                    } else {
                        json.null()
                    }
                    // One decimal at least, as the seed's variant example writes it (`"25.0"`).
                    json.field("percent_off", discount.percentOff.map(DiscountPercent.variantText))
                    json.field("color", tierColor)
                    json.key("image_id")
                    row.write("image_id", format: EventbriteID.format, to: &json)
                }
            }
        }
    }
}

/// A discount's percentage as a ticket variant writes it: `"20.00"` → `"20.0"`, `"12.50"` → `"12.5"`.
enum DiscountPercent {
    static func variantText(_ percent: String) -> String {
        var text = percent
        while text.hasSuffix("0") && text.contains(".") && !text.hasSuffix(".0") { text.removeLast() }
        return text
    }
}
