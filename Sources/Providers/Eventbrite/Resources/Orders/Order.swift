import Emulation

/// An order (spec §9.8). The record holds what the event rules read so far: an event with
/// pending or completed orders cannot be unpublished, canceled or deleted (§8.6). The order and
/// attendee endpoints (§8.15–8.16) add their columns here.
struct Order: StoredRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    /// `placed`, `started`, `pending`, `abandoned` or `refunded`.
    var status = "placed"
    var name = ""
    var firstName = ""
    var lastName = ""
    var email = ""
    var buyerUserID: Int64?
    var created = EpochSeconds(0)
    var changed = EpochSeconds(0)

    static let table = RecordTable(
        "eventbrite_orders", of: Order.self, constraints: [.references("event_id", "eventbrite_events")],
        indexes: ["event_id, id"])

    /// Orders that count as "pending or completed" for the event rules (§10.3); refunded and
    /// abandoned ones do not.
    static let blocksEventRemoval = "status IN ('placed', 'pending', 'started')"
}

/// Orders (spec §8.16): the seeded orders. The endpoints are not served yet.
enum Orders: EventbriteResourceGroup {
    static let tables = [Order.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for order in try seed.records(Order.self, "orders.json", key: "orders") { try database.insert(order) }
    }

    /// Whether any of the events has orders that stop it being unpublished, canceled or deleted.
    static func blockRemoval(ofEvents ids: [Int64], in database: Database) throws -> Bool {
        guard !ids.isEmpty else { return false }
        let placeholders = ids.map { _ in "?" }.joined(separator: ", ")
        return try database.query(
            "SELECT 1 FROM eventbrite_orders WHERE event_id IN (\(placeholders)) AND \(Order.blocksEventRemoval) LIMIT 1",
            arguments: ids
        ).first != nil
    }
}
