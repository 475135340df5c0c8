import Emulation

/// An organizer profile (spec §9.6): who presents an organization's events. Each organization's
/// default organizer has the organization's id (§10.1).
struct Organizer: StoredRecord {
    var id: Int64 = 0
    var organizationID: Int64 = 0
    var name = ""
    var descriptionHTML: String?
    var longDescriptionHTML: String?
    var logoID: Int64?
    var twitter: String?
    var facebook: String?
    var website: String?

    static let table = RecordTable(
        "eventbrite_organizers", of: Organizer.self, constraints: [.references("organization_id", "eventbrite_organizations")],
        indexes: ["organization_id, id"])

    /// `num_past_events` and `num_future_events` (§10.2): the organizer's events that are not
    /// drafts and not deleted, ending before now or not, counted in one query the two members share.
    private static func eventCounts(_ row: ViewRow, _ context: RenderContext) throws -> (past: Int, future: Int) {
        let id = row.integer("id")
        return try context.memo.value("organizer-event-counts-\(id)") {
            let counts = try context.database.queryOne(
                """
                SELECT COALESCE(SUM(end_utc < ?), 0) AS past, COALESCE(SUM(end_utc >= ?), 0) AS future
                FROM eventbrite_events WHERE organizer_id = ? AND NOT is_deleted AND status <> 'draft'
                """, context.now, context.now, id)
            return (counts?.int("past") ?? 0, counts?.int("future") ?? 0)
        }
    }

    static let logoExpansion = ExpansionReference("logo", from: "logo_id") { Image.presenter }

    static let presenter = Presenter(
        type: "organizer",
        view: RecordView(table, [
            .constant("_type", "organizer"),
            .column("name"),
            .multipartText("description", html: "description_html"),
            .multipartText("long_description", html: "long_description_html"),
            .id("logo_id"),
            .derived("resource_uri") { row, context, json in
                context.writeResourceURI("organizers/", id: row.integer("id"), to: &json)
            },
            .id("id"),
            .derived("url") { row, _, json in json.string(concatenating: "https://www.eventbrite.com/o/", row.string("id"), "/") },
            .derived("num_past_events") { row, context, json in json.int(try eventCounts(row, context).past) },
            .derived("num_future_events") { row, context, json in json.int(try eventCounts(row, context).future) },
            .column("twitter").when { row, _ in !row.isNull("twitter") },
            .column("facebook").when { row, _ in !row.isNull("facebook") },
            .column("website").when { row, _ in !row.isNull("website") },
            .expansion(logoExpansion),
        ]),
        alias: "o", references: [logoExpansion])
}
