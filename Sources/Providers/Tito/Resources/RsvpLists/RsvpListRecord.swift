import Emulation

/// An RSVP list (spec §12.14): a titled group of release invitations.
struct RsvpListRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var slug = ""
    var title = ""
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    init() {}

    init(row: Row) {
        self.init(identityOf: row)
        slug = row.string("slug") ?? ""
        title = row.string("title") ?? ""
    }

    /// Applies the attributes sent (V3); `title` is its only writable attribute.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        switch attributes.string("title") {
        case .absent: break
        case .value(let text) where !text.isBlank: title = text
        default: errors.add("title", ValidationErrors.blank)
        }
    }

    func insert(into database: Database) throws {
        try database.run(
            "INSERT INTO tito_rsvp_lists (id, event_id, slug, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            id, eventID, slug, title, createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run("UPDATE tito_rsvp_lists SET title = ?, updated_at = ? WHERE id = ?", title, updatedAt, id)
    }

    /// The seed's key order (spec §12.14).
    func json(view: View) -> JSONValue {
        let object: JSONValue = [
            "_type": "rsvp_list", "id": .int(id), "slug": .string(slug),
            "created_at": .string(TitoFormats.timestamp(milliseconds: createdAt)),
            "updated_at": .string(TitoFormats.timestamp(milliseconds: updatedAt)), "title": .string(title),
        ]
        return object.marked(view)
    }
}

extension RsvpListRecord: EventScopedRecord {
    static let table = "tito_rsvp_lists"
    static let wrapper = "rsvp_list"

    /// `{rsvp_list_slug}`: a slug or an id within the event.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> RsvpListRecord {
        RsvpListRecord(row: try row(slugOrID: request.parameter("rsvp_list_slug"), scope, in: database))
    }
}
