import Emulation
import Foundation
import TestSupport
import Testing

/// Every request sample of the docs, sent verbatim to the fixture (spec §8.10): each succeeds,
/// and changes what the spec says it changes.
@Suite struct SeedSampleReplayTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func eventSamples() throws {
        #expect(try server.bk("POST", "/vendors/\(BK.v1)/events", json: .object(SeedSamples.event)).status == 201)
        #expect(try server.bk("POST", "/events", token: BK.marketplace, json: .object(SeedSamples.event)).status == 201)
        #expect(try server.bk("PATCH", "/events/\(BK.e2)", json: .object(SeedSamples.event)).status == 200)
    }

    @Test func dateSamples() throws {
        #expect(try server.bk("POST", "/vendors/\(BK.v1)/dates", json: SeedSamples.date).status == 201)
        #expect(try server.bk("POST", "/events/\(BK.e4)/dates", token: BK.marketplace, json: SeedSamples.date).status == 201)
        #expect(try server.bk("POST", "/dates", json: SeedSamples.date).status == 201)
        let updated = try server.bk("PATCH", "/dates/\(BK.d1)", json: SeedSamples.dateUpdate)
        #expect(updated.status == 200)
        #expect(updated.json["total_slots"] == 9 && updated.json["available_slots"] == 9)
        #expect(try server.bk("POST", "/datesBatch", json: SeedSamples.datesBatchCreate).json == ["status": "SUCCESS", "processed_items": 1])
        #expect(try server.bk("PATCH", "/datesBatch", json: SeedSamples.datesBatchUpdate).json == ["status": "SUCCESS", "processed_items": 1])
    }

    @Test func productSamples() throws {
        let created = try server.bk("POST", "/products", token: BK.souvenirs, json: SeedSamples.product)
        #expect(created.status == 201)
        #expect(created.json["name"] == "T-shirt")
        #expect(created.json["dependencies"] == SeedSamples.product["dependencies"])
        #expect(try server.bk("PATCH", "/products/\(BK.p1)", token: BK.souvenirs, json: SeedSamples.product).status == 200)
    }

    @Test func orderCreateSample() throws {
        for path in ["/orders", "/vendors/\(BK.v3)/orders"] {
            let fresh = try TestServer()
            let response = try fresh.bk("POST", path, token: BK.marketplace, json: SeedSamples.order)
            #expect(response.status == 201, "\(path)")
            let order = response.json
            #expect(order["id"] != .string(BK.oa))
            #expect(order["code"]?.stringValue?.count == 10)
            #expect(order["status"] == "ACCEPTED")
            #expect(order["booking_channel"] == [["name": "Reseller Name", "id": "C12asdXas13"]])
            #expect(order["expire_date"] == "2025-08-06T07:31:42Z")
            let participant = order["tickets"]?[0]?["participants"]?[0]
            #expect(participant?["price_id"] == 0)
            #expect(participant?["price_value"] == "50.00")
            #expect(participant?["price_title"] == "Adult")
            #expect(participant?["redeemed_flexTicket"] == nil)
            #expect(order["tickets"]?[0]?["event_id"] == .string(BK.e6))
            #expect(order["tickets"]?[0]?["event_date_id"] == .string(BK.d10))
            #expect(order["voucherOrders"]?[0]?["voucher"]?["code"] == "372FX-UNSH2-S3WRX")
            #expect(order["voucherOrders"]?[0]?["status"] == "ACCEPTED")
            #expect(order["products"]?[0]?["price"] == "100.00")
            #expect(order["flexTickets"]?[0]?["flexOffer"] == [
                "id": "eba1b1ee6c128832ee7f3a7b1e122348", "price_category_id": 475, "event_id": "8716f0b02e9889757064c64b7ce08552",
            ])
            #expect(order["total_invoice"] == "319.90")
            #expect(try fresh.bk("GET", "/dates/\(BK.d10)", token: BK.marketplace).json["available_slots"] == 18)
            #expect(try fresh.bk("GET", "/products/\(BK.p2)", token: BK.marketplace).json["available"] == 48)
            #expect(try fresh.bk("GET", "/flex_offers/eba1b1ee6c128832ee7f3a7b1e122348", token: BK.marketplace).json["stock"] == 99)
            let voucherID = try #require(order["voucherOrders"]?[0]?["voucher"]?["id"]?.stringValue)
            #expect(try fresh.bk("GET", "/vouchers/\(voucherID)", token: BK.spree).json == [
                "ident": .string(voucherID), "title": "Voucher 19.90 EUR", "code": "372FX-UNSH2-S3WRX",
            ])
        }
    }

    @Test func orderUpdateSample() throws {
        let response = try server.bk("PATCH", "/orders/\(BK.oa)", token: BK.marketplace, json: SeedSamples.orderUpdate)
        #expect(response.status == 200)
        let order = response.json
        #expect(order["external_reference"] == "EXT-127701")
        #expect(order["lang"] == "de")
        #expect(order["additional_discount"] == "5.00")
        #expect(order["expire_date"] == "2025-08-06T07:31:42Z")
        #expect(order["cancellation_date"] == "2025-08-10T14:30:00Z")
        let participants = order["tickets"]?[0]?["participants"]?.arrayValue ?? []
        #expect(participants.compactMap { $0["id"]?.stringValue } == ["p1aa3a67eb1f3aa2a8f712ba8bb6649d", "d1e2f3g4h5i6j7k8l9m0"])
        #expect(participants[1]["price_id"] == 5201)
        #expect(participants[1]["price_value"] == "50.00")
        #expect(participants[1]["checked_in"] == "2025-08-05T14:00:00Z")
        #expect(order["products"]?[0]?["price"] == "10.00")
        #expect(order["total_invoice"] == "274.90")
        #expect(try server.bk("GET", "/dates/\(BK.d10)", token: BK.marketplace).json["available_slots"] == 18)
    }

    @Test func paymentSample() throws {
        let response = try server.bk("POST", "/orders/\(BK.od)/payments", token: BK.reseller, json: SeedSamples.payment)
        #expect(response.status == 200)
        #expect(response.json == ["code": "ThirdParty", "name": "Marketing Partner", "value": 1, "type": "payment", "payment_date": "2024-08-06T07:36:35Z"])
    }

    @Test func redeemSample() throws {
        let response = try server.bk("POST", "/open_date_tickets/2005cef0597aac12c83162c9a48104f8/redeem", token: BK.museum, json: SeedSamples.redeem)
        #expect(response.status == 201)
        #expect(response.json["id"] == "2005cef0597aac12c83162c9a48104f8")
        #expect(response.json["appointment_id"] == .string(BK.d12))
        #expect(response.json["redemption_strategy"] == "selected_appointment")
        #expect(try server.bk("GET", "/dates/\(BK.d12)", token: BK.museum).json["available_slots"] == 49)
        #expect(try server.bk("GET", "/open_date_tickets/2005cef0597aac12c83162c9a48104f8", token: BK.museum).json["status"] == "DEPLETED")
        let again = try server.bk("POST", "/open_date_tickets/2005cef0597aac12c83162c9a48104f8/redeem", token: BK.museum, json: SeedSamples.redeem)
        #expect(again.json == BKBodies.rule("Open date ticket cannot be redeemed in status \"DEPLETED\""))
    }
}
