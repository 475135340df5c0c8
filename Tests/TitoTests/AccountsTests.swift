import Emulation
import TestSupport
import Testing

/// The account extra X1 (spec §11.17).
@Suite struct AccountsTests {
    @Test func anAccountIsShownWithItsWrapper() throws {
        let server = try TestServer()
        let response = try server.tito("GET", "/biscuit-box")
        #expect(response.status == 200)
        #expect(
            response.json
                == ["account": ["_type": "account", "id": 410, "slug": "biscuit-box", "name": "Biscuit Box", "description": nil]])
        #expect(try server.tito("GET", "/demo").json["account"]?["name"] == "Demo")
        #expect(try server.tito("GET", "/no-such-account").json == TitoBodies.notFound)
        #expect(try server.tito("GET", "/biscuit-box", token: nil).status == 401)
    }
}
