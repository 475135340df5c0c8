import Emulation

/// Keeps dates' `available_slots` and products' `available` stock in step with an order (spec
/// §7.3, §7.4). An order change is made in two steps inside one transaction: `SeatLedger.open`
/// notes what the order holds, the change is written, and `settle` takes or gives back the
/// difference — refusing, so that the whole change rolls back, when a date has too few seats
/// left or cannot be booked any more, or a product too little stock. Every write goes through the
/// database's single writer, so two clients booking the last seat at once are served one after
/// the other: the first takes it, the second gets `Not enough available slots`.
struct SeatLedger {
    let orderID: String
    private let seatsBefore: [String: Int64]
    private let stockBefore: [String: Int64]

    static func open(order orderID: String, in database: Database) throws -> SeatLedger {
        SeatLedger(
            orderID: orderID, seatsBefore: try seatsHeld(by: orderID, in: database),
            stockBefore: try stockHeld(by: orderID, in: database))
    }

    /// A ledger for an order that holds nothing yet.
    static func new(order orderID: String) -> SeatLedger {
        SeatLedger(orderID: orderID, seatsBefore: [:], stockBefore: [:])
    }

    /// Applies what the order holds now against what it held when the ledger was opened.
    /// `enforcesStart`: taking seats of a date that has started is refused (§7.3 step 4), except
    /// for redemptions, which may book a running appointment (§5.10 E46). `overbooks`: taking more
    /// seats than are free succeeds, leaving 0 free (redemption with overbooking).
    func settle(now: DateTime, in database: Database, enforcesStart: Bool = true, overbooks: Bool = false) throws {
        let seatsAfter = try Self.seatsHeld(by: orderID, in: database)
        for dateID in Set(seatsBefore.keys).union(seatsAfter.keys).sorted() {
            let change = (seatsAfter[dateID] ?? 0) - (seatsBefore[dateID] ?? 0)
            guard change != 0, let date = try database.fetchOne(DateRecord.self, where: "id = ?", dateID) else { continue }
            var updated = date
            if change > 0 {
                if enforcesStart, date.date < now {
                    throw BookingkitError.businessRule("Date \"\(dateID)\" is not bookable anymore")
                }
                if change > date.availableSlots && !overbooks {
                    throw BookingkitError.businessRule("Not enough available slots for date \"\(dateID)\"")
                }
                updated.availableSlots = max(0, date.availableSlots - change)
            } else {
                updated.availableSlots = min(date.totalSlots, date.availableSlots.saturatingAdd(-change))
            }
            updated.updatedAt = now
            try database.update(updated)
        }
        let stockAfter = try Self.stockHeld(by: orderID, in: database)
        for productID in Set(stockBefore.keys).union(stockAfter.keys).sorted() {
            let change = (stockAfter[productID] ?? 0) - (stockBefore[productID] ?? 0)
            guard change != 0, var product = try database.fetchOne(ProductRecord.self, where: "id = ?", productID) else { continue }
            if let available = product.available {
                if change > available { throw BookingkitError.businessRule("Not enough stock for product \"\(productID)\"") }
                let restored = available.saturatingAdd(-change)
                product.available = product.total.map { min($0, restored) } ?? restored
            }
            product.updatedAt = now
            try database.update(product)
        }
    }

    /// Seats per date: participants ACCEPTED in tickets of a seat-holding status (§7.4).
    static func seatsHeld(by orderID: String, in database: Database) throws -> [String: Int64] {
        var seats: [String: Int64] = [:]
        try database.forEachRow(
            """
            SELECT t.date_id, TOTAL(p.seats) FROM bookingkit_participants p JOIN bookingkit_tickets t ON t.id = p.ticket_id
            WHERE p.order_id = ? AND p.status = 'ACCEPTED' AND t.status NOT IN ('CANCELED', 'DECLINED')
            GROUP BY t.date_id
            """, arguments: [orderID]
        ) { row in seats[row.string(at: 0)] = Int64(min(row.real(at: 1), 9e18)) }
        return seats
    }

    /// Pieces per product: lines that are not canceled.
    static func stockHeld(by orderID: String, in database: Database) throws -> [String: Int64] {
        var stock: [String: Int64] = [:]
        try database.forEachRow(
            "SELECT product_id, amount FROM bookingkit_product_lines WHERE order_id = ? AND status NOT IN ('CANCELED', 'DECLINED')",
            arguments: [orderID]
        ) { row in stock[row.string(at: 0), default: 0] = stock[row.string(at: 0), default: 0].saturatingAdd(row.integer(at: 1)) }
        return stock
    }
}
