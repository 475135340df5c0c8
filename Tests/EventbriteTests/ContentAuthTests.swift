import Emulation
import TestSupport
import Testing

/// Spec §3.2 on every endpoint of the event content resources: each refuses a request without a
/// token, with an unknown one, with the service token and with a disabled one, in the spec's
/// exact bodies, before it looks at anything else.
@Suite struct ContentAuthTests {
    static let endpoints: [(method: String, path: String)] = [
        ("GET", "/series/12345/"), ("GET", "/series/12345/events/"), ("POST", "/events/12345/schedules/"),
        ("GET", "/events/12345/description/"), ("GET", "/events/12345/display_settings/"),
        ("POST", "/events/12345/display_settings/"), ("GET", "/events/1234/ticket_buyer_settings/"),
        ("POST", "/events/1234/ticket_buyer_settings/"), ("GET", "/events/21321/structured_content/"),
        ("GET", "/events/21321/structured_content/edit/"), ("POST", "/events/21321/structured_content/2/"),
        ("GET", "/organizations/123/text_overrides/?text_codes=event_postponed"), ("POST", "/organizations/123/text_overrides/"),
        ("GET", "/events/12345/canned_questions/"), ("GET", "/event/12345/canned_questions/email"),
        ("POST", "/events/12345/canned_questions/"), ("POST", "/event/12345/canned_questions/email"),
        ("DELETE", "/event/12345/canned_questions/job_title"), ("GET", "/events/12345/questions/"),
        ("POST", "/events/12345/questions/"), ("GET", "/events/12345/questions/642123456/"),
        ("DELETE", "/events/12345/questions/642123456/"), ("GET", "/media/12345/"), ("GET", "/media/upload/?type=image-event-logo"),
        ("POST", "/media/upload/"), ("GET", "/organizations/12345/seatmaps/"), ("POST", "/events/1/seatmaps/"),
        ("POST", "/organizations/389957889113/webhooks/"), ("GET", "/organizations/389957889113/webhooks/"), ("POST", "/webhooks/"),
        ("GET", "/webhooks/"), ("GET", "/webhooks/1990496/"), ("DELETE", "/webhooks/1990496/"),
    ]

    @Test(arguments: [
        (String?.none, Bodies.noAuth), ("NOT_A_TOKEN", Bodies.invalidAuth), (Seed.serviceToken, Bodies.invalidAuth),
        (Seed.disabledToken, Bodies.accessDenied),
    ])
    func everyEndpointRefuses(token: String?, body: JSONValue) throws {
        let server = try TestServer()
        for endpoint in Self.endpoints {
            let response = try server.eventbrite(endpoint.method, endpoint.path, token: token, json: endpoint.method == "POST" ? [:] : nil)
            #expect(response.json == body, "\(endpoint.method) \(endpoint.path)")
        }
        // Nothing changed: the records the writes name are all still there.
        #expect(try server.eventbrite("GET", "/webhooks/1990496/").status == 200)
        #expect(try server.eventbrite("GET", "/events/12345/questions/642123456/").status == 200)
        #expect(try server.eventbrite("GET", "/event/12345/canned_questions/job_title").json["question"]?["include"] == true)
    }
}
