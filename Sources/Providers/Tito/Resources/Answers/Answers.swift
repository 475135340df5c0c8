import Emulation

/// Answers to questions, one per ticket and question: the table and seed (N1 lists them; tickets
/// create, update and delete them).
enum Answers: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_answers (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            question_id INTEGER NOT NULL REFERENCES tito_questions (id),
            ticket_id INTEGER NOT NULL REFERENCES tito_tickets (id),
            primary_response TEXT NOT NULL,
            alternate_response TEXT,
            download_url TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (ticket_id, question_id)
        );
        CREATE INDEX IF NOT EXISTS tito_answers_by_question ON tito_answers (question_id, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "answers.json", key: "answers") {
            guard let response = record["primary_response"] else { throw record.invalid("primary_response", "a string or array") }
            try database.run(
                """
                INSERT INTO tito_answers (id, event_id, question_id, ticket_id, primary_response, alternate_response,
                    download_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.id("question_id"), try record.id("ticket_id"),
                JSONColumn.text(response), record.text("alternate_response"), record.text("download_url"),
                try record.requiredMilliseconds("created_at"), try record.requiredMilliseconds("updated_at"))
        }
        try Identifiers.start("answers", at: 1002, in: database)
    }
}

/// An answer (spec §12.4); `response` is derived.
struct AnswerRecord {
    let id: Int64
    let questionID: Int64
    let questionSlug: String
    let ticketID: Int64
    let primaryResponse: JSONValue
    let alternateResponse: String?
    let downloadURL: String?

    /// Selects answers (aliased `an`) with their question's slug.
    static let select = """
        SELECT an.*, q.slug AS question_slug FROM tito_answers AS an JOIN tito_questions AS q ON q.id = an.question_id
        """

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        questionID = Int64(row.int("question_id") ?? 0)
        questionSlug = row.string("question_slug") ?? ""
        ticketID = Int64(row.int("ticket_id") ?? 0)
        primaryResponse = JSONColumn.value(row.string("primary_response"))
        alternateResponse = row.string("alternate_response")
        downloadURL = row.string("download_url")
    }

    /// The answers of some tickets, by ticket id, each list in question order.
    static func byTicket(_ ticketIDs: [Int64], in database: Database) throws -> [Int64: [AnswerRecord]] {
        guard !ticketIDs.isEmpty else { return [:] }
        var filter = SQLFilter()
        filter.add("an.ticket_id", in: ticketIDs)
        let rows = try database.query("\(select) WHERE \(filter.clause) ORDER BY q.position, q.id", arguments: filter.arguments)
        var answers: [Int64: [AnswerRecord]] = [:]
        for row in rows {
            let answer = AnswerRecord(row: row)
            answers[answer.ticketID, default: []].append(answer)
        }
        return answers
    }

    /// `primary_response` as text: arrays joined by `", "`.
    var primaryText: String {
        if let items = primaryResponse.arrayValue { return items.compactMap(\.stringValue).joined(separator: ", ") }
        return primaryResponse.stringValue ?? ""
    }

    /// The human-friendly `response`: the primary response, then the alternate one if present.
    var response: String {
        guard let alternateResponse, !alternateResponse.isEmpty else { return primaryText }
        return primaryText.isEmpty ? alternateResponse : primaryText + ", " + alternateResponse
    }

    var json: JSONValue {
        [
            "_type": "answer", "id": .int(id), "alternate_response": .string(alternateResponse),
            "download_url": .string(downloadURL), "primary_response": primaryResponse, "question_id": .int(questionID),
            "response": .string(response), "ticket_id": .int(ticketID),
        ]
    }
}
