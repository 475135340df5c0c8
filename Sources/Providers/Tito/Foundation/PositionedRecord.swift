import Emulation

/// A record kept in an order of its own within its event (releases, questions): `position`,
/// 0-based; a new record goes last.
protocol PositionedRecord: EventScopedRecord {
    var position: Int64 { get set }
}

extension PositionedRecord {
    /// The position after the event's last record: 0 in an event without any.
    static func nextPosition(event: Int64, in database: Database) throws -> Int64 {
        let last = try database.queryOne("SELECT COALESCE(MAX(position) + 1, 0) AS next FROM \(table.name) WHERE event_id = ?", event)
        return Int64(last?.int("next") ?? 0)
    }
}
