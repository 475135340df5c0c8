import Emulation
import TestSupport
import Testing

/// The docs' examples, in the order of spec §8, against one fresh server: each must succeed
/// with the result the spec lists.
@Suite struct DocsExamplesTests {
    @Test func theDocsExamplesSucceedInSequence() throws {
        let server = try TestServer()

        let firstPage = try server.goEvent("GET", "/events?page=1&limit=20")
        #expect(firstPage.status == 200)
        #expect(firstPage.json["events"]?.arrayValue?.count == 20)
        #expect(firstPage.json["events"]?.arrayValue?.first == EventsTests.concertDeJazz)
        #expect(firstPage.json["paginate"] == ["hasNextPage": true, "nextPage": 2])

        let secondPage = try server.goEvent("GET", "/events?page=2&limit=20")
        #expect(secondPage.json["events"]?.arrayValue?.map { $0["name"] } == ["Soirée Test 17", "Soirée Test 18", "Soirée Test 19"])
        #expect(secondPage.json["paginate"] == ["hasNextPage": false, "nextPage": nil])

        let event = try server.goEvent("GET", "/event/67212707e47ff56741acb3a6")
        #expect(event.status == 200)
        #expect(event.json["event"]?["name"] == "Festival Électro Lyon")
        #expect(event.json["tickets"]?.arrayValue?.count == 3)

        let tickets = try server.goEvent("GET", "/tickets?eventId=67212707e47ff56741acb3a6")
        #expect(tickets.status == 200)
        #expect(tickets.json["tickets"] == event.json["tickets"])

        // The three create variants, verbatim, each taking from the Gala's VIP stock.
        let existing = try server.goEvent(
            "POST", "/tickets/create", headers: [("Content-Type", "application/json")],
            body: """
                {
                "eventId": "643e7b194937913299554a7d",
                "tickets": [
                { "ticket_id": "65fff7aada40be007f09ee95", "quantity": 2 }
                ],
                "participant": {
                "participantId": "697f54811fc6cd47e04c39c3"
                }
                }
                """)
        #expect(existing.status == 200)
        #expect(existing.json["success"] == true)
        #expect(existing.json["participant"]?["last_name"] == "Doe")
        #expect(existing.json["participant"]?["id"] == "697f54811fc6cd47e04c39c3")
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 98)

        let new = try server.goEvent(
            "POST", "/tickets/create", headers: [("Content-Type", "application/json")],
            body: """
                {"eventId": "643e7b194937913299554a7d",
                 "tickets": [{"ticket_id": "65fff7aada40be007f09ee95", "quantity": 2}],
                 "participant": {"last_name": "Doe", "first_name": "John", "email": "john.doe@example.com", "phone": "+1234567890"}}
                """)
        #expect(new.status == 200)
        #expect(new.json["participant"]?["first_name"] == "John")
        #expect(new.json["participant"]?["id"] != "697f54811fc6cd47e04c39c3")
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 96)

        let anonymous = try server.goEvent(
            "POST", "/tickets/create", headers: [("Content-Type", "application/json")],
            body: #"{"eventId": "643e7b194937913299554a7d", "tickets": [{"ticket_id": "65fff7aada40be007f09ee95", "quantity": 1}]}"#)
        #expect(anonymous.status == 200)
        #expect(anonymous.json["participant"] == .null)
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 95)

        let participants = try server.goEvent("GET", "/participants?eventId=67212707e47ff56741acb3a6&page=1&limit=50")
        #expect(participants.status == 200)
        #expect(participants.json == [
            "participants": [Seed.johnDoe, Seed.janeSmith],
            "paginate": ["hasNextPage": false, "nextPage": nil],
        ])
    }
}
