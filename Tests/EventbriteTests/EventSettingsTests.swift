import Emulation
import TestSupport
import Testing

/// Spec §8.10 (display settings) and §8.11 (ticket buyer settings).
@Suite struct EventSettingsTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    static let defaultDisplay: JSONValue = [
        "show_start_date": true, "show_end_date": true, "show_start_end_time": true, "show_timezone": true, "show_map": true,
        "show_remaining": false, "show_organizer_facebook": false, "show_organizer_twitter": false,
        "show_facebook_friends_going": false, "terminology": "tickets_vertical",
    ]

    @Test func displaySettingsStartAsTheDefaultsAndChangeField() throws {
        #expect(try server.eventbrite("GET", "/events/12345/display_settings/").json == Self.defaultDisplay)
        let updated = try server.eventbrite(
            "POST", "/events/12345/display_settings/",
            json: ["display_settings": ["show_map": false, "terminology": "endurance_vertical", "show_remaining": "true"]])
        #expect(updated.status == 200)
        #expect(updated.header("Eventbrite-API-Waypoint-Token") != nil)
        #expect(updated.json["show_map"] == false)
        #expect(updated.json["show_start_date"] == true)
        #expect(updated.json["terminology"] == "endurance_vertical")
        #expect(try server.eventbrite("GET", "/events/12345/display_settings/").json == updated.json)
        // show_remaining is the event's own setting.
        #expect(try server.eventbrite("GET", "/events/12345/").json["show_remaining"] == true)
        #expect(try server.eventbrite("POST", "/events/12345/", json: ["event": ["show_remaining": false]]).status == 200)
        #expect(try server.eventbrite("GET", "/events/12345/display_settings/").json["show_remaining"] == false)
    }

    @Test func displaySettingsErrors() throws {
        #expect(try server.eventbrite(
            "POST", "/events/12345/display_settings/",
            json: ["display_settings": ["terminology": "sports", "show_map": "maybe", "show_weather": true]]
        ).json == Bodies.arguments([
            "display_settings.show_weather": "Unknown parameter", "display_settings.show_map": "INVALID",
            "display_settings.terminology": "INVALID",
        ]))
        #expect(try server.eventbrite("GET", "/events/12345/display_settings/").json == Self.defaultDisplay)
        #expect(try server.eventbrite("GET", "/events/42/display_settings/").json == Bodies.notFound("event"))
        // Settings are the organization's: even a public event's are not another user's to read.
        #expect(try server.eventbrite("GET", "/events/\(Seed.publicEvent)/display_settings/").json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/events/12345/display_settings/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/events/12345/display_settings").status == 301)
    }

    @Test func ticketBuyerSettingsOfTheSeedsExample() throws {
        #expect(try server.eventbrite("GET", "/events/1234/ticket_buyer_settings/").json == [
            "confirmation_message": ["text": "Confirmation Message", "html": "<H1>Confirmation Message</H1>"],
            "instructions": ["text": "Instructions", "html": "<H1>Instructions</H1>"],
            "sales_ended_message": ["text": "Sales Ended Message", "html": "<H1>Sales Ended Message</H1>"],
            "survey_info": [
                "text": "Filling in this survey is required to attend the event",
                "html": "<b>Filling in this survey is required to attend the event</b>",
            ],
            "event_id": "1234", "survey_name": "Registration Page Title", "refund_request_enabled": true,
            "allow_attendee_update": true, "survey_time_limit": 15, "redirect_url": nil, "survey_respondent": "attendee",
            "survey_ticket_classes": ["125", "374"],
        ])
        let defaults = try server.eventbrite("GET", "/events/12345/ticket_buyer_settings/").json
        #expect(defaults["confirmation_message"] == ["text": "", "html": ""])
        #expect(defaults["survey_name"] == "Registration Page")
        #expect(defaults["survey_respondent"] == "ticket_buyer")
        #expect(defaults["refund_request_enabled"] == false)
    }

    @Test func updatingTicketBuyerSettings() throws {
        // The seed's example body, with its `text`s and `event_id`, is accepted.
        let response = try server.eventbrite("POST", "/events/12345/ticket_buyer_settings/", json: [
            "ticket_buyer_settings": [
                "confirmation_message": ["text": "ignored", "html": "<p>Thanks &amp; see you</p>"],
                "event_id": "43253626762", "refund_request_enabled": true, "survey_time_limit": "20",
                "survey_respondent": "attendee", "survey_ticket_classes": ["12345"], "redirect_url": "https://example.com/after",
            ]
        ])
        #expect(response.status == 200)
        #expect(response.json["confirmation_message"] == ["text": "Thanks & see you", "html": "<p>Thanks &amp; see you</p>"])
        #expect(response.json["event_id"] == "12345")
        #expect(response.json["survey_time_limit"] == 20)
        #expect(response.json["survey_ticket_classes"] == ["12345"])
        #expect(response.json["redirect_url"] == "https://example.com/after")
        #expect(response.json["instructions"] == ["text": "", "html": ""])
        #expect(try server.eventbrite("GET", "/events/12345/ticket_buyer_settings/").json == response.json)
        // null clears the redirect.
        let cleared = try server.eventbrite(
            "POST", "/events/12345/ticket_buyer_settings/", json: ["ticket_buyer_settings": ["redirect_url": nil]])
        #expect(cleared.json["redirect_url"] == .null)
        #expect(cleared.json["survey_respondent"] == "attendee")
    }

    @Test func ticketBuyerSettingsRefuseBadValues() throws {
        let invalid = try server.eventbrite("POST", "/events/12345/ticket_buyer_settings/", json: [
            "ticket_buyer_settings": [
                "survey_respondent": "everyone", "survey_ticket_classes": ["99999"], "redirect_url": "not a url",
                "allow_attendee_update": "perhaps",
            ]
        ])
        #expect(invalid.json == Bodies.error(
            400, "FIELD_INVALID",
            "The following fields are invalid: ticket_buyer_settings.allow_attendee_update, ticket_buyer_settings.redirect_url, ticket_buyer_settings.survey_respondent, ticket_buyer_settings.survey_ticket_classes"
        ))
        #expect(try server.eventbrite(
            "POST", "/events/12345/ticket_buyer_settings/", json: ["ticket_buyer_settings": ["surveyname": "x"]]
        ).json == Bodies.arguments(["ticket_buyer_settings.surveyname": "Unknown parameter"]))
        #expect(try server.eventbrite("GET", "/events/12345/ticket_buyer_settings/").json["redirect_url"] == .null)
        #expect(try server.eventbrite("GET", "/events/42/ticket_buyer_settings/").json == Bodies.notFound("event"))
        #expect(try server.eventbrite(
            "POST", "/events/1234/ticket_buyer_settings/", token: Seed.otherUserToken, json: [:]
        ).json == Bodies.notAuthorized)
    }

    @Test func newEventsAndCopiesHaveSettings() throws {
        let created = try server.createEvent()
        #expect(try server.eventbrite("GET", "/events/\(created)/display_settings/").json == Self.defaultDisplay)
        #expect(try server.eventbrite("GET", "/events/\(created)/ticket_buyer_settings/").json["event_id"] == .string(created))
        let copy = try server.eventbrite("POST", "/events/1234/copy/", json: [:])
        let copyID = try #require(copy.json["id"]?.stringValue)
        let settings = try server.eventbrite("GET", "/events/\(copyID)/ticket_buyer_settings/").json
        #expect(settings["survey_name"] == "Registration Page Title")
        #expect(settings["event_id"] == .string(copyID))
    }
}
