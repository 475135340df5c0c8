import Emulation
import TestSupport
import Testing

/// `POST /tickets/create` refusals (spec §5.4 steps 1 to 9): the exact message of each, that the
/// first failing step answers, and that a refused order changes nothing at all.
@Suite struct CreateTicketsValidationTests {
    /// A valid order for two Gala VIP tickets and John Doe (the docs' first example).
    static let validOrder: JSONValue = [
        "eventId": .string(Seed.galaEventID),
        "tickets": [["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 2]],
        "participant": ["participantId": .string(Seed.johnDoeID)],
    ]

    /// The valid order with some fields replaced (a nil value removes the field).
    static func order(_ changes: [String: JSONValue?]) -> JSONValue {
        var fields = validOrder.objectValue!
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) { fields[key] = value }
        return .object(fields)
    }

    static func expectRefusal(
        _ server: TestServer, _ body: JSONValue, status: Int = 400, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let response = try server.createTickets(body)
        #expect(response.status == status, "\(JSONWriter.string(body))", sourceLocation: sourceLocation)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8", sourceLocation: sourceLocation)
        #expect(response.json == goEventError(message), "\(JSONWriter.string(body))", sourceLocation: sourceLocation)
    }

    @Test func theBodyMustBeAJSONObject() throws {
        let server = try TestServer()
        try Self.expectRefusal(server, [], "Request body must be a JSON object")
        try Self.expectRefusal(server, [Self.validOrder], "Request body must be a JSON object")
    }

    @Test func malformedJSONIsABadRequest() throws {
        let server = try TestServer()
        // Express's JSON parser only takes an object or an array at the top level.
        for text in ["{\"eventId\": ", "{'eventId': 1}", "\"text\"", "42", "null", "true"] {
            let response = try server.goEvent(
                "POST", "/tickets/create", headers: [("Content-Type", "application/json")], body: text)
            #expect(response.status == 400, "\(text)")
            #expect(response.json == goEventError("Invalid JSON body"), "\(text)")
        }
    }

    @Test func aBodyNotDeclaredAsJSONCountsAsEmpty() throws {
        let server = try TestServer()
        let valid = JSONWriter.string(Self.validOrder)
        for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/vnd.api+json", nil] {
            let headers = contentType.map { [("Content-Type", $0)] } ?? []
            let response = try server.goEvent("POST", "/tickets/create", headers: headers, body: valid)
            #expect(response.status == 400, "\(contentType ?? "no content type")")
            #expect(response.json == goEventError("eventId is required"), "\(contentType ?? "no content type")")
        }
        let empty = try server.goEvent("POST", "/tickets/create", headers: [("Content-Type", "application/json")], body: "")
        #expect(empty.json == goEventError("eventId is required"))
        let withCharset = try server.goEvent(
            "POST", "/tickets/create", headers: [("Content-Type", "application/json; charset=utf-8")], body: valid)
        #expect(withCharset.status == 200)
    }

    @Test func eventIdIsRequiredAndMustBeAnObjectId() throws {
        let server = try TestServer()
        try Self.expectRefusal(server, Self.order(["eventId": nil]), "eventId is required")
        try Self.expectRefusal(server, Self.order(["eventId": ""]), "eventId is required")
        try Self.expectRefusal(server, Self.order(["eventId": .null]), "eventId is required")
        try Self.expectRefusal(server, Self.order(["eventId": "643e7b19"]), "Invalid eventId")
        try Self.expectRefusal(server, Self.order(["eventId": 643]), "Invalid eventId")
        try Self.expectRefusal(server, Self.order(["eventId": [.string(Seed.galaEventID)]]), "Invalid eventId")
    }

    @Test func ticketsMustBeANonEmptyArray() throws {
        let server = try TestServer()
        for tickets: JSONValue? in [nil, [], "65fff7aada40be007f09ee95", ["ticket_id": .string(Seed.galaVIPTicketID)], .null] {
            try Self.expectRefusal(server, Self.order(["tickets": tickets]), "tickets must be a non-empty array")
        }
    }

