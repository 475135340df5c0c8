import Emulation

/// The `series_dates` expansion of an event (spec §5.4, §9.5.9): one Event Series Date per
/// occurrence of a series parent that is not deleted, in start order. Other events have none.
enum SeriesDates {
    static let presenter = Presenter(
        type: "event_series_date",
        view: RecordView(Event.table, [
            .id("id"),
            Event.dateTimeZone("start"),
            Event.dateTimeZone("end"),
            .column("url"),
            .derived("status") { row, context, json in json.string(Event.displayedStatus(row, now: context.now)) },
            .column("locale"),
        ]),
        alias: "e")

    /// The expansion `EventExpansions` lists.
    static let reference = ExpansionReference(
        "series_dates", by: "series_id", orderBy: "e.start_utc, e.id", where: { _ in SQLFilter("NOT e.is_deleted") },
        when: { row in row.bool("is_series_parent") }
    ) { presenter }
}
