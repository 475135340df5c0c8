import Emulation
import Foundation
import TestSupport
import Testing

/// Values at the edges of what a client may send: no sum or product of them fails the request.
@Suite struct ExtremeValuesTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func hugeAmountsOfAnUnlimitedProductSaturateTheTotal() throws {
        let body: JSONValue = [
            "date": "2030-01-01T00:00:00Z", "status": "ACCEPTED", "lang": "en", "currency": "EUR", "email": "a@example.com", "name": "An",
            "tickets": [["date_id": .string(BK.d3), "participants": [["price_id": 478]]]],
            "products": [["product_id": .string(BK.p3), "amount": 9_223_372_036_854_775_807], ["product_id": .string(BK.p3), "amount": 5]],
        ]
        let response = try server.bk("POST", "/orders", json: body)
        #expect(response.status == 201)
        #expect(response.json["products"]?[0]?["amount"] == 9_223_372_036_854_775_807)
        #expect(response.json["total_invoice"] == "92000000000000100.00")
    }

    @Test func hugeDurationsAndCapacitiesAreStoredAndUsed() throws {
        try server.freezeClock(at: "2030-07-01T11:00:00Z")
        let event = try server.bk("PATCH", "/events/\(BK.e10)", token: BK.museum, json: ["duration": "9223372036854775807"])
        #expect(event.json["duration"] == 9_223_372_036_854_775_807)
        let redeemed = try server.bk(
            "POST", "/open_date_tickets/2005cef0597aac12c83162c9a48104f8/redeem", token: BK.museum,
            json: ["redemption_strategy": "current_appointment_without_overbooking"])
        #expect(redeemed.status == 201)
        let date = try server.bk("PATCH", "/dates/\(BK.d12)", token: BK.museum, json: ["total_slots": 9_223_372_036_854_775_807])
        #expect(date.json["available_slots"] == 9_223_372_036_854_775_806)
        let orderID = try #require(redeemed.json["order_id"]?.stringValue)
        #expect(try server.bk("PATCH", "/orders/\(orderID)", token: BK.museum, json: ["status": "CANCELED"]).status == 200)
        #expect(try server.bk("GET", "/dates/\(BK.d12)", token: BK.museum).json["available_slots"] == 9_223_372_036_854_775_807)
    }

    @Test func queriesAtTheEdgesAnswerCleanly() throws {
        #expect(try server.bk("GET", "/dates?offset=9223372036854775807&limit=10").json == [])
        #expect(try server.bk("GET", "/dates?limit=99999999999999999999").status == 400)
        #expect(try server.bk("GET", "/orders?start_date=9999-12-31T23:59:59Z").json == [])
        #expect(try server.bk("GET", "/events?min_price=1e300").status == 400)
    }
}
