import Emulation
import TestSupport
import Testing

/// Spec §5.4, §9.13, §9.16 and §10.2: what orders and attendees were asked (`survey`), what they
/// answered (`answers`, `survey_responses`), what their buyers are told (`ticket_buyer_settings`),
/// the answers the mock's order endpoint takes, and the choice counts that follow them.
@Suite struct SurveyAndAnswerTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    static func question(_ id: String, _ label: String, _ type: String, required: Bool) -> JSONValue {
        ["id": .string(id), "label": .string(label), "type": .string(type), "required": .bool(required)]
    }

    static let firstName = question("first_name", "First Name", "text", required: true)
    static let lastName = question("last_name", "Last Name", "text", required: true)
    static let email = question("email", "Email Address", "email", required: true)
    static let jobTitle = question("job_title", "Job Title", "text", required: false)
    static let checkbox = question("642123456", "Custom Question Title", "dropdown", required: true)
    static let textQuestion = question("20090892", "What's your question?", "text", required: false)

    private func choiceSales(_ questionID: String = "642123456") throws -> [JSONValue] {
        let question = try server.eventbrite("GET", "/events/12345/questions/\(questionID)/")
        #expect(question.status == 200)
        return question.json["choices"]?.arrayValue?.map { $0["quantity_sold"] ?? .null } ?? []
    }

    @Test func theBuyerAnswersTheBuyersQuestionsAndEachAttendeeTheirs() throws {
        // Event 12345 asks its buyers the enabled canned questions and the checkbox question (for
        // ticket class 12345), and each attendee the text question.
        let order = try server.eventbrite("GET", "/orders/123409351/?expand=survey,survey_responses,answers")
        #expect(order.status == 200)
        #expect(order.json["survey"] == [Self.firstName, Self.lastName, Self.email, Self.jobTitle, Self.checkbox])
        #expect(order.json["answers"] == [
            ["question_id": "642123456", "attendee_id": "1009831492", "question": "Custom Question Title", "type": "dropdown",
             "answer": "Choice 1 | Choice 2"],
            ["question_id": "20090892", "attendee_id": "1009831492", "question": "What's your question?", "type": "text",
             "answer": "This is my answer"],
        ])
        #expect(order.json["survey_responses"] == ["642123456": "Choice 1 | Choice 2", "20090892": "This is my answer"])
        let attendee = try server.eventbrite("GET", "/events/12345/attendees/1009831492/?expand=survey")
        #expect(attendee.json["survey"] == [Self.textQuestion])
        // Without the expansions, none of it.
        let plain = try server.eventbrite("GET", "/orders/123409351/")
        #expect(plain.json["survey"] == nil && plain.json["answers"] == nil && plain.json["ticket_buyer_settings"] == nil)

        // Asked of each attendee instead, for ticket class 12345 only, the canned questions move
        // to the attendees' surveys.
        let settings = try server.eventbrite("POST", "/events/12345/ticket_buyer_settings/", json: [
            "ticket_buyer_settings": ["survey_respondent": "attendee", "survey_ticket_classes": ["12345"]],
        ])
        #expect(settings.status == 200)
        #expect(try server.eventbrite("GET", "/orders/12345/?expand=survey").json["survey"] == [Self.checkbox])
        #expect(try server.eventbrite("GET", "/events/12345/attendees/12345/?expand=survey").json["survey"]
            == [Self.firstName, Self.lastName, Self.email, Self.jobTitle, Self.textQuestion])
        // A v2 expansion reaches the attendees of an order.
        let nested = try server.eventbrite("GET", "/orders/12345/?expand=attendees&expand.attendee=survey,survey_responses")
        #expect(nested.json["attendees"]?[0]?["survey"]?.arrayValue?.count == 5)
        #expect(nested.json["attendees"]?[0]?["survey_responses"] == ["642123456": "Choice 1"])
    }

    @Test func anOrderWithoutQuestionsForItsTicketsHasAnEmptySurvey() throws {
        // Event 17937020110 asks its buyers the standard three; its attendees nothing.
        let order = try server.eventbrite("GET", "/orders/442719216/?expand=survey,answers,survey_responses")
        #expect(order.json["survey"] == [Self.firstName, Self.lastName, Self.email])
        #expect(order.json["answers"] == [])
        #expect(order.json["survey_responses"] == [:])
        #expect(try server.eventbrite("GET", "/events/17937020110/attendees/1009831500/?expand=survey").json["survey"] == [])
    }

    @Test func ticketBuyerSettingsOfAnOrder() throws {
        let order = try server.eventbrite("GET", "/orders/12345/?expand=ticket_buyer_settings")
        #expect(order.json["ticket_buyer_settings"] == [
            "confirmation_message": ["text": "", "html": ""], "instructions": ["text": "", "html": ""], "event_id": "12345",
            "refund_request_enabled": false, "redirect_url": nil, "ticket_class_confirmation_settings": [],
        ])
        // Event 1234 has the docs' settings; a ticket class message of its own shows per class.
        let message = try server.eventbrite("POST", "/events/1234/ticket_classes/374/", json: [
            "ticket_class": ["order_confirmation_message": "<b>Kids</b> enter by the side gate"],
        ])
        #expect(message.status == 200)
        let placed = try server.placeOrder(event: "1234", ticketClass: "125", extra: [:], line: [:])
        let child = try server.request("POST", "/_understudy/eventbrite/orders", json: [
            "event_id": "1234", "email": "family@example.com", "status": "pending",
            "tickets": [["ticket_class_id": "374", "quantity": 2], ["ticket_class_id": "125", "quantity": 1]],
        ])
        #expect(child.status == 200)
        let family = try #require(child.json["order_id"]?.stringValue)
        let expected: JSONValue = [
            "confirmation_message": ["text": "Confirmation Message", "html": "<H1>Confirmation Message</H1>"],
            "instructions": ["text": "Instructions", "html": "<H1>Instructions</H1>"], "event_id": "1234",
            "refund_request_enabled": true, "redirect_url": nil,
            "ticket_class_confirmation_settings": [
                ["ticket_class_id": "374", "event_id": "1234",
                 "confirmation_message": ["text": "Kids enter by the side gate", "html": "<b>Kids</b> enter by the side gate"]],
            ],
        ]
        // An unpaid (pending) order gets them too.
        #expect(try server.eventbrite("GET", "/orders/\(family)/?expand=ticket_buyer_settings").json["ticket_buyer_settings"] == expected)
        var adultsOnly = expected.objectValue!
        adultsOnly["ticket_class_confirmation_settings"] = []
        #expect(try server.eventbrite("GET", "/orders/\(placed.order)/?expand=ticket_buyer_settings").json["ticket_buyer_settings"]
            == .object(adultsOnly))
        // A started order, and a refunded one, get an empty object.
        let started = try server.request("POST", "/_understudy/eventbrite/orders", json: [
            "event_id": "1234", "email": "late@example.com", "status": "started", "tickets": [["ticket_class_id": "125"]],
        ])
        let startedID = try #require(started.json["order_id"]?.stringValue)
        #expect(try server.eventbrite("GET", "/orders/\(startedID)/?expand=ticket_buyer_settings").json["ticket_buyer_settings"] == [:])
        #expect(try server.request("POST", "/_understudy/eventbrite/orders/\(placed.order)/refund").status == 200)
        #expect(try server.eventbrite("GET", "/orders/\(placed.order)/?expand=ticket_buyer_settings").json["ticket_buyer_settings"] == [:])
        // The attendees of event 1234 answer its canned questions (survey_respondent `attendee`).
        #expect(try server.eventbrite("GET", "/orders/\(family)/?expand=survey").json["survey"] == [])
        #expect(try server.eventbrite("GET", "/events/1234/attendees/\(placed.attendees[0])/?expand=survey").json["survey"]
            == [Self.firstName, Self.lastName, Self.email])
    }

    @Test func answersGivenWithAnOrderAreKeptAndCountedAgainstTheirChoices() throws {
        #expect(try choiceSales() == [2, 1])
        let placed = try server.placeOrder(
            event: "12345", ticketClass: "12345", quantity: 2,
            line: ["answers": ["642123456": ["choice 2"], "20090892": "Vegetarian, please"]])
        #expect(placed.attendees.count == 2)
        let attendee = try server.eventbrite("GET", "/events/12345/attendees/\(placed.attendees[1])/?expand=survey_responses")
        #expect(attendee.json["answers"] == [
            ["question_id": "642123456", "attendee_id": .string(placed.attendees[1]), "question": "Custom Question Title",
             "type": "dropdown", "answer": "Choice 2"],
            ["question_id": "20090892", "attendee_id": .string(placed.attendees[1]), "question": "What's your question?",
             "type": "text", "answer": "Vegetarian, please"],
        ])
        #expect(attendee.json["survey_responses"] == ["642123456": "Choice 2", "20090892": "Vegetarian, please"])
        // Each ticket's answer picked Choice 2.
        #expect(try choiceSales() == [2, 3])
        // The list form, with several choices joined by `|`.
        try server.placeOrder(
            event: "12345", ticketClass: "12345",
            line: ["answers": [["question_id": "642123456", "answer": "Choice 1|Choice 2"]]])
        #expect(try choiceSales() == [3, 4])
        // A refund gives the choices back; an order still being bought does not count yet.
        #expect(try server.request("POST", "/_understudy/eventbrite/orders/\(placed.order)/refund").status == 200)
        #expect(try choiceSales() == [3, 2])
        try server.placeOrder(
            event: "12345", ticketClass: "12345", extra: ["status": "started"], line: ["answers": ["642123456": "Choice 1"]])
        #expect(try choiceSales() == [3, 2])
    }

    @Test func answersMustFitTheQuestions() throws {
        let created = try server.eventbrite("POST", "/events/12345/questions/", json: [
            "question": [
                "question": ["html": "Seat side"], "type": "radio", "respondent": "attendee",
                "choices": [["answer": ["html": "Left"], "quantity_available": 1], ["answer": ["html": "Right"]]],
            ],
        ])
        #expect(created.status == 200)
        let radio = try #require(created.json["id"]?.stringValue)
        func order(_ answers: JSONValue, quantity: Int64 = 1, ticketClass: String = "12345") throws -> TestResponse {
            try server.request("POST", "/_understudy/eventbrite/orders", json: [
                "event_id": "12345", "email": "a@example.com",
                "tickets": [["ticket_class_id": .string(ticketClass), "quantity": .int(quantity), "answers": answers]],
            ])
        }
        let invalid = Bodies.arguments(["tickets.answers": "INVALID"])
        // Not a question of the event; not a choice; two choices of a radio question; a choice
        // question answered with a number; the same question twice; a key beyond the two.
        #expect(try order(["999": "x"]).json == invalid)
        #expect(try order(["642123456": "Choice 3"]).json == invalid)
        #expect(try order([radio: ["Left", "Right"]]).json == invalid)
        #expect(try order(["642123456": 1]).json == invalid)
        #expect(try order([["question_id": "20090892", "answer": "a"], ["question_id": "20090892", "answer": "b"]]).json == invalid)
        #expect(try order([["question_id": "20090892", "answer": "a", "type": "text"]]).json == invalid)
        #expect(try order("yes").json == invalid)
        // The checkbox question is asked for ticket class 12345 only, not the hidden 12350.
        #expect(try order(["642123456": "Choice 1"], ticketClass: "12350").json == invalid)
        // One "Left" is left: two tickets cannot both take it, one can, and then none.
        #expect(try order([radio: "left"], quantity: 2).json == invalid)
        let first = try order([radio: "Left"])
        #expect(first.status == 200)
        #expect(try order([radio: "Left"]).json == invalid)
        #expect(try order([radio: "Right"]).status == 200)
        let question = try server.eventbrite("GET", "/events/12345/questions/\(radio)/")
        #expect(question.json["choices"]?.arrayValue?.map { $0["quantity_sold"] } == [1, 1])
        // Nothing was placed by the refused orders.
        #expect(try server.eventbrite("GET", "/events/12345/orders/").json["pagination"]?["object_count"] == 4)
    }

    @Test func aCopiedEventsChoicesStartUnsold() throws {
        let copy = try server.eventbrite("POST", "/events/12345/copy/", json: [:])
        let id = try #require(copy.json["id"]?.stringValue)
        let questions = try server.eventbrite("GET", "/events/\(id)/questions/")
        let choices = questions.json["questions"]?[0]?["choices"]?.arrayValue ?? []
        #expect(choices.count == 2)
        #expect(choices.map { $0["quantity_sold"] } == [0, 0])
    }
}
