import Emulation

/// An event as GoEvent stores it; `path`, the URLs and the cover are derived on every read.
struct Event {
    let id: String
    let name: String
    let slug: String
    let dateStart: String
    let dateEnd: String
    let location: String?
    let publish: Bool
    let coverImageID: String?

    /// The columns `init(row:)` reads, for queries aliasing `goevent_events` as `e`.
    static let columns = "e.id, e.name, e.slug, e.date_start, e.date_end, e.location, e.publish, e.cover_image_id"

    init(row: Row) {
        id = row.string("id") ?? ""
        name = row.string("name") ?? ""
        slug = row.string("slug") ?? ""
        dateStart = row.string("date_start") ?? ""
        dateEnd = row.string("date_end") ?? ""
        location = row.string("location")
        publish = row.bool("publish") ?? false
        coverImageID = row.string("cover_image_id")
    }

    /// The event `id` if `user` is one of its admins. Anything else is "Event not found": the live
    /// service does not tell a missing event from someone else's.
    static func administered(_ id: String, by user: GoEventUser, in database: Database) throws -> Event {
        let row = try database.queryOne(
            """
            SELECT \(columns) FROM goevent_events AS e
            JOIN goevent_event_admins AS a ON a.event_seq = e.seq AND a.user_id = ?2
            WHERE e.id = ?1
            """, id, user.id)
        guard let row else { throw GoEventError.notFound("Event not found") }
        return Event(row: row)
    }

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

extension Event: JSONEncodable {
    /// The Event schema of spec §6.1, keys in the documented order.
    func encode(to json: inout JSONBuilder) {
        json.object { json in
            json.field("id", id)
            json.field("name", name)
            json.field("slug", slug)
            json.key("path")
            json.string(concatenating: "/", slug)
            json.field("dateStart", dateStart)
            json.field("dateEnd", dateEnd)
            json.field("location", location)
            json.field("publish", publish)
            json.key("cover")
            if let coverImageID { Self.encodeCover(coverImageID, to: &json) } else { json.null() }
            json.key("checkoutUrl")
            json.string(concatenating: "https://www.goevent.live/e/", slug, "/checkout")
            json.key("siteUrl")
            json.string(concatenating: "https://www.goevent.live/e/", slug)
        }
    }

    /// The four Cloudinary renditions of the cover image.
    private static func encodeCover(_ imageID: String, to json: inout JSONBuilder) {
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
}

/// `GET /events` and `GET /event/{id}` (spec §5.1, §5.2).
enum Events {
    /// The events the user administers, published or not, in creation order.
    static func list(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        let pagination = GoEventPagination(request.query)
        let page = try request.read { database in
            try database.page(
                select: Event.columns, from: "goevent_event_admins AS a JOIN goevent_events AS e ON e.seq = a.event_seq",
                where: SQLFilter("a.user_id = ?", user.id), orderBy: "a.event_seq", window: pagination.window)
        }
        return .json { json in
            json.object { json in
                json.field("events", elements: page.items.lazy.map(Event.init(row:)))
                json.field("paginate", pagination.paginate(page))
            }
        }
    }

    /// One event with all its ticket types, unavailable ones included.
    static func show(_ request: ProviderRequest, _ user: GoEventUser) throws -> HTTPResponse {
        guard let id = ObjectID.normalized(request.parameter("id")) else {
            throw GoEventError.badRequest("Invalid event ID")
        }
        return try request.read { database in
            let event = try Event.administered(id, by: user, in: database)
            let tickets = try TicketType.all(ofEvent: event.id, in: database)
            return .json { json in
                json.object { json in
                    json.field("event", event)
                    json.field("tickets", elements: tickets)
                }
            }
        }
    }
}
