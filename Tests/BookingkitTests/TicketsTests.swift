import Emulation
import Foundation
import TestSupport
import Testing

/// Tickets and participants in their endpoint forms (spec §5.8, §5.9, §6.9, §6.10).
@Suite struct TicketsTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func theDocsTicketAndParticipantRenderAsTheirSamples() throws {
        let ticket = try server.bk("GET", "/orders/\(BK.ob)/tickets/t1aa3a67eb1f3aa2a8f712ba8bb6649d", token: BK.spree).json
        #expect(keys(ticket) == [
            "id", "event_date_id", "date_id", "event_id", "code", "status", "comment", "cancellation_date", "vat", "order", "participants",
        ])
        #expect(ticket["order"] == .string(BK.ob))
        #expect(ticket["cancellation_date"] == "2024-08-06T07:36:35Z")
        #expect(ticket["participants"]?[0]?["ticket_id"] == "t1aa3a67eb1f3aa2a8f712ba8bb6649d")
        let participant = try server.bk(
            "GET", "/orders/\(BK.oc)/tickets/08f99ce88195d7b582e5921548c2b579/participant_tickets/a4f8dce00bef7c934b995c743f5b983a",
            token: BK.spree)
        #expect(participant.json == [
            "id": "a4f8dce00bef7c934b995c743f5b983a", "status": "ACCEPTED", "name": "John Doe", "email": "john.doe@example.com",
            "phone": "+49 123 456 789", "comment": "Vegetarian meal required", "price_id": 559, "price_value": "35.00", "price_title": "kids",
            "vat": "0.00", "cancellation_date": "2024-08-06T07:36:35Z", "code": "67T-8X5YKK-FGG", "checked_in": "",
            "entry_units": [["type": "ADULT"]], "ticket_id": "08f99ce88195d7b582e5921548c2b579", "order": "0f20cad840e30ebbe5b261a8c7ea8488",
            "redeemed_flexTicket": [
                "id": "dd7588d4d22a6f9a860596ad38b09eab", "redeemed_value": "10.00", "creation_date": "2024-01-24T14:15:34Z",
                "purchasing_order_id": "80cc2fcf4020d3c3258332eb04a29a1f",
            ],
        ])
    }

    @Test func listsTicketsAndParticipantsWithCodeFilters() throws {
        let tickets = try server.bk("GET", "/orders/\(BK.od)/tickets")
        #expect(tickets.ids == ["9d624dd77e87878a85a87ed2da399bad"])
        #expect(try server.bk("GET", "/orders/\(BK.od)/tickets?accept_code=NOPE").json == [])
        #expect(try server.bk("GET", "/orders/\(BK.od)/tickets?exclude_code=Q4TZ8M").json == [])
        let participants = "/orders/\(BK.od)/tickets/9d624dd77e87878a85a87ed2da399bad/participant_tickets"
        #expect(try server.bk("GET", participants).ids == ["0062610958b3ad57dfaa39a7dd7e4ab4", "ef538fbe424db46a4271c62e9f6a52a5"])
        #expect(try server.bk("GET", participants + "?accept_code=MAX-8WQ3ZT-K2P").ids == ["ef538fbe424db46a4271c62e9f6a52a5"])
        #expect(try server.bk("GET", "/participant_tickets?accept_code=ERK-5TQ2LM-X8D").json[0]?["order"] == .string(BK.od))
        #expect(try server.bk("GET", "/participant_tickets").ids.count == 4)
        #expect(try server.bk("GET", "/participant_tickets?exclude_code=OTN-4KD8QW-Z1C").ids.count == 3)
    }

    @Test func answers404WhenAnyLevelDoesNotMatch() throws {
        #expect(try server.bk("GET", "/orders/\(BK.od)/tickets/t1aa3a67eb1f3aa2a8f712ba8bb6649d").json == BKBodies.notFound)
        #expect(try server.bk("GET", "/orders/\(BK.oa)/tickets").json == BKBodies.notFound)
        #expect(try server.bk(
            "GET", "/orders/\(BK.od)/tickets/9d624dd77e87878a85a87ed2da399bad/participant_tickets/5dd964ee0218af3dbff86bc270f90853"
        ).json == BKBodies.notFound)
        #expect(try server.bk("GET", "/orders/\(BK.od)/tickets/nope/participant_tickets").json == BKBodies.notFound)
    }
}

