import Emulation
import TestSupport
import Testing

/// `GET /participants?eventId=…` (spec §5.5).
@Suite struct ParticipantsTests {
    @Test func listsTheEventsParticipantsOldestFirst() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/participants?eventId=\(Seed.festivalEventID)&page=1&limit=50")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("X-Understudy-Route") == "GET /developers/v1.0/participants")
        #expect(response.json == [
            "participants": [Seed.johnDoe, Seed.janeSmith],
            "paginate": ["hasNextPage": false, "nextPage": nil],
        ])
    }

    @Test func eachEventListsOnlyItsOwnParticipants() throws {
        let server = try TestServer()
        let jazz = try server.goEvent("GET", "/participants?eventId=\(Seed.jazzEventID)")
        #expect(jazz.json["participants"] == [Seed.claireMartin])
        let gala = try server.goEvent("GET", "/participants?eventId=\(Seed.galaEventID)")
        #expect(gala.json == ["participants": [], "paginate": ["hasNextPage": false, "nextPage": nil]])
        let other = try server.goEvent("GET", "/participants?eventId=\(Seed.privateEventID)", token: Seed.otherToken)
        #expect(other.json["participants"] == [Seed.lucDurand])
    }

    @Test func eventIdIsCheckedInTheSpecsOrder() throws {
        let server = try TestServer()
        let expectations: [(query: String, status: Int, message: String)] = [
            ("?page=1&limit=50", 400, "eventId is required"),
            ("?eventId=&page=1", 400, "eventId is required"),
            ("?eventId=not-an-object-id", 400, "Invalid eventId"),
            ("?eventId=507f1f77bcf86cd799439099", 404, "Event not found"),
            ("?eventId=\(Seed.privateEventID)", 404, "Event not found"),
        ]
        for (query, status, message) in expectations {
            let response = try server.goEvent("GET", "/participants\(query)")
            #expect(response.status == status, "\(query)")
            #expect(response.json == goEventError(message), "\(query)")
        }
    }

    @Test func pagesWalkThroughTheList() throws {
        let server = try TestServer()
        let base = "/participants?eventId=\(Seed.festivalEventID)&limit=1"
        let first = try server.goEvent("GET", base)
        #expect(first.json == ["participants": [Seed.johnDoe], "paginate": ["hasNextPage": true, "nextPage": 2]])
        let last = try server.goEvent("GET", base + "&page=2")
        #expect(last.json == ["participants": [Seed.janeSmith], "paginate": ["hasNextPage": false, "nextPage": nil]])
        let pastTheEnd = try server.goEvent("GET", base + "&page=3")
        #expect(pastTheEnd.json == ["participants": [], "paginate": ["hasNextPage": false, "nextPage": nil]])
        let bad = try server.goEvent("GET", "/participants?eventId=\(Seed.festivalEventID)&page=abc&limit=-1")
        #expect(bad.json == ["participants": [Seed.johnDoe, Seed.janeSmith], "paginate": ["hasNextPage": false, "nextPage": nil]])
        let truncated = try server.goEvent("GET", "/participants?eventId=\(Seed.festivalEventID)&page=2.9&limit=1abc")
        #expect(truncated.json["participants"] == [Seed.janeSmith])
    }

    @Test func participantsAreOrderedByCreationThenId() throws {
        let server = try TestServer()
        func newParticipant(_ firstName: String) throws -> String? {
            try server.createTickets([
                "eventId": .string(Seed.festivalEventID),
                "tickets": [["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 1]],
                "participant": ["first_name": .string(firstName), "last_name": "Test", "email": "test@example.com"],
            ]).json["participant"]?["id"]?.stringValue
        }
        try server.freezeClock(at: "2025-01-01T00:00:00Z")
        let late1 = try newParticipant("Late")
        let late2 = try newParticipant("Later")  // same instant: the id decides
        try server.freezeClock(at: "2020-01-01T00:00:00Z")
        let early = try newParticipant("Early")
        let ids = try server.participantIDs(ofEvent: Seed.festivalEventID)
        #expect(ids == [early, Seed.johnDoeID, Seed.janeSmithID, late1, late2].compactMap { $0 })
    }

    @Test func aLimitAboveOneHundredReturnsOneHundred() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-01-01T00:00:00Z")
        for index in 1...99 {
            let response = try server.createTickets([
                "eventId": .string(Seed.festivalEventID),
                "tickets": [["ticket_id": .string(Seed.festivalDayPassTicketID), "quantity": 1]],
                "participant": ["first_name": "Guest", "last_name": .string("N\(index)"), "email": "guest@example.com"],
            ])
            try #require(response.status == 200)
        }
        // 101 participants now: John, Jane, then the 99 guests.
        let first = try server.goEvent("GET", "/participants?eventId=\(Seed.festivalEventID)&limit=500")
        #expect(first.json["participants"]?.arrayValue?.count == 100)
        #expect(first.json["paginate"] == ["hasNextPage": true, "nextPage": 2])
        let second = try server.goEvent("GET", "/participants?eventId=\(Seed.festivalEventID)&limit=500&page=2")
        #expect(second.json["participants"]?.arrayValue?.map { $0["last_name"] } == ["N99"])
        #expect(second.json["paginate"] == ["hasNextPage": false, "nextPage": nil])
        let defaults = try server.goEvent("GET", "/participants?eventId=\(Seed.festivalEventID)&page=6")
        #expect(defaults.json["participants"]?.arrayValue?.map { $0["last_name"] } == ["N99"])
    }
}