    @Test func eachTicketItemIsCheckedInOrder() throws {
        let server = try TestServer()
        let valid: JSONValue = ["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 1]
        let expectations: [(items: JSONValue, message: String)] = [
            (["VIP"], "tickets[0] must be an object"),
            ([valid, 3], "tickets[1] must be an object"),
            ([valid, valid, .null], "tickets[2] must be an object"),
            ([["quantity": 1]], "tickets[0].ticket_id is required"),
            ([valid, ["ticket_id": "", "quantity": 1]], "tickets[1].ticket_id is required"),
            ([["ticket_id": "abc", "quantity": 1]], "Invalid ticket_id: abc"),
            ([["ticket_id": 42, "quantity": 1]], "Invalid ticket_id: 42"),
            ([["ticket_id": .string(Seed.galaVIPTicketID)]], "tickets[0].quantity must be a positive integer"),
            ([valid, ["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 0]], "tickets[1].quantity must be a positive integer"),
            ([["ticket_id": .string(Seed.galaVIPTicketID), "quantity": -1]], "tickets[0].quantity must be a positive integer"),
            ([["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 1.5]], "tickets[0].quantity must be a positive integer"),
            ([["ticket_id": .string(Seed.galaVIPTicketID), "quantity": "2"]], "tickets[0].quantity must be a positive integer"),
            // An earlier item's problem wins over a later one's, whatever the kinds.
            ([["ticket_id": "abc", "quantity": 0], "x"], "Invalid ticket_id: abc"),
        ]
        for (items, message) in expectations {
            try Self.expectRefusal(server, Self.order(["tickets": items]), message)
        }
    }

    @Test func theParticipantIsCheckedAfterTheTickets() throws {
        let server = try TestServer()
        let expectations: [(participant: JSONValue, message: String)] = [
            ("John Doe", "participant must be an object"),
            ([.string(Seed.johnDoeID)], "participant must be an object"),
            (["participantId": "697f5481"], "Invalid participantId"),
            (["participantId": 12, "first_name": "John"], "Invalid participantId"),
            ([:], "first_name, last_name and email are required"),
            (["first_name": "John", "last_name": "Doe"], "first_name, last_name and email are required"),
            (["first_name": "John", "last_name": "", "email": "john@example.com"], "first_name, last_name and email are required"),
            (["participantId": "", "first_name": "John", "last_name": "Doe"], "first_name, last_name and email are required"),
            (["first_name": "John", "last_name": "Doe", "email": "john.example.com"], "Invalid email"),
            (["first_name": "John", "last_name": "Doe", "email": "john@example"], "Invalid email"),
            (["first_name": "John", "last_name": "Doe", "email": "john doe@example.com"], "Invalid email"),
            (["first_name": "John", "last_name": "Doe", "email": "john@@example.com"], "Invalid email"),
            (["first_name": "John", "last_name": "Doe", "email": "john@example."], "Invalid email"),
        ]
        for (participant, message) in expectations {
            try Self.expectRefusal(server, Self.order(["participant": participant]), message)
        }
        // tickets come before participant
        try Self.expectRefusal(server, Self.order(["tickets": [], "participant": "x"]), "tickets must be a non-empty array")
    }

    @Test func bodyChecksComeBeforeLookups() throws {
        let server = try TestServer()
        // An unknown event does not hide a bad participant, nor a bad event id empty tickets.
        try Self.expectRefusal(
            server, Self.order(["eventId": "507f1f77bcf86cd799439099", "participant": ["participantId": "x"]]),
            "Invalid participantId")
        try Self.expectRefusal(server, Self.order(["eventId": "abc", "tickets": []]), "Invalid eventId")
    }

    @Test func theEventMustBeOneTheUserAdministers() throws {
        let server = try TestServer()
        try Self.expectRefusal(server, Self.order(["eventId": "507f1f77bcf86cd799439099"]), status: 404, "Event not found")
        try Self.expectRefusal(server, Self.order(["eventId": .string(Seed.privateEventID)]), status: 404, "Event not found")
        // The event is looked up before its tickets.
        try Self.expectRefusal(
            server,
            Self.order(["eventId": .string(Seed.privateEventID), "tickets": [["ticket_id": "507f1f77bcf86cd799439999", "quantity": 1]]]),
            status: 404, "Event not found")
    }

    @Test func eachTicketMustBeATypeOfThatEvent() throws {
        let server = try TestServer()
        let items: JSONValue = [
            ["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 1],
            ["ticket_id": "67212707E47FF56741ACB3B1", "quantity": 1],
        ]
        try Self.expectRefusal(server, Self.order(["tickets": items]), status: 404, "Ticket not found: 67212707E47FF56741ACB3B1")
        try Self.expectRefusal(
            server, Self.order(["tickets": [["ticket_id": "65fff7aada40be007f09ee99", "quantity": 1]]]), status: 404,
            "Ticket not found: 65fff7aada40be007f09ee99")
        // Tickets are looked up before the participant.
        try Self.expectRefusal(
            server,
            Self.order(["tickets": items, "participant": ["participantId": "697f54811fc6cd47e04c3999"]]),
            status: 404, "Ticket not found: 67212707E47FF56741ACB3B1")
    }

    @Test func anExistingParticipantMustBeOneOfTheUsers() throws {
        let server = try TestServer()
        for id in ["697f54811fc6cd47e04c3999", Seed.lucDurandID] {
            try Self.expectRefusal(server, Self.order(["participant": ["participantId": .string(id)]]), status: 404, "Participant not found")
        }
        // The participant is looked up before the stock is checked.
        try Self.expectRefusal(
            server,
            Self.order([
                "tickets": [["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 1000]],
                "participant": ["participantId": .string(Seed.lucDurandID)],
            ]), status: 404, "Participant not found")
    }

    @Test func aDisabledTypeOrTooFewTicketsAreRefused() throws {
        let server = try TestServer()
        func festivalOrder(_ items: JSONValue) -> JSONValue {
            ["eventId": .string(Seed.festivalEventID), "tickets": items]
        }
        try Self.expectRefusal(
            server, festivalOrder([["ticket_id": .string(Seed.festivalBackstageTicketID), "quantity": 1]]),
            "Ticket Backstage is not available")
        try Self.expectRefusal(
            server, festivalOrder([["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 501]]),
            "Not enough tickets available for Pass 1 jour")
        try Self.expectRefusal(
            server,
            ["eventId": .string(Seed.jazzEventID), "tickets": [["ticket_id": .string(Seed.jazzStandardTicketID), "quantity": 1]]],
            "Not enough tickets available for Standard")
        // Types are checked in the order the request first names them.
        try Self.expectRefusal(
            server,
            festivalOrder([
                ["ticket_id": .string(Seed.festivalTwoDayPassTicketID), "quantity": 201],
                ["ticket_id": .string(Seed.festivalBackstageTicketID), "quantity": 1],
            ]), "Not enough tickets available for Pass 2 jours")
        // A huge quantity is still a number of tickets, and there are not that many.
        try Self.expectRefusal(
            server, festivalOrder([["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 1e300]]),
            "Not enough tickets available for Pass 1 jour")
    }

    @Test func repeatedTicketIdsAreSummedBeforeTheStockCheck() throws {
        let server = try TestServer()
        let order: JSONValue = [
            "eventId": .string(Seed.jazzEventID),
            "tickets": [
                ["ticket_id": .string(Seed.jazzVIPTicketID), "quantity": 20],
                ["ticket_id": .string(Seed.jazzVIPTicketID), "quantity": 11],
            ],
        ]
        try Self.expectRefusal(server, order, "Not enough tickets available for VIP")
        #expect(try server.quantity(ofTicket: Seed.jazzVIPTicketID, event: Seed.jazzEventID) == 30)
    }

    @Test func aRefusedOrderChangesNothing() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-08-01T12:00:00Z")
        let refusals: [JSONValue] = [
            // a valid first item, a disabled second one, and a new participant
            [
                "eventId": .string(Seed.festivalEventID),
                "tickets": [
                    ["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 5],
                    ["ticket_id": .string(Seed.festivalBackstageTicketID), "quantity": 1],
                ],
                "participant": ["first_name": "Ana", "last_name": "Lopez", "email": "ana@example.com"],
            ],
            // enough of the first type, too few of the second, and an existing participant
            [
                "eventId": .string(Seed.festivalEventID),
                "tickets": [
                    ["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 5],
                    ["ticket_id": .string(Seed.festivalTwoDayPassTicketID), "quantity": 500],
                ],
                "participant": ["participantId": .string(Seed.claireMartinID)],
            ],
        ]
        for order in refusals {
            let response = try server.createTickets(order)
            #expect(response.status == 400)
        }
        #expect(try server.ticketTypes(ofEvent: Seed.festivalEventID).map { $0["quantity"] } == [500, 200, 10])
        #expect(try server.participantIDs(ofEvent: Seed.festivalEventID) == [Seed.johnDoeID, Seed.janeSmithID])
        let issued = try server.request("GET", "/_understudy/goevent/issued-tickets")
        #expect(issued.json == ["issuedTickets": []])

        // Nor did it use up an id: the next order gets the first one.
        let accepted = try server.createTickets([
            "eventId": .string(Seed.festivalEventID),
            "tickets": [["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 1]],
            "participant": ["first_name": "Ana", "last_name": "Lopez", "email": "ana@example.com"],
        ])
        #expect(accepted.json["participant"]?["id"] == "680000000000000000000001")
    }
}
