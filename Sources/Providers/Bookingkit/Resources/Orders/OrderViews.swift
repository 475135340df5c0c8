import Emulation

/// Which of the two forms tickets and participants render in: inside an order (§6.8), or from
/// the ticket and participant endpoints, which add the `order` (and `ticket_id`) they belong to
/// (§6.9, §6.10).
struct OrderRenderContext {
    let database: Database
    var endpointForm = false
}

/// The Order object and what it nests (spec §6.8–§6.10), in the seed's order, each straight from
/// its statement.
enum OrderViews {
    static let order = RecordView<OrderRenderContext>(OrderRecord.table, [
        .column("id"), .column("code"), .column("external_reference"), .column("vendor_id"), .column("date", format: .dateTime),
        .column("payment_date", format: .dateTime), .column("expire_date", format: .dateTime), .column("status"),
        .column("lang"), .column("currency"), .column("email"), .column("name"), .column("company"), .column("vat_number"),
        .column("phone"), .column("street"), .column("streetnr"), .column("zip"), .column("city"), .column("country"),
        .column("internal_notes"), .column("comment"), .column("additional_information"), .column("booking_channel"),
        .column("cancellation_date", format: .dateTime), .column("total_invoice", format: .amountText),
        .column("additional_discount", format: .amountText), .column("redeemed_coupons"), .column("redeemed_vouchers"),
        .column("shipping_country"), .column("shipping_city"), .column("shipping_zip"), .column("shipping_street"),
        .column("shipping_streetnr"), .column("shipping_name"), .column("sale_params"), .column("external_order_url"),
        .column("affiliate_id"), .column("email_newsletter_opt_in"),
        .derived("tickets") { row, context, json in
            try json.array { json in
                try context.database.write(
                    ticket, "SELECT \(TicketRecord.table.selectList()) FROM bookingkit_tickets WHERE order_id = ? ORDER BY rowid",
                    arguments: [row.string("id")], context: OrderRenderContext(database: context.database), to: &json)
            }
        },
        .derived("voucherOrders") { row, context, json in
            try lines(VoucherOrderRecord.view, of: row.string("id"), context, to: &json)
        },
        .derived("products") { row, context, json in
            try lines(ProductLineRecord.view, of: row.string("id"), context, to: &json)
        },
        .derived("flexTickets") { row, context, json in
            try lines(FlexTicketRecord.view, of: row.string("id"), context, to: &json)
        },
    ])

    static let ticket = RecordView<OrderRenderContext>(TicketRecord.table, [
        .column("id"), .column("date_id", as: "event_date_id"), .column("date_id"), .column("event_id"), .column("code"),
        .column("status"), .column("comment"), .column("cancellation_date", format: .dateTime),
        .column("vat", format: .amountText),
        .column("order_id", as: "order").when { _, context in context.endpointForm },
        .derived("participants") { row, context, json in
            try json.array { json in
                try context.database.write(
                    participant,
                    "SELECT \(ParticipantRecord.table.selectList()) FROM bookingkit_participants WHERE ticket_id = ? ORDER BY rowid",
                    arguments: [row.string("id")], context: context, to: &json)
            }
        },
    ])

    static let participant = RecordView<OrderRenderContext>(ParticipantRecord.table, [
        .column("id"), .column("status"), .column("name"), .column("email"), .column("phone"), .column("comment"),
        .column("price_id"), .column("price_value", format: .amountText), .column("price_title"),
        .column("vat", format: .amountText), .column("cancellation_date", format: .dateTime), .column("code"),
        .column("checked_in", format: .dateTime), .column("entry_units"),
        .column("ticket_id").when { _, context in context.endpointForm },
        .column("order_id", as: "order").when { _, context in context.endpointForm },
        .column("redeemed_flex_ticket", as: "redeemed_flexTicket").when { row, _ in !row.isNull("redeemed_flex_ticket") },
    ])

    /// The lines of one kind of an order (voucher purchases, products, flex tickets), in order.
    private static func lines(
        _ view: RecordView<Void>, of order: String, _ context: OrderRenderContext, to json: inout JSONBuilder
    ) throws {
        try json.array { json in
            try context.database.write(
                view, "SELECT \(view.table.selectList()) FROM \(view.table.name) WHERE order_id = ? ORDER BY rowid",
                arguments: [order], context: (), to: &json)
        }
    }
}
