import Emulation

/// Default questions (spec §8.18): the list (enabled ones, or every type with `include_all`),
/// one by canned type on the seed's singular `/event/…` path (the plural path answers too), and
/// enable (create), change (update) and deactivate (delete).
enum CannedQuestions {
    static let bodyFields: Set<String> = [
        "canned_type", "question", "required", "type", "respondent", "waiver", "choices", "ticket_classes", "parent_choice_id",
    ]

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{event_id}/canned_questions/", example: "/events/12345/canned_questions/") { request in
                let event = try request.read { try request.questionEvent(changing: false, in: $0) }
                var arguments = QueryArguments(request.query)
                let includeAll = arguments.bool("include_all") ?? false
                let page = try request.page()
                try arguments.errors.check()
                var filter = SQLFilter("c.event_id = ?", event.id)
                if !includeAll { filter.add("c.include") }
                return try PaginatedList.respond(
                    request, key: "questions", CannedQuestion.presenter, where: filter, orderBy: "c.sorting", page: page)
            },
            routes.get("/event/{event_id}/canned_questions/{question_id}", example: "/event/12345/canned_questions/email") { request in
                let event = try request.read { try request.questionEvent(changing: false, in: $0) }
                return try respond(request, eventID: event.id, id: request.parameter("question_id"), wrapped: true)
            }.alias("GET", "/events/{event_id}/canned_questions/{question_id}/"),
            routes.post("/events/{event_id}/canned_questions/", create),
            routes.post("/event/{event_id}/canned_questions/{question_id}", update)
                .alias("POST", "/events/{event_id}/canned_questions/{question_id}/"),
            routes.delete("/event/{event_id}/canned_questions/{question_id}", deactivate)
                .alias("DELETE", "/events/{event_id}/canned_questions/{question_id}/"),
        ]
    }

    /// The question, bare (create) or under `question` (retrieve, update), as the seed shows each.
    /// The `{question_id}` of the path among `event`'s canned questions, or its 404.
    private static func cannedQuestion(of event: Event, _ request: EventbriteRequest, in database: Database) throws -> CannedQuestion {
        guard let question = try database.fetchOne(
            CannedQuestion.self, where: "event_id = ? AND id = ?", event.id, request.parameter("question_id"))
        else { throw EventbriteError.notFoundWithoutPeriod(.question) }
        return question
    }

    private static func respond(_ request: EventbriteRequest, eventID: Int64, id: String, wrapped: Bool) throws -> HTTPResponse {
        let notFound = EventbriteError.notFoundWithoutPeriod(.question)
        let condition = "c.event_id = ? AND c.id = ?"
        if wrapped {
            return try EventbriteResponse.wrapped("question", CannedQuestion.presenter, where: condition, [eventID, id], request, notFound: notFound)
        }
        return try EventbriteResponse.one(CannedQuestion.presenter, where: condition, [eventID, id], request, notFound: notFound)
    }

    /// `POST /events/{event_id}/canned_questions/`: `{"question": {"canned_type": "job_title", …}}`
    /// turns the type on (`include`) with the settings given. A type already on is `NOT_ALLOWED`.
    private static func create(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let (eventID, id) = try request.write { database -> (Int64, String) in
            let event = try request.questionEvent(changing: true, in: database)
            var fields = body.wrapper("question")
            fields.rejectUnknown(allowed: bodyFields)
            var question: CannedQuestion?
            switch fields.string("canned_type") {
            case .value(let type):
                question = try database.fetchOne(CannedQuestion.self, where: "event_id = ? AND id = ?", event.id, type)
                if question == nil { fields.invalid("canned_type") }
            case .null: fields.invalid("canned_type")
            case .absent: fields.missing("canned_type")
            }
            var changes = try CannedChanges(&fields, event: event, in: database)
            try fields.check()
            guard var question else { throw fields.errors.error }
            if question.include {
                throw EventbriteError.rule("NOT_ALLOWED", "The \(question.id) question is already enabled for this event.")
            }
            question.include = true
            try changes.apply(to: &question, event: event, now: request.now, in: database)
            return (event.id, question.id)
        }
        return try respond(request, eventID: eventID, id: id, wrapped: false)
    }

    /// `POST /event/{event_id}/canned_questions/{question_id}`: a partial change; the body is
    /// `{"question": {…}}`, and an unknown field is `question.<name> - Unknown parameter`.
    private static func update(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let (eventID, id) = try request.write { database -> (Int64, String) in
            let event = try request.questionEvent(changing: true, in: database)
            var question = try cannedQuestion(of: event, request, in: database)
            var fields = body.wrapper("question")
            fields.rejectUnknown(allowed: bodyFields)
            // The type is the path's; naming another one is an error rather than a move.
            if case .value(let type) = fields.string("canned_type"), type != question.id { fields.invalid("canned_type") }
            var changes = try CannedChanges(&fields, event: event, in: database)
            try fields.check()
            try changes.apply(to: &question, event: event, now: request.now, in: database)
            return (event.id, question.id)
        }
        return try respond(request, eventID: eventID, id: id, wrapped: true)
    }

    /// `DELETE /event/{event_id}/canned_questions/{question_id}`: deactivates (`include: false`);
    /// the question stays retrievable. Email is always asked: it cannot be deactivated.
    private static func deactivate(_ request: EventbriteRequest) throws -> HTTPResponse {
        try request.write { database in
            let event = try request.questionEvent(changing: true, in: database)
            var question = try cannedQuestion(of: event, request, in: database)
            if question.id == "email" { throw EventbriteError.rule("NOT_ALLOWED", "The email question cannot be deactivated.") }
            question.include = false
            try database.update(question)
            try Event.touch(event.id, now: request.now, in: database)
        }
        return EventbriteResponse.json(["deleted": true])
    }
}

