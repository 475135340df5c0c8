import Emulation
import TestSupport
import Testing

/// GoEvent's reads are memoized (`ResponseCache`): a repeated read is answered from memory, and
/// anything that could change the answer makes the next read run again.
@Suite struct MemoizedReadsTests {
    private func gala(_ server: TestServer, token: String = Seed.token) throws -> TestResponse {
        try server.goEvent("GET", "/tickets?eventId=\(Seed.galaEventID)", token: token)
    }

    @Test func aRepeatedReadAnswersTheSameAndIsStillJournaledAndAuthenticated() throws {
        let server = try TestServer()
        let first = try gala(server)
        let second = try gala(server)
        #expect(first.status == 200)
        #expect(second.status == 200)
        #expect(second.body == first.body)
        #expect(second.header("X-Understudy-Route") == "GET /developers/v1.0/tickets")
        #expect(server.world.journal.entries(provider: "goevent", limit: 10).count == 2)
        #expect(try gala(server, token: "not-a-token").status == 401)
    }

    @Test func aWriteThroughTheAPIShowsInTheNextRead() throws {
        let server = try TestServer()
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 100)
        let order = try server.createTickets([
            "eventId": .string(Seed.galaEventID), "tickets": [["ticket_id": .string(Seed.galaVIPTicketID), "quantity": 3]],
            "participant": ["participantId": .string(Seed.johnDoeID)],
        ])
        #expect(order.status == 200)
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 97)
    }

    @Test func aWriteStraightToTheDatabaseAndAResetShowInTheNextRead() throws {
        let server = try TestServer()
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 100)
        _ = try server.world.database.write { try $0.run("UPDATE goevent_tickets SET quantity = 7 WHERE id = ?", Seed.galaVIPTicketID) }
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 7)
        #expect(try server.request("POST", "/_understudy/reset?provider=goevent").status == 200)
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 100)
    }

    @Test func aTokenGivenToAnotherUserAnswersForThatUserAtOnce() throws {
        let server = try TestServer()
        let shared = "shared-token"
        let added = try server.request(
            "POST", "/_understudy/goevent/tokens", json: ["token": .string(shared), "userId": .string(Seed.organiserID)])
        #expect(added.status == 201)
        #expect(try gala(server, token: shared).status == 200)
        let moved = try server.request(
            "POST", "/_understudy/goevent/tokens", json: ["token": .string(shared), "userId": .string(Seed.otherOrganiserID)])
        #expect(moved.status == 200)
        // The other organiser does not administer the gala.
        #expect(try gala(server, token: shared).status == 404)
    }

    @Test func anArmedFaultStillAnswersARepeatedRead() throws {
        let server = try TestServer()
        #expect(try gala(server).status == 200)
        let armed = try server.request(
            "POST", "/_understudy/goevent/faults", json: ["method": "GET", "path": "/developers/v1.0/tickets", "status": 503, "times": 1])
        #expect(armed.status == 201)
        #expect(try gala(server).status == 503)
        #expect(try gala(server).status == 200)
    }

    @Test func withTheCacheOffEveryReadRunsTheHandler() throws {
        let server = try TestServer { $0.memoizesResponses = false }
        #expect(!server.world.responses.isEnabled)
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 100)
        _ = try server.world.database.write { try $0.run("UPDATE goevent_tickets SET quantity = 5 WHERE id = ?", Seed.galaVIPTicketID) }
        #expect(try server.quantity(ofTicket: Seed.galaVIPTicketID, event: Seed.galaEventID) == 5)
    }
}
