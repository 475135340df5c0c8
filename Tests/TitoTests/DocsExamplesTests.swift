import Emulation
import TestSupport
import Testing

/// The docs' example records read back with the values the docs print for them: the webhook
/// payloads' `caramel` ticket, registration and event, and the `2018` event's examples.
@Suite struct DocsExamplesTests {
    @Test func theExampleRecordsHoldTheDocumentedValues() throws {
        let server = try TestServer()
        let ticket = try server.tito("GET", "/biscuit-box/caramel/tickets/3068966").json["ticket"]
        #expect(ticket?["company_name"] == "")
        #expect(ticket?["phone_number"] == .null)
        #expect(ticket?["metadata"] == .null)
        let registration = try server.tito("GET", "/biscuit-box/caramel/registrations/3509443").json["registration"]
        #expect(registration?["company_name"] == .null)
        #expect(registration?["phone_number"] == "")
        #expect(registration?["metadata"] == .null)
        #expect(registration?["source"] == .null)
        let caramel = try server.tito("GET", "/biscuit-box/caramel").json["event"]
        #expect(caramel?["description"] == .null)
        #expect(caramel?["metadata"] == .null)
        let stretch = try server.tito("GET", "/biscuit-box/2018/releases/5k-stretch").json["release"]
        #expect(stretch?["description"] == .null)
        #expect(stretch?["metadata"] == .null)
        let john = try server.tito("GET", "/biscuit-box/2018/tickets/ti_dhlR2CSzh59ZLht5ELPkxjg").json["ticket"]
        #expect(john?["company_name"] == "")
        #expect(john?["metadata"] == [:])
        #expect(john?["registration"]?["company_name"] == "")
        #expect(john?["registration"]?["source"] == .null)
        #expect(try server.tito("GET", "/biscuit-box/2018").json["event"]?["description"] == .null)
    }
}
