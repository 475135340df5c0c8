import Emulation

/// Which orders a client may read and change (spec §2.4, §7.1): those of the vendors it sees; a
/// marketplace client holding `orders_read_owned` but not `orders_read_all` only the ones it
/// created. Anything else is answered as if it did not exist.
enum OrderAccess {
    static func visible(_ id: String, to client: BookingkitClient, in database: Database) throws -> OrderRecord {
        guard let order = try database.fetchOne(OrderRecord.self, where: "id = ?", id), isVisible(order, to: client) else {
            throw BookingkitError.notFound
        }
        return order
    }

    static func isVisible(_ order: OrderRecord, to client: BookingkitClient) -> Bool {
        client.sees(vendor: order.vendorID) && (!client.seesOnlyOwnOrders || order.createdByClient == client.clientID)
    }

    /// An order the client may change: one it sees, and, for a marketplace client without
    /// `orders_write_all`, one it created (401 otherwise, §2.4).
    static func writable(_ id: String, by client: BookingkitClient, in database: Database) throws -> OrderRecord {
        let order = try visible(id, to: client, in: database)
        if !client.isVendor, !client.holds("orders_write_all"), order.createdByClient != client.clientID {
            throw BookingkitError.unauthorized
        }
        return order
    }

    /// The SQL condition for the orders a client sees (alias `o`).
    static func condition(for client: BookingkitClient) -> SQLFilter {
        var filter = client.vendorCondition("o.vendor_id")
        if client.seesOnlyOwnOrders { filter.add("o.created_by_client = ?", client.clientID) }
        return filter
    }
}
