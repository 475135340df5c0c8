import Emulation

/// A custom question of an event (spec §9.18.1, "Base Question"). A sub-question names its parent
/// question and the choice of it that opens it; deleting a question deletes its sub-questions.
struct CustomQuestion: StoredRecord {
    struct Choice: Codable, Sendable, Equatable {
        var id: Int64 = 0
        var answerHTML = ""
        /// Nil when the choice is not limited.
        var quantityAvailable: Int64?
    }

    var id: Int64 = 0
    var eventID: Int64 = 0
    var questionHTML = ""
    var required = false
    var displayAnswerOnOrder = false
    var type = "text"
    var respondent = "ticket_buyer"
    var waiver: String?
    var choices: [Choice] = []
    var ticketClassIDs: [Int64] = []
    var parentID: Int64?
    var parentChoiceID: Int64?
    var sorting: Int64 = 0

    static let table = RecordTable(
        "eventbrite_custom_questions", of: CustomQuestion.self, constraints: [.references("event_id", "eventbrite_events")],
        indexes: ["event_id, sorting, id", "parent_id"])

    static let types: Set<String> = ["checkbox", "dropdown", "text", "paragraph", "radio", "waiver"]
    /// The types whose answers are picked from choices.
    static let choiceTypes: Set<String> = ["checkbox", "dropdown", "radio"]
    static let respondents: Set<String> = ["ticket_buyer", "attendee"]

    static let presenter = Presenter(
        type: "question",
        view: RecordView(table, [
            .eventResourceURI("questions"),
            .id("id"),
            .multipartText("question", html: "question_html"),
            .column("required"),
            .column("display_answer_on_order"),
            .column("type"),
            .column("respondent"),
            .column("waiver"),
            .derived("choices") { row, context, json in try writeChoices(row, context, to: &json) },
            .derived("ticket_classes") { row, context, json in
                try QuestionTicketClasses.write(
                    eventID: row.integer("event_id"), ids: row.string("ticket_class_ids"), in: context.database, to: &json)
            },
            .id("parent_id"),
            .id("parent_choice_id"),
            .column("sorting"),
        ]),
        alias: "q")

    /// Each choice with what it opens (the ids of the sub-questions whose parent choice it is)
    /// and how many sold tickets' answers picked it.
    private static func writeChoices(_ row: ViewRow, _ context: RenderContext, to json: inout JSONBuilder) throws {
        let choices = (try? JSONParser.parse(row.string("choices")))?.arrayValue ?? []
        var opened: [Int64: [Int64]] = [:]
        var sold: [Int64: Int64] = [:]
        if !choices.isEmpty {
            sold = try QuestionChoices.sales(eventID: row.integer("event_id"), context)
            for sub in try context.database.query(
                "SELECT id, parent_choice_id FROM eventbrite_custom_questions WHERE parent_id = ? ORDER BY sorting, id", row.integer("id"))
            {
                if let choice = sub.int("parent_choice_id"), let id = sub.int("id") { opened[Int64(choice), default: []].append(Int64(id)) }
            }
        }
        json.array { json in
            for choice in choices {
                let id = choice["id"]?.intValue ?? 0
                let html = choice["answer_html"]?.stringValue ?? ""
                let available = choice["quantity_available"] ?? .null
                json.object { json in
                    json.key("answer")
                    EventbriteFormats.writeMultipartText(html: html, to: &json)
                    json.field("quantity_available", available)
                    json.field("quantity_sold", sold[id] ?? 0)
                    // The stock level below which the choice counts as running low; the seed's
                    // example has it equal to the quantity available.
                    json.field("low_stock", available)
                    json.field("id", String(id))
                    json.field("subquestion_ids", elements: (opened[id] ?? []).map { JSONValue.string(String($0)) })
                }
            }
        }
    }
}
