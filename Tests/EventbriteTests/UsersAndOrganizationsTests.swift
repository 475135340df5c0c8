import Emulation
import TestSupport
import Testing

/// Spec §8.1 and §8.3: users, their organizations, members and roles.
@Suite struct UsersAndOrganizationsTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func meIsTheBareUserOfTheSDKsFixture() throws {
        let response = try server.eventbrite("GET", "/users/me/")
        #expect(response.json == [
            "emails": [["email": "john@smith.com", "verified": true, "primary": true]], "id": "12345", "name": "John Smith",
            "first_name": "John", "last_name": "Smith", "is_public": false, "image_id": nil,
        ])
        #expect(try server.eventbrite("GET", "/users/12345/").json == response.json)
        #expect(try server.eventbrite("GET", "/users/me/", token: Seed.otherUserToken).json["id"] == "226753143335")
    }

    @Test func organizationsOfTheCaller() throws {
        let response = try server.eventbrite("GET", "/users/me/organizations/")
        let ids = response.ids("organizations")
        #expect(ids.contains("12345"))
        #expect(ids.contains(Seed.bulkOrganization))
        #expect(!ids.contains(Seed.otherOrganization))
        let awesome = try #require(response.json["organizations"]?.arrayValue?.first { $0["id"] == "12345" })
        #expect(awesome == [
            "_type": "organization", "name": "Awesome Org", "vertical": "Default", "parent_id": nil, "locale": "en_US",
            "image_id": "12345", "id": "12345",
        ])
        #expect(try server.eventbrite("GET", "/users/12345/organizations/").ids("organizations") == ids)
        let jane = try server.eventbrite("GET", "/users/me/organizations/", token: Seed.otherUserToken)
        #expect(jane.ids("organizations") == [Seed.otherOrganization])
    }

    @Test func membersCarryTheirUsersNames() throws {
        let response = try server.eventbrite("GET", "/organizations/12345/members/")
        #expect(response.json["members"] == [[
            "id": "12345", "user_id": "12345", "organization_id": "12345", "name": "John Smith", "first_name": "John",
            "last_name": "Smith", "email": "john@smith.com", "role_ids": ["12346"], "is_owner": true,
            "created": "2019-01-01T00:00:00Z",
        ]])
    }

    @Test func rolesOfTheOrganization() throws {
        let response = try server.eventbrite("GET", "/organizations/12345/roles/")
        #expect(response.json["roles"]?[0] == [
            "id": "12345", "name": "boxoffice", "description": "Boxoffice Management on events", "organization_id": "12345",
            "permissions": ["event.orders:read", "event.details:read", "event.attendees:read"], "immutable": false,
            "grantable": true, "deletable": true, "permission_type": "event",
        ])
        #expect(try server.eventbrite("GET", "/organizations/1234/roles/").json["roles"] == [])
    }
}
