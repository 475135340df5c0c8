import Emulation

/// What orders and tickets embed — tickets with their participants, voucher purchases, product
/// lines and flex tickets — rendered for every order (or ticket) a response writes with one query
/// per kind, each record filed under its parent's `rowid`, in creation order. A page of orders
/// then costs the same few queries whatever its length.
enum OrderEmbeds {
    /// Fills `context` for the orders `condition` selects (over `bookingkit_orders o`), leaving
    /// out what `keys` (a sparse field list) does not keep.
    static func prepare(
        _ context: inout OrderRenderContext, orders condition: String, _ arguments: [any SQLiteBindable], keeping keys: Set<String>?,
        in database: Database
    ) throws {
        func kept(_ key: String) -> Bool { keys?.contains(key) ?? true }
        let orders = "bookingkit_orders o"
        if kept("tickets") {
            try prepareTickets(
                &context, of: "\(orders) JOIN bookingkit_tickets t ON t.order_id = o.id", where: condition, arguments, in: database)
            context.tickets = try database.render(
                OrderViews.ticket,
                """
                SELECT \(OrderViews.ticketSelect), o.rowid AS order_key FROM \(orders) JOIN bookingkit_tickets t ON t.order_id = o.id
                WHERE \(condition) ORDER BY t.rowid
                """, arguments: arguments, context: context, keyedBy: "order_key")
        }
        let lines: [(key: String, view: RecordView<Void>, records: WritableKeyPath<OrderRenderContext, RenderedRecords?>)] = [
            ("voucherOrders", VoucherOrderRecord.view, \.voucherOrders), ("products", ProductLineRecord.view, \.products),
            ("flexTickets", FlexTicketRecord.view, \.flexTickets),
        ]
        for line in lines where kept(line.key) {
            let table = line.view.table
            context[keyPath: line.records] = try database.render(
                line.view,
                """
                SELECT \(table.selectList(alias: "x")), o.rowid AS order_key FROM \(orders) JOIN \(table.name) x ON x.order_id = o.id
                WHERE \(condition) ORDER BY x.rowid
                """, arguments: arguments, context: (), keyedBy: "order_key")
        }
    }

    /// Fills the participants of the tickets `condition` selects from `source` (which joins
    /// `bookingkit_tickets t`), rendered in `context`'s form.
    static func prepareTickets(
        _ context: inout OrderRenderContext, of source: String = "bookingkit_tickets t", where condition: String,
        _ arguments: [any SQLiteBindable], in database: Database
    ) throws {
        context.participants = try database.render(
            OrderViews.participant,
            """
            SELECT \(ParticipantRecord.table.selectList(alias: "p")), t.rowid AS ticket_key
            FROM \(source) JOIN bookingkit_participants p ON p.ticket_id = t.id WHERE \(condition) ORDER BY p.rowid
            """, arguments: arguments, context: context, keyedBy: "ticket_key")
    }
}
