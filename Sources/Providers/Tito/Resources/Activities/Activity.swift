import Emulation

/// An activity of an event (spec §11.3, §12.3): a session with its own capacity, open to the
/// holders of some releases. `allocation_count` and the times are derived.
struct Activity: EventScopedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var name = ""
    var capacity: Int64?
    var date: String?
    var description: String?
    var startTime: String?
    var endTime: String?
    // The create example shows both true, although the attribute table says false (spec §15 A11).
    var `private` = true
    var showToAttendee = true
    var releaseIDs: [Int64] = []
    var questionIDs: [Int64] = []
    var venueID: Int64?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_activities", of: Activity.self, constraints: [.references("event_id", "tito_events")],
        indexes: ["event_id, id", "event_id, name, id"])
    static let wrapper = "activity"
    static let pathParameter = "activity_id"

    static func all(event: Int64, in database: Database) throws -> [Activity] {
        try database.fetchAll(Activity.self, where: "event_id = ?", orderBy: "id", event)
    }

    /// Applies the attributes sent (A3, A4); `name` is checked only when sent (spec §15 A5).
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        attributes.string("name").assignNonBlank(to: &name, key: "name", to: &errors)
        attributes.int("capacity").assignNonNegative(to: &capacity, key: "capacity", to: &errors)
        attributes.date("date").assign(to: &date, key: "date", orAdd: ValidationErrors.invalid, to: &errors)
        attributes.string("description").assignOrClear(to: &description)
        for (key, path) in [("start_time", \Activity.startTime), ("end_time", \Activity.endTime)] {
            attributes.time(key).assign(to: &self[keyPath: path], key: key, orAdd: ValidationErrors.invalid, to: &errors)
        }
        attributes.bool("show_to_attendee").assignNonNull(
            to: &showToAttendee, key: "show_to_attendee", orAdd: ValidationErrors.notIncluded, to: &errors)
        if let ids = try IDListInput.questions(attributes, event: eventID, errors: &errors, in: database) { questionIDs = ids }
        if let ids = try IDListInput.releases(attributes, event: eventID, errors: &errors, in: database) { releaseIDs = ids }
    }
}
