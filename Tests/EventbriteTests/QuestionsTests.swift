import Emulation
import TestSupport
import Testing

/// Spec §8.18: default (canned) and custom questions.
@Suite struct QuestionsTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    static let eventNotFound = Bodies.error(404, "NOT_FOUND", "The event you requested does not exist")
    static let questionNotFound = Bodies.error(404, "NOT_FOUND", "The question you requested does not exist")

    // MARK: Canned

    @Test func theDefaultQuestionsOfAnEvent() throws {
        let list = try server.eventbrite("GET", "/events/12345/canned_questions/")
        #expect(list.ids("questions") == ["first_name", "last_name", "email", "job_title"])
        #expect(list.json["questions"]?.arrayValue?.last == [
            "resource_uri": "https://www.eventbriteapi.com/v3/events/12345/canned_questions/job_title/", "id": "job_title",
            "question": ["text": "Job Title", "html": "Job Title"], "type": "text", "required": false, "include": true,
            "editable": true, "choices": [], "ticket_classes": [], "group_id": "work_information",
            "group_display_header": "Work Info", "respondent": "ticket_buyer", "default_value": nil,
        ])
        // Every type with include_all, paged like any list.
        let all = try server.eventbrite("GET", "/events/12345/canned_questions/?include_all=true")
        #expect(all.pagination["object_count"] == 21)
        let walked = try server.walkContinuations("/events/12345/canned_questions/?include_all=1&page_size=5", key: "questions")
        #expect(walked.pages == 5)
        #expect(walked.items.compactMap { $0["id"]?.stringValue } == all.ids("questions"))
        #expect(try server.eventbrite("GET", "/events/12345/canned_questions/?include_all=sometimes").json == Bodies.arguments([
            "include_all": "INVALID"
        ]))
        // Public events' questions are anyone's to read.
        #expect(try server.eventbrite("GET", "/events/12345/canned_questions/", token: Seed.otherUserToken).status == 200)
        #expect(try server.eventbrite("GET", "/events/\(Seed.janesDraft)/canned_questions/").json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/events/42/canned_questions/").json == Self.eventNotFound)
    }

    @Test func oneDefaultQuestionOnTheSingularPathAndItsAlias() throws {
        let email = try server.eventbrite("GET", "/event/12345/canned_questions/email")
        #expect(email.status == 200)
        #expect(email.json["question"]?["id"] == "email")
        #expect(email.json["question"]?["editable"] == false)
        #expect(email.json["question"]?["group_id"] == "contact_information")
        #expect(try server.eventbrite("GET", "/event/12345/canned_questions/email/").json == email.json)
        #expect(try server.eventbrite("GET", "/events/12345/canned_questions/email/").json == email.json)
        #expect(try server.eventbrite("GET", "/events/12345/canned_questions/email").status == 301)
        #expect(try server.eventbrite("GET", "/event/42/canned_questions/email").json == Self.eventNotFound)
        #expect(try server.eventbrite("GET", "/event/12345/canned_questions/shoe_size").json == Self.questionNotFound)
    }

    @Test func enablingChangingAndDeactivatingADefaultQuestion() throws {
        let created = try server.eventbrite("POST", "/events/12345/canned_questions/", json: [
            "question": ["canned_type": "company", "required": true, "question": ["html": "Your company"]]
        ])
        #expect(created.status == 200)
        #expect(created.json["id"] == "company")
        #expect(created.json["include"] == true)
        #expect(created.json["required"] == true)
        #expect(created.json["question"] == ["text": "Your company", "html": "Your company"])
        #expect(try server.eventbrite("GET", "/events/12345/canned_questions/").ids("questions").contains("company"))
        // Enabling it again is not allowed.
        #expect(try server.eventbrite("POST", "/events/12345/canned_questions/", json: ["question": ["canned_type": "company"]]).json
            == Bodies.error(400, "NOT_ALLOWED", "The company question is already enabled for this event."))
        // Update: wrapped answer; the respondent is the event's survey respondent.
        let updated = try server.eventbrite(
            "POST", "/event/12345/canned_questions/company", json: ["question": ["required": false, "respondent": "attendee"]])
        #expect(updated.json["question"]?["required"] == false)
        #expect(updated.json["question"]?["respondent"] == "attendee")
        #expect(try server.eventbrite("GET", "/events/12345/ticket_buyer_settings/").json["survey_respondent"] == "attendee")
        // Delete deactivates; the question stays retrievable.
        #expect(try server.eventbrite("DELETE", "/event/12345/canned_questions/company").json == ["deleted": true])
        #expect(try server.eventbrite("GET", "/event/12345/canned_questions/company").json["question"]?["include"] == false)
        #expect(try !server.eventbrite("GET", "/events/12345/canned_questions/").ids("questions").contains("company"))
        #expect(try server.eventbrite("DELETE", "/events/12345/canned_questions/job_title/").json == ["deleted": true])
    }

    @Test func defaultQuestionRules() throws {
        // The seed's own example of an unknown field.
        #expect(try server.eventbrite("POST", "/event/12345/canned_questions/email", json: ["question": ["require3d": true]]).json
            == Bodies.arguments(["question.require3d": "Unknown parameter"]))
        #expect(try server.eventbrite("POST", "/events/12345/canned_questions/", json: ["question": [:]]).json
            == Bodies.arguments(["question.canned_type": "MISSING"]))
        #expect(try server.eventbrite("POST", "/events/12345/canned_questions/", json: [
            "question": ["canned_type": "shoe_size", "type": "essay", "ticket_classes": [["id": "999"]]]
        ]).json == Bodies.arguments([
            "question.canned_type": "INVALID", "question.type": "INVALID", "question.ticket_classes": "INVALID",
        ]))
        // Email is always asked, and always required.
        #expect(try server.eventbrite("DELETE", "/event/12345/canned_questions/email").json
            == Bodies.error(400, "NOT_ALLOWED", "The email question cannot be deactivated."))
        #expect(try server.eventbrite("POST", "/event/12345/canned_questions/email", json: ["question": ["required": false]]).json
            == Bodies.error(400, "NOT_ALLOWED", "The email question must stay required."))
        #expect(try server.eventbrite("GET", "/event/12345/canned_questions/email").json["question"]?["required"] == true)
        #expect(try server.eventbrite("POST", "/event/12345/canned_questions/email", token: Seed.otherUserToken, json: [:]).json
            == Bodies.notAuthorized)
        #expect(try server.eventbrite("DELETE", "/event/12345/canned_questions/shoe_size").json == Self.questionNotFound)
    }

    // MARK: Custom

    @Test func theCustomQuestionsOfTheDocs() throws {
        let question = try server.eventbrite("GET", "/events/12345/questions/642123456/")
        #expect(question.json == [
            "resource_uri": "https://www.eventbriteapi.com/v3/events/12345/questions/642123456/", "id": "642123456",
            "question": ["text": "Custom Question Title", "html": "Custom Question Title"], "required": true,
            "display_answer_on_order": true, "type": "checkbox", "respondent": "ticket_buyer", "waiver": nil,
            "choices": [
                [
                    // Both seeded attendees of event 12345 picked it; one picked Choice 2 as well.
                    "answer": ["text": "Choice 1", "html": "Choice 1"], "quantity_available": 250, "quantity_sold": 2,
                    "low_stock": 250, "id": "123456", "subquestion_ids": [],
                ],
                [
                    "answer": ["text": "Choice 2", "html": "Choice 2"], "quantity_available": 250, "quantity_sold": 1,
                    "low_stock": 250, "id": "123457", "subquestion_ids": [],
                ],
            ],
            "ticket_classes": [["id": "12345", "name": "General Admission"]], "parent_id": nil, "parent_choice_id": nil,
            "sorting": 1,
        ])
        let list = try server.eventbrite("GET", "/events/12345/questions/?as_owner=true")
        #expect(list.ids("questions") == ["642123456", "20090892"])
        #expect(list.json["questions"]?.arrayValue?.last?["question"] == ["text": "What's your question?", "html": "What&#39;s your question?"])
        #expect(try server.eventbrite("GET", "/events/12345/questions/?as_owner=no").json == Bodies.arguments(["as_owner": "INVALID"]))
        #expect(try server.eventbrite("GET", "/events/12345/questions/1/").json == Self.questionNotFound)
        #expect(try server.eventbrite("GET", "/events/1234/questions/642123456/").json == Self.questionNotFound)
        #expect(try server.eventbrite("GET", "/events/42/questions/").json == Self.eventNotFound)
    }

    @Test func creatingAndDeletingCustomQuestions() throws {
        let created = try server.eventbrite("POST", "/events/12345/questions/", json: [
            "question": [
                "question": ["html": "T-shirt size?"], "type": "dropdown", "respondent": "attendee", "required": true,
                "choices": [["answer": ["html": "S"]], ["answer": ["html": "M"], "quantity_available": 10]],
                "parent_choice_id": "123456",
            ]
        ])
        #expect(created.status == 200)
        let id = try #require(created.json["id"]?.stringValue)
        #expect(id == "800000000001")
        #expect(created.json["sorting"] == 3)
        #expect(created.json["parent_id"] == "642123456")
        #expect(created.json["parent_choice_id"] == "123456")
        #expect(created.json["choices"]?.arrayValue?.map { $0["id"] } == ["800000000002", "800000000003"])
        #expect(created.json["choices"]?.arrayValue?.last?["quantity_available"] == 10)
        #expect(try server.eventbrite("GET", "/events/12345/questions/\(id)/").json == created.json)
        // The parent's choice now opens it.
        let parent = try server.eventbrite("GET", "/events/12345/questions/642123456/")
        #expect(parent.json["choices"]?.arrayValue?.first?["subquestion_ids"] == [.string(id)])
        #expect(try server.eventbrite("GET", "/events/12345/questions/").ids("questions") == ["642123456", "20090892", id])
        // Deleting the parent deletes its sub-question too.
        #expect(try server.eventbrite("DELETE", "/events/12345/questions/642123456/").json == ["deleted": true])
        #expect(try server.eventbrite("GET", "/events/12345/questions/642123456/").json == Self.questionNotFound)
        #expect(try server.eventbrite("GET", "/events/12345/questions/\(id)/").json == Self.questionNotFound)
        #expect(try server.eventbrite("GET", "/events/12345/questions/").ids("questions") == ["20090892"])
        #expect(try server.eventbrite("DELETE", "/events/12345/questions/642123456/").json == Self.questionNotFound)
    }

    @Test func customQuestionArgumentErrors() throws {
        #expect(try server.eventbrite("POST", "/events/12345/questions/", json: ["question": ["type": "radio"]]).json == Bodies.arguments([
            "question.question.html": "MISSING", "question.respondent": "MISSING", "question.choices": "MISSING",
        ]))
        #expect(try server.eventbrite("POST", "/events/12345/questions/", json: [
            "question": [
                "question": ["html": "Sign"], "type": "waiver", "respondent": "buyer", "parent_id": "1", "colour": "red",
            ]
        ]).json == Bodies.arguments([
            "question.colour": "Unknown parameter", "question.respondent": "INVALID", "question.waiver": "MISSING",
            "question.parent_id": "INVALID",
        ]))
        #expect(try server.eventbrite("POST", "/events/12345/questions/", json: [
            "question": ["question": ["html": "Pick"], "type": "radio", "respondent": "attendee", "choices": [["answer": [:]]]]
        ]).json == Bodies.arguments(["question.choices": "INVALID"]))
        // Reading another's public event's questions is allowed; changing them is not.
        #expect(try server.eventbrite("GET", "/events/12345/questions/", token: Seed.otherUserToken).status == 200)
        #expect(try server.eventbrite("POST", "/events/12345/questions/", token: Seed.otherUserToken, json: [:]).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("DELETE", "/events/12345/questions/20090892/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func copiesTakeTheQuestionsWithNewIDs() throws {
        let copy = try server.eventbrite("POST", "/events/12345/copy/", json: [:])
        let copyID = try #require(copy.json["id"]?.stringValue)
        let questions = try server.eventbrite("GET", "/events/\(copyID)/questions/").json["questions"]?.arrayValue ?? []
        #expect(questions.count == 2)
        #expect(questions.map { $0["question"]?["text"] } == ["Custom Question Title", "What's your question?"])
        #expect(!questions.contains { $0["id"] == "642123456" })
        #expect(try server.eventbrite("GET", "/events/\(copyID)/canned_questions/").ids("questions") == [
            "first_name", "last_name", "email", "job_title",
        ])
    }
}
