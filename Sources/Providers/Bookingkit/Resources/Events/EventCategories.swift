import Emulation

/// An event's categories (spec §6.3, §7.5): each assigned category with its path from the top
/// level, top level first, de-duplicated, in assignment order. On input the deepest id is
/// enough (the whole path may be sent too).
enum EventCategories {
    /// The path of each id; `unknown` names the error for the first id there is no category of.
    static func paths(_ ids: [Int64], in database: Database, unknown: (Int64) -> any Error) throws -> [[CategoryRecord]] {
        try ids.map { id in
            guard let path = try CategoryRecord.path(to: id, in: database) else { throw unknown(id) }
            return path
        }
    }

    /// Sets the rendered `categories` and the id `order=category_id` sorts by.
    static func assign(_ paths: [[CategoryRecord]], to event: inout EventRecord) {
        var seen = Set<Int64>()
        var rendered: [JSONValue] = []
        for category in paths.joined() where seen.insert(category.id).inserted {
            rendered.append(["id": .int(category.id), "title": .string(category.title)])
        }
        event.categories = .array(rendered)
        event.deepestCategoryID = paths.last?.last?.id
    }

    /// Rebuilds the category index of an event from its rendered `categories`.
    static func reindex(_ event: EventRecord, in database: Database) throws {
        try database.delete(EventCategoryRecord.self, where: "event_id = ?", event.id)
        let ids = Set(event.categories.arrayValue?.compactMap { $0["id"]?.intValue } ?? [])
        for id in ids.sorted() { try database.insert(EventCategoryRecord(eventID: event.id, categoryID: id)) }
    }
}

/// Every category id on the path of an event's categories, for `category`, `categories` and
/// `preferred_categories` (§5.2).
struct EventCategoryRecord: StoredRecord {
    var eventID = ""
    var categoryID: Int64 = 0

    static let table = RecordTable(
        "bookingkit_event_categories", of: EventCategoryRecord.self, primaryKey: ["category_id", "event_id"],
        constraints: [.references("event_id", "bookingkit_events", onDelete: "CASCADE")], withoutRowID: true)
}
