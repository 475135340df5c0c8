import Emulation

/// How questions render (spec §12.15): the same keys in both views; `answers_count` counts the
/// answers on tickets that are not void.
enum QuestionView {
    static let view = RecordView<RenderContext>(Question.table, computed: ["answers_count"], [
        .constant("_type", "question"),
        .column("id"), .column("title"), .column("field_type"), .column("include_free_text_field"), .column("required"),
        .column("slug"), .column("answers_count"), .time("created_at"), .time("updated_at"), .column("description"),
        .column("options"), .column("options_free_text_field"),
        .extendedMarker,
    ])

    static let answersCount = """
        (SELECT COUNT(*) FROM tito_answers AS an JOIN tito_tickets AS t ON t.id = an.ticket_id
            WHERE an.question_id = q.id AND t.state != 'void')
        """

    static let rendering = RecordRendering(view: view, alias: "q", computed: { _ in [answersCount] })

    /// The SELECT of an event's questions, made once.
    private static let eventQuestions = "SELECT \(view.selectList(alias: "q", computed: [answersCount])) FROM tito_questions AS q WHERE q.event_id = ?"

    /// The questions of the scope's event whose ids `named` (a subquery taking `arguments`, such
    /// as `WrittenRows.named`) yields, rendered in `context` (to embed), filed by id: those the
    /// response's records list, not every question of the event.
    static func render(
        named: String, _ arguments: SQLFilter, _ scope: EventScope, context: RenderContext, in database: Database
    ) throws -> RenderedRecords {
        try database.render(
            view, eventQuestions + " AND q.id IN (\(named))", arguments: [scope.event.id] + arguments.arguments, context: context,
            keyedBy: "id")
    }
}
