import Emulation

/// An event as GoEvent stores it; `path`, the URLs and the cover are derived when it is rendered.
struct Event: StoredRecord {
    /// Creation order, the order lists return (assigned by SQLite).
    var seq: Int64?
    var id = ""
    var name = ""
    var slug = ""
    var dateStart = ""
    var dateEnd = ""
    var location: String?
    var publish = false
    var coverImageID: String?

    static let table = RecordTable(
        "goevent_events", of: Event.self, primaryKey: ["seq"], constraints: [.unique(["id"]), .unique(["slug"])])
    static let keyStyle = JSONKeyStyle.camelCase

    /// The Event schema of spec §6.1, keys in the documented order.
    static let json = RecordView<Void>(table, [
        .column("id"), .column("name"), .column("slug"),
        .derived("path") { row, _, json in json.string(concatenating: "/", row.text("slug")) },
        .column("date_start", as: "dateStart"), .column("date_end", as: "dateEnd"), .column("location"), .column("publish"),
        .derived("cover") { row, _, json in
            if row.isNull("cover_image_id") { json.null() } else { writeCover(row.text("cover_image_id"), to: &json) }
        },
        .derived("checkoutUrl") { row, _, json in
            json.string(concatenating: "https://www.goevent.live/e/", row.text("slug"), "/checkout")
        },
        .derived("siteUrl") { row, _, json in json.string(concatenating: "https://www.goevent.live/e/", row.text("slug")) },
    ])

    /// The four Cloudinary renditions of the cover image.
    private static func writeCover(_ imageID: ColumnText, to json: inout JSONBuilder) {
        let upload = "https://res.cloudinary.com/genielabel/image/upload/"
        json.object { json in
            json.key("square")
            json.string(concatenating: upload, "c_fill,w_200,h_200,g_auto/", imageID, ".jpg")
            json.key("thumb")
            json.string(concatenating: upload, "c_thumb,w_400,h_300/", imageID, ".jpg")
            json.key("medium")
            json.string(concatenating: upload, "c_scale,w_800/", imageID, ".jpg")
            json.key("original")
            json.string(concatenating: upload, imageID, ".jpg")
        }
    }

    /// The FROM clause of events with their admins (`a.user_id`), events as `e`.
    static let administeredSource = "goevent_event_admins AS a JOIN goevent_events AS e ON e.seq = a.event_seq"

    /// The event `id` if `user` is one of its admins. Anything else is "Event not found": the live
    /// service does not tell a missing event from someone else's.
    static func administered(_ id: String, by user: GoEventUser, in database: Database) throws -> Event {
        var event: Event?
        try database.forEachRow(administeredSelect, arguments: [user.id, id]) { event = try Event(row: $0) }
        guard let event else { throw notFound }
        return event
    }

    /// The event `e.id = ?` (second argument) among those user `a.user_id = ?` (first) administers.
    static let administeredSelect = "SELECT \(table.selectList(alias: "e")) FROM \(administeredSource) WHERE a.user_id = ? AND e.id = ?"

    static var notFound: GoEventError { .notFound("Event not found") }

    /// The `eventId` a request names (query or body), checked as spec §5.3 and §5.4 order it.
    static func requiredID(_ value: JSONValue?) throws -> String {
        guard JavaScriptSemantics.isTruthy(value) else { throw GoEventError.badRequest("eventId is required") }
        guard let id = value?.stringValue.flatMap(ObjectID.normalized) else { throw GoEventError.badRequest("Invalid eventId") }
        return id
    }

    /// The `eventId` query parameter; a repeated one reads as Express's array does, "a,b", so it is invalid.
    static func requiredID(_ query: QueryParameters) throws -> String {
        let values = query.values(for: "eventId")
        return try requiredID(values.isEmpty ? nil : .string(values.joined(separator: ",")))
    }
}

/// Who administers an event: the key is the user, then the event's creation order, so
/// `GET /events` reads one user's range of the key in order.
struct EventAdmin: StoredRecord {
    var userID = ""
    var eventSeq: Int64 = 0

    static let table = RecordTable(
        "goevent_event_admins", of: EventAdmin.self, primaryKey: ["user_id", "event_seq"],
        constraints: [.references("event_seq", "goevent_events", target: "seq")], indexes: ["event_seq"],
        withoutRowID: true)
}

/// `GET /events` and `GET /event/{id}` (spec §5.1, §5.2).
enum Events {
    /// The events the user administers, published or not, in creation order.
    static func list(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        let pagination = GoEventPagination(request.query)
        return try request.read { database in
            try pagination.response(
                "events", Event.json, select: Event.table.selectList(alias: "e"), from: Event.administeredSource,
                where: SQLFilter("a.user_id = ?", user.id), orderBy: "a.event_seq", in: database)
        }
    }

    /// One event with all its ticket types, unavailable ones included.
    static func show(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        guard let id = ObjectID.normalized(request.parameter("id")) else {
            throw GoEventError.badRequest("Invalid event ID")
        }
        return try request.read { database in
            try .json { json in
                try json.object { json in
                    json.key("event")
                    // The event is written straight from the one query that checks it is the user's.
                    let found = try database.write(Event.json, Event.administeredSelect, arguments: [user.id, id], context: (), to: &json)
                    guard found > 0 else { throw Event.notFound }
                    try json.field("tickets", array: { json in try TicketType.writeAll(ofEvent: id, in: database, to: &json) })
                }
            }
        }
    }
}
