import Emulation

/// A check-in list (spec §12.5): which releases, activities and questions it covers, and which
/// holder details it shows. Its `checkins` and `tickets` arrays are always empty (§15 A39).
struct CheckinListRecord {
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

    init() {}

    init(row: Row) {
        self.init(identityOf: row)
        slug = row.string("slug") ?? ""
        title = row.string("title") ?? ""
        activityIDs = JSONColumn.ids(row.string("activity_ids"))
        questionIDs = JSONColumn.ids(row.string("question_ids"))
        releaseIDs = JSONColumn.ids(row.string("release_ids"))
        expiresAt = row.int("expires_at").map(Int64.init)
        showCompanyName = row.bool("show_company_name") ?? true
        showEmail = row.bool("show_email") ?? true
        showPhoneNumber = row.bool("show_phone_number") ?? true
    }

    /// Applies the attributes sent (C3, C4); `title` is checked only when sent.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        switch attributes.string("title") {
        case .absent: break
        case .value(let text) where !text.isBlank: title = text
        default: errors.add("title", ValidationErrors.blank)
        }
        switch attributes.timestamp("expires_at") {
        case .absent: break
        case .null: expiresAt = nil
        case .invalid: errors.add("expires_at", ValidationErrors.invalid)
        case .value(let value): expiresAt = value
        }
        for (key, path) in [("show_company_name", \CheckinListRecord.showCompanyName), ("show_email", \.showEmail),
                            ("show_phone_number", \.showPhoneNumber)] {
            switch attributes.bool(key) {
            case .absent: break
            case .value(let flag): self[keyPath: path] = flag
            default: errors.add(key, ValidationErrors.notIncluded)
            }
        }
        if let ids = try IDListInput.activities(attributes, event: eventID, errors: &errors, in: database) { activityIDs = ids }
        if let ids = try IDListInput.questions(attributes, event: eventID, errors: &errors, in: database) { questionIDs = ids }
        if let ids = try IDListInput.releases(attributes, event: eventID, errors: &errors, in: database) { releaseIDs = ids }
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_checkin_lists (id, event_id, slug, title, activity_ids, question_ids, release_ids, expires_at,
                show_company_name, show_email, show_phone_number, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, eventID, slug, title, JSONColumn.text(ids: activityIDs), JSONColumn.text(ids: questionIDs),
            JSONColumn.text(ids: releaseIDs), expiresAt, showCompanyName, showEmail, showPhoneNumber, createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            """
            UPDATE tito_checkin_lists SET title = ?, activity_ids = ?, question_ids = ?, release_ids = ?, expires_at = ?,
                show_company_name = ?, show_email = ?, show_phone_number = ?, updated_at = ?
            WHERE id = ?
            """,
            title, JSONColumn.text(ids: activityIDs), JSONColumn.text(ids: questionIDs), JSONColumn.text(ids: releaseIDs),
            expiresAt, showCompanyName, showEmail, showPhoneNumber, updatedAt, id)
    }

    /// The seed's key order, `id` after `_type` (spec §12.5), with the associations embedded.
    func json(embedded: EmbeddedRecords, view: View) -> JSONValue {
        let object: JSONValue = [
            "_type": "checkin_list", "id": .int(id), "slug": .string(slug), "activity_ids": .array(activityIDs.map(JSONValue.int)),
            "expires_at": .string(expiresAt.map(TitoFormats.timestamp(milliseconds:))),
            "question_ids": .array(questionIDs.map(JSONValue.int)), "release_ids": .array(releaseIDs.map(JSONValue.int)),
            "show_company_name": .bool(showCompanyName), "show_email": .bool(showEmail),
            "show_phone_number": .bool(showPhoneNumber), "title": .string(title),
            "activities": .array(embedded.activities(activityIDs)), "checkins": [],
            "questions": .array(embedded.questions(questionIDs)), "releases": .array(embedded.releases(releaseIDs)),
            "tickets": [],
        ]
        return object.marked(view)
    }
}

extension CheckinListRecord: EventScopedRecord {
    static let table = "tito_checkin_lists"
    static let wrapper = "checkin_list"

    /// `{checkin_list_slug}`: a slug or an id within the event.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> CheckinListRecord {
        CheckinListRecord(row: try row(slugOrID: request.parameter("checkin_list_slug"), scope, in: database))
    }
}
