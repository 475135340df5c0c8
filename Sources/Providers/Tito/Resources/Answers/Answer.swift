import Emulation

/// An answer to a question, one per ticket and question (spec §12.4); `response` is derived.
struct Answer: TitoRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var questionID: Int64 = 0
    var ticketID: Int64 = 0
    /// A string, or an array of strings for a Checkboxes question.
    var primaryResponse: JSONValue = .string("")
    var alternateResponse: String?
    var downloadURL: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_answers", of: Answer.self,
        constraints: [
            .references("event_id", "tito_events"), .references("question_id", "tito_questions"),
            .references("ticket_id", "tito_tickets"), .unique(["ticket_id", "question_id"]),
        ],
        indexes: ["question_id, id"])

    /// `primary_response` as text: arrays joined by `", "`.
    static func primaryText(_ response: JSONValue) -> String {
        if let items = response.arrayValue { return items.compactMap(\.stringValue).joined(separator: ", ") }
        return response.stringValue ?? ""
    }

    /// The human-friendly `response`: the primary response, then the alternate one if present.
    static func response(primary: JSONValue, alternate: String?) -> String {
        let primaryText = primaryText(primary)
        guard let alternate, !alternate.isEmpty else { return primaryText }
        return primaryText.isEmpty ? alternate : primaryText + ", " + alternate
    }
}

/// How answers render, and the `responses` of the tickets they answer.
enum AnswerView {
    static let view = RecordView<RenderContext>(Answer.table, [
        .constant("_type", "answer"),
        .column("id"), .column("alternate_response"), .column("download_url"), .column("primary_response"),
        .column("question_id"),
        .derived("response") { row, _, json in
            let primary = row.withUTF8("primary_response") { (try? JSONParser.parse(Array($0))) ?? .null }
            json.string(Answer.response(primary: primary, alternate: row.optionalString("alternate_response")))
        },
        .column("ticket_id"),
    ])

    static let rendering = RecordRendering(view: view, alias: "an")

    /// The answers `condition` picks (of `an`) in question order, filed by ticket: the answer
    /// objects (an extended ticket's `answers`) and the members of each ticket's `responses`,
    /// `"<question slug>":"<response text>"`. An event without questions has no answers to look for.
    static func render(
        where condition: String, _ arguments: [any SQLiteBindable], _ scope: EventScope, context: RenderContext, in database: Database
    ) throws -> (answers: RenderedRecords, responses: RenderedRecords) {
        var answers = RenderedRecords()
        var responses = RenderedRecords()
        guard try database.queryOne("SELECT 1 FROM tito_questions WHERE event_id = ? LIMIT 1", arguments: [scope.event.id]) != nil
        else { return (answers, responses) }
        let sql = """
            SELECT \(view.selectList(alias: "an")), q.slug AS question_slug FROM tito_answers AS an
                JOIN tito_questions AS q ON q.id = an.question_id
            WHERE \(condition) ORDER BY q.position, q.id
            """
        let ticket = Answer.table.position(ofColumn: "ticket_id")!
        let primary = Answer.table.position(ofColumn: "primary_response")!
        try database.forEachRow(sql, arguments: arguments) { cursor in
            let ticketID = cursor.integer(at: ticket)
            var json = JSONBuilder(capacity: 256)
            try view.write(cursor, context, to: &json)
            answers.append(json.bytes, for: ticketID)
            var member = JSONBuilder(capacity: 64)
            member.object { member in
                member.key(escaping: cursor.string(at: Answer.table.columns.count))
                member.string(Answer.primaryText(cursor.withUTF8(at: primary) { (try? JSONParser.parse(Array($0))) ?? .null }))
            }
            // The object's members without its braces, to be joined with the ticket's others.
            responses.append(Array(member.bytes.dropFirst().dropLast()), for: ticketID)
        }
        return (answers, responses)
    }
}
