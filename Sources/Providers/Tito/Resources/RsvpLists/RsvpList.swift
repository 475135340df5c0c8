import Emulation

/// An RSVP list (spec §12.14): a titled group of release invitations.
struct RsvpList: EventScopedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var slug = ""
    var title = ""
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_rsvp_lists", of: RsvpList.self, constraints: [.references("event_id", "tito_events"), .unique(["slug"])],
        indexes: ["event_id, created_at, id", "event_id, title, id"])
    static let wrapper = "rsvp_list"
    static let pathParameter = "rsvp_list_slug"

    /// Applies the attributes sent (V3); `title` is its only writable attribute.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        attributes.string("title").assignNonBlank(to: &title, key: "title", to: &errors)
    }
}

/// How RSVP lists render (spec §12.14), in the seed's key order.
enum RsvpListView {
    static let view = RecordView<RenderContext>(RsvpList.table, [
        .constant("_type", "rsvp_list"),
        .column("id"), .column("slug"), .time("created_at"), .time("updated_at"), .column("title"),
        .extendedMarker,
    ])

    static let rendering = RecordRendering(view: view, alias: "l")
}
