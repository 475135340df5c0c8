import Emulation

/// The stored columns of an activity while it is created, updated or duplicated (spec §11.3).
struct ActivityDraft {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var name = ""
    var capacity: Int64?
    var date: String?
    var description: String?
    var startTime: String?
    var endTime: String?
    // The create example shows both true, although the attribute table says false (spec §15 A11).
    var isPrivate = true
    var showToAttendee = true
    var releaseIDs: [Int64] = []
    var questionIDs: [Int64] = []
    var venueID: Int64?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    init() {}

    init(_ record: ActivityRecord) {
        id = record.id
        eventID = record.eventID
        name = record.name
        capacity = record.capacity
        date = record.date
        description = record.description
        startTime = record.startTime
        endTime = record.endTime
        isPrivate = record.isPrivate
        showToAttendee = record.showToAttendee
        releaseIDs = record.releaseIDs
        questionIDs = record.questionIDs
        venueID = record.venueID
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }

    /// Applies the attributes sent (A3, A4); `name` is checked only when sent (spec §15 A5).
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        switch attributes.string("name") {
        case .absent: break
        case .value(let text) where !text.isBlank: name = text
        default: errors.add("name", ValidationErrors.blank)
        }
        switch attributes.int("capacity") {
        case .absent: break
        case .null: capacity = nil
        case .invalid: errors.add("capacity", ValidationErrors.notANumber)
        case .value(let value):
            if value < 0 { errors.add("capacity", ValidationErrors.negative) } else { capacity = value }
        }
        switch attributes.date("date") {
        case .absent: break
        case .null: date = nil
        case .invalid: errors.add("date", ValidationErrors.invalid)
        case .value(let value): date = value
        }
        switch attributes.string("description") {
        case .absent: break
        case .value(let text): description = text
        default: description = nil
        }
        for (key, path) in [("start_time", \ActivityDraft.startTime), ("end_time", \ActivityDraft.endTime)] {
            switch attributes.time(key) {
            case .absent: break
            case .null: self[keyPath: path] = nil
            case .invalid: errors.add(key, ValidationErrors.invalid)
            case .value(let value): self[keyPath: path] = value
            }
        }
        switch attributes.bool("show_to_attendee") {
        case .absent: break
        case .value(let flag): showToAttendee = flag
        default: errors.add("show_to_attendee", ValidationErrors.notIncluded)
        }
        if let ids = try IDListInput.questions(attributes, event: eventID, errors: &errors, in: database) { questionIDs = ids }
        if let ids = try IDListInput.releases(attributes, event: eventID, errors: &errors, in: database) { releaseIDs = ids }
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_activities (id, event_id, name, capacity, date, description, start_time, end_time, private,
                show_to_attendee, release_ids, question_ids, venue_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, eventID, name, capacity, date, description, startTime, endTime, isPrivate, showToAttendee,
            JSONColumn.text(ids: releaseIDs), JSONColumn.text(ids: questionIDs), venueID, createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            """
            UPDATE tito_activities SET name = ?, capacity = ?, date = ?, description = ?, start_time = ?, end_time = ?,
                private = ?, show_to_attendee = ?, release_ids = ?, question_ids = ?, venue_id = ?, updated_at = ?
            WHERE id = ?
            """,
            name, capacity, date, description, startTime, endTime, isPrivate, showToAttendee,
            JSONColumn.text(ids: releaseIDs), JSONColumn.text(ids: questionIDs), venueID, updatedAt, id)
    }
}

extension ActivityDraft: EventScopedRecord {
    static let table = "tito_activities"
    static let wrapper = "activity"

    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> ActivityDraft {
        ActivityDraft(try ActivityEndpoints.find(request, scope, in: database))
    }
}
