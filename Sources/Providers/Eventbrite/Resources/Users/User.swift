import Emulation

/// An Eventbrite user (spec §9.1), the person behind a token.
struct User: StoredRecord {
    struct Email: Codable, Sendable, Equatable {
        var email = ""
        var verified = false
        var primary = false
    }

    var id: Int64 = 0
    var name: String?
    var firstName: String?
    var lastName: String?
    var isPublic = false
    var imageID: Int64?
    var emails: [Email] = []

    static let table = RecordTable("eventbrite_users", of: User.self)

    /// The shape of `/users/me/` in the official JS SDK's fixture: no `resource_uri`.
    static let presenter = Presenter(
        type: "user",
        view: RecordView(table, [
            .column("emails"),
            .id("id"),
            .column("name"),
            .column("first_name"),
            .column("last_name"),
            .column("is_public"),
            .id("image_id"),
            // The plan name is not documented; "package2" is the professional package's internal name.
            .expansion("assortment") { _, _, json in json.value(["plan": "package2"]) },
        ]),
        alias: "u")
}
