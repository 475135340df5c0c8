import Emulation

/// A schedule of a series parent (spec §9.28): the rule that added occurrences, and which ones
/// it added. Schedules have no endpoint of their own; `POST /events/{id}/schedules/` answers with
/// the one it stored.
struct Schedule: StoredRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var occurrenceDuration: Int64 = 0
    var recurrenceRule = ""
    var createdEventIDs: [String] = []

    static let table = RecordTable(
        "eventbrite_schedules", of: Schedule.self, constraints: [.references("event_id", "eventbrite_events")],
        indexes: ["event_id, id"])

    /// The seed's key order: the request's fields, then what the server added.
    var json: JSONValue {
        [
            "occurrence_duration": .int(occurrenceDuration),
            "recurrence_rule": .string(recurrenceRule),
            "id": .string(String(id)),
            "created_event_ids": .array(createdEventIDs.map(JSONValue.string)),
        ]
    }
}
