import Emulation

/// An order as the single-order endpoints answer with it (spec §6.8).
enum OrderResponses {
    static func single(_ id: String, status: Int = 200, keeping keys: Set<String>? = nil, in database: Database) throws -> HTTPResponse {
        try BookingkitResponse.single(
            OrderViews.order, where: "id = ?", arguments: [id],
            context: OrderRenderContext(database: database), keeping: keys, status: status, in: database)
    }
}
