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
        let due = "status IN ('RESERVED', 'OPEN', 'PENDING') AND expire_date <= ?"
        guard try database.read({ try $0.queryOne("SELECT 1 FROM bookingkit_orders WHERE \(due) LIMIT 1", now) }) != nil else { return }
        try database.write { database in
            for order in try database.fetchAll(OrderRecord.self, where: due, now) {
                guard let expiry = order.expireDate else { continue }
                try OrderTransitions.cancel(order, to: .canceled, at: expiry, now: now, in: database)
            }
        }
    }
}
