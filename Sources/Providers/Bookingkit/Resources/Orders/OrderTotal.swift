import Emulation

/// An order's `total_invoice` (spec §7.3 step 8): what its live participants, product lines,
/// voucher purchases and flex tickets cost, less `additional_discount`, never below zero.
/// Recomputed after every change to the order; seeded orders keep their stored total until then.
enum OrderTotal {
    static func compute(order: OrderRecord, in database: Database) throws -> Amount {
        var total = Amount.zero
        // TOTAL rather than SUM: it never overflows (amounts are a client's to choose).
        func add(_ sql: String) throws {
            try database.forEachRow(sql, arguments: [order.id]) { row in
                total = total + Amount(totalHundredths: row.real(at: 0))
            }
        }
        try add(
            """
            SELECT TOTAL(p.price_value) FROM bookingkit_participants p JOIN bookingkit_tickets t ON t.id = p.ticket_id
            WHERE p.order_id = ? AND p.status = 'ACCEPTED' AND t.status NOT IN ('CANCELED', 'DECLINED')
            """)
        try add("SELECT TOTAL(price * amount) FROM bookingkit_product_lines WHERE order_id = ? AND status NOT IN ('CANCELED', 'DECLINED')")
        try add("SELECT TOTAL(value) FROM bookingkit_voucher_orders WHERE order_id = ? AND status NOT IN ('CANCELED', 'DECLINED')")
        try add("SELECT TOTAL(price) FROM bookingkit_flex_tickets WHERE order_id = ? AND status NOT IN ('CANCELED', 'DECLINED')")
        let discounted = total - order.additionalDiscount
        return discounted.hundredths < 0 ? .zero : discounted
    }
}
