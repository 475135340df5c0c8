import Emulation

/// Reading and storing the `answers` of a ticket body (T3, T4): one answer per question, upserted.
enum TicketAnswers {
    /// Parses `[{"question_id": id or slug, "primary_response": text or [text], "alternate_response": text}]`;
    /// `response` is accepted for `primary_response`. Unknown questions make the list invalid.
    static func parse(_ field: Field<[JSONValue]>, event: Int64, errors: inout ValidationErrors, in database: Database) throws
        -> [OrderCreation.NewAnswer]?
    {
        switch field {
        case .absent, .null: return field.isAbsent ? nil : []
        case .invalid:
            errors.add("answers", ValidationErrors.invalid)
            return nil
        case .value(let items):
            var answers: [OrderCreation.NewAnswer] = []
            for item in items {
                guard let reference = item["question_id"],
                    let question = try QuestionRecord.find(reference: reference, event: event, in: database)
                else {
                    errors.add("answers", ValidationErrors.invalid)
                    return nil
                }
                let primary = item["primary_response"] ?? item["response"] ?? .string("")
                let normalized: JSONValue
                switch primary {
                case .array(let values): normalized = .array(values.map { .string($0.stringValue ?? JSONColumn.text($0)) })
                case .string: normalized = primary
                case .null: normalized = .string("")
                default: normalized = .string(JSONColumn.text(primary))
                }
                answers.removeAll { $0.questionID == question.id }
                answers.append(
                    OrderCreation.NewAnswer(
                        questionID: question.id, primaryResponse: normalized,
                        alternateResponse: item["alternate_response"]?.stringValue))
            }
            return answers
        }
    }

    static func upsert(_ answer: OrderCreation.NewAnswer, ticket: Int64, event: Int64, now: Int64, in database: Database) throws {
        if let existing = try database.queryOne(
            "SELECT id FROM tito_answers WHERE ticket_id = ? AND question_id = ?", ticket, answer.questionID)
        {
            try database.run(
                "UPDATE tito_answers SET primary_response = ?, alternate_response = ?, updated_at = ? WHERE id = ?",
                JSONColumn.text(answer.primaryResponse), answer.alternateResponse, now, Int64(existing.int("id") ?? 0))
            return
        }
        try database.run(
            """
            INSERT INTO tito_answers (id, event_id, question_id, ticket_id, primary_response, alternate_response, download_url,
                created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)
            """, try Identifiers.next("answers", in: database), event, answer.questionID, ticket,
            JSONColumn.text(answer.primaryResponse), answer.alternateResponse, now, now)
    }

    static func answeredQuestions(ofTicket ticket: Int64, in database: Database) throws -> Set<Int64> {
        Set(try database.query("SELECT question_id FROM tito_answers WHERE ticket_id = ?", ticket).compactMap { $0.int("question_id").map(Int64.init) })
    }
}