/// Open date tickets and their redemption (spec §5.10, §6.13).
@Suite struct OpenDateTicketsTests {
    let server: TestServer
    let open = "2005cef0597aac12c83162c9a48104f8"

    init() throws { server = try TestServer() }

    private func redeem(_ body: JSONValue, ticket: String? = nil) throws -> TestResponse {
        try server.bk("POST", "/open_date_tickets/\(ticket ?? open)/redeem", token: BK.museum, json: body)
    }

    @Test func readsAnOpenDateTicketOfTheVendor() throws {
        #expect(try server.bk("GET", "/open_date_tickets/\(open)", token: BK.museum).json == [
            "id": .string(open), "code": "SCQ99-KABA4-YZBZG", "status": "OPEN", "customer_name": "John Smith",
            "customer_email": "john.smith@example.com", "customer_phone": "+49 30 1234567", "customer_language": "en", "price_value": "49.99",
            "price_title": "Premium Experience Package", "currency": "EUR", "event_id": .string(BK.e10),
        ])
        #expect(try server.bk("GET", "/open_date_tickets/\(open)").json == BKBodies.notFound)
    }

    @Test func redemptionBooksAnOrderForTheCustomer() throws {
        let response = try redeem(SeedSamples.redeem)
        let orderID = try #require(response.json["order_id"]?.stringValue)
        let order = try server.bk("GET", "/orders/\(orderID)", token: BK.museum).json
        #expect(order["name"] == "John Smith")
        #expect(order["status"] == "ACCEPTED")
        #expect(order["tickets"]?[0]?["date_id"] == .string(BK.d12))
        #expect(order["tickets"]?[0]?["participants"]?[0]?["price_id"] == 5501)
        #expect(order["tickets"]?[0]?["participants"]?[0]?["price_value"] == "49.99")
        #expect(order["total_invoice"] == "49.99")
    }

    @Test func refusesWhatCannotBeRedeemed() throws {
        #expect(try redeem(["redemption_strategy": "selected_appointment"]).json
            == BKBodies.rule("appointment_id is required for redemption_strategy selected_appointment"))
        #expect(try redeem(["appointment_id": .string(BK.d15)]).json
            == BKBodies.rule("Appointment \"\(BK.d15)\" does not belong to the event of this open date ticket"))
        #expect(try redeem([:]).json == BKBodies.property(#"The property "redemption_strategy" is required"#))
        #expect(try redeem(["redemption_strategy": "whenever"]).json == BKBodies.property(
            #"The property "redemption_strategy" must be one of "current_appointment_without_overbooking", "selected_appointment", "next_available_appointment", "current_appointment_with_overbooking""#))
        #expect(try redeem(SeedSamples.redeem, ticket: "67b50b3994fef7522cbb63dd621a9490").json
            == BKBodies.rule("Open date ticket cannot be redeemed in status \"DEPLETED\""))
        #expect(try redeem(SeedSamples.redeem, ticket: "nope").json == BKBodies.notFound)
        #expect(try redeem(["redemption_strategy": "current_appointment_without_overbooking"]).json
            == BKBodies.rule("No current appointment available"))
    }

    @Test func strategiesPickTheAppointment() throws {
        try server.freezeClock(at: "2030-07-01T11:00:00Z")
        let current = try redeem(["redemption_strategy": "current_appointment_without_overbooking"])
        #expect(current.status == 201)
        #expect(current.json["appointment_id"] == .string(BK.d12))
        let fresh = try TestServer()
        try fresh.freezeClock(at: "2030-01-01T00:00:00Z")
        let next = try fresh.bk(
            "POST", "/open_date_tickets/\(open)/redeem", token: BK.museum, json: ["redemption_strategy": "next_available_appointment"])
        #expect(next.json["appointment_id"] == .string(BK.d12))
    }

    @Test func overbookingRedeemsOnAFullAppointment() throws {
        try server.freezeClock(at: "2030-07-01T11:00:00Z")
        #expect(try server.bk("PATCH", "/dates/\(BK.d12)", token: BK.museum, json: ["total_slots": 0]).json["available_slots"] == 0)
        #expect(try redeem(["redemption_strategy": "current_appointment_without_overbooking"]).json
            == BKBodies.rule("No current appointment available"))
        let overbooked = try redeem(["redemption_strategy": "current_appointment_with_overbooking"])
        #expect(overbooked.status == 201)
        #expect(try server.bk("GET", "/dates/\(BK.d12)", token: BK.museum).json["available_slots"] == 0)
    }
}
