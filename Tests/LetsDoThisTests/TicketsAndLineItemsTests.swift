import Emulation
import TestSupport
import Testing

/// Tickets (spec §6.17) and line items (§6.18, §6.19).
@Suite struct TicketsAndLineItemsTests {
    @Test func ticketsOfAnEventWithSoldCounts() throws {
        let server = try TestServer()
        let response = try server.ldt("GET", "/events/\(Seed.citySprint)/tickets")
        #expect(response.status == 200)
        #expect(response.json.objectValue?.keys == ["data"])
        let tickets = try #require(response.json["data"]?.arrayValue)
        #expect(response.ids == [Seed.ticket10K, "6399c11c58f29f001ca95936", "6399c11c58f29f001ca95937", "6399c11c58f29f001ca95938"])
        #expect(tickets[0] == [
            "id": "6399c11c58f29f001ca95934", "title": "10k Standard Entry", "description": "10k Standard Entry — City Sprint 10K.",
            "eventId": "2365756", "eventOccurrenceId": "6399c11c58f29f001ca95935", "raceId": "3517846101",
            "price": ["amount": 5000, "currencyCode": "GBP"], "requiresApplication": false, "maxCapacity": 5000, "soldCount": 2,
            "onSaleFrom": "2025-09-01T09:00:00.000Z", "onSaleUntil": "2026-06-07T23:59:59.000Z",
            "createdAt": "2025-08-20T10:00:00.000Z", "updatedAt": "2025-08-20T10:00:00.000Z",
        ])
        // P4 cancelled: the 5k ticket counts nothing sold.
        #expect(tickets[2]["soldCount"] == 0)
        #expect(tickets[3]["soldCount"] == 1)
        // The seed's generic path example.
        let docs = try server.ldt("GET", "/events/67123/tickets")
        #expect(docs.ids == ["6399c11c58f29f001ca95970"])
        #expect(try server.ldt("GET", "/events/404/tickets").json == Expected.notFound("Event"))
        #expect(try server.ldt("GET", "/events/\(Seed.ultra)/tickets", token: Seed.tokenB).json["data"]?.arrayValue?.first?["soldCount"] == 1)
    }

    /// Sold counts are kept as entries are written (the bulk organiser's tickets hold hundreds
    /// each), and a reset of the provider or of everything gives back the seed's.
    @Test func soldCountsAreKeptThroughResets() throws {
        let server = try TestServer()
        let token = try server.bulkToken()
        let soldCounts = {
            try server.ldt("GET", "/events/5500100/tickets", token: token).json["data"]?.arrayValue?.compactMap { $0["soldCount"] }
        }
        #expect(try soldCounts() == [461, 462])
        for reset in ["/_understudy/reset?provider=letsdothis", "/_understudy/reset"] {
            #expect(try server.request("POST", reset).status == 200)
            #expect(try soldCounts() == [461, 462])
        }
    }

    @Test func lineItems() throws {
        let server = try TestServer()
        let item = try server.ldt("GET", "/line-items/64a0c0de0000000000000005")
        #expect(item.status == 200)
        #expect(item.json.objectValue?.count == 38)
        #expect(item.json.objectValue?.keys.first == "amount")
        #expect(item.json["isRefund"] == true)
        #expect(item.json["amount"] == -3000)
        #expect(item.json["paymentRefundId"] == "rf_8Kd2Qm7Z")
        #expect(item.json["payoutId"] == .null)
        #expect(try server.ldt("GET", "/lineItems/64a0c0de0000000000000005").body == item.body)
        #expect(try server.ldt("GET", "/line-items/67123").json == Expected.notFound("LineItem"))

        let list = try server.ldt("GET", "/line-items")
        #expect(list.ids == ["64a0c0de0000000000000007", "64a0c0de0000000000000008", "64a0c0de0000000000000006",
                             "64a0c0de0000000000000003", "64a0c0de0000000000000004", "64a0c0de0000000000000005",
                             "64a0c0de0000000000000001", "64a0c0de0000000000000002"])
        #expect(list.page?["totalResults"] == 8)
        for element in list.json["data"]?.arrayValue ?? [] {
            let parts = ["ldtAmount", "organizerAmount", "thirdPartyAmount"].compactMap { element[$0]?.intValue }.reduce(0, +)
            #expect(element["amount"]?.intValue == parts, "\(element["id"] ?? nil)")
        }
        // Two items share createdAt: ties go by id, descending with a descending sort.
        let descending = try server.ldt("GET", "/lineItems?sort[createdAt]=-1&page[size]=2")
        #expect(descending.ids == ["64a0c0de0000000000000002", "64a0c0de0000000000000001"])
    }
}
