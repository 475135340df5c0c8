import Emulation

/// A race of an event: what entries' metadata describe (spec §8.1).
struct Race: StoredRecord {
    var id = ""
    var eventID = ""
    var name = ""
    var sportID = ""
    var distanceID = ""
    var distances: JSONValue = []
    var disciplineLabel = ""
    var course: JSONValue = [:]
    /// Stored, not counted (spec §8.1).
    var competitorSize: Int64 = 0

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_races", of: Race.self, constraints: [.references("event_id", "letsdothis_events")], indexes: ["event_id"],
        withoutRowID: true)
}

/// A race's start in one occurrence it runs in (metadata `raceStartDate`).
struct RaceStart: StoredRecord {
    var raceID = ""
    var eventOccurrenceID = ""
    var startDate = EpochMilliseconds(0)

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_race_starts", of: RaceStart.self, primaryKey: ["race_id", "event_occurrence_id"],
        constraints: [.references("race_id", "letsdothis_races"), .references("event_occurrence_id", "letsdothis_occurrences")],
        withoutRowID: true)
}

enum Races {
    /// Throws `404 Race not found` unless `raceID` is a race of one of `organiser`'s events.
    static func requireOwned(_ raceID: String, by organiser: LetsDoThisOrganiser, in database: Database) throws {
        let owner = try database.queryOne(
            "SELECT e.organiser_id FROM letsdothis_races AS r JOIN letsdothis_events AS e ON e.id = r.event_id WHERE r.id = ?",
            raceID)?.string("organiser_id")
        guard owner == organiser.id else { throw LetsDoThisError.notFound("Race") }
    }
}
