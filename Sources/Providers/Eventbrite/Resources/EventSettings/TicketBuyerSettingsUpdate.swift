import Emulation

/// `POST /events/{event_id}/ticket_buyer_settings/` (spec §8.11): `{"ticket_buyer_settings":
/// {…}}`, partial. Unknown fields are `ARGUMENTS_ERROR … - Unknown parameter` as everywhere;
/// a value that cannot be used (a bad enum, an unknown ticket class, a redirect that is not a
/// URL, a wrong type) is the endpoint's own `400 FIELD_INVALID`. The seed's example also sends
/// `event_id` and each message's `text`: both are accepted and ignored.
enum TicketBuyerSettingsUpdate {
    static let fields: Set<String> = [
        "confirmation_message", "instructions", "sales_ended_message", "survey_info", "refund_request_enabled", "redirect_url",
        "allow_attendee_update", "survey_name", "survey_time_limit", "survey_respondent", "survey_ticket_classes", "event_id",
    ]

    static func update(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            let event = try request.managedEvent(in: database)
            var fields = body.wrapper("ticket_buyer_settings")
            fields.rejectUnknown(allowed: Self.fields)
            // Only unknown fields are argument errors here; so far `fields` has found nothing else.
            var nested: [BodyFields] = []
            for (key, _) in TicketBuyerSettings.messages {
                guard case .object(let object)? = fields.object[key] else { continue }
                var message = BodyFields(prefix: fields.path(key), object: object, strict: fields.strict)
                message.rejectUnknown(allowed: ["html", "text"])
                nested.append(message)
            }
            try fields.check(merging: nested)

            var settings = try database.fetchOne(TicketBuyerSettings.self, where: "event_id = ?", event.id) ?? TicketBuyerSettings()
            settings.eventID = event.id
            var invalid: [String] = []
            for (key, property) in TicketBuyerSettings.messages {
                switch fields.object(key) {
                case .value(var message):
                    // The html, or else the text as html; a message object without either clears it.
                    if case .value(let html) = message.string("html") {
                        settings[keyPath: property] = html
                    } else if case .value(let text) = message.string("text") {
                        settings[keyPath: property] = MultipartText.html(fromPlain: text)
                    } else {
                        settings[keyPath: property] = ""
                    }
                    if !message.errors.isEmpty { invalid.append(fields.path(key)) }
                case .null: settings[keyPath: property] = ""
                case .absent: break
                }
            }
            func flag(_ key: String, _ property: WritableKeyPath<TicketBuyerSettings, Bool>) {
                switch fields.bool(key) {
                case .value(let value): settings[keyPath: property] = value
                case .null: invalid.append(fields.path(key))
                case .absent: break
                }
            }
            flag("refund_request_enabled", \.refundRequestEnabled)
            flag("allow_attendee_update", \.allowAttendeeUpdate)
            switch fields.string("redirect_url") {
            case .value(let url) where url.isEmpty: settings.redirectURL = nil
            case .value(let url) where AbsoluteURL.isValid(url): settings.redirectURL = url
            case .value: invalid.append(fields.path("redirect_url"))
            case .null: settings.redirectURL = nil
            case .absent: break
            }
            switch fields.string("survey_name") {
            case .value(let name): settings.surveyName = name
            case .null: invalid.append(fields.path("survey_name"))
            case .absent: break
            }
            switch fields.integer("survey_time_limit") {
            case .value(let minutes) where minutes > 0 && minutes <= 60 * 24: settings.surveyTimeLimit = minutes
            case .value, .null: invalid.append(fields.path("survey_time_limit"))
            case .absent: break
            }
            // The seed's update structure types it an array of one value; a plain string is what reads show.
            switch fields.list("survey_respondent") {
            case .value(let values):
                if values.count == 1, let value = values[0].stringValue, TicketBuyerSettings.respondents.contains(value) {
                    settings.surveyRespondent = value
                } else {
                    invalid.append(fields.path("survey_respondent"))
                }
            case .null: invalid.append(fields.path("survey_respondent"))
            case .absent: break
            }
            switch fields.list("survey_ticket_classes") {
            case .value(let values):
                let ids = values.compactMap(EventbriteID.parse)
                if ids.count == values.count, try ids.allSatisfy({ try isTicketClass($0, of: event.id, in: database) }) {
                    settings.surveyTicketClasses = ids.map { String($0) }
                } else {
                    invalid.append(fields.path("survey_ticket_classes"))
                }
            case .null: settings.surveyTicketClasses = []
            case .absent: break
            }
            // Type errors the readers found count as invalid values too.
            for entry in fields.errors.fields where !invalid.contains(entry.field) { invalid.append(entry.field) }
            if !invalid.isEmpty {
                throw EventbriteError.rule("FIELD_INVALID", "The following fields are invalid: " + invalid.sorted().joined(separator: ", "))
            }
            try database.insert(settings, onConflict: .replace)
            try Event.touch(event.id, now: request.now, in: database)
            return event.id
        }
        return try EventSettings.respondBuyer(request, eventID: id)
    }

    private static func isTicketClass(_ id: Int64, of eventID: Int64, in database: Database) throws -> Bool {
        try database.queryOne(
            "SELECT 1 FROM eventbrite_ticket_classes WHERE event_id = ? AND id = ? AND NOT is_deleted", eventID, id) != nil
    }
}
