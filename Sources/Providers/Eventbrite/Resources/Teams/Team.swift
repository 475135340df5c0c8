import Emulation

/// A team of an event (spec §9.17): attendees who take part together (a relay, a sports
/// tournament). A team with a password hides its token from those who do not know it; the
/// password check hands it out. Each team takes up to `capacity` attendees.
struct Team: StoredRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var name = ""
    var password: String?
    /// The token attendees join with (22 base64url characters).
    var token = ""
    var creatorUserID: Int64?
    var preferredStartTime: String?
    /// Spots on the team; the seed documents no team setting, so every team takes 10 (§8.17).
    var capacity: Int64 = 10
    var created = EpochSeconds(0)
    var changed = EpochSeconds(0)

    static let table = RecordTable(
        "eventbrite_teams", of: Team.self, constraints: [.references("event_id", "eventbrite_events")], indexes: ["event_id, id"])

    /// The attendees that count as the team's members, over the alias `tm`.
    static let memberCount =
        "(SELECT COUNT(*) FROM eventbrite_attendees a WHERE a.team_id = tm.id AND a.status IN ('Attending', 'Checked In')) AS member_count"

    var hasPassword: Bool { !(password ?? "").isEmpty }

    /// `token`: the token, or `false` for a password-protected team unless the caller made it or
    /// belongs to the event's organization.
    static func writeToken(_ row: ViewRow, _ context: RenderContext, to json: inout JSONBuilder) {
        let protected = !(row.optionalString("password") ?? "").isEmpty
        let privileged =
            context.caller.isMember(of: row.integer("event_organization_id"))
            || row.optionalInteger("creator_user_id") == context.caller.userID
        if protected && !privileged { json.bool(false) } else { json.string(row.string("token")) }
    }

    static func spotsLeft(_ row: ViewRow) -> Int64 { max(0, row.integer("capacity") - row.integer("member_count")) }

    private static let joins = "JOIN eventbrite_events ev ON ev.id = tm.event_id LEFT JOIN eventbrite_users cu ON cu.id = tm.creator_user_id"
    private static let extraColumns = [
        memberCount, "ev.organization_id AS event_organization_id", "cu.name AS creator_name", "cu.emails AS creator_emails",
        """
        (SELECT json_extract(m.value, '$.email') FROM json_each(cu.emails) m
         ORDER BY json_extract(m.value, '$.primary') DESC, m.key LIMIT 1) AS creator_email
        """,
    ]

    /// The Event Team Response (§9.17).
    static let presenter: Presenter = Presenter(
        type: "team",
        view: RecordView(table, [
            .id("id"),
            .column("name"),
            .derived("creator") { row, _, json in
                guard let creator = row.optionalInteger("creator_user_id") else { return json.null() }
                json.object { json in
                    json.field("id", String(creator))
                    // The creator's name, or their email when they have none (§9.17).
                    json.field("name", row.optionalString("creator_name") ?? row.optionalString("creator_email"))
                    json.key("emails")
                    if row.isNull("creator_emails") { json.value(.array([])) } else { row.write("creator_emails", format: .rawJSON, to: &json) }
                }
            },
            .column("changed", format: EventbriteFormats.utc),
            .column("created", format: EventbriteFormats.utc),
            .derived("attendee_count") { row, _, json in json.int(row.integer("member_count")) },
            .derived("token") { row, context, json in writeToken(row, context, to: &json) },
            .id("event_id"),
            .column("created", as: "date_joined", format: EventbriteFormats.utc),
        ]),
        alias: "tm", joins: joins, extraColumns: extraColumns)

    /// A team as the search lists it (§8.17).
    static let searchPresenter: Presenter = Presenter(
        type: "team",
        view: RecordView(table, [
            .id("id"),
            .derived("token") { row, context, json in writeToken(row, context, to: &json) },
            .column("name"),
            .derived("has_password") { row, _, json in json.bool(!(row.optionalString("password") ?? "").isEmpty) },
            .derived("is_full") { row, _, json in json.bool(spotsLeft(row) == 0) },
            // Teams have no logo in the mock.
            .constant("logo", false),
            .derived("spots_left") { row, _, json in json.int(spotsLeft(row)) },
            .derived("is_team_member") { row, context, json in
                json.bool(try context.database.queryOne(
                    """
                    SELECT 1 FROM eventbrite_attendees a JOIN eventbrite_orders o ON o.id = a.order_id
                    WHERE a.team_id = ? AND o.buyer_user_id = ? LIMIT 1
                    """, row.integer("id"), context.caller.userID) != nil)
            },
        ]),
        alias: "tm", joins: joins, extraColumns: extraColumns)
}
