import Emulation

extension TicketClass {
    /// Fields only members of the event's organization see (§9.9.2).
    static let membersOnly: RecordView<RenderContext>.Condition = { row, context in
        context.caller.isMember(of: row.integer("event_organization_id"))
    }

    /// The ticket class's figures as the event's inventory works them out.
    static func figures(_ row: ViewRow, _ context: RenderContext) throws -> (EventInventory, EventInventory.Ticket?) {
        let inventory = try EventInventory.of(row.integer("event_id"), context)
        return (inventory, inventory.ticket(row.integer("id")))
    }

    /// The fees of a price, worked out once per response.
    static func fees(price: Int64, currency: String, _ context: RenderContext) throws -> Fees {
        try context.memo.value("fees:\(currency):\(price)") {
            try FeeSchedule.fees(price: price, currency: currency, in: context.database)
        }
    }

    static let eventExpansion = ExpansionReference("event", from: "event_id") { Event.presenter }
    static let imageExpansion = ExpansionReference("image", from: "image_id") { Image.presenter }

    /// The ticket class as every endpoint writes it (§9.9.1, the Ticket Class Response with its
    /// `category`), private fields for members only (§9.9.2).
    static let presenter: Presenter = Presenter(
        type: "ticket_class",
        view: RecordView(table, [
            .derived("resource_uri") { row, context, json in
                json.string(
                    concatenating: context.settings.resourceURIBase, "events/", String(row.integer("event_id")), "/ticket_classes/",
                    String(row.integer("id")), "/")
            },
            .derived("variant_id") { row, _, json in json.string(concatenating: "T", String(row.integer("id"))) },
            .column("name"),
            .derived("display_name") { row, context, json in json.string(try displayName(row, context)) },
            .column("description").when { row, context in membersOnly(row, context) || !row.bool("hide_description") },
            .column("sorting"),
            .column("donation"),
            .column("free"),
            .column("minimum_quantity"),
            .column("maximum_quantity"),
            .derived("maximum_quantity_per_order") { row, _, json in json.int(row.optionalInteger("maximum_quantity") ?? 10) },
            .derived("maximum_quantity_per_order_without_pending") { row, _, json in
                json.int(row.optionalInteger("maximum_quantity") ?? 10)
            },
            .derived("on_sale_status") { row, context, json in
                let (inventory, ticket) = try figures(row, context)
                json.string(ticket.map { inventory.isSoldOut($0) } == true ? "SOLD_OUT" : "AVAILABLE")
            },
            .column("capacity").when(membersOnly),
            .derived("quantity_total") { row, context, json in
                let (inventory, ticket) = try figures(row, context)
                json.int(ticket.map { inventory.quantityTotal($0) } ?? 0)
            },
            .derived("quantity_sold") { row, context, json in json.int(try figures(row, context).1?.sold ?? 0) }.when(membersOnly),
            .column("sales_start", format: EventbriteFormats.utc).when(membersOnly),
            .derived("sales_end") { row, _, json in
                if let end = salesEnd(row) { json.string(EventbriteFormats.utcText(end)) } else { json.null() }
            }.when(membersOnly),
            .column("sales_end_relative").when(membersOnly),
            .id("sales_start_after").when(membersOnly),
            .column("hidden").when(membersOnly),
            .column("include_fee").when(membersOnly),
            .column("split_fee").when(membersOnly),
            .column("hide_description").when(membersOnly),
            .column("hide_sale_dates").when(membersOnly),
            .column("auto_hide").when(membersOnly),
            .column("auto_hide_before", format: EventbriteFormats.utc).when(membersOnly),
            .column("auto_hide_after", format: EventbriteFormats.utc).when(membersOnly),
            .column("order_confirmation_message").when(membersOnly),
            .constant("variants", .array([])),
            .column("has_pdf_ticket"),
            .column("sales_channels"),
            .column("delivery_methods"),
            .id("inventory_tier_id"),
            .id("image_id"),
            .column("secondary_assignment_enabled").when(membersOnly),
            .column("category"),
            // Paid tickets show their price and fees; a free ticket `"cost": null` and no fees; a
            // donation none of the five (§9.9.1, as captured).
            .derived("cost") { row, _, json in
                guard row.integer("cost_value") > 0 else { return json.null() }
                Money(currency: row.string("currency"), value: row.integer("cost_value")).write(to: &json)
            }.when { row, _ in !row.bool("donation") },
            .derived("fee") { row, context, json in
                try money(row, context, to: &json) { _, fees in fees.total }
            }.when(paidCondition),
            .derived("tax") { row, context, json in
                try money(row, context, to: &json) { _, fees in fees.tax }
            }.when(paidCondition),
            .derived("actual_cost") { row, context, json in
                // What the organizer receives: the price, less the fee when it is absorbed.
                try money(row, context, to: &json) { price, fees in row.bool("include_fee") ? price - fees.total : price }
            }.when { row, context in paidCondition(row, context) && membersOnly(row, context) },
            .derived("actual_fee") { row, context, json in
                try money(row, context, to: &json) { _, fees in fees.total }
            }.when { row, context in paidCondition(row, context) && membersOnly(row, context) },
            .id("event_id"),
            .id("id"),
            .expansion(eventExpansion),
            .expansion(imageExpansion),
        ]),
        alias: "t",
        joins: "JOIN eventbrite_events ev ON ev.id = t.event_id",
        extraColumns: [
            "ev.organization_id AS event_organization_id", "ev.start_utc AS event_start_utc", "ev.end_utc AS event_end_utc",
        ],
        references: [eventExpansion, imageExpansion])

    static let paidCondition: RecordView<RenderContext>.Condition = { row, _ in row.integer("cost_value") > 0 && !row.bool("donation") }

    private static func money(
        _ row: ViewRow, _ context: RenderContext, to json: inout JSONBuilder, _ amount: (Int64, Fees) -> Int64
    ) throws {
        let price = row.integer("cost_value"), currency = row.string("currency")
        let fees = try fees(price: price, currency: currency, context)
        Money(currency: currency, value: amount(price, fees)).write(to: &json)
    }

    /// `name`, or `<tier name> <name>` for a ticket of an inventory tier (`Gold GA`).
    static func displayName(_ row: ViewRow, _ context: RenderContext) throws -> String {
        let name = row.string("name")
        guard let tierID = row.optionalInteger("inventory_tier_id"),
            let tier = try EventInventory.of(row.integer("event_id"), context).tier(tierID)
        else { return name }
        return "\(tier.name) \(name)"
    }

    /// When sales end: the stored time, or for a series parent's ticket the time its relative
    /// setting gives against the parent's dates.
    static func salesEnd(_ row: ViewRow) -> Int64? {
        if let end = row.optionalInteger("sales_end") { return end }
        guard let text = row.optionalString("sales_end_relative"), let relative = try? JSONParser.parse(text),
            let offset = relative["offset"]?.intValue
        else { return nil }
        let base = relative["relative_to_event"]?.stringValue == "end_time" ? row.integer("event_end_utc") : row.integer("event_start_utc")
        return base - offset
    }
}
