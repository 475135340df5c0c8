import Emulation
import TestSupport
import Testing

/// Refunds F1–F2 (spec §11.10).
@Suite struct RefundsTests {
    @Test func refundsListAndShowWithTheirRegistration() throws {
        let server = try TestServer()
        let response = try server.tito("GET", "/biscuit-box/2018/refunds")
        #expect(response.status == 200)
        #expect(keys(response.json) == ["refunds", "meta"])
        let refund = response.json["refunds"]?[0]
        #expect(keys(refund) == ["_type", "id", "amount", "created_at", "manual", "registration"])
        #expect(refund?["amount"] == "100.0")
        #expect(refund?["manual"] == .null)
        #expect(refund?["created_at"] == "2018-11-15T13:14:26.000+00:00")
        #expect(refund?["registration"]?["reference"] == "HT3M")
        #expect(refund?["registration"]?["tickets"] == [])
        #expect(
            response.meta == [
                "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 1, "per_page": 100,
                "overall_total": 1,
                "filter_options": ["sections": ["states": ["label": "Status", "open": false]], "collection": false, "states": []],
            ])
        let single = try server.tito("GET", "/biscuit-box/2018/refunds/123456")
        #expect(single.status == 200)
        #expect(single.json["refund"]?["id"] == 123456)
        #expect(single.json["refund"]?["view"] == "extended")
        #expect(try server.tito("GET", "/biscuit-box/2018/refunds/1").json == TitoBodies.notFound)
        #expect(try server.tito("GET", "/biscuit-box/2018/refunds/abc").status == 404)
        #expect(try server.tito("GET", "/biscuit-box/caramel/refunds/123456").status == 404)
        #expect(try server.tito("GET", "/biscuit-box/caramel/refunds").meta["total_pages"] == 0)
    }

    @Test func refundsSortByAmountAndDate() throws {
        let server = try TestServer()
        _ = try server.tito("POST", "/biscuit-box/2018/registrations/3509401/refunds", json: ["refund": ["manual": true]])
        let path = "/biscuit-box/2018/refunds"
        #expect(try server.tito("GET", path).ids("refunds") == [123457, 123456])
        #expect(try server.tito("GET", path + "?search[sort]=amount").ids("refunds") == [123456, 123457])
        #expect(try server.tito("GET", path + "?search[sort]=created_at&search[direction]=asc").ids("refunds") == [123456, 123457])
    }
}
