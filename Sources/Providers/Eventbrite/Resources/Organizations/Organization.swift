import Emulation

/// An organization (spec §9.2): it owns events, venues, organizers, discounts…; users reach
/// them through membership. A user's default organization has the user's id.
struct Organization: StoredRecord {
    var id: Int64 = 0
    var name = ""
    /// `Default` or `Music`, as the official JS SDK types it (ambiguity A9).
    var vertical = "Default"
    var parentID: Int64?
    var locale = "en_US"
    var imageID: Int64?
    /// Whether paid tickets can be sold: an organization without payment options cannot publish
    /// paid events (`NO_PAYMENT_OPTIONS`, spec §8.6). Internal, not rendered.
    var hasPaymentOptions = true

    static let table = RecordTable("eventbrite_organizations", of: Organization.self)

    static let presenter = Presenter(
        type: "organization",
        view: RecordView(table, [
            .constant("_type", "organization"),
            .column("name"),
            .column("vertical"),
            .id("parent_id"),
            .column("locale"),
            .id("image_id"),
            .id("id"),
        ]),
        alias: "o")
}

/// A user's membership of an organization (spec §9.3; the seed documents no schema, so the
/// member carries the user's names and primary email and the ids of the roles granted).
struct Member: StoredRecord {
    var id: Int64 = 0
    var organizationID: Int64 = 0
    var userID: Int64 = 0
    var roleIDs: [String] = []
    var isOwner = false
    var created = EpochSeconds(0)

    static let table = RecordTable(
        "eventbrite_members", of: Member.self,
        constraints: [
            .references("organization_id", "eventbrite_organizations"), .references("user_id", "eventbrite_users"),
            .unique(["organization_id", "user_id"]),
        ],
        indexes: ["user_id, organization_id"])

    /// The condition that `column` names an organization the user bound to its `?` belongs to:
    /// what every list by user (Appendix A) selects by; the `user_id` index answers it.
    static func organizationOfUser(_ column: String) -> String {
        "\(column) IN (SELECT organization_id FROM eventbrite_members WHERE user_id = ?)"
    }

    static let presenter = Presenter(
        type: "member",
        view: RecordView(table, [
            .id("id"),
            .id("user_id"),
            .id("organization_id"),
            .derived("name") { row, _, json in json.string(row.optionalString("user_name")) },
            .derived("first_name") { row, _, json in json.string(row.optionalString("user_first_name")) },
            .derived("last_name") { row, _, json in json.string(row.optionalString("user_last_name")) },
            .derived("email") { row, _, json in json.string(row.optionalString("user_email")) },
            .column("role_ids"),
            .column("is_owner"),
            .column("created", format: EventbriteFormats.utc),
        ]),
        alias: "m",
        joins: "JOIN eventbrite_users u ON u.id = m.user_id",
        extraColumns: [
            "u.name AS user_name", "u.first_name AS user_first_name", "u.last_name AS user_last_name",
            // The primary address first, else the first listed.
            """
            (SELECT json_extract(e.value, '$.email') FROM json_each(u.emails) e
             ORDER BY json_extract(e.value, '$.primary') DESC, e.key LIMIT 1) AS user_email
            """,
        ])
}

/// A role of an organization (spec §9.4): a named set of permissions members are granted.
struct Role: StoredRecord {
    var id: Int64 = 0
    var organizationID: Int64 = 0
    var name = ""
    var description = ""
    var permissions: [String] = []
    var immutable = false
    var grantable = true
    var deletable = true
    var permissionType = "event"

    static let table = RecordTable(
        "eventbrite_roles", of: Role.self, constraints: [.references("organization_id", "eventbrite_organizations")],
        indexes: ["organization_id, id"])

    static let presenter = Presenter(
        type: "role",
        view: RecordView(table, [
            .id("id"),
            .column("name"),
            .column("description"),
            .id("organization_id"),
            .column("permissions"),
            .column("immutable"),
            .column("grantable"),
            .column("deletable"),
            .column("permission_type"),
        ]),
        alias: "r")
}
