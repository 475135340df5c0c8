import Emulation

/// Someone who asked to hear about an event (spec §12.7). The same e-mail may appear twice.
struct InterestedUser: EventScopedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var name: String?
    /// Nil only while a create has not been sent one.
    var email: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_interested_users", of: InterestedUser.self, constraints: [.references("event_id", "tito_events")],
        indexes: ["event_id, id", "event_id, name, id", "event_id, email, id", "event_id, created_at, id"])
    static let wrapper = "interested_user"
    static let pathParameter = "interested_user_id"

    /// Applies the attributes sent (I3, I4); `email` is trimmed and must look like an address.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        attributes.string("name").assignOrClear(to: &name)
        if let address = attributes.requiredEmail("email", errors: &errors) { email = address }
    }
}

/// How interested users render (spec §12.7), in the seed's key order.
enum InterestedUserView {
    static let view = RecordView<RenderContext>(InterestedUser.table, [
        .constant("_type", "interested_user"),
        .column("id"), .column("name"), .column("email"), .time("created_at"), .time("updated_at"),
        .extendedMarker,
    ])

    static let rendering = RecordRendering(view: view, alias: "iu")
}
