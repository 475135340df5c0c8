import Emulation

/// What tickets and participants render with: the form (inside an order, §6.8, or from the ticket
/// and participant endpoints, which add the `order` and `ticket_id` they belong to, §6.9, §6.10),
/// and the records the orders and tickets being written embed, rendered for all of them at once
/// (`OrderEmbeds`), each filed under its parent's `rowid`.
struct OrderRenderContext {
    var endpointForm = false
    var tickets: RenderedRecords?
    var participants: RenderedRecords?
    var voucherOrders: RenderedRecords?
    var products: RenderedRecords?
    var flexTickets: RenderedRecords?
}

/// The Order object and what it nests (spec §6.8–§6.10), in the seed's order, each straight from
/// its statement. Orders and tickets are read with their `rowid` as `row_key` (`orderSelect`,
/// `ticketSelect`): what they embed is filed under it.
enum OrderViews {
    static let order = RecordView<OrderRenderContext>(OrderRecord.table, computed: ["row_key"], [
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
        .embeddedArray("tickets", by: "row_key", in: { $0.tickets }),
        .embeddedArray("voucherOrders", by: "row_key", in: { $0.voucherOrders }),
        .embeddedArray("products", by: "row_key", in: { $0.products }),
        .embeddedArray("flexTickets", by: "row_key", in: { $0.flexTickets }),
    ])

    static let ticket = RecordView<OrderRenderContext>(TicketRecord.table, computed: ["row_key"], [
        .column("id"), .column("date_id", as: "event_date_id"), .column("date_id"), .column("event_id"), .column("code"),
        .column("status"), .column("comment"), .column("cancellation_date", format: .dateTime),
        .column("vat", format: .amountText),
        .column("order_id", as: "order").when { _, context in context.endpointForm },
        .embeddedArray("participants", by: "row_key", in: { $0.participants }),
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

    /// The SELECT lists of orders (`o`) and tickets (`t`), ending with their `rowid`.
    static let orderSelect = order.selectList(alias: "o", computed: ["o.rowid"])
    static let ticketSelect = ticket.selectList(alias: "t", computed: ["t.rowid"])
}
