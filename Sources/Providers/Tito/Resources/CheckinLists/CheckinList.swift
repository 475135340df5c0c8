import Emulation

/// A check-in list (spec §12.5): which releases, activities and questions it covers, and which
/// holder details it shows. Its `checkins` and `tickets` arrays are always empty (§15 A39).
struct CheckinList: EventScopedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var slug = ""
    var title = ""
    var activityIDs: [Int64] = []
    var questionIDs: [Int64] = []
    var releaseIDs: [Int64] = []
    var expiresAt: Int64?
    var showCompanyName = true
    var showEmail = true
    var showPhoneNumber = true
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_checkin_lists", of: CheckinList.self,
        constraints: [.references("event_id", "tito_events"), .unique(["slug"])], indexes: ["event_id, id"])
    static let wrapper = "checkin_list"
    static let pathParameter = "checkin_list_slug"

    /// Applies the attributes sent (C3, C4); `title` is checked only when sent.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        attributes.string("title").assignNonBlank(to: &title, key: "title", to: &errors)
        attributes.timestamp("expires_at").assign(to: &expiresAt, key: "expires_at", orAdd: ValidationErrors.invalid, to: &errors)
        for (key, path) in [("show_company_name", \CheckinList.showCompanyName), ("show_email", \.showEmail),
                            ("show_phone_number", \.showPhoneNumber)] {
            attributes.bool(key).assignNonNull(to: &self[keyPath: path], key: key, orAdd: ValidationErrors.notIncluded, to: &errors)
        }
        if let ids = try IDListInput.activities(attributes, event: eventID, errors: &errors, in: database) { activityIDs = ids }
        if let ids = try IDListInput.questions(attributes, event: eventID, errors: &errors, in: database) { questionIDs = ids }
        if let ids = try IDListInput.releases(attributes, event: eventID, errors: &errors, in: database) { releaseIDs = ids }
    }
}

/// How check-in lists render (spec §12.5): `id` after `_type`, the seed's key order, the
/// activities, questions and releases they name embedded.
enum CheckinListView {
    static let view = RecordView<RenderContext>(CheckinList.table, [
        .constant("_type", "checkin_list"),
        .column("id"), .column("slug"), .column("activity_ids"), .time("expires_at"), .column("question_ids"),
        .column("release_ids"), .column("show_company_name"), .column("show_email"), .column("show_phone_number"), .column("title"),
        .association("activities", ids: "activity_ids", in: { $0.activities }),
        .constant("checkins", []),
        .association("questions", ids: "question_ids", in: { $0.questions }),
        .association("releases", ids: "release_ids", in: { $0.releases }),
        .constant("tickets", []),
        .extendedMarker,
    ])

    static let rendering = RecordRendering(
        view: view, alias: "c",
        prepare: { context, scope, rows, database in
            let embedded = context.forEmbedded()
            context.activities = try ActivityView.render(named: rows.named("c.activity_ids"), rows.filter, scope, context: embedded, in: database)
            context.questions = try QuestionView.render(named: rows.named("c.question_ids"), rows.filter, scope, context: embedded, in: database)
            context.releases = try ReleaseView.embedded(scope, context: context, in: database)
        })
}
