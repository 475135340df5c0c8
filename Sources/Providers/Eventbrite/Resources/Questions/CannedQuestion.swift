import Emulation

/// A default ("canned") question of an event (spec §9.18.2), one row per canned type and event:
/// whether the purchase flow asks it (`include`), and how. Its id is the canned type (`email`,
/// `job_title`). A deleted one is deactivated, not removed, so it stays retrievable.
///
/// `respondent` and `ticket_classes` are the event's survey settings (ticket buyer settings
/// `survey_respondent` and `survey_ticket_classes`): the seed marks both deprecated on the
/// question and points to those settings, so the question reads and writes them there.
struct CannedQuestion: StoredRecord {
    var eventID: Int64 = 0
    var id = ""
    var questionHTML = ""
    var type = "text"
    var required = false
    var include = false
    var editable = true
    /// The html of each choice, for the choice types.
    var choices: [String] = []
    var waiver: String?
    var parentChoiceID: Int64?
    var defaultValue: String?
    /// The catalogue's order, which lists follow.
    var sorting: Int64 = 0

    static let table = RecordTable(
        "eventbrite_canned_questions", of: CannedQuestion.self, primaryKey: ["event_id", "id"],
        constraints: [.references("event_id", "eventbrite_events")])

    /// A canned type as a new event has it: first name, last name and email asked and required
    /// (email not editable), every other type off (§9.18.2).
    static func standard(_ type: CannedType, eventID: Int64) -> CannedQuestion {
        var question = CannedQuestion()
        question.eventID = eventID
        question.id = type.id
        question.questionHTML = MultipartText.html(fromPlain: type.label)
        question.sorting = type.sorting
        if CannedType.askedByDefault.contains(type.id) {
            question.include = true
            question.required = true
        }
        question.editable = type.id != "email"
        return question
    }

    static let presenter = Presenter(
        type: "question",
        view: RecordView(table, [
            .eventResourceURI("canned_questions"),
            .column("id"),
            .multipartText("question", html: "question_html"),
            .column("type"),
            .column("required"),
            .column("include"),
            .column("editable"),
            .derived("choices") { row, _, json in
                let choices = (try? JSONParser.parse(row.string("choices")))?.arrayValue ?? []
                json.array { json in
                    for choice in choices {
                        let html = choice.stringValue ?? ""
                        json.object { json in
                            json.key("answer")
                            EventbriteFormats.writeMultipartText(html: html, to: &json)
                        }
                    }
                }
            },
            .derived("ticket_classes") { row, context, json in
                try QuestionTicketClasses.write(
                    eventID: row.integer("event_id"), ids: row.optionalString("survey_ticket_classes"), in: context.database, to: &json)
            },
            .derived("group_id") { row, _, json in json.string(CannedType.named[row.string("id")]?.group.rawValue) },
            .derived("group_display_header") { row, _, json in
                json.string(CannedType.named[row.string("id")]?.group.header)
            },
            .derived("respondent") { row, _, json in json.string(row.optionalString("survey_respondent") ?? "ticket_buyer") },
            .column("default_value"),
        ]),
        alias: "c",
        joins: "LEFT JOIN eventbrite_ticket_buyer_settings b ON b.event_id = c.event_id",
        extraColumns: ["b.survey_respondent AS survey_respondent", "b.survey_ticket_classes AS survey_ticket_classes"])
}

/// The canned question types Eventbrite offers (spec §8.18, the seed's `canned_type` values), in
/// the order lists show them, with their labels and the group each belongs to. The seed names
/// the groups but not their members; the grouping here is this emulation's.
struct CannedType: Sendable {
    enum Group: String, Sendable {
        case contact = "contact_information"
        case address = "address_information"
        case work = "work_information"
        case personal = "personal_information"

        var header: String {
            switch self {
            case .contact: return "Contact Information"
            case .address: return "Addresses"
            case .work: return "Work Info"
            case .personal: return "Personal Info"
            }
        }
    }

    let id: String
    let label: String
    let group: Group
    let sorting: Int64

    static let askedByDefault: Set<String> = ["first_name", "last_name", "email"]

    static let all: [CannedType] = [
        ("prefix", "Prefix", Group.contact), ("first_name", "First Name", .contact), ("last_name", "Last Name", .contact),
        ("suffix", "Suffix", .contact), ("email", "Email Address", .contact), ("home_phone", "Home Phone", .contact),
        ("cell_phone", "Cell Phone", .contact), ("tax_info", "Tax & Business Info", .work), ("bill", "Billing Address", .address),
        ("cc", "Card Info", .address), ("home", "Home Address", .address), ("ship", "Shipping Address", .address),
        ("job_title", "Job Title", .work), ("company", "Company / Organization", .work), ("work", "Work Address", .work),
        ("work_phone", "Work Phone", .work), ("website", "Website", .contact), ("blog", "Blog", .contact),
        ("sex", "Gender", .personal), ("birth_date", "Birth Date", .personal), ("age", "Age", .personal),
    ].enumerated().map { CannedType(id: $1.0, label: $1.1, group: $1.2, sorting: Int64($0 + 1)) }

    static let named: [String: CannedType] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}
