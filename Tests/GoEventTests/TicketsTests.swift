import Emulation
import TestSupport
import Testing

/// `GET /tickets?eventId=…` (spec §5.3).
@Suite struct TicketsTests {
    @Test func listsTheEventsTicketTypesInCreationOrder() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/tickets?eventId=\(Seed.festivalEventID)")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("X-Understudy-Route") == "GET /developers/v1.0/tickets")
        #expect(response.json == [
            "tickets": [
                ["id": "67212707e47ff56741acb3b1", "name": "Pass 1 jour", "available": true, "quantity": 500],
                ["id": "67212707e47ff56741acb3b2", "name": "Pass 2 jours", "available": true, "quantity": 200],
                ["id": "67212707e47ff56741acb3b3", "name": "Backstage", "available": false, "quantity": 10],
            ]
        ])
    }

    @Test func aSoldOutTypeIsUnavailable() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/tickets?eventId=\(Seed.jazzEventID)")
        #expect(response.json == [
            "tickets": [
                ["id": "507f1f77bcf86cd799439a01", "name": "VIP", "available": true, "quantity": 30],
                ["id": "507f1f77bcf86cd799439a02", "name": "Standard", "available": false, "quantity": 0],
            ]
        ])
    }

    @Test func theSeedsGalaTicketsAreTheDocsSample() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/tickets?eventId=\(Seed.galaEventID)")
        #expect(response.json == [
            "tickets": [
                ["id": "65fff7aada40be007f09ee95", "name": "VIP", "available": true, "quantity": 100],
                ["id": "65fff7aada40be007f09ee96", "name": "Standard", "available": true, "quantity": 250],
            ]
        ])
    }

    @Test func eventIdIsCheckedInTheSpecsOrder() throws {
        let server = try TestServer()
        let expectations: [(query: String, status: Int, message: String)] = [
            ("", 400, "eventId is required"),
            ("?eventId=", 400, "eventId is required"),
            ("?eventid=\(Seed.festivalEventID)", 400, "eventId is required"),
            ("?eventId=abc", 400, "Invalid eventId"),
            ("?eventId=\(Seed.festivalEventID)x", 400, "Invalid eventId"),
            ("?eventId=\(Seed.festivalEventID)&eventId=\(Seed.galaEventID)", 400, "Invalid eventId"),
            ("?eventId=507f1f77bcf86cd799439099", 404, "Event not found"),
            ("?eventId=\(Seed.privateEventID)", 404, "Event not found"),
        ]
        for (query, status, message) in expectations {
            let response = try server.goEvent("GET", "/tickets\(query)")
            #expect(response.status == status, "\(query)")
            #expect(response.json == goEventError(message), "\(query)")
        }
    }
}
