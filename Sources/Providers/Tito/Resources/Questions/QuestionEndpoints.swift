import Emulation

/// The question endpoints Q1–Q5 and the answers list N1 (spec §11.4, §11.9, §13.7). The tables
/// and seed are `Questions` and `Answers`.
enum QuestionEndpoints: TitoResourceGroup {
    static let resource = "questions"

    static let schema = """
        CREATE INDEX IF NOT EXISTS tito_questions_by_title ON tito_questions (event_id, title, id);
        """

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

    /// Q1: in position (creation) order, or `search[sort]=title`.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "questions", table: "tito_questions", alias: "q",
            columns: { _ in columns }, orderBy: sort.orderBy, record: QuestionRecord.init(row:),
            render: EventRecordHandlers.each { $0.json.marked($1) })
    }

    /// Q2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            return ResourceResponse.single("question", try find(request, scope, in: database).json.marked(request.singleView))
        }
    }

    /// Q3: `title` and `field_type` are required; the slug comes from the title; the question
    /// goes last.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource,
            newRecord: { scope, _ in QuestionDraft(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { draft, errors in
                if draft.title.isBlank { errors.add("title", ValidationErrors.blank) }
                if draft.fieldType.isEmpty && !errors.has("field_type") { errors.add("field_type", ValidationErrors.blank) }
            },
            prepareInsert: { draft, scope, database in
                try draft.deriveSlug(in: database)
                draft.position = Int64(
                    try database.queryOne(
                        "SELECT COALESCE(MAX(position) + 1, 0) AS next FROM tito_questions WHERE event_id = ?", scope.event.id
                    )?.int("next") ?? 0)
            },
            respond: respond)
    }

    /// Q4: partial; the slug stays when the title changes.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(QuestionDraft.self, request, principal, resource: resource, respond: respond)
    }

    /// Q5: its answers go with it, and it leaves every `question_ids` list (spec §13.11); ticket
    /// `responses` are derived from answers, so they lose its key too.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(QuestionDraft.self, request, principal, resource: resource) { question, scope, database in
            try database.run("DELETE FROM tito_answers WHERE question_id = ?", question.id)
            for table in ["tito_releases", "tito_activities", "tito_checkin_lists"] {
                try database.removeID(question.id, fromList: "question_ids", of: table, event: scope.event.id)
            }
        }
    }

    /// N1: the answers to a question, in id order, on tickets the token sees (void ones included).
    static func answers(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "answers", in: database)
            let question = try find(request, scope, in: database)
            let page = PageRequest(request.query)
            var filter = SQLFilter()
            filter.add("an.question_id = ?", question.id)
            scope.addVisibility(alias: "t", to: &filter)
            let result = try database.page(
                select: "an.*, q.slug AS question_slug",
                from: "tito_answers AS an JOIN tito_questions AS q ON q.id = an.question_id JOIN tito_tickets AS t ON t.id = an.ticket_id",
                where: filter, orderBy: "an.id", window: page.window, total: .count)
            return ResourceResponse.list(
                "answers", items: result.items.map { AnswerRecord(row: $0).json },
                meta: PageMeta(page: page, totalCount: result.total, overallTotal: result.total))
        }
    }

    /// Question columns with `answers_count`, for `tito_questions AS q` (as `QuestionRecord.select`).
    static let columns = """
        q.*, (SELECT COUNT(*) FROM tito_answers AS an JOIN tito_tickets AS t ON t.id = an.ticket_id
            WHERE an.question_id = q.id AND t.state != 'void') AS answers_count
        """

    /// The question `{question_slug}` names in the event (a slug, or a numeric id).
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> QuestionRecord {
        guard let question = try QuestionRecord.find(request.parameter("question_slug"), event: scope.event.id, in: database)
        else { throw TitoError.notFound }
        return question
    }

    /// The stored question, re-read for its `answers_count`.
    private static func respond(
        _ draft: QuestionDraft, status: Int, _ request: ProviderRequest, _ scope: EventScope, in database: Database
    ) throws -> HTTPResponse {
        ResourceResponse.single("question", try reload(draft.id, in: database).json.marked(request.singleView), status: status)
    }

    private static func reload(_ id: Int64, in database: Database) throws -> QuestionRecord {
        guard let row = try database.queryOne("\(QuestionRecord.select) WHERE q.id = ?", id) else { throw TitoError.notFound }
        return QuestionRecord(row: row)
    }
}
