import Emulation

/// An order as the single-order endpoints answer with it (spec §6.8).
enum OrderResponses {
    static func single(_ id: String, status: Int = 200, keeping keys: Set<String>? = nil, in database: Database) throws -> HTTPResponse {
        var context = OrderRenderContext()
        try OrderEmbeds.prepare(&context, orders: "o.id = ?", [id], keeping: keys, in: database)
        return try BookingkitResponse.single(
            OrderViews.order, "SELECT \(OrderViews.orderSelect) FROM bookingkit_orders o WHERE o.id = ?", arguments: [id],
            context: context, keeping: keys, status: status, in: database)
    }
}
