import Emulation

/// A question asked of ticket holders (spec §12.15). Defined with the core tables because
/// releases, tickets and answers refer to questions.
struct QuestionRecord {
    let id: Int64
    let eventID: Int64
    let slug: String
    let title: String
    let fieldType: String
    let description: String?
    let includeFreeTextField: Bool
    let options: [String]
    let optionsFreeTextField: String?
    let required: Bool?
    let position: Int64
    let answersCount: Int
    let createdAt: Int64
    let updatedAt: Int64

    /// Selects a question (aliased `q`) with its `answers_count`: answers on non-void tickets.
    static let select = """
        SELECT q.*, (SELECT COUNT(*) FROM tito_answers AS an JOIN tito_tickets AS t ON t.id = an.ticket_id
            WHERE an.question_id = q.id AND t.state != 'void') AS answers_count
        FROM tito_questions AS q
        """

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        eventID = Int64(row.int("event_id") ?? 0)
        slug = row.string("slug") ?? ""
        title = row.string("title") ?? ""
        fieldType = row.string("field_type") ?? "Text"
        description = row.string("description")
        includeFreeTextField = row.bool("include_free_text_field") ?? false
        options = JSONColumn.strings(row.string("options"))
        optionsFreeTextField = row.string("options_free_text_field")
        required = row.bool("required")
        position = Int64(row.int("position") ?? 0)
        answersCount = row.int("answers_count") ?? 0
        createdAt = Int64(row.int("created_at") ?? 0)
        updatedAt = Int64(row.int("updated_at") ?? 0)
    }

    static func all(event: Int64, in database: Database) throws -> [QuestionRecord] {
        try database.query("\(select) WHERE q.event_id = ? ORDER BY q.position, q.id", event).map(QuestionRecord.init(row:))
    }

    /// The question of an event by slug, or by numeric id when no slug matches.
    static func find(_ slugOrID: String, event: Int64, in database: Database) throws -> QuestionRecord? {
        try SlugOrID.row(slugOrID, select: select, parent: "event_id", event, alias: "q.", in: database)
            .map(QuestionRecord.init(row:))
    }

    /// A question named by an input value: an id or a slug.
    static func find(reference: JSONValue, event: Int64, in database: Database) throws -> QuestionRecord? {
        if let id = reference.intValue { return try find(String(id), event: event, in: database) }
        guard let text = reference.stringValue, !text.isBlank else { return nil }
        return try find(text, event: event, in: database)
    }

    var json: JSONValue {
        [
            "_type": "question", "id": .int(id), "title": .string(title), "field_type": .string(fieldType),
            "include_free_text_field": .bool(includeFreeTextField), "required": required.map(JSONValue.bool) ?? .null,
            "slug": .string(slug), "answers_count": .int(answersCount),
            "created_at": .string(TitoFormats.timestamp(milliseconds: createdAt)),
            "updated_at": .string(TitoFormats.timestamp(milliseconds: updatedAt)),
            "description": .string(description), "options": .array(options.map(JSONValue.string)),
            "options_free_text_field": .string(optionsFreeTextField),
        ]
    }
}
