import Emulation
import TestSupport
import Testing

/// Spec §8.17 and §9.17: event teams.
@Suite struct TeamTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    @Test func theDocsTeam() throws {
        let response = try server.eventbrite("GET", "/events/12345/teams/1/")
        #expect(response.json == [
            "id": "1", "name": "Testing",
            "creator": ["id": "272057970621", "name": "john@example.com", "emails": [["email": "john@example.com", "verified": false, "primary": true]]],
            "changed": "2018-10-22T21:43:16Z", "created": "2018-10-22T21:43:16Z", "attendee_count": 2, "token": "mockteamtoken000000001",
            "event_id": "12345", "date_joined": "2018-10-22T21:43:16Z",
        ])
        #expect(try server.eventbrite("GET", "/events/12345/teams/").ids("teams") == ["1", "2", "3"])
        #expect(try server.eventbrite("GET", "/events/12346/teams/1/").json == Bodies.notFound("team_id"))
        #expect(try server.eventbrite("GET", "/events/12345/teams/1/attendees/").ids("attendees") == ["12345", "1009831492"])
        #expect(try server.eventbrite("GET", "/events/12345/teams/1/attendees/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func passwordsKeepTheTokenBack() throws {
        // Jane made team 2: she sees its token; others see `false` until they know the password.
        #expect(try server.eventbrite("GET", "/events/12345/teams/2/", token: Seed.otherUserToken).json["token"] == "mockteamtoken000000002")
        let strangerTeams = try server.eventbrite("GET", "/events/12345/teams/", token: Seed.otherUserToken)
        #expect(strangerTeams.json["teams"]?[0]?["token"] == "mockteamtoken000000001")
        let created = try server.eventbrite("POST", "/events/12345/teams/create/", json: ["public_event_id": "12345", "name": "Night Owls", "password": "hoot"])
        #expect(created.json == ["name": "Night Owls", "id": "800000000001", "token": false, "spots_left": 10])
        let owls = try server.eventbrite("GET", "/events/12345/teams/800000000001/", token: Seed.otherUserToken)
        #expect(owls.json["token"] == false)
        let check = try server.eventbrite("POST", "/events/12345/teams/800000000001/check_password/", token: Seed.otherUserToken, json: ["password": "hoot"])
        let token = try #require(check.json["token"]?.stringValue)
        #expect(token.count == 22)
        #expect(try server.eventbrite("GET", "/events/12345/teams/800000000001/").json["token"] == .string(token))
        #expect(try server.eventbrite("POST", "/events/12345/teams/800000000001/check_password/", json: ["password": "owl"]).json
            == Bodies.arguments(["password": "INVALID"]))
        #expect(try server.eventbrite("POST", "/events/12345/teams/1/check_password/", json: [:]).json == Bodies.arguments(["password": "MISSING"]))
    }

    @Test func createArguments() throws {
        let open = try server.eventbrite("POST", "/events/12345/teams/create/", json: ["public_event_id": "12345", "name": "Sprinters"])
        #expect(open.json["token"]?.stringValue?.count == 22)
        #expect(try server.eventbrite("POST", "/events/12345/teams/create/", json: ["name": "X"]).json
            == Bodies.arguments(["public_event_id": "MISSING"]))
        #expect(try server.eventbrite("POST", "/events/12345/teams/create/", json: ["public_event_id": "1234", "captain": "me"]).json
            == Bodies.arguments(["captain": "Unknown parameter", "public_event_id": "INVALID"]))
        #expect(try server.eventbrite("POST", "/events/\(Seed.janesDraft)/teams/create/", json: ["public_event_id": .string(Seed.janesDraft)]).json
            == Bodies.notAuthorized)
    }

    @Test func searchAndMembership() throws {
        let search = try server.eventbrite("GET", "/events/12345/teams/search/?term=team_search")
        #expect(search.json["teams"] == [
            ["id": "3", "token": "mockteamtoken000000003", "name": "team_search demo", "has_password": false, "is_full": false, "logo": false,
             "spots_left": 10, "is_team_member": false],
        ])
        #expect(try server.eventbrite("GET", "/events/12345/teams/search/?term=TEST").ids("teams") == ["1"])
        // The demo user bought attendee 12345, who is on team 1.
        #expect(try server.eventbrite("GET", "/events/12345/teams/search/?term=testing").json["teams"]?[0]?["is_team_member"] == true)
        #expect(try server.eventbrite("GET", "/events/12345/teams/search/").json == Bodies.arguments(["term": "MISSING"]))
        // Eight more attendees fill team 1's ten spots.
        try server.placeOrder(event: "12345", ticketClass: "12345", quantity: 7, extra: ["team_id": "1"])
        #expect(try server.eventbrite("GET", "/events/12345/teams/search/?term=testing").json["teams"]?[0]?["is_full"] == false)
        try server.placeOrder(event: "12345", ticketClass: "12345", quantity: 1, extra: ["team_id": "1"])
        let full = try server.eventbrite("GET", "/events/12345/teams/search/?term=testing")
        #expect(full.json["teams"]?[0]?["is_full"] == true)
        #expect(full.json["teams"]?[0]?["spots_left"] == 0)
        #expect(try server.eventbrite("GET", "/events/12345/teams/1/").json["attendee_count"] == 10)
    }
}
