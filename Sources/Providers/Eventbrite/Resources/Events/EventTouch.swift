import Emulation

extension Event {
    /// Marks an event changed now: its `changed` moves on any change to the event or to what
    /// belongs to it, its settings, questions and description among them (spec §10.2).
    static func touch(_ id: Int64, now: Int64, in database: Database) throws {
        try database.run("UPDATE eventbrite_events SET changed = ? WHERE id = ?", now, id)
    }
}
