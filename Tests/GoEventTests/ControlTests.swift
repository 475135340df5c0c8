import Emulation
import TestSupport
import Testing

/// Understudy's control surface as it applies to GoEvent: credentials, routes, reset, faults,
/// and GoEvent's own `/_understudy/goevent/…` endpoints (spec §11).
@Suite struct ControlTests {
    static let galaOrderForNewParticipant: JSONValue = [
        "eventId": .string(Seed.galaEventID),
        "tickets": [["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 2]],
        "participant": ["last_name": "Doe", "first_name": "John", "email": "john.doe@example.com", "phone": "+1234567890"],
    ]

    @Test func credentialsListBothDemoUsersDefaultFirst() throws {
        let server = try TestServer()
        let response = try server.request("GET", "/_understudy/credentials")
        #expect(response.status == 200)
        #expect(response.json["providers"]?["goevent"] == [
            "headers": ["Authorization": "Bearer goevent-test-token"],
            "tokens": [
                [
                    "token": "goevent-test-token", "userId": "6560a0000000000000000001", "name": "Organisateur Démo",
                    "use": "Default demo organiser: admin of every seeded event except \"Concert Privé Nantes\"",
                ],
                [
                    "token": "goevent-other-token", "userId": "6560a0000000000000000002", "name": "Autre Organisateur",
                    "use": "Second organiser: admin of \"Concert Privé Nantes\" only; the demo user's events answer 404 with it",
                ],
            ],
        ])
    }

