import TestSupport
import Testing

@Suite struct LetsDoThisMountTests {
    @Test func providerIsListedByTheControlAPI() throws {
        let server = try TestServer()
        let response = try server.request("GET", "/_understudy/credentials")
        #expect(response.status == 200)
        #expect(response.json["providers"]?["letsdothis"]?["headers"] != nil)
    }
}
