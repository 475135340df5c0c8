import Emulation

/// Events are not served on their own; they scope tickets, reserved entry groups, applications
/// and participants, and an event of another organiser is as good as unknown (spec §2.4).
enum Events {
    static let notFound = LetsDoThisError.notFound("Event")

    /// The organiser owning `eventID`, or nil for an unknown event.
    static func organiser(ofEvent eventID: String, in database: Database) throws -> String? {
        try database.queryOne("SELECT organiser_id FROM letsdothis_events WHERE id = ?", eventID)?.string("organiser_id")
    }

    /// Throws `404 Event not found` unless `eventID` is one of `organiser`'s events.
    static func requireOwned(_ eventID: String, by organiser: LetsDoThisOrganiser, in database: Database) throws {
        guard try Events.organiser(ofEvent: eventID, in: database) == organiser.id else { throw notFound }
    }
}

/// A race's event, for `GET /races/{id}/participants`.
enum Races {
    static func requireOwned(_ raceID: String, by organiser: LetsDoThisOrganiser, in database: Database) throws {
        let owner = try database.queryOne(
            "SELECT e.organiser_id FROM letsdothis_races AS r JOIN letsdothis_events AS e ON e.id = r.event_id WHERE r.id = ?",
            raceID)?.string("organiser_id")
        guard owner == organiser.id else { throw LetsDoThisError.notFound("Race") }
    }
}
