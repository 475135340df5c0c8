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

    /// Every question of `event` rendered in `context` (to embed), filed by id.
    static func render(event: Int64, context: RenderContext, in database: Database) throws -> RenderedRecords {
        try database.render(
            view, "SELECT \(view.selectList(alias: "q", computed: [answersCount])) FROM tito_questions AS q WHERE q.event_id = ?",
            arguments: [event], context: context, keyedBy: "id")
    }
}
