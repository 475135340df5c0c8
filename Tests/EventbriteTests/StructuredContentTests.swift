import Emulation
import Foundation
import TestSupport
import Testing

/// Spec §8.23 (structured content) and §8.9 (the rendered description).
@Suite struct StructuredContentTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    static let unknownEvent = Bodies.arguments(["event.id": "INVALID"])

    static func resourceURIs(_ event: String, _ version: Int) -> JSONValue {
        let prefix = "https://www.eventbriteapi.com/v3/events/\(event)/structured_content/\(version)/"
        return [
            "add_module": .string(prefix + "module/"), "preview_module": .string(prefix + "module/preview/"),
            "publish": .string(prefix + "publish/"), "self": .string(prefix),
        ]
    }

    @Test func thePublishedPageOfTheDemoEvent() throws {
        let page = try server.eventbrite("GET", "/events/21321/structured_content/")
        #expect(page.json == [
            "access_type": "public", "page_version_number": "1", "purpose": "listing",
            "modules": [
                [
                    "id": "210001", "type": "text", "data": ["body": ["text": "<p>Welcome to the demo.</p>", "alignment": "left"]],
                    "layout": nil, "semantic_purpose": nil, "timed_display": nil, "resource_uris": [:],
                ]
            ],
            "widgets": [],
            "pagination": ["object_count": 1, "page_number": 1, "page_size": 50, "page_count": 1, "has_more_items": false],
            "resource_uris": Self.resourceURIs("21321", 1),
        ])
        #expect(try server.eventbrite("GET", "/events/21321/structured_content/edit/").json == page.json)
        // Nothing yet for another purpose, or another event.
        let empty = try server.eventbrite("GET", "/events/21321/structured_content/?purpose=digital_content").json
        #expect(empty["page_version_number"] == "0")
        #expect(empty["modules"] == [])
        #expect(empty["pagination"] == ["object_count": 0, "page_number": 1, "page_size": 50, "page_count": 0, "has_more_items": false])
        #expect(try server.eventbrite("GET", "/events/1234/structured_content/").json["page_version_number"] == "0")
        #expect(try server.eventbrite("GET", "/events/21321/structured_content/?purpose=menu").json == Bodies.arguments(["purpose": "INVALID"]))
    }

    @Test func newVersionsAreWorkingUntilPublished() throws {
        let draft = try server.eventbrite("POST", "/events/21321/structured_content/2/", json: [
            "modules": [
                ["type": "text", "data": ["body": ["text": "<p>Second</p>", "alignment": "center"]]],
                ["type": "video", "data": ["video": ["url": "https://www.youtube.com/watch?v=abc", "display_size": "large"]]],
                ["type": "carousel3d", "data": ["anything": [1, 2]]],
            ],
            "publish": false,
        ])
        #expect(draft.status == 200)
        #expect(draft.json["page_version_number"] == "2")
        #expect(draft.json["modules"]?.arrayValue?.map { $0["id"] } == ["800000000001", "800000000002", "800000000003"])
        // Types it does not know are kept as sent.
        #expect(draft.json["modules"]?.arrayValue?.last?["data"] == ["anything": [1, 2]])
        #expect(draft.json["resource_uris"] == Self.resourceURIs("21321", 2))
        #expect(try server.eventbrite("GET", "/events/21321/structured_content/edit/").json == draft.json)
        #expect(try server.eventbrite("GET", "/events/21321/structured_content/").json["page_version_number"] == "1")
        // Versions follow one another.
        let skipped = try server.eventbrite("POST", "/events/21321/structured_content/4/", json: ["modules": []])
        #expect(skipped.json == Bodies.error(
            400, "PAGE_VERSION_DISCONTINUITY", "The supplied page_version_number does not match the expected (current) version number"))
        #expect(try server.eventbrite("POST", "/events/21321/structured_content/2/", json: ["modules": []]).json["error"]
            == "PAGE_VERSION_DISCONTINUITY")
        // Publishing makes it the public page and the description.
        let published = try server.eventbrite("POST", "/events/21321/structured_content/3/", json: [
            "modules": [["type": "text", "data": ["body": ["text": "<p>Third</p>"]]]], "publish": true,
        ])
        #expect(published.json["page_version_number"] == "3")
        #expect(try server.eventbrite("GET", "/events/21321/structured_content/").json == published.json)
        #expect(try server.eventbrite("GET", "/events/21321/description/").json == [
            "description": "<div>A demo of structured content.</div>\n<div><p>Third</p></div>"
        ])
        // Each purpose numbers its own versions.
        let digital = try server.eventbrite(
            "POST", "/events/21321/structured_content/1/",
            json: ["purpose": "digital_content", "access_type": "private", "modules": [], "publish": true])
        #expect(digital.json["purpose"] == "digital_content")
        #expect(digital.json["access_type"] == "private")
    }

    @Test func publishedDigitalContentIsWhatTheEventExpansionReports() throws {
        let path = "/events/21321/?expand=has_digital_content"
        #expect(try server.eventbrite("GET", path).json["has_digital_content"] == ["has_digital_content": false, "digital_content_url": ""])
        // A listing page, or an unpublished or empty digital one, is not digital content.
        let draft = try server.eventbrite("POST", "/events/21321/structured_content/1/", json: [
            "purpose": "digital_content", "modules": [["type": "text", "data": ["body": ["text": "<p>Stream link</p>"]]]],
        ])
        #expect(draft.status == 200)
        #expect(try server.eventbrite("GET", path).json["has_digital_content"]?["has_digital_content"] == false)
        let published = try server.eventbrite("POST", "/events/21321/structured_content/2/", json: [
            "purpose": "digital_content", "modules": [["type": "text", "data": ["body": ["text": "<p>Stream link</p>"]]]],
            "publish": true,
        ])
        #expect(published.status == 200)
        #expect(try server.eventbrite("GET", path).json["has_digital_content"] == [
            "has_digital_content": true,
            "digital_content_url": "https://www.eventbrite.com/x/structured-content-demo-tickets-21321",
        ])
        #expect(try server.eventbrite("POST", "/events/21321/structured_content/3/", json: [
            "purpose": "digital_content", "modules": [], "publish": true,
        ]).status == 200)
        #expect(try server.eventbrite("GET", path).json["has_digital_content"]?["has_digital_content"] == false)
    }

    @Test func setArgumentErrors() throws {
        let tooMany: [JSONValue] = Array(repeating: ["type": "text", "data": ["body": ["text": "x"]]], count: 101)
        #expect(try server.eventbrite("POST", "/events/21321/structured_content/2/", json: ["modules": .array(tooMany)]).json
            == Bodies.arguments(["modules": "MODULES_LIMIT_REACHED"]))
        // Listing videos must be YouTube's; images must exist; text needs its body.
        for module: JSONValue in [
            ["type": "video", "data": ["video": ["url": "https://vimeo.com/1"]]],
            ["type": "image", "data": ["image": ["image_id": "999"]]],
            ["type": "text", "data": ["text": "no body"]],
            ["data": ["body": ["text": "no type"]]],
        ] {
            #expect(try server.eventbrite("POST", "/events/21321/structured_content/2/", json: ["modules": [module]]).json
                == Bodies.arguments(["modules": "INVALID"]))
        }
        #expect(try server.eventbrite("POST", "/events/21321/structured_content/2/", json: [
            "modules": [["type": "image", "data": ["image": ["image_id": "12345"]]]], "publish": "soon", "theme": "dark",
        ]).json == Bodies.arguments(["theme": "Unknown parameter", "publish": "INVALID"]))
        #expect(try server.eventbrite("POST", "/events/21321/structured_content/two/", json: [:]).json
            == Bodies.arguments(["version": "INVALID"]))
        #expect(try server.eventbrite("GET", "/events/21321/structured_content/edit/").json["page_version_number"] == "1")
    }

    @Test func unknownEventsAreArgumentErrors() throws {
        #expect(try server.eventbrite("GET", "/events/42/structured_content/").json == Self.unknownEvent)
        #expect(try server.eventbrite("GET", "/events/42/structured_content/edit/").json == Self.unknownEvent)
        #expect(try server.eventbrite("POST", "/events/42/structured_content/1/", json: [:]).json == Self.unknownEvent)
        #expect(try server.eventbrite("GET", "/events/42/description/").json == Self.unknownEvent)
        #expect(try server.eventbrite("GET", "/events/x/description/").json == Self.unknownEvent)
    }

    @Test func whoMayReadAndWrite() throws {
        let other = Seed.otherUserToken
        // A public event's published content and description are anyone's; its working version is not.
        #expect(try server.eventbrite("GET", "/events/12345/structured_content/", token: other).status == 200)
        #expect(try server.eventbrite("GET", "/events/12345/description/", token: other).json == [
            "description": "<div>Monthly talks about classical music.</div>"
        ])
        #expect(try server.eventbrite("GET", "/events/12345/structured_content/edit/", token: other).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("POST", "/events/12345/structured_content/1/", token: other, json: [:]).json == Bodies.notAuthorized)
        // A draft is its organization's only.
        #expect(try server.eventbrite("GET", "/events/21321/structured_content/", token: other).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/events/21321/description/", token: other).json == Bodies.notAuthorized)
    }

    @Test func aClassicDescriptionIsUsedWithoutStructuredContent() throws {
        let created = try server.createEvent([
            "description": ["html": "<P>My <EM>event's</EM> description would go <STRONG>here</STRONG>.</P>"]
        ])
        // The summary is derived from the description's text.
        let summary = try #require(try server.eventbrite("GET", "/events/\(created)/").json["summary"]?.stringValue)
        #expect(summary.hasPrefix("My event's description would go here"))
        let description = try server.eventbrite("GET", "/events/\(created)/description/").json["description"]?.stringValue
        #expect(description == "<div>\(summary.replacingOccurrences(of: "'", with: "&#39;"))</div>\n<div><P>My <EM>event's</EM> description would go <STRONG>here</STRONG>.</P></div>")
    }
}
