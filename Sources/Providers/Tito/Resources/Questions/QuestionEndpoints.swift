import Emulation

/// The question endpoints Q1–Q5 and the answers list N1 (spec §11.4, §11.9, §13.7). The tables
/// and seed are `Questions` and `Answers`.
enum QuestionEndpoints: TitoResourceGroup {
    static let resource = "questions"

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/questions", example: "/biscuit-box/2018/questions", list),
        Route("GET", "/{account_slug}/{event_slug}/questions/{question_slug}", example: "/biscuit-box/2018/questions/dietary",
              show),
        Route("POST", "/{account_slug}/{event_slug}/questions", create),
        Route("PATCH", "/{account_slug}/{event_slug}/questions/{question_slug}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/questions/{question_slug}", delete),
        Route("GET", "/{account_slug}/{event_slug}/questions/{question_slug}/answers",
              example: "/biscuit-box/2018/questions/t-shirt-size/answers", answers),
    ]

    static let sort = SortSpec(
        default: .init("position", sql: "q.position"), others: [.init("title", sql: "q.title")], idColumn: "q.id")

    /// The live service's sort options for this list (a recording shows them; the v3 docs' example
    /// leaves them out, as it does for other lists that have them).
    static let sortOptions: [(label: String, attr: String, direction: String, isDefault: Bool)] = [
        ("Position on tickets", "position", "asc", true), ("Question Title, A-Z", "title", "asc", false),
        ("Question Title, Z-A", "title", "desc", false),
    ]

    /// Q1: in position (creation) order, or `search[sort]=title`.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "questions", rendering: QuestionView.rendering, sort: sort
        ) { json in
            ListMeta.writeSortOptions(sortOptions, to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        }
    }

    /// Q2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(Question.self, request, principal, resource: resource, key: "question", rendering: QuestionView.rendering)
    }

    /// Q3: `title` and `field_type` are required; the slug comes from the title; the question
    /// goes last.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource, key: "question", rendering: QuestionView.rendering,
            newRecord: { scope, _ in Question(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { question, errors in
                if question.title.isBlank { errors.add("title", ValidationErrors.blank) }
                if question.fieldType.isEmpty && !errors.has("field_type") { errors.add("field_type", ValidationErrors.blank) }
            },
            prepareInsert: { question, scope, database in
                try question.deriveSlug(in: database)
                question.position = Int64(
                    try database.queryOne(
                        "SELECT COALESCE(MAX(position) + 1, 0) AS next FROM tito_questions WHERE event_id = ?", scope.event.id
                    )?.int("next") ?? 0)
            })
    }

    /// Q4: partial; the slug stays when the title changes.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(Question.self, request, principal, resource: resource, key: "question", rendering: QuestionView.rendering)
    }

    /// Q5: its answers go with it, and it leaves every `question_ids` list (spec §13.11); ticket
    /// `responses` are derived from answers, so they lose its key too.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(Question.self, request, principal, resource: resource) { question, scope, database in
            try database.delete(Answer.self, where: "question_id = ?", question.id)
            for table in ["tito_releases", "tito_activities", "tito_checkin_lists"] {
                try database.removeID(question.id, fromList: "question_ids", of: table, event: scope.event.id)
            }
        }
    }

    /// N1: the answers to a question, in id order, on tickets the token sees (void ones included).
    static func answers(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "answers", in: database)
            let question = try Question.find(request, scope, in: database)
            var filter = SQLFilter("an.question_id = ?", question.id)
            scope.addVisibility(alias: "t", to: &filter)
            let page = try database.listPage(
                PageRequest(request.query), from: "tito_answers AS an JOIN tito_tickets AS t ON t.id = an.ticket_id", alias: "an",
                where: filter, order: KeysetOrder([.init("an.id")]))
            let context = RenderContext(request, scope, view: request.listView)
            return try ResourceResponse.list("answers", meta: page.meta(overallTotal: page.total)) { json in
                try AnswerView.rendering.write(page, context: context, scope, in: database, to: &json)
            }
        }
    }
}
