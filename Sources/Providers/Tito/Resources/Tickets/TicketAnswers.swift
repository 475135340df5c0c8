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
                    let question = try Question.find(reference: reference, event: event, in: database)
                else {
                    errors.add("answers", ValidationErrors.invalid)
                    return nil
                }
                let primary = item["primary_response"] ?? item["response"] ?? .string("")
                let normalized: JSONValue
                switch primary {
                case .array(let values): normalized = .array(values.map { .string($0.stringValue ?? JSONWriter.string($0)) })
                case .string: normalized = primary
                case .null: normalized = .string("")
                default: normalized = .string(JSONWriter.string(primary))
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
        if var existing = try database.fetchOne(Answer.self, where: "ticket_id = ? AND question_id = ?", ticket, answer.questionID) {
            existing.primaryResponse = answer.primaryResponse
            existing.alternateResponse = answer.alternateResponse
            existing.updatedAt = now
            try database.update(existing)
            return
        }
        try database.insert(
            Answer(
                id: try Identifiers.next("answers", in: database), eventID: event, questionID: answer.questionID, ticketID: ticket,
                primaryResponse: answer.primaryResponse, alternateResponse: answer.alternateResponse, createdAt: now, updatedAt: now))
    }

    static func answeredQuestions(ofTicket ticket: Int64, in database: Database) throws -> Set<Int64> {
        Set(try database.fetchAll(Answer.self, where: "ticket_id = ?", ticket).map(\.questionID))
    }
}
