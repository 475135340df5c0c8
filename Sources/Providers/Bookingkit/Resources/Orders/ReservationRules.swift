import Emulation

/// RESERVED orders: a hold on seats that cancels itself at `expire_date` (spec §7.4). The rules
/// for that date on create and update (§7.3 step 6), and the lazy expiry every request applies
/// first, so that lists, slots and single reads all see an expired hold as canceled.
enum ReservationRules {
    /// The expiry a RESERVED order needs: given, and not in the past.
    static func expiry(_ given: DateTime?, now: DateTime) throws -> DateTime {
        guard let given else { throw BookingkitError.businessRule("expire_date is required for status RESERVED") }
        guard given >= now else { throw BookingkitError.businessRule("expire_date must not be in the past") }
        return given
    }

    /// Cancels every RESERVED, OPEN or PENDING order whose `expire_date` has come (on the
    /// emulated clock), as of that date, releasing its seats and stock. One indexed look-up when
    /// nothing is due, which is nearly always.
    static func expireDue(now: DateTime, in database: SerializedDatabase) throws {
        let dueSQL = "SELECT id FROM bookingkit_orders WHERE status IN ('RESERVED', 'OPEN', 'PENDING') AND expire_date <= ?"
        let due = try database.read { try $0.query(dueSQL, now) }
        guard !due.isEmpty else { return }
        try database.write { database in
            for row in try database.query(dueSQL, now) {
                guard let id = row.string("id"), let order = try database.fetchOne(OrderRecord.self, where: "id = ?", id),
                    let expiry = order.expireDate
                else { continue }
                try OrderTransitions.cancel(order, to: .canceled, at: expiry, now: now, in: database)
            }
        }
    }
}
