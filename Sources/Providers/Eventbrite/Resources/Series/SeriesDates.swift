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

    /// The member `EventExpansions` lists.
    static let expansion = RecordView<RenderContext>.Member.expansion("series_dates") { row, context, json in
        try json.array { json in
            guard row.bool("is_series_parent") else { return }
            try presenter.writeAll(
                where: "e.series_id = ? AND NOT e.is_deleted", [row.integer("id")], orderBy: "e.start_utc, e.id", context: context,
                to: &json)
        }
    }
}
