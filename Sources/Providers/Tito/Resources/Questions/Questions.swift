import Emulation

/// Questions: the table, the seed, the endpoints Q1–Q5 and the answers list N1 (spec §11.4,
/// §11.9, §13.7). The answers' table is `Answers`.
enum Questions: TitoResourceGroup {
    static let tables = [GroupTable(Question.self, nextID: 1_041_932)]

    /// The live service's sort options for this list (a recording shows them; the v3 docs' example
    /// leaves them out, as it does for other lists that have them).
    static let sortOptions: [(label: String, attr: String, direction: String, isDefault: Bool)] = [
        ("Position on tickets", "position", "asc", true), ("Question Title, A-Z", "title", "asc", false),
        ("Question Title, Z-A", "title", "desc", false),
    ]

    /// Q1–Q5: in position (creation) order, or `search[sort]=title`; `title` and `field_type` are
    /// required; the slug comes from the title and stays when it changes; a new question goes
    /// last. A deleted question takes its answers and leaves every `question_ids` list (spec
    /// §13.11); ticket `responses` are derived from answers, so they lose its key too.
    static let endpoints = EventRecordEndpoints<Question>(
        path: "questions", resource: "questions", listKey: "questions", singleKey: "question",
        rendering: QuestionView.rendering,
        sort: SortSpec(default: .init("position", sql: "q.position"), others: [.init("title", sql: "q.title")], idColumn: "q.id"),
        example: ("questions", "dietary"),
        extraMeta: { json in
            ListMeta.writeSortOptions(sortOptions, to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        },
        requireFields: { question, errors in
            if question.title.isBlank { errors.add("title", ValidationErrors.blank) }
            if question.fieldType.isEmpty && !errors.has("field_type") { errors.add("field_type", ValidationErrors.blank) }
        },
        prepareInsert: { question, scope, database in
            try question.deriveSlug(in: database)
            question.position = try Question.nextPosition(event: scope.event.id, in: database)
        },
        removeDependents: { question, scope, database in
            try database.delete(Answer.self, where: "question_id = ?", question.id)
            for table in ["tito_releases", "tito_activities", "tito_checkin_lists"] {
                try database.removeID(question.id, fromList: "question_ids", of: table, event: scope.event.id)
            }
        })

    static var routes: [Route<TitoPrincipal>] {
        endpoints.routes + [
            Route("GET", "/{account_slug}/{event_slug}/questions/{question_slug}/answers",
                  example: "/biscuit-box/2018/questions/t-shirt-size/answers", answers)
        ]
    }

    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try Question.copyAll(&copy, as: "questions", in: database)
    }

    /// N1: the answers to a question, in id order, on tickets the token sees (void ones included).
    static func answers(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Question.read(request, principal, resource: "answers") { database, scope, question in
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
