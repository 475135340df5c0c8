import Emulation

/// Custom questions (spec §8.18): list (in `sorting` order), create, retrieve, delete. Anyone who
/// may read the event reads its questions; members change them.
enum CustomQuestions {
    static let bodyFields: Set<String> = [
        "question", "required", "type", "respondent", "waiver", "choices", "ticket_classes", "parent_id", "parent_choice_id",
        "display_answer_on_order",
    ]

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{event_id}/questions/", example: "/events/12345/questions/") { request in
                let event = try request.read { try request.questionEvent(changing: false, in: $0) }
                var arguments = QueryArguments(request.query)
                // Members see every field either way; the flag is read so a bad value is reported.
                _ = arguments.bool("as_owner")
                let page = try request.page()
                try arguments.errors.check()
                return try PaginatedList.respond(
                    request, key: "questions", CustomQuestion.presenter, where: "q.event_id = ?", [event.id],
                    orderBy: "q.sorting, q.id", page: page)
            },
            routes.post("/events/{event_id}/questions/", create),
            routes.get("/events/{event_id}/questions/{question_id}/", example: "/events/12345/questions/642123456/") { request in
                let event = try request.read { try request.questionEvent(changing: false, in: $0) }
                return try respond(request, eventID: event.id)
            },
            routes.delete("/events/{event_id}/questions/{question_id}/", delete),
        ]
    }

    private static func respond(_ request: EventbriteRequest, eventID: Int64, id: Int64? = nil) throws -> HTTPResponse {
        let notFound = EventbriteError.notFoundWithoutPeriod(.question)
        guard let id = id ?? EventbriteID.parse(request.parameter("question_id")) else { throw notFound }
        return try EventbriteResponse.one(
            CustomQuestion.presenter, where: "q.event_id = ? AND q.id = ?", [eventID, id], request, notFound: notFound)
    }

    /// `POST /events/{event_id}/questions/`: `{"question": {"question": {"html": …}, "type": …,
    /// "respondent": …, …}}` → the new question, last in `sorting`, its choices given ids.
    private static func create(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let (eventID, id) = try request.write { database -> (Int64, Int64) in
            let event = try request.questionEvent(changing: true, in: database)
            var fields = body.wrapper("question")
            fields.rejectUnknown(allowed: bodyFields)
            var question = CustomQuestion()
            question.eventID = event.id
            switch fields.html("question") {
            case .value(let html) where !MultipartText.text(fromHTML: html).isEmpty: question.questionHTML = html
            case .value, .null: fields.missing("question.html")
            case .absent:
                // `html` already reported a question object without html.
                if !fields.errors.fields.contains(where: { $0.field == fields.path("question.html") }) { fields.missing("question.html") }
            }
            switch fields.string("type") {
            case .value(let type) where CustomQuestion.types.contains(type): question.type = type
            case .value, .null: fields.invalid("type")
            case .absent: fields.missing("type")
            }
            switch fields.string("respondent") {
            case .value(let respondent) where CustomQuestion.respondents.contains(respondent): question.respondent = respondent
            case .value, .null: fields.invalid("respondent")
            case .absent: fields.missing("respondent")
            }
            if let flag = fields.nonNullBool("required") { question.required = flag }
            if let flag = fields.nonNullBool("display_answer_on_order") { question.displayAnswerOnOrder = flag }
            switch fields.string("waiver") {
            case .value(let text) where !text.trimmingWhitespace().isEmpty: question.waiver = text
            case .value, .null: if question.type == "waiver" { fields.missing("waiver") }
            case .absent: if question.type == "waiver" { fields.missing("waiver") }
            }
            let choices = QuestionChoices.read(&fields, "choices") ?? []
            if CustomQuestion.choiceTypes.contains(question.type) && choices.isEmpty && !fields.errors.fields.contains(where: {
                $0.field == fields.path("choices")
            }) {
                fields.missing("choices")
            }
            question.ticketClassIDs = try QuestionTicketClasses.read(&fields, "ticket_classes", eventID: event.id, in: database) ?? []
            try readParent(&fields, into: &question, in: database)
            try fields.check()

            question.id = try EventbriteID.next(in: database)
            for choice in choices where CustomQuestion.choiceTypes.contains(question.type) {
                question.choices.append(
                    CustomQuestion.Choice(
                        id: try EventbriteID.next(in: database), answerHTML: choice.html, quantityAvailable: choice.quantityAvailable))
            }
            let last = try database.queryOne(
                "SELECT MAX(sorting) AS last FROM eventbrite_custom_questions WHERE event_id = ?", event.id)?.int("last") ?? 0
            question.sorting = Int64(last) + 1
            try database.insert(question)
            try Event.touch(event.id, now: request.now, in: database)
            return (event.id, question.id)
        }
        return try respond(request, eventID: eventID, id: id)
    }

    /// `parent_id` (a question of the same event) and `parent_choice_id` (one of its choices; the
    /// parent follows from the choice when only the choice is named).
    private static func readParent(_ fields: inout BodyFields, into question: inout CustomQuestion, in database: Database) throws {
        let parent = fields.id("parent_id")
        let choice = fields.id("parent_choice_id")
        if case .value(let id) = parent {
            if try database.queryOne("SELECT 1 FROM eventbrite_custom_questions WHERE id = ? AND event_id = ?", id, question.eventID) == nil {
                fields.invalid("parent_id")
            } else {
                question.parentID = id
            }
        }
        if case .value(let id) = choice {
            let owner = try QuestionChoices.owner(ofChoice: id, eventID: question.eventID, in: database)
            if let owner, question.parentID == nil || question.parentID == owner, parent.value == nil || parent.value == owner {
                question.parentID = owner
                question.parentChoiceID = id
            } else {
                fields.invalid("parent_choice_id")
            }
        }
    }

    /// `DELETE /events/{event_id}/questions/{question_id}/` → `{"deleted": true}`; its
    /// sub-questions (and theirs) go with it.
    private static func delete(_ request: EventbriteRequest) throws -> HTTPResponse {
        try request.write { database in
            let event = try request.questionEvent(changing: true, in: database)
            guard let id = EventbriteID.parse(request.parameter("question_id")),
                try database.queryOne("SELECT 1 FROM eventbrite_custom_questions WHERE id = ? AND event_id = ?", id, event.id) != nil
            else { throw EventbriteError.notFoundWithoutPeriod(.question) }
            try database.run(
                """
                WITH RECURSIVE doomed(id) AS (
                    SELECT ? UNION SELECT q.id FROM eventbrite_custom_questions q JOIN doomed d ON q.parent_id = d.id)
                DELETE FROM eventbrite_custom_questions WHERE id IN (SELECT id FROM doomed)
                """, id)
            try Event.touch(event.id, now: request.now, in: database)
        }
        return EventbriteResponse.json(["deleted": true])
    }
}
