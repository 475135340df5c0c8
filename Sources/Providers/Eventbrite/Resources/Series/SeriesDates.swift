import Emulation

/// The `series_dates` expansion of an event (spec §5.4, §9.5.9): one Event Series Date per
/// occurrence of a series parent that is not deleted, in start order. Other events have none.
enum SeriesDates {
    static let presenter = Presenter(
        type: "event_series_date",
        view: RecordView(Event.table, [
            .id("id"),
            .derived("start") { row, _, json in
                EventbriteFormats.writeDateTimeZone(utc: row.integer("start_utc"), timezone: row.string("start_timezone"), to: &json)
            },
            .derived("end") { row, _, json in
                EventbriteFormats.writeDateTimeZone(utc: row.integer("end_utc"), timezone: row.string("end_timezone"), to: &json)
            },
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