/// The settings a canned question body may change (spec §8.18, "Canned Question Create"), read
/// with their argument errors; `respondent` and `ticket_classes` go to the event's survey
/// settings (see `CannedQuestion`).
struct CannedChanges {
    var questionHTML: String?
    var required: Bool?
    var type: String?
    var respondent: String?
    var waiver: Provided<String> = .absent
    var choices: [String]?
    var ticketClassIDs: [Int64]?
    var parentChoiceID: Provided<Int64> = .absent

    init(_ fields: inout BodyFields, event: Event, in database: Database) throws {
        switch fields.html("question") {
        case .value(let html) where !MultipartText.text(fromHTML: html).isEmpty: questionHTML = html
        case .value, .null: fields.invalid("question")
        case .absent: break
        }
        if let flag = fields.nonNullBool("required") { required = flag }
        if let value = fields.oneOf("type", CustomQuestion.types) { type = value }
        if let value = fields.oneOf("respondent", CustomQuestion.respondents) { respondent = value }
        waiver = fields.string("waiver")
        choices = QuestionChoices.read(&fields, "choices")?.map(\.html)
        ticketClassIDs = try QuestionTicketClasses.read(&fields, "ticket_classes", eventID: event.id, in: database)
        parentChoiceID = fields.id("parent_choice_id")
        if case .value(let choice) = parentChoiceID, try QuestionChoices.owner(ofChoice: choice, eventID: event.id, in: database) == nil {
            fields.invalid("parent_choice_id")
        }
    }

    /// Applies the changes, checks the one rule (email stays required), and stores the question
    /// and the survey settings it shares.
    mutating func apply(to question: inout CannedQuestion, event: Event, now: Int64, in database: Database) throws {
        if let questionHTML { question.questionHTML = questionHTML }
        if let required { question.required = required }
        if let type { question.type = type }
        waiver.update(&question.waiver)
        if let choices { question.choices = choices }
        parentChoiceID.update(&question.parentChoiceID)
        if question.id == "email" && !question.required {
            throw EventbriteError.rule("NOT_ALLOWED", "The email question must stay required.")
        }
        try database.update(question)
        if respondent != nil || ticketClassIDs != nil {
            var settings = try database.fetchOne(TicketBuyerSettings.self, where: "event_id = ?", event.id) ?? TicketBuyerSettings()
            settings.eventID = event.id
            if let respondent { settings.surveyRespondent = respondent }
            if let ticketClassIDs { settings.surveyTicketClasses = ticketClassIDs.map { String($0) } }
            try database.insert(settings, onConflict: .replace)
        }
        try Event.touch(event.id, now: now, in: database)
    }
}

extension EventbriteRequest {
    /// The event of a question endpoint: readable (or, when `changing`, managed) by the caller.
    /// These endpoints word their 404 as the seed does, without the final period.
    func questionEvent(changing: Bool, in database: Database) throws -> Event {
        do {
            return changing ? try managedEvent(in: database) : try readableEvent(in: database)
        } catch let error as EventbriteError where error == .notFound(.event) {
            throw EventbriteError.notFoundWithoutPeriod(.event)
        }
    }
}
