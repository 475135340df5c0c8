import Emulation

/// An activity (spec §12.3). Defined with the core tables because the tickets list filters and
/// releases embed activities.
struct ActivityRecord {
    let id: Int64
    let eventID: Int64
    let name: String
    let capacity: Int64?
    let date: String?
    let description: String?
    let startTime: String?
    let endTime: String?
    let isPrivate: Bool
    let showToAttendee: Bool
    let releaseIDs: [Int64]
    let questionIDs: [Int64]
    let venueID: Int64?
    let allocationCount: Int
    let createdAt: Int64
    let updatedAt: Int64

    /// Selects activities (aliased `ac`) with `allocation_count` over all non-void tickets of their releases.
    static let select = """
        SELECT ac.*, (SELECT COUNT(*) FROM tito_tickets AS t WHERE t.event_id = ac.event_id AND t.state != 'void'
            AND t.release_id IN (SELECT value FROM json_each(ac.release_ids))) AS allocation_count
        FROM tito_activities AS ac
        """

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        eventID = Int64(row.int("event_id") ?? 0)
        name = row.string("name") ?? ""
        capacity = row.int("capacity").map(Int64.init)
        date = row.string("date")
        description = row.string("description")
        startTime = row.string("start_time")
        endTime = row.string("end_time")
        isPrivate = row.bool("private") ?? false
        showToAttendee = row.bool("show_to_attendee") ?? false
        releaseIDs = JSONColumn.ids(row.string("release_ids"))
        questionIDs = JSONColumn.ids(row.string("question_ids"))
        venueID = row.int("venue_id").map(Int64.init)
        allocationCount = row.int("allocation_count") ?? 0
        createdAt = Int64(row.int("created_at") ?? 0)
        updatedAt = Int64(row.int("updated_at") ?? 0)
    }

    static func all(event: Int64, in database: Database) throws -> [ActivityRecord] {
        try database.query("\(select) WHERE ac.event_id = ? ORDER BY ac.id", event).map(ActivityRecord.init(row:))
    }

    var startAt: Int64? { date.flatMap { TitoFormats.instant(date: $0, time: startTime) } }
    var endAt: Int64? { date.flatMap { TitoFormats.instant(date: $0, time: endTime) } }

    /// The activity as embedded in another object: association arrays empty, venue null.
    func embeddedJSON(event: EventRecord) -> JSONValue {
        [
            "_type": "activity", "id": .int(id), "capacity": capacity.map(JSONValue.int) ?? .null,
            "date": .string(date), "description": .string(description), "start_time": .string(startTime),
            "end_time": .string(endTime), "start_at": .string(startAt.map(TitoFormats.timestamp(milliseconds:))),
            "end_at": .string(endAt.map(TitoFormats.timestamp(milliseconds:))), "name": .string(name),
            "private": .bool(isPrivate), "question_ids": .array(questionIDs.map(JSONValue.int)),
            "venue_id": venueID.map(JSONValue.int) ?? .null, "accommodation": nil,
            "allocation_count": .int(allocationCount),
            "sold_out": .bool(capacity.map { Int64(allocationCount) >= $0 } ?? false),
            "show_to_attendee": .bool(showToAttendee), "release_ids": .array(releaseIDs.map(JSONValue.int)),
            "translations": ["en": ["name": .string(name)]], "venue": nil, "questions": [], "releases": [],
        ]
    }
}
