import Emulation
import TestSupport
import Testing

/// What an accepted `POST /tickets/create` changes (spec §5.4 "Effects on success", §7).
@Suite struct CreateTicketsTests {
    @Test func anOrderForAnExistingParticipantTakesTheStockAndAnswersWithTheirContact() throws {
        let server = try TestServer()
        let response = try server.createTickets([
            "eventId": .string(Seed.galaEventID),
            "tickets": [["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 2]],
            "participant": ["participantId": .string(Seed.johnDoeID)],
        ])
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("X-Understudy-Route") == "POST /developers/v1.0/tickets/create")
        #expect(response.json.objectValue?.keys == ["success", "participant", "tickets"])
        #expect(response.json["success"] == true)
        #expect(response.json["participant"] == [
            "id": "697f54811fc6cd47e04c39c3", "last_name": "Doe", "first_name": "John",
            "email": "john.doe@example.com", "phone": "+1234567890", "address": nil,
        ])
        let tickets = response.json["tickets"]?.arrayValue ?? []
        #expect(tickets.count == 1)
        #expect(tickets.first?.objectValue?.keys == ["name", "url", "quantity"])
        #expect(tickets.first?["name"] == "VIP")
        #expect(tickets.first?["quantity"] == 2)
        #expect(isIssuedTicketURL(tickets.first?["url"]?.stringValue))

        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 98)
        #expect(try server.quantity(ofTicket: Seed.galaStandardTicketID, event: Seed.galaEventID) == 250)
        // John was linked to the festival only; now the gala lists him too.
        #expect(try server.participantIDs(ofEvent: Seed.galaEventID) == [Seed.johnDoeID])
        #expect(try server.participantIDs(ofEvent: Seed.festivalEventID) == [Seed.johnDoeID, Seed.janeSmithID])
    }

    @Test func anOrderWithNewDetailsCreatesAConfirmedParticipantLinkedToTheEvent() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-08-01T12:34:56.789Z")
        let response = try server.createTickets([
            "eventId": .string(Seed.festivalEventID),
            "tickets": [["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 3]],
            "participant": [
                "last_name": "Doe", "first_name": "John", "email": "john.doe@example.com", "phone": "+1234567890",
            ],
        ])
        #expect(response.status == 200)
        // A new record even though John Doe's e-mail exists: no de-duplication.
        #expect(response.json["participant"] == [
            "id": "680000000000000000000001", "last_name": "Doe", "first_name": "John",
            "email": "john.doe@example.com", "phone": "+1234567890", "address": nil,
        ])
        #expect(response.json["tickets"]?.arrayValue?.first?["url"]?.stringValue?
            .hasPrefix("https://goeventcloud2.s3.amazonaws.com/ticket-680000000000000000000002.pdf?signature=") == true)

        let participants = try server.goEvent("GET", "/participants?eventId=\(Seed.festivalEventID)")
        #expect(participants.json["participants"] == [
            Seed.johnDoe, Seed.janeSmith,
            [
                "id": "680000000000000000000001", "last_name": "Doe", "first_name": "John",
                "email": "john.doe@example.com", "phone": "+1234567890", "address": nil, "confirmed": true,
                "created": "2025-08-01T12:34:56.789Z",
            ],
        ])
        #expect(try server.quantity(ofTicket: Seed.festivalDayPassTicketID, event: Seed.festivalEventID) == 497)
    }

    @Test func optionalDetailsAreStoredAsGivenOrNull() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-08-01T12:00:00Z")
        let response = try server.createTickets([
            "eventId": .string(Seed.jazzEventID),
            "tickets": [["ticket_id": .string(Seed.jazzVIPTicketID), "quantity": 1]],
            "participant": [
                "first_name": "Zoé", "last_name": "Lefèvre", "email": "zoe@example.fr", "address": "3 quai Saint-Vincent, Lyon",
            ],
        ])
        #expect(response.json["participant"] == [
            "id": "680000000000000000000001", "last_name": "Lefèvre", "first_name": "Zoé", "email": "zoe@example.fr",
            "phone": nil, "address": "3 quai Saint-Vincent, Lyon",
        ])
    }

    @Test func anonymousTicketsLinkNobody() throws {
        let server = try TestServer()
        let response = try server.createTickets([
            "eventId": .string(Seed.galaEventID),
            "tickets": [["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 1]],
        ])
        #expect(response.status == 200)
        #expect(response.json["participant"] == .null)
        #expect(response.json["tickets"]?.arrayValue?.map { $0["name"] } == ["VIP"])
        #expect(try server.participantIDs(ofEvent: Seed.galaEventID) == [])
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 99)

        // A null participant is no participant.
        let explicitNull = try server.createTickets([
            "eventId": .string(Seed.galaEventID),
            "tickets": [["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 1]],
            "participant": nil,
        ])
        #expect(explicitNull.status == 200)
        #expect(explicitNull.json["participant"] == .null)
    }

    @Test func linkingAnExistingParticipantTwiceListsThemOnce() throws {
        let server = try TestServer()
        let order: JSONValue = [
            "eventId": .string(Seed.festivalEventID),
            "tickets": [["ticket_id": .string(Seed.festivalTwoDayPassTicketID), "quantity": 1]],
            "participant": ["participantId": .string(Seed.claireMartinID)],
        ]
        #expect(try server.createTickets(order).status == 200)
        #expect(try server.createTickets(order).status == 200)
        // Ordered by creation date: Claire (2024-05-20) after John and Jane.
        #expect(try server.participantIDs(ofEvent: Seed.festivalEventID) == [Seed.johnDoeID, Seed.janeSmithID, Seed.claireMartinID])
        #expect(try server.participantIDs(ofEvent: Seed.jazzEventID) == [Seed.claireMartinID])
        #expect(try server.quantity(ofTicket: Seed.festivalTwoDayPassTicketID, event: Seed.festivalEventID) == 198)
    }

    @Test func participantIdWinsOverDetails() throws {
        let server = try TestServer()
        let response = try server.createTickets([
            "eventId": .string(Seed.festivalEventID),
            "tickets": [["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 1]],
            "participant": ["participantId": .string(Seed.janeSmithID), "first_name": "Ignored", "email": "not-an-email"],
        ])
        #expect(response.status == 200)
        #expect(response.json["participant"]?["id"] == .string(Seed.janeSmithID))
        #expect(response.json["participant"]?["first_name"] == "Jane")
        #expect(try server.participantIDs(ofEvent: Seed.festivalEventID) == [Seed.johnDoeID, Seed.janeSmithID])
    }

    @Test func eachItemIsIssuedSeparatelyAndRepeatedTypesAreTakenTogether() throws {
        let server = try TestServer()
        let response = try server.createTickets([
            "eventId": .string(Seed.festivalEventID),
            "tickets": [
                ["ticket_id": .string(Seed.festivalTwoDayPassTicketID), "quantity": 2],
                ["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 4.0],
                ["ticket_id": "67212707E47FF56741ACB3B2", "quantity": 3],
            ],
        ])
        #expect(response.status == 200)
        let tickets = response.json["tickets"]?.arrayValue ?? []
        #expect(tickets.map { $0["name"] } == ["Pass 2 jours", "Pass 1 jour", "Pass 2 jours"])
        #expect(tickets.map { $0["quantity"] } == [2, 4, 3])
        #expect(tickets.allSatisfy { isIssuedTicketURL($0["url"]?.stringValue) })
        #expect(Set(tickets.compactMap { $0["url"]?.stringValue }).count == 3)
        #expect(try server.ticketTypes(ofEvent: Seed.festivalEventID).map { $0["quantity"] } == [496, 195, 10])
    }

    @Test func takingTheLastTicketsMakesTheTypeUnavailable() throws {
        let server = try TestServer()
        let lastThirty: JSONValue = [
            "eventId": .string(Seed.jazzEventID),
            "tickets": [
                ["ticket_id": .string(Seed.jazzVIPTicketID), "quantity": 20],
                ["ticket_id": .string(Seed.jazzVIPTicketID), "quantity": 10],
            ],
        ]
        #expect(try server.createTickets(lastThirty).status == 200)
        let tickets = try server.goEvent("GET", "/tickets?eventId=\(Seed.jazzEventID)")
        #expect(tickets.json["tickets"]?.arrayValue?.first == [
            "id": "507f1f77bcf86cd799439a01", "name": "VIP", "available": false, "quantity": 0,
        ])
        let event = try server.goEvent("GET", "/event/\(Seed.jazzEventID)")
        #expect(event.json["tickets"]?.arrayValue?.first?["available"] == false)

        let oneMore = try server.createTickets([
            "eventId": .string(Seed.jazzEventID), "tickets": [["ticket_id": .string(Seed.jazzVIPTicketID), "quantity": 1]],
        ])
        #expect(oneMore.status == 400)
        #expect(oneMore.json == goEventError("Not enough tickets available for VIP"))
    }

    @Test func anotherUserWorksOnTheirOwnEventsAndParticipants() throws {
        let server = try TestServer()
        let response = try server.createTickets(
            [
                "eventId": .string(Seed.privateEventID),
                "tickets": [["ticket_id": "6660b00000000000000000d1", "quantity": 2]],
                "participant": ["participantId": .string(Seed.lucDurandID)],
            ], token: Seed.otherToken)
        #expect(response.status == 200)
        #expect(response.json["participant"]?["last_name"] == "Durand")
        let tickets = try server.goEvent("GET", "/tickets?eventId=\(Seed.privateEventID)", token: Seed.otherToken)
        #expect(tickets.json["tickets"]?.arrayValue?.first?["quantity"] == 78)

        // The organiser cannot link the other user's participant to their own event.
        let refused = try server.createTickets([
            "eventId": .string(Seed.galaEventID), "tickets": [["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 1]],
            "participant": ["participantId": .string(Seed.lucDurandID)],
        ])
        #expect(refused.status == 404)
        #expect(refused.json == goEventError("Participant not found"))
    }
}
