import Emulation

/// What an event's ticket buyers are told and asked (spec §9.16), one row per event. Messages are
/// kept as html; their `text` is derived when written (§10.4).
struct TicketBuyerSettings: StoredRecord {
    var eventID: Int64 = 0
    var confirmationMessageHTML = ""
    var instructionsHTML = ""
    var salesEndedMessageHTML = ""
    var surveyInfoHTML = ""
    var refundRequestEnabled = false
    /// When set, buyers go there after purchase instead of seeing the confirmation message.
    var redirectURL: String?
    var allowAttendeeUpdate = true
    var surveyName = "Registration Page"
    /// Minutes.
    var surveyTimeLimit: Int64 = 15
    var surveyRespondent = "ticket_buyer"
    /// Ticket class ids of the event.
    var surveyTicketClasses: [String] = []

    static let table = RecordTable(
        "eventbrite_ticket_buyer_settings", of: TicketBuyerSettings.self, primaryKey: ["event_id"],
        constraints: [.references("event_id", "eventbrite_events")])

    static let respondents: Set<String> = ["ticket_buyer", "attendee"]

    /// The messages a body may set, by key.
    static var messages: [(key: String, property: WritableKeyPath<TicketBuyerSettings, String>)] {
        [
            ("confirmation_message", \.confirmationMessageHTML), ("instructions", \.instructionsHTML),
            ("sales_ended_message", \.salesEndedMessageHTML), ("survey_info", \.surveyInfoHTML),
        ]
    }

    private static func message(_ column: String) -> RecordView<RenderContext>.Member {
        .multipartText(String(column.dropLast("_html".count)), html: column)
    }

    /// The key order of the seed's example.
    static let presenter = Presenter(
        type: "ticket_buyer_settings",
        view: RecordView(table, [
            message("confirmation_message_html"),
            message("instructions_html"),
            message("sales_ended_message_html"),
            message("survey_info_html"),
            .id("event_id"),
            .column("survey_name"),
            .column("refund_request_enabled"),
            .column("allow_attendee_update"),
            .column("survey_time_limit"),
            .column("redirect_url"),
            .column("survey_respondent"),
            .column("survey_ticket_classes"),
        ]),
        alias: "b")
}