    @Test func credentialsFollowTheConfiguredDefaultUserAndListEnvironmentTokens() throws {
        let server = try TestServer(environment: [
            "GOEVENT_DEFAULT_USER_ID": Seed.otherOrganiserID, "GOEVENT_TOKENS": #"{"ci-token": "6560a0000000000000000003"}"#,
        ])
        let goevent = try server.request("GET", "/_understudy/credentials").json["providers"]?["goevent"]
        #expect(goevent?["headers"] == ["Authorization": "Bearer goevent-other-token"])
        #expect(goevent?["tokens"]?.arrayValue?.map { $0["token"] } == ["goevent-other-token", "goevent-test-token", "ci-token"])
        #expect(goevent?["tokens"]?.arrayValue?.last == [
            "token": "ci-token", "userId": "6560a0000000000000000003", "name": nil, "use": "Configured by GOEVENT_TOKENS",
        ])
    }

    @Test func routesListTheFiveEndpointsWithWorkingExamples() throws {
        let server = try TestServer()
        let response = try server.request("GET", "/_understudy/routes?provider=goevent")
        #expect(response.json == [
            "routes": [
                ["provider": "goevent", "method": "GET", "template": "/developers/v1.0/events",
                 "example": "/goevent/developers/v1.0/events?page=1&limit=20"],
                ["provider": "goevent", "method": "GET", "template": "/developers/v1.0/event/{id}",
                 "example": "/goevent/developers/v1.0/event/67212707e47ff56741acb3a6"],
                ["provider": "goevent", "method": "GET", "template": "/developers/v1.0/tickets",
                 "example": "/goevent/developers/v1.0/tickets?eventId=67212707e47ff56741acb3a6"],
                ["provider": "goevent", "method": "POST", "template": "/developers/v1.0/tickets/create", "example": nil],
                ["provider": "goevent", "method": "GET", "template": "/developers/v1.0/participants",
                 "example": "/goevent/developers/v1.0/participants?eventId=67212707e47ff56741acb3a6&page=1&limit=50"],
            ]
        ])
        for route in response.json["routes"]?.arrayValue ?? [] {
            guard let example = route["example"]?.stringValue else { continue }
            let answer = try server.request("GET", example, headers: [("Authorization", "Bearer goevent-test-token")])
            #expect(answer.status == 200, "\(example)")
        }
    }

    @Test func issuedTicketsRecordEveryBatch() throws {
        let server = try TestServer()
        #expect(try server.request("GET", "/_understudy/goevent/issued-tickets").json == ["issuedTickets": []])
        try server.freezeClock(at: "2025-08-01T09:00:00Z")
        let response = try server.createTickets([
            "eventId": .string(Seed.festivalEventID),
            "tickets": [
                ["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 2],
                ["ticket_id": .string(Seed.festivalTwoDayPassTicketID), "quantity": 1],
            ],
            "participant": ["participantId": .string(Seed.janeSmithID)],
        ])
        let urls = response.json["tickets"]?.arrayValue?.map { $0["url"] ?? .null } ?? []
        #expect(urls.count == 2)
        let issued = try server.request("GET", "/_understudy/goevent/issued-tickets")
        #expect(issued.status == 200)
        #expect(issued.header("X-Understudy-Route") == nil)
        #expect(issued.json == [
            "issuedTickets": [
                [
                    "id": "680000000000000000000001", "eventId": .string(Seed.festivalEventID),
                    "ticketId": .string(Seed.festivalDayPassTicketID), "participantId": .string(Seed.janeSmithID),
                    "quantity": 2, "url": urls[0], "createdAt": "2025-08-01T09:00:00.000Z",
                ],
                [
                    "id": "680000000000000000000002", "eventId": .string(Seed.festivalEventID),
                    "ticketId": .string(Seed.festivalTwoDayPassTicketID), "participantId": .string(Seed.janeSmithID),
                    "quantity": 1, "url": urls[1], "createdAt": "2025-08-01T09:00:00.000Z",
                ],
            ]
        ])
        #expect(urls[0].stringValue?.hasPrefix("https://goeventcloud2.s3.amazonaws.com/ticket-680000000000000000000001.pdf?signature=") == true)
    }

    @Test func addedTokensAuthenticateUntilAReset() throws {
        let server = try TestServer()
        let added = try server.request("POST", "/_understudy/goevent/tokens", json: ["token": "ci-token", "userId": .string(Seed.otherOrganiserID)])
        #expect(added.status == 201)
        #expect(added.json == [
            "token": "ci-token", "userId": "6560a0000000000000000002", "name": "Autre Organisateur",
            "use": "Added through POST /_understudy/goevent/tokens",
        ])
        #expect(try server.goEvent("GET", "/events", token: "ci-token").ids("events") == [Seed.privateEventID])
        let credentials = try server.request("GET", "/_understudy/credentials").json["providers"]?["goevent"]?["tokens"]
        #expect(credentials?.arrayValue?.map { $0["token"] } == ["goevent-test-token", "goevent-other-token", "ci-token"])

        // Posting the same token again moves it to another user.
        let moved = try server.request(
            "POST", "/_understudy/goevent/tokens",
            json: ["token": "ci-token", "userId": .string(Seed.organiserID), "use": "CI pipeline"])
        #expect(moved.status == 200)
        #expect(moved.json["use"] == "CI pipeline")
        #expect(try server.goEvent("GET", "/event/\(Seed.festivalEventID)", token: "ci-token").status == 200)

        #expect(try server.request("POST", "/_understudy/reset?provider=goevent").status == 200)
        let afterReset = try server.goEvent("GET", "/events", token: "ci-token")
        #expect(afterReset.status == 401)
        #expect(afterReset.json == goEventError("Invalid token"))
    }

    @Test func aResetGivesBackTheConfiguredTokenAnAddedOneReplaced() throws {
        let server = try TestServer(environment: ["GOEVENT_TOKENS": #"{"ci-token": "6560a0000000000000000002"}"#])
        let replaced = try server.request("POST", "/_understudy/goevent/tokens", json: ["token": "ci-token", "userId": .string(Seed.organiserID)])
        #expect(replaced.status == 200)
        #expect(try server.goEvent("GET", "/event/\(Seed.festivalEventID)", token: "ci-token").status == 200)
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        #expect(try server.goEvent("GET", "/events", token: "ci-token").ids("events") == [Seed.privateEventID])
        let tokens = try server.request("GET", "/_understudy/credentials").json["providers"]?["goevent"]?["tokens"]
        #expect(tokens?.arrayValue?.last?["use"] == "Configured by GOEVENT_TOKENS")
    }

    @Test func addingATokenNeedsATokenAndAUserId() throws {
        let server = try TestServer()
        let expectations: [(body: String, message: String)] = [
            ("", "token must be a non-empty string without surrounding spaces"),
            (#"{"userId": "6560a0000000000000000002"}"#, "token must be a non-empty string without surrounding spaces"),
            (#"{"token": " padded ", "userId": "6560a0000000000000000002"}"#, "token must be a non-empty string without surrounding spaces"),
            (#"{"token": "ci-token"}"#, "userId must be a 24-hex user id"),
            (#"{"token": "ci-token", "userId": "user-2"}"#, "userId must be a 24-hex user id"),
            (#"{"token": "ci-token", "userId": "6560a0000000000000000002", "use": 3}"#, "use must be a string"),
            (#"["ci-token"]"#, "Request body must be a JSON object"),
            (#"{"token": "#, "Request body is not valid JSON"),
        ]
        for (body, message) in expectations {
            let response = try server.request(
                "POST", "/_understudy/goevent/tokens", headers: [("Content-Type", "application/json")], body: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == ["error": .string(message)], "\(body)")
        }
    }

    @Test func aResetRestoresStockAndRemovesCreatedParticipantsAndIssuedTickets() throws {
        let server = try TestServer()
        #expect(try server.createTickets(Self.galaOrderForNewParticipant).status == 200)
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 98)
        #expect(try server.participantIDs(ofEvent: Seed.galaEventID).count == 1)

        let reset = try server.request("POST", "/_understudy/reset?provider=goevent")
        #expect(reset.status == 200)
        #expect(reset.json == ["reset": "goevent"])
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 100)
        #expect(try server.participantIDs(ofEvent: Seed.galaEventID) == [])
        #expect(try server.request("GET", "/_understudy/goevent/issued-tickets").json == ["issuedTickets": []])

        // The whole-world reset and the provider's own reset endpoint do the same.
        #expect(try server.createTickets(Self.galaOrderForNewParticipant).status == 200)
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 100)
        #expect(try server.createTickets(Self.galaOrderForNewParticipant).status == 200)
        #expect(try server.request("POST", "/_understudy/goevent/reset").status == 200)
        #expect(try server.participantIDs(ofEvent: Seed.galaEventID) == [])
    }

    @Test func theSameRequestsAfterAResetGiveTheSameIds() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-08-01T10:00:00Z")
        let first = try server.createTickets(Self.galaOrderForNewParticipant)
        let second = try server.createTickets(Self.galaOrderForNewParticipant)
        #expect(first.json["participant"]?["id"] == "680000000000000000000001")
        #expect(second.json["participant"]?["id"] == "680000000000000000000003")
        #expect(first.json != second.json)

        #expect(try server.request("POST", "/_understudy/reset?provider=goevent").status == 200)
        let replayed = try server.createTickets(Self.galaOrderForNewParticipant)
        #expect(replayed.status == 200)
        #expect(replayed.text == first.text)
    }

    @Test func anInjectedFaultAnswersInGoEventsDialect() throws {
        let server = try TestServer()
        let armed = try server.request(
            "POST", "/_understudy/goevent/faults",
            json: ["method": "GET", "path": "/developers/v1.0/events", "status": 503, "times": 1])
        #expect(armed.status == 201)
        let failed = try server.goEvent("GET", "/events")
        #expect(failed.status == 503)
        #expect(failed.header("Content-Type") == "application/json; charset=utf-8")
        #expect(failed.header("X-Understudy-Route") == "GET /developers/v1.0/events")
        #expect(failed.json == goEventError("Internal server error"))
        #expect(try server.goEvent("GET", "/events").status == 200)
    }
}
