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

    /// Events that count towards `num_past_events` / `num_future_events`: not drafts, not deleted (§10.2).
    private static let counted = "e.organizer_id = o.id AND NOT e.is_deleted AND e.status <> 'draft'"

    static let presenter = Presenter(
        type: "organizer",
        view: RecordView(table, [
            .constant("_type", "organizer"),
            .column("name"),
            .derived("description") { row, _, json in
                let html = row.optionalString("description_html")
                EventbriteFormats.writeMultipartText(html: html, text: html.map(MultipartText.text(fromHTML:)), to: &json)
            },
            .derived("long_description") { row, _, json in
                let html = row.optionalString("long_description_html")
                EventbriteFormats.writeMultipartText(html: html, text: html.map(MultipartText.text(fromHTML:)), to: &json)
            },
            .id("logo_id"),
            .derived("resource_uri") { row, context, json in
                context.writeResourceURI("organizers/", id: row.integer("id"), to: &json)
            },
            .id("id"),
            .derived("url") { row, _, json in json.string(concatenating: "https://www.eventbrite.com/o/", row.string("id"), "/") },
            .derived("num_past_events") { row, context, json in
                json.int(try context.database.query(
                    "SELECT COUNT(*) AS n FROM eventbrite_events e, eventbrite_organizers o WHERE o.id = ? AND \(counted) AND e.end_utc < ?",
                    row.integer("id"), context.now
                ).first?.int("n") ?? 0)
            },
            .derived("num_future_events") { row, context, json in
                json.int(try context.database.query(
                    "SELECT COUNT(*) AS n FROM eventbrite_events e, eventbrite_organizers o WHERE o.id = ? AND \(counted) AND e.end_utc >= ?",
                    row.integer("id"), context.now
                ).first?.int("n") ?? 0)
            },
            .column("twitter").when { row, _ in !row.isNull("twitter") },
            .column("facebook").when { row, _ in !row.isNull("facebook") },
            .column("website").when { row, _ in !row.isNull("website") },
            .expansion("logo", from: "logo_id") { Image.presenter },
        ]),
        alias: "o")
}
