import Emulation

/// The metadata keys `extendMetadata=true` appends to applications and participants (spec §8.1),
/// read from the current event, race, start, group and partner on every read (§8.3): the
/// entry's query joins them, and the view writes them from those columns.
enum EntryMetadata {
    /// Added to the FROM clause of a query on `letsdothis_entries AS item`. A race counts only in
    /// its own event, and its start only in the entry's occurrence.
    static let joins = """
        LEFT JOIN letsdothis_events AS meta_event ON meta_event.id = item.event_id
        LEFT JOIN letsdothis_races AS meta_race ON meta_race.id = item.race_id AND meta_race.event_id = meta_event.id
        LEFT JOIN letsdothis_race_starts AS meta_start
            ON meta_start.race_id = meta_race.id AND meta_start.event_occurrence_id = item.event_occurrence_id
        LEFT JOIN letsdothis_reserved_entry_groups AS meta_group ON meta_group.id = item.reserved_entry_group_code
        LEFT JOIN letsdothis_partners AS meta_partner ON meta_partner.id = meta_group.partner_id
        """

    /// The joined columns, selected after the entry's, in this order (the views' `computed` columns).
    private static let selected: [(name: String, expression: String)] = [
        ("event_name", "meta_event.name"), ("race_name", "meta_race.name"), ("race_start_date", "meta_start.start_date"),
        ("sport_id", "meta_race.sport_id"), ("distance_id", "meta_race.distance_id"), ("distances", "meta_race.distances"),
        ("discipline_label", "meta_race.discipline_label"), ("course", "meta_race.course"), ("event_location", "meta_event.location"),
        ("competitor_size", "meta_race.competitor_size"), ("group_id", "meta_group.id"), ("group_name", "meta_group.name"),
        ("partner_name", "meta_partner.name"), ("partner_external_ids", "meta_partner.external_ids"),
    ].map { ("meta_" + $0.0, $0.1) }

    static let names = selected.map(\.name)
    static let columns = selected.map { "\($0.expression) AS \($0.name)" }.joined(separator: ", ")

    /// The members: the ten race members always, with empty values when the event or race is
    /// gone; the four `reservedEntry*` members only for an entry booked through a group, and the
    /// group's and partner's only while they exist.
    static let members: [RecordView<Void>.Member] = [
        .column("meta_event_name", as: "eventName"),
        .column("meta_race_name", as: "raceName"),
        .column("meta_race_start_date", as: "raceStartDate", format: .utcTimestamp()),
        .column("meta_sport_id", as: "sportId"),
        .column("meta_distance_id", as: "distanceId"),
        .column("meta_distances", as: "distances", format: ColumnFormat.rawJSON.orWhenNull([])),
        .column("meta_discipline_label", as: "disciplineLabel"),
        .column("meta_course", as: "course", format: ColumnFormat.rawJSON.orWhenNull([:])),
        .column("meta_event_location", as: "eventLocation", format: ColumnFormat.rawJSON.orWhenNull([:])),
        .column("meta_competitor_size", as: "competitorSize", format: ColumnFormat.number.orWhenNull(0)),
        .column("reserved_entry_group_code", spelled: .camelCase).whenNotNull("reserved_entry_group_code"),
        .column("meta_group_name", as: "reservedEntryGroupName").whenNotNull("meta_group_id"),
        .column("meta_partner_external_ids", as: "reservedEntryPartnerExternalIds", format: .rawJSON).whenNotNull("meta_partner_name"),
        .column("meta_partner_name", as: "reservedEntryPartnerName").whenNotNull("meta_partner_name"),
    ]
}
