import Dispatch
import Emulation
import Foundation
import Synchronization
import TestSupport
import Testing

/// Booking rules (spec §7.3, §7.4): seats taken and given back, the refusal when a date is sold
/// out, reservations that expire on the emulated clock, and the last seat booked twice at once.
@Suite struct OrderBookingTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    /// A fresh date of the Harbour Boat Trip with `seats` seats.
    private func date(seats: Int, at start: String = "2030-09-01T10:00:00Z") throws -> String {
        let response = try server.bk(
            "POST", "/dates", json: ["event_id": .string(BK.e4), "date": .string(start), "available_slots": .int(seats), "total_slots": .int(seats)])
        return try #require(response.json["id"]?.stringValue)
    }

    private func order(on date: String, people: Int = 1, status: String = "ACCEPTED", expire: String? = nil, price: Int = 478)
        -> JSONValue
    {
        let participant: JSONValue = ["name": "Guest", "price_id": .int(price)]
        let value: JSONValue = [
            "date": "2030-01-01T00:00:00Z", "status": .string(status), "lang": "en", "currency": "EUR", "email": "guest@example.com",
            "name": "Guest Name",
            "tickets": [["date_id": .string(date), "participants": .array(Array(repeating: participant, count: people))]],
        ]
        var body = value.objectValue!
        if let expire { body["expire_date"] = .string(expire) }
        return .object(body)
    }

    private func slots(_ date: String) throws -> JSONValue? {
        try server.bk("GET", "/dates/\(date)").json["available_slots"]
    }

    @Test func bookingTakesSeatsUntilSoldOutThenRefuses() throws {
        let id = try date(seats: 3)
        let first = try server.bk("POST", "/orders", json: order(on: id, people: 2))
        #expect(first.status == 201)
        #expect(try slots(id) == 1)
        #expect(try server.bk("POST", "/orders", json: order(on: id, people: 2)).json
            == BKBodies.rule("Not enough available slots for date \"\(id)\""))
        #expect(try slots(id) == 1)
        #expect(try server.bk("POST", "/orders", json: order(on: id)).status == 201)
        #expect(try slots(id) == 0)
        let refused = try server.bk("POST", "/orders", json: order(on: id))
        #expect(refused.status == 400)
        #expect(refused.json == BKBodies.rule("Not enough available slots for date \"\(id)\""))
        // A sold-out date leaves the default list, and nothing of the refused order remains.
        #expect(try !server.bk("GET", "/dates").ids.contains(id))
        #expect(try server.bk("GET", "/orders?status=ALL&with_count=true").header("X-Total_Count") == "5")
    }

    @Test func cancelingGivesTheSeatsBack() throws {
        let id = try date(seats: 2)
        let booked = try server.bk("POST", "/orders", json: order(on: id, people: 2))
        let orderID = try #require(booked.json["id"]?.stringValue)
        #expect(try slots(id) == 0)
        let canceled = try server.bk("PATCH", "/orders/\(orderID)", json: ["status": "CANCELED"])
        #expect(canceled.status == 200)
        #expect(canceled.json["status"] == "CANCELED")
        #expect(canceled.json["total_invoice"] == "0.00")
        let ticket = canceled.json["tickets"]?[0]
        #expect(ticket?["status"] == "CANCELED")
        #expect(ticket?["participants"]?.arrayValue?.allSatisfy { $0["status"] == "CANCELED" && $0["cancellation_date"] != "" } == true)
        #expect(canceled.json["cancellation_date"] != "")
        #expect(try slots(id) == 2)
        #expect(try server.bk("POST", "/orders", json: order(on: id, people: 2)).status == 201)
        // Nothing leaves CANCELED.
        #expect(try server.bk("PATCH", "/orders/\(orderID)", json: ["status": "ACCEPTED"]).json
            == BKBodies.rule("Order status cannot be changed from \"CANCELED\" to \"ACCEPTED\""))
    }

    @Test func aFamilyTicketTakesASeatPerEntryUnit() throws {
        let response = try server.bk("POST", "/orders", json: order(on: BK.d8, price: 380))
        #expect(response.status == 201)
        #expect(response.json["tickets"]?[0]?["participants"]?[0]?["entry_units"] == [["type": "ADULT"], ["type": "CHILD"]])
        #expect(try slots(BK.d8) == 23)
    }

    @Test func ticketsAndParticipantsCancelOneByOne() throws {
        let participant = "ef538fbe424db46a4271c62e9f6a52a5"
        let one = try server.bk(
            "PATCH", "/orders/\(BK.od)",
            json: ["tickets": [["id": "9d624dd77e87878a85a87ed2da399bad", "participants": [["id": .string(participant), "status": "CANCELED"]]]]])
        #expect(one.status == 200)
        #expect(one.json["status"] == "ACCEPTED")
        #expect(one.json["total_invoice"] == "100.00")
        #expect(try slots(BK.d5) == 19)
        #expect(try server.bk(
            "PATCH", "/orders/\(BK.od)",
            json: ["tickets": [["id": "9d624dd77e87878a85a87ed2da399bad", "participants": [["id": .string(participant), "status": "ACCEPTED"]]]]]
        ).json == BKBodies.rule("Participant \"\(participant)\" is canceled and cannot be reactivated"))
        // The order's only ticket canceled: the order is canceled too.
        let all = try server.bk("PATCH", "/orders/\(BK.od)", json: ["tickets": [["id": "9d624dd77e87878a85a87ed2da399bad", "status": "CANCELED"]]])
        #expect(all.json["status"] == "CANCELED")
        #expect(try slots(BK.d5) == 20)
    }

    @Test func statusChangesFollowTheTable() throws {
        #expect(try server.bk("PATCH", "/orders/\(BK.od)", json: ["status": "DECLINED"]).json
            == BKBodies.rule("Order status cannot be changed from \"ACCEPTED\" to \"DECLINED\""))
        let accepted = try server.bk("PATCH", "/orders/\(BK.of)", json: ["status": "ACCEPTED"])
        #expect(accepted.json["status"] == "ACCEPTED")
        #expect(accepted.json["tickets"]?[0]?["status"] == "ACCEPTED")
        #expect(accepted.json["expire_date"] == "2030-05-31T23:00:00Z")
        #expect(try slots(BK.d3) == 19)
        let pending = try server.bk("PATCH", "/orders/\(BK.of)", json: ["status": "PENDING"])
        #expect(pending.json["tickets"]?[0]?["status"] == "PENDING")
        let declined = try server.bk("PATCH", "/orders/\(BK.of)", json: ["status": "DECLINED"])
        #expect(declined.json["status"] == "DECLINED")
        #expect(declined.json["tickets"]?[0]?["status"] == "DECLINED")
        #expect(declined.json["tickets"]?[0]?["participants"]?[0]?["status"] == "CANCELED")
        #expect(try slots(BK.d3) == 20)
        #expect(try server.bk("PATCH", "/orders/\(BK.oe)", json: ["name": "Otto Normal-Meier"]).json["name"] == "Otto Normal-Meier")
    }

    @Test func aReservationExpiresOnTheEmulatedClock() throws {
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
        let id = try date(seats: 5)
        let reserved = try server.bk("POST", "/orders", json: order(on: id, people: 2, status: "RESERVED", expire: "2030-01-01T01:00:00Z"))
        #expect(reserved.status == 201)
        let orderID = try #require(reserved.json["id"]?.stringValue)
        #expect(reserved.json["expire_date"] == "2030-01-01T01:00:00Z")
        #expect(reserved.json["tickets"]?[0]?["status"] == "RESERVED")
        #expect(try slots(id) == 3)
        #expect(try !server.bk("GET", "/orders").ids.contains(orderID))
        #expect(try server.bk("GET", "/orders?status=RESERVED").ids == [BK.of, orderID])
        try server.advanceClock(seconds: 3599)
        #expect(try server.bk("GET", "/orders/\(orderID)").json["status"] == "RESERVED")
        try server.advanceClock(seconds: 1)
        #expect(try slots(id) == 5)
        let expired = try server.bk("GET", "/orders/\(orderID)").json
        #expect(expired["status"] == "CANCELED")
        #expect(expired["cancellation_date"] == "2030-01-01T01:00:00Z")
        #expect(expired["tickets"]?[0]?["status"] == "CANCELED")
    }

    @Test func theSeededReservationExpiresToo() throws {
        try server.freezeClock(at: "2030-05-31T22:59:59Z")
        #expect(try slots(BK.d3) == 19)
        try server.advanceClock(seconds: 1)
        #expect(try slots(BK.d3) == 20)
        #expect(try server.bk("GET", "/orders/\(BK.of)").json["status"] == "CANCELED")
        // ACCEPTED orders never expire, whatever their expire_date.
        #expect(try server.bk("GET", "/orders/\(BK.oa)", token: BK.marketplace).json["status"] == "ACCEPTED")
    }

    @Test func aReservationNeedsAFittingExpiry() throws {
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
        let id = try date(seats: 5)
        #expect(try server.bk("POST", "/orders", json: order(on: id, status: "RESERVED")).json
            == BKBodies.rule("expire_date is required for status RESERVED"))
        #expect(try server.bk("POST", "/orders", json: order(on: id, status: "RESERVED", expire: "2029-12-31T23:00:00Z")).json
            == BKBodies.rule("expire_date must not be in the past"))
        #expect(try server.bk("POST", "/orders", json: order(on: id, status: "RESERVED", expire: "2030-09-02T00:00:00Z")).json
            == BKBodies.rule("expire_date must not be later than the first service date"))
        #expect(try slots(id) == 5)
    }

    @Test func aDateThatStartedCannotBeBooked() throws {
        #expect(try server.bk("POST", "/orders", json: order(on: BK.d1)).json
            == BKBodies.rule("Date \"\(BK.d1)\" is not bookable anymore"))
        try server.freezeClock(at: BK.early2025)
        #expect(try server.bk("POST", "/orders", json: order(on: BK.d1)).status == 201)
    }

    @Test func twoClientsBookingTheLastSeatAtOnceGetOneSeat() throws {
        let id = try date(seats: 1)
        let statuses = Mutex<[Int]>([])
        let bodies = Mutex<[JSONValue]>([])
        let tokens = [BK.vendor, BK.marketplace, BK.vendor, BK.marketplace, BK.vendor, BK.marketplace]
        DispatchQueue.concurrentPerform(iterations: tokens.count) { index in
            let response = try? server.bk("POST", "/orders", token: tokens[index], json: order(on: id))
            statuses.withLock { $0.append(response?.status ?? 0) }
            if let response, response.status == 400 { bodies.withLock { $0.append(response.json) } }
        }
        #expect(statuses.withLock { $0.sorted() } == [201, 400, 400, 400, 400, 400])
        #expect(bodies.withLock { $0 }.allSatisfy { $0 == BKBodies.rule("Not enough available slots for date \"\(id)\"") })
        #expect(try slots(id) == 0)
    }

    @Test func stockIsTakenAndGivenBack() throws {
        var body = order(on: BK.d3).objectValue!
        body["products"] = [["product_id": .string(BK.p3), "amount": 2]]
        let withAudioGuide = try server.bk("POST", "/orders", json: .object(body))
        #expect(withAudioGuide.json["products"] == [
            ["product_id": .string(BK.p3), "status": "ACCEPTED", "title": "Audio guide", "price": "5.00", "amount": 2, "currency": "EUR", "vat": "19.00"],
        ])
        #expect(withAudioGuide.json["total_invoice"] == "110.00")
        body["products"] = [["product_id": .string(BK.p4), "amount": 1]]
        #expect(try server.bk("POST", "/orders", json: .object(body)).json == BKBodies.rule("Not enough stock for product \"\(BK.p4)\""))
        var spree = order(on: BK.d10).objectValue!
        spree["products"] = [["product_id": .string(BK.p2), "amount": 3]]
        let created = try server.bk("POST", "/orders", token: BK.spree, json: .object(spree))
        #expect(try server.bk("GET", "/products/\(BK.p2)", token: BK.spree).json["available"] == 46)
        let orderID = try #require(created.json["id"]?.stringValue)
        _ = try server.bk("PATCH", "/orders/\(orderID)", token: BK.spree, json: ["products": [["product_id": .string(BK.p2), "amount": 1]]])
        #expect(try server.bk("GET", "/products/\(BK.p2)", token: BK.spree).json["available"] == 48)
        _ = try server.bk("PATCH", "/orders/\(orderID)", token: BK.spree, json: ["status": "CANCELED"])
        #expect(try server.bk("GET", "/products/\(BK.p2)", token: BK.spree).json["available"] == 49)
    }
}
