import Emulation

/// Which order status may follow which, and what a change does to the order's tickets,
/// participants and lines (spec §7.4). Seats and stock follow through `SeatLedger`.
enum OrderTransitions {
    typealias Status = OrderRecord.Status

    /// Refuses a change the table of §7.4 does not allow: nothing leaves CANCELED or DECLINED,
    /// and an ACCEPTED order cannot be DECLINED (only canceled).
    static func check(from: Status, to: Status) throws {
        guard from != to else { return }
        if from.isFinal || (from == .accepted && to == .declined) {
            throw BookingkitError.businessRule("Order status cannot be changed from \"\(from.rawValue)\" to \"\(to.rawValue)\"")
        }
    }

    /// Moves a live order to another live status: its tickets that are not canceled follow.
    static func change(_ order: inout OrderRecord, to status: Status, in database: Database) throws {
        guard order.status != status, !status.isFinal else { return }
        try database.run(
            "UPDATE bookingkit_tickets SET status = ? WHERE order_id = ? AND status NOT IN ('CANCELED', 'DECLINED')",
            status.rawValue, order.id)
        order.status = status
    }

    /// Cancels (or declines) an order as of `date`: every ticket and participant, product line,
    /// voucher purchase and flex ticket is canceled, seats and stock are given back, and the
    /// total drops to what is left (nothing, less no discount). `now` is when it is written.
    static func cancel(_ order: OrderRecord, to status: Status, at date: DateTime, now: DateTime, in database: Database) throws {
        let ledger = try SeatLedger.open(order: order.id, in: database)
        let ticketStatus = status == .declined ? "DECLINED" : "CANCELED"
        try database.run(
            """
            UPDATE bookingkit_tickets SET status = ?, cancellation_date = ?
            WHERE order_id = ? AND status NOT IN ('CANCELED', 'DECLINED')
            """, ticketStatus, date, order.id)
        try database.run(
            """
            UPDATE bookingkit_participants SET status = 'CANCELED', cancellation_date = ?
            WHERE order_id = ? AND status = 'ACCEPTED'
            """, date, order.id)
        for table in ["bookingkit_product_lines", "bookingkit_voucher_orders", "bookingkit_flex_tickets"] {
            try database.run("UPDATE \(table) SET status = 'CANCELED' WHERE order_id = ? AND status NOT IN ('CANCELED', 'DECLINED')", order.id)
        }
        try ledger.settle(now: now, in: database)
        var canceled = order
        canceled.status = status
        canceled.cancellationDate = date
        canceled.updatedAt = now
        canceled.totalInvoice = try OrderTotal.compute(order: canceled, in: database)
        try database.update(canceled)
    }
}
