import Emulation

/// What an event's listing page shows (spec §9.15), one row per event. `show_remaining` is the
/// event's own `show_remaining` (one setting, seen from both places), so it is read from and
/// written to the event rather than kept twice.
struct DisplaySettings: StoredRecord {
    var eventID: Int64 = 0
    var showStartDate = true
    var showEndDate = true
    var showStartEndTime = true
    var showTimezone = true
    var showMap = true
    var showOrganizerFacebook = false
    var showOrganizerTwitter = false
    var showFacebookFriendsGoing = false
    var terminology = "tickets_vertical"

    static let table = RecordTable(
        "eventbrite_display_settings", of: DisplaySettings.self, primaryKey: ["event_id"],
        constraints: [.references("event_id", "eventbrite_events")])

    static let terminologies: Set<String> = ["tickets_vertical", "endurance_vertical"]

    /// The flags a body may set, by key, besides `show_remaining` (the event's) and `terminology`.
    static var flags: [(key: String, property: WritableKeyPath<DisplaySettings, Bool>)] {
        [
            ("show_start_date", \.showStartDate), ("show_end_date", \.showEndDate), ("show_start_end_time", \.showStartEndTime),
            ("show_timezone", \.showTimezone), ("show_map", \.showMap), ("show_organizer_facebook", \.showOrganizerFacebook),
            ("show_organizer_twitter", \.showOrganizerTwitter), ("show_facebook_friends_going", \.showFacebookFriendsGoing),
        ]
    }

    /// The seed's key order.
    static let presenter = Presenter(
        type: "display_settings",
        view: RecordView(table, [
            .column("show_start_date"),
            .column("show_end_date"),
            .column("show_start_end_time"),
            .column("show_timezone"),
            .column("show_map"),
            .derived("show_remaining") { row, _, json in json.bool(row.bool("event_show_remaining")) },
            .column("show_organizer_facebook"),
            .column("show_organizer_twitter"),
            .column("show_facebook_friends_going"),
            .column("terminology"),
        ]),
        alias: "d", joins: "JOIN eventbrite_events e ON e.id = d.event_id", extraColumns: ["e.show_remaining AS event_show_remaining"])
}
