import Emulation

/// A question as the `survey` expansions of orders and attendees show it (spec §5.4; the seed's
/// "Order Questions" and "Attendee Questions" fields): `{"id", "label", "type", "required"}`,
/// `type` one of `text`, `url`, `email`, `date`, `number`, `address` or `dropdown`.
///
/// An event asks its enabled canned questions and its custom questions. Who answers a question
/// and for which tickets decides where it shows: a question for the `ticket_buyer` is in the
/// survey of every order holding one of its ticket classes, one for the `attendee` in the
/// survey of every attendee of one of them (no ticket classes: all of them). Canned questions
/// follow the event's ticket buyer settings (`survey_respondent`, `survey_ticket_classes`),
/// as `CannedQuestion` shows them.
struct SurveyQuestion: Sendable {
    let id: String
    let label: String
    let type: String
    let required: Bool
    let respondent: String
    /// The ticket classes it is asked for; empty: every one.
    let ticketClassIDs: [Int64]

    func isAsked(for ticketClassID: Int64) -> Bool { ticketClassIDs.isEmpty || ticketClassIDs.contains(ticketClassID) }

    func write(to json: inout JSONBuilder) {
        json.object { json in
            json.field("id", id)
            json.field("label", label)
            json.field("type", type)
            json.field("required", required)
        }
    }

    // MARK: The questions of an event

    /// Every question the event asks, enabled canned ones first in the catalogue's order, then
    /// the custom ones in `sorting` order.
    static func all(eventID: Int64, in database: Database) throws -> [SurveyQuestion] {
        let settings = try database.fetchOne(TicketBuyerSettings.self, where: "event_id = ?", eventID) ?? TicketBuyerSettings()
        let surveyTicketClasses = settings.surveyTicketClasses.compactMap { EventbriteID.parse($0) }
        let canned = try database.fetchAll(CannedQuestion.self, where: "event_id = ? AND include", orderBy: "sorting", eventID).map {
            SurveyQuestion(
                id: $0.id, label: MultipartText.text(fromHTML: $0.questionHTML), type: answerType(canned: $0.id, type: $0.type),
                required: $0.required, respondent: settings.surveyRespondent, ticketClassIDs: surveyTicketClasses)
        }
        let custom = try database.fetchAll(CustomQuestion.self, where: "event_id = ?", orderBy: "sorting, id", eventID).map {
            SurveyQuestion(
                id: String($0.id), label: MultipartText.text(fromHTML: $0.questionHTML), type: answerType(custom: $0.type),
                required: $0.required, respondent: $0.respondent, ticketClassIDs: $0.ticketClassIDs)
        }
        return canned + custom
    }

    /// The event's questions, worked out once per response.
    static func of(_ eventID: Int64, _ context: RenderContext) throws -> [SurveyQuestion] {
        try context.memo.value("survey:\(eventID)") { try all(eventID: eventID, in: context.database) }
    }

    /// The answer type of a custom question's type. The seed's list has no checkbox, radio,
    /// paragraph or waiver: answers picked from choices are `dropdown`, written ones `text`
    /// (this emulation's mapping).
    static func answerType(custom type: String) -> String {
        CustomQuestion.choiceTypes.contains(type) ? "dropdown" : "text"
    }

    /// A canned question's answer type follows what it asks for; the rest as for custom ones.
    private static func answerType(canned id: String, type: String) -> String {
        switch id {
        case "email": return "email"
        case "website", "blog": return "url"
        case "birth_date": return "date"
        case "age": return "number"
        case "home", "ship", "work", "bill": return "address"
        default: return answerType(custom: type)
        }
    }

    // MARK: Surveys

    /// An order's `survey`: the buyer's questions for any of the ticket classes it holds.
    static func writeSurvey(ofOrder orderID: Int64, eventID: Int64, _ context: RenderContext, to json: inout JSONBuilder) throws {
        let questions = try of(eventID, context).filter { $0.respondent == "ticket_buyer" }
        var ticketClasses: [Int64] = []
        if !questions.isEmpty {
            for row in try context.database.query(
                "SELECT DISTINCT ticket_class_id FROM eventbrite_attendees WHERE order_id = ?", orderID)
            {
                if let id = row.int("ticket_class_id") { ticketClasses.append(Int64(id)) }
            }
        }
        json.array { json in
            for question in questions where ticketClasses.contains(where: question.isAsked(for:)) { question.write(to: &json) }
        }
    }

    /// An attendee's `survey`: the questions each attendee of its ticket class answers.
    static func writeSurvey(
        ofAttendeeWith ticketClassID: Int64, eventID: Int64, _ context: RenderContext, to json: inout JSONBuilder
    ) throws {
        let questions = try of(eventID, context)
        json.array { json in
            for question in questions where question.respondent == "attendee" && question.isAsked(for: ticketClassID) {
                question.write(to: &json)
            }
        }
    }
}
