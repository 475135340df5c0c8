import Emulation
import TestSupport
import Testing

/// Spec §8.6 create: the SDKs' bodies, every argument error and every endpoint constant, and
/// what the new event looks like afterwards.
@Suite struct EventCreateTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    private func create(_ event: JSONValue, organization: String = Seed.organization) throws -> TestResponse {
        try server.eventbrite("POST", "/organizations/\(organization)/events/", json: ["event": event])
    }

    /// The required fields plus `changes` (a null value removes a field).
    private func event(_ changes: JSONValue = [:]) -> JSONValue {
        var event = TestServer.newEvent.objectValue!
        for (key, value) in changes.objectValue ?? JSONObject() { event[key] = value == .null ? nil : value }
        return .object(event)
    }

    @Test func thePythonSDKsDottedKeysCreateADraft() throws {
        // The body of the SDK's own integration test.
        let response = try server.eventbrite("POST", "/organizations/12345/events/", json: [
            "event.name": ["html": "client_test"],
            "event.start": ["utc": "2031-01-01T10:00:00Z", "timezone": "America/Los_Angeles"],
            "event.end": ["utc": "2031-01-01T11:00:00Z", "timezone": "America/Los_Angeles"],
            "event.currency": "USD", "event.online_event": true, "event.listed": false, "event.category_id": "110",
            "event.format_id": "5", "event.password": "test", "event.capacity": 10,
        ])
        #expect(response.status == 200)
        let created = response.json
        #expect(created["id"] == "800000000001")
        #expect(created["name"] == ["text": "client_test", "html": "client_test"])
        #expect(created["status"] == "draft")
        #expect(created["published"] == .null)
        #expect(created["created"] == "2030-01-01T00:00:00Z")
        #expect(created["changed"] == "2030-01-01T00:00:00Z")
        #expect(created["password"] == "test")
        #expect(created["capacity"] == 10)
        #expect(created["capacity_is_custom"] == true)
        #expect(created["listed"] == false)
        #expect(created["online_event"] == true)
        #expect(created["category_id"] == "110")
        #expect(created["format_id"] == "5")
        #expect(created["organizer_id"] == "12345")
        #expect(created["source"] == "api")
        #expect(created["start"]?["local"] == "2031-01-01T02:00:00")
        #expect(created["url"] == "https://www.eventbrite.com/e/client-test-tickets-800000000001")
        #expect(created["logo"] == .null)
        // It is there afterwards, in its organization's drafts.
        #expect(try server.eventbrite("GET", "/events/800000000001/").json["name"]?["text"] == "client_test")
        #expect(try server.eventbrite("GET", "/organizations/12345/events/?status=draft").ids("events").contains("800000000001"))
        // Ids continue from the shared counter.
        #expect(try server.createEvent() == "800000000002")
    }

    @Test func aFormBodyWithDottedKeysCreatesToo() throws {
        let form = "event.name.html=Form+Event&event.start.utc=2031-02-01T10:00:00Z&event.start.timezone=Europe/London"
            + "&event.end.utc=2031-02-01T12:00:00Z&event.end.timezone=Europe/London&event.currency=gbp&event.listed=0"
        let response = try server.eventbrite(
            "POST", "/organizations/12345/events/", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
        #expect(response.status == 200)
        #expect(response.json["name"]?["text"] == "Form Event")
        #expect(response.json["currency"] == "GBP")
        #expect(response.json["listed"] == false)
    }

    @Test func aPlainStringNameIsItsHtmlEscaped() throws {
        let response = try create(event(["name": "Tech Slam 'N Eggs", "summary": "<b>Bold</b> start"]))
        #expect(response.json["name"] == ["text": "Tech Slam 'N Eggs", "html": "Tech Slam &#39;N Eggs"])
        #expect(response.json["summary"] == "Bold start")
        // The deprecated description mirrors the summary.
        #expect(response.json["description"] == ["text": "Bold start", "html": "Bold start"])
    }

    @Test func missingRequiredFieldsAreReportedTogether() throws {
        let response = try create([:])
        #expect(response.json == Bodies.arguments([
            "event.name.html": "MISSING", "event.start.utc": "MISSING", "event.start.timezone": "MISSING",
            "event.end.utc": "MISSING", "event.end.timezone": "MISSING", "event.currency": "MISSING",
        ]))
        let empty = try create(event(["name": ["html": "  "]]))
        #expect(empty.json == Bodies.arguments(["event.name.html": "MISSING"]))
        let noWrapper = try server.eventbrite("POST", "/organizations/12345/events/", json: ["name": "x"])
        #expect(noWrapper.json["error_detail"]?["ARGUMENTS_ERROR"]?["event.name.html"] == ["MISSING"])
    }

    @Test func invalidValuesAndUnknownFields() throws {
        let response = try create(event([
            "currency": "XYZ", "venue_id": "254753143343", "category_id": "999", "format_id": "abc", "summary": .string(String(repeating: "s", count: 141)),
            "locale": "xx_XX", "capacity_is_custom": true, "start": ["utc": "soon", "timezone": "America/Los_Angeles"],
        ]))
        #expect(response.status == 400)
        let detail = response.json["error_detail"]?["ARGUMENTS_ERROR"]
        #expect(detail == [
            "event.capacity_is_custom": ["Unknown parameter"], "event.summary": ["INVALID"], "event.start.utc": ["INVALID"],
            "event.currency": ["INVALID"], "event.venue_id": ["INVALID"], "event.format_id": ["INVALID"],
            "event.category_id": ["INVALID"], "event.locale": ["INVALID"],
        ])
        #expect(response.json["error_description"]?.stringValue?.hasPrefix(
            "There are errors with your arguments: event.capacity_is_custom - Unknown parameter, event.summary - INVALID") == true)
        let relaxed = try TestServer(environment: ["EVENTBRITE_STRICT_UNKNOWN_PARAMS": "false"])
        try relaxed.freezeClock(at: "2030-01-01T00:00:00Z")
        let accepted = try relaxed.eventbrite("POST", "/organizations/12345/events/", json: ["event": event(["capacity_is_custom": true])])
        #expect(accepted.status == 200)
    }

    /// Each endpoint constant of create, with the fields that trigger it.
    static let conflicts: [(String, JSONValue)] = [
        ("DATE_CONFLICT", ["end": ["timezone": "America/Los_Angeles", "utc": "2032-01-01T18:00:00Z"]]),
        ("DIFFERENT_TIMEZONES", ["end": ["timezone": "America/New_York", "utc": "2032-01-01T20:00:00Z"]]),
        ("INVALID_DATE", ["start": ["timezone": "America/Los_Angeles", "utc": "2029-01-01T18:00:00Z"]]),
        ("UNSUPPORTED_TIMEZONE", [
            "start": ["timezone": "Mars/Olympus", "utc": "2032-01-01T18:00:00Z"],
            "end": ["timezone": "Mars/Olympus", "utc": "2032-01-01T20:00:00Z"],
        ]),
        ("SUMMARY_DESCRIPTION_CONFLICT", ["summary": "s", "description": ["html": "<p>d</p>"]]),
        ("VENUE_AND_ONLINE", ["venue_id": "3003", "online_event": true]),
        ("INVITE_CONFLICT", ["listed": true, "invite_only": true]),
        ("PASSWORD_CONFLICT", ["listed": true, "password": "secret"]),
        ("SHARE_INVITE_CONFLICT", ["shareable": true, "invite_only": true, "listed": false]),
        ("INVENTORY_TYPE_CONFLICT", ["is_reserved_seating": true, "is_externally_ticketed": true]),
    ]

    @Test(arguments: conflicts)
    func eachConflictHasItsConstant(code: String, changes: JSONValue) throws {
        let response = try create(event(changes))
        #expect(response.status == 400)
        #expect(response.json["error"] == .string(code))
        #expect(response.json["status_code"] == 400)
        #expect(response.json["error_description"]?.stringValue?.isEmpty == false)
        #expect(try server.eventbrite("GET", "/organizations/12345/events/?status=draft").ids("events") == ["21321", "99101"])
    }

    @Test func theSeedsVenueAndOnlineTextIsExact() throws {
        let response = try create(event(["venue_id": "3003", "online_event": true]))
        #expect(response.json == Bodies.error(400, "VENUE_AND_ONLINE", "You cannot both specify a venue and set online_event"))
    }

    @Test func unlistedWithAPasswordIsFine() throws {
        // The SDK's test sends listed: false with a password; only an explicit listed: true conflicts (A35).
        #expect(try create(event(["listed": false, "password": "p"])).status == 200)
        #expect(try create(event(["password": "p"])).status == 200)
    }

    @Test func theOrganizerAndOtherReferencesMustBeTheOrganizations() throws {
        #expect(try create(event(["organizer_id": "1234"])).json == Bodies.arguments(["event.organizer_id": "INVALID"]))
        #expect(try create(event(["logo_id": "99", "subcategory_id": "7", "is_series": "perhaps"])).json
            == Bodies.arguments(["event.is_series": "INVALID", "event.logo_id": "INVALID", "event.subcategory_id": "INVALID"]))
        let referenced = try create(event(["organizer_id": "12345", "venue_id": "3003", "logo_id": "12345", "subcategory_id": "3003"]))
        #expect(referenced.json["venue_id"] == "3003")
        #expect(referenced.json["logo"]?["id"] == "12345")
    }

    @Test func anOrganizationWithoutADefaultOrganizerNeedsOneNamed() throws {
        let response = try create(event(), organization: "99990002")
        #expect(response.json["error"] == "NO_DEFAULT_ORGANIZER")
        #expect(response.status == 400)
    }

    @Test func malformedBodiesAreInvalidBody() throws {
        for body in ["{not json", "[1, 2]", "\"text\""] {
            let response = try server.eventbrite(
                "POST", "/organizations/12345/events/", headers: [("Content-Type", "application/json")], body: body)
            #expect(response.status == 400)
            #expect(response.json == Bodies.invalidBody)
        }
        // An empty body is valid: it just misses the required fields.
        let empty = try server.eventbrite("POST", "/organizations/12345/events/", headers: [("Content-Type", "application/json")], body: "")
        #expect(empty.json["error"] == "ARGUMENTS_ERROR")
    }

    @Test func theLegacyCreateUsesTheCallersOwnOrganization() throws {
        let response = try server.eventbrite("POST", "/events/", json: ["event": event()])
        #expect(response.status == 200)
        #expect(response.json["organization_id"] == "12345")
        let jane = try server.eventbrite("POST", "/events/", token: Seed.otherUserToken, json: ["event": event()])
        #expect(jane.json["organization_id"] == .string(Seed.otherOrganization))
    }

    @Test func creatingNeedsMembership() throws {
        #expect(try create(event(), organization: Seed.otherOrganization).json == Bodies.notAuthorized)
        #expect(try create(event(), organization: "31337").json == Bodies.notFound("organization_id"))
    }
}
