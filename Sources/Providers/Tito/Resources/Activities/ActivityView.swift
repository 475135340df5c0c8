import Emulation

/// How activities render (spec §12.3): `start_at` and `end_at` from the date and times,
/// `allocation_count` over the non-void tickets of its releases that the token sees (§13.6),
/// and the questions and releases it names embedded.
enum ActivityView {
    static let view = RecordView<RenderContext>(Activity.table, computed: ["allocation_count"], [
        .constant("_type", "activity"),
        .column("id"), .column("capacity"), .column("date"), .column("description"), .column("start_time"), .column("end_time"),
        .derived("start_at") { row, _, json in writeInstant(row, time: "start_time", to: &json) },
        .derived("end_at") { row, _, json in writeInstant(row, time: "end_time", to: &json) },
        .column("name"), .column("private"), .column("question_ids"), .column("venue_id"),
        .constant("accommodation", nil),
        .column("allocation_count"),
        .derived("sold_out") { row, _, json in
            json.bool(row.optionalInteger("capacity").map { row.integer("allocation_count") >= $0 } ?? false)
        },
        .column("show_to_attendee"), .column("release_ids"),
        .derived("translations") { row, _, json in EnglishTranslations.write(row, columns: ["name"], to: &json) },
        .constant("venue", nil),
        .association("questions", ids: "question_ids", in: { $0.questions }),
        .association("releases", ids: "release_ids", in: { $0.releases }),
        .extendedMarker,
    ])

    /// `date` + the time of day, or null without a date.
    private static func writeInstant(_ row: ViewRow, time: String, to json: inout JSONBuilder) {
        let instant = row.optionalString("date").flatMap { TitoFormats.instant(date: $0, time: row.optionalString(time)) }
        json.string(instant.map(TitoFormats.timestamp(milliseconds:)))
    }

    private static func allocationCount(_ scope: EventScope) -> String {
        let modes = scope.visibleModes("c.test_mode")
        return """
            (SELECT COALESCE(SUM(c.tickets), 0) FROM \(TicketCounts.byRelease.table) AS c WHERE c.event_id = ac.event_id
                AND \(modes) AND c.release_id IN (SELECT value FROM json_each(ac.release_ids)))
            """
    }

    static let rendering = RecordRendering(
        view: view, alias: "ac", computed: { [allocationCount($0)] },
        prepare: { context, scope, rows, database in
            let embedded = context.forEmbedded()
            context.questions = try QuestionView.render(named: rows.named("ac.question_ids"), rows.filter, scope, context: embedded, in: database)
            context.releases = try ReleaseView.embedded(scope, context: context, in: database)
        })

    /// The activities of the scope's event `condition` picks, in id order.
    private static func eventActivities(_ scope: EventScope, _ condition: String) -> String {
        "SELECT \(rendering.select(scope)) FROM tito_activities AS ac WHERE ac.event_id = ? AND \(condition) ORDER BY ac.id"
    }

    /// The activities of the scope's event whose ids `named` (a subquery taking `arguments`)
    /// yields, embedded (their questions and releases empty), filed by id.
    static func render(
        named: String, _ arguments: SQLFilter, _ scope: EventScope, context: RenderContext, in database: Database
    ) throws -> RenderedRecords {
        try database.render(
            view, eventActivities(scope, "ac.id IN (\(named))"), arguments: [scope.event.id] + arguments.arguments, context: context,
            keyedBy: "id")
    }

    /// The activities of the scope's event that name any of the releases `rows`, filed under each
    /// release they name (a release's `activities`).
    static func renderByRelease(
        of rows: WrittenRows, _ scope: EventScope, context: RenderContext, in database: Database
    ) throws -> RenderedRecords {
        var records = RenderedRecords()
        let releaseIDs = Activity.table.position(ofColumn: "release_ids")!
        let naming = "EXISTS (SELECT 1 FROM json_each(ac.release_ids) AS named WHERE named.value IN (\(rows.ids("r.id"))))"
        try database.forEachRow(eventActivities(scope, naming), arguments: [scope.event.id] + rows.filter.arguments) { cursor in
            var json = JSONBuilder(capacity: 512)
            try view.write(cursor, context, to: &json)
            for id in cursor.withUTF8(at: releaseIDs, IntegerList.values(in:)) { records.append(json.bytes, for: id) }
        }
        return records
    }
}
