import Emulation
import TestSupport
import Testing

/// A NUL inside a string is data like any other character: what a client sends is stored and
/// read back whole, and an id or slug with `%00` in it names nothing.
@Suite struct NulCharacterTests {
    static let registrations = "/biscuit-box/2018/registrations"

    @Test func aNameWithANulIsStoredAndReadBackWhole() throws {
        let server = try TestServer()
        let created = try server.tito(
            "POST", Self.registrations,
            body: #"{"registration": {"name": "Jo\u0000hn Smith", "email": "jo@example.com", "line_items": [{"release_id": 123, "quantity": 1}]}}"#)
        #expect(created.status == 201)
        #expect(created.json["registration"]?["name"] == "Jo\u{0}hn Smith")
        let slug = try #require(created.json["registration"]?["slug"]?.stringValue)
        let read = try server.tito("GET", Self.registrations + "/" + slug)
        #expect(read.status == 200)
        #expect(read.json["registration"]?["name"] == "Jo\u{0}hn Smith")
    }

    @Test func aPathSegmentWithAnEncodedNulMatchesNothing() throws {
        let server = try TestServer()
        #expect(try server.tito("GET", "/biscuit-box/2018").status == 200)
        #expect(try server.tito("GET", "/biscuit-box%00XYZ/2018").status == 404)
        #expect(try server.tito("GET", "/biscuit-box/2018%00").status == 404)
        #expect(try server.tito("GET", "/biscuit-box/2018/releases/coffee-brewing%00x").status == 404)
    }
}
