import Emulation
import TestSupport
import Testing

/// The control endpoints of spec §12 that add users, organizations, memberships and tokens, and
/// show the stored state.
@Suite struct DataControlTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func aNewUserWithAnOrganizationAndAToken() throws {
        let user = try server.eventbriteControl("POST", "/users", json: ["first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"])
        #expect(user.json == [
            "emails": [["email": "ada@example.com", "verified": true, "primary": true]], "id": "800000000001", "name": "Ada Lovelace",
            "first_name": "Ada", "last_name": "Lovelace", "is_public": false, "image_id": nil,
        ])
        let organization = try server.eventbriteControl("POST", "/organizations", json: ["name": "Analytical Events", "members": ["800000000001"]])
        #expect(organization.json == [
            "_type": "organization", "name": "Analytical Events", "vertical": "Default", "parent_id": nil, "locale": "en_US",
            "image_id": nil, "id": "800000000002",
        ])
        let token = try server.eventbriteControl("POST", "/tokens", json: ["token": "ADA_TOKEN", "user_id": "800000000001"])
        #expect(token.json == ["token": "ADA_TOKEN", "purpose": "Added through the control API", "origin": "minted", "user_id": "800000000001"])

        #expect(try server.eventbrite("GET", "/users/me/", token: "ADA_TOKEN").json == user.json)
        #expect(try server.eventbrite("GET", "/users/me/organizations/", token: "ADA_TOKEN").ids("organizations") == ["800000000002"])
        // The organization works like any: its default organizer takes its events.
        let created = try server.eventbrite(
            "POST", "/organizations/800000000002/events/", token: "ADA_TOKEN", json: ["event": TestServer.newEvent])
        let event = try #require(created.json["id"]?.stringValue)
        #expect(try server.eventbrite("GET", "/events/\(event)/", token: "ADA_TOKEN").json["organizer_id"] == "800000000002")
        #expect(try server.eventbrite("GET", "/events/\(event)/").json == Bodies.notAuthorized)
        // John joins it and sees its drafts.
        #expect(try server.eventbriteControl("POST", "/organizations/800000000002/members", json: ["user_id": "12345"]).status == 200)
        #expect(try server.eventbrite("GET", "/events/\(event)/").status == 200)
        // Listed among the credentials; after a reset the user is gone, so the token is refused.
        let tokens = try server.request("GET", "/_understudy/credentials").json["providers"]?["eventbrite"]?["tokens"]?.arrayValue ?? []
        #expect(tokens.contains { $0["token"] == "ADA_TOKEN" })
        #expect(try server.request("POST", "/_understudy/eventbrite/reset").status == 200)
        #expect(try server.eventbrite("GET", "/users/me/", token: "ADA_TOKEN").json == Bodies.invalidAuth)
    }

    @Test func tokensForSeededUsersSurviveResetsAndMayBeDisabled() throws {
        #expect(try server.eventbriteControl("POST", "/tokens", json: ["token": "JANE2", "user_id": "226753143335"]).status == 200)
        #expect(try server.eventbriteControl("POST", "/tokens", json: ["token": "OFF", "user_id": "12345", "disabled": true]).status == 200)
        #expect(try server.request("POST", "/_understudy/eventbrite/reset").status == 200)
        #expect(try server.eventbrite("GET", "/users/me/", token: "JANE2").json["id"] == "226753143335")
        #expect(try server.eventbrite("GET", "/users/me/", token: "OFF").json == Bodies.accessDenied)
    }

    @Test func badControlRequests() throws {
        let before = try server.eventbriteControl("GET", "/state").json["tables"]
        #expect(try server.eventbriteControl("POST", "/tokens", json: ["token": "has space", "user_id": "12345"]).status == 400)
        #expect(try server.eventbriteControl("POST", "/tokens", json: ["token": "T", "user_id": "99"]).status == 404)
        #expect(try server.eventbriteControl("POST", "/tokens", json: ["token": "T", "user_id": "12345", "disabled": "yes"]).status == 400)
        #expect(try server.eventbriteControl("POST", "/users", json: ["id": "12345"]).status == 409)
        #expect(try server.eventbriteControl("POST", "/users", json: ["email": "nobody"]).status == 400)
        #expect(try server.eventbriteControl("POST", "/organizations", json: [:]).status == 400)
        #expect(try server.eventbriteControl("POST", "/organizations", json: ["name": "X", "members": ["99"]]).status == 404)
        // A refused request changes nothing.
        #expect(try server.eventbriteControl("GET", "/state").json["tables"] == before)
        #expect(try server.eventbriteControl("POST", "/organizations/42/members", json: ["user_id": "12345"]).status == 404)
    }

    @Test func theStoredState() throws {
        let state = try server.eventbriteControl("GET", "/state").json
        #expect(state["tables"]?["eventbrite_webhooks"] == 3)
        #expect(state["tables"]?["eventbrite_canned_questions"]?.intValue ?? 0 > 300 * 21)
        let webhooks = try server.eventbriteControl("GET", "/state?table=eventbrite_webhooks").json
        #expect(webhooks["rows"]?.arrayValue?.map { $0["id"] } == [1990495, 1990496, 2006536])
        #expect(webhooks["rows"]?.arrayValue?.first?["legacy"] == 1)
        #expect(try server.eventbriteControl("GET", "/state?table=sqlite_master").status == 404)
    }
}
