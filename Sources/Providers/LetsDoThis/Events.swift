import Emulation

/// An event (spec §8.2): not served on its own, it scopes occurrences, races, tickets, reserved
/// entry groups and entries, and an event of another organiser is as good as unknown (§2.4).
struct Event: StoredRecord {
    var id = ""
    var organiserID = ""
    var name = ""
    var location: JSONValue = [:]

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_events", of: Event.self, constraints: [.references("organiser_id", "letsdothis_organisers")])
}

/// One edition of an event (`eventOccurrenceId`).
struct Occurrence: StoredRecord {
    var id = ""
    var eventID = ""
    var title = ""
    var startDate = EpochMilliseconds(0)

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_occurrences", of: Occurrence.self, constraints: [.references("event_id", "letsdothis_events")],
        withoutRowID: true)
}

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
