import Emulation
import TestSupport
import Testing

/// Money: decimal strings as the v3 docs print them, or JSON numbers as the live service (API
/// 3.1) writes `price`, `price_ex_tax`, `total` and `total_less_tax` when `TITO_MONEY_AS_NUMBERS`
/// is set.
@Suite struct MoneyFormatTests {
    static let ticket = "/biscuit-box/2018/tickets/3068941"
    static let registration = "/biscuit-box/2018/registrations/3509401"

    @Test func moneyIsAStringByDefault() throws {
        let server = try TestServer()
        let ticket = try server.tito("GET", Self.ticket)
        #expect(ticket.json["ticket"]?["price"] == "100.0")
        #expect(ticket.json["ticket"]?["release"]?["price_ex_tax"] == "100.0")
        #expect(ticket.text.contains(#""price":"100.0""#))
        #expect(try server.tito("GET", Self.registration).json["registration"]?["total"] == "350.0")
    }

    @Test func theSettingWritesTheFourFieldsAsNumbers() throws {
        let server = try TestServer(environment: ["TITO_MONEY_AS_NUMBERS": "true"])
        let ticket = try server.tito("GET", Self.ticket)
        #expect(ticket.text.contains(#""price":100.0,"#))
        let json = ticket.json["ticket"]
        #expect(json?["price"] == 100.0)
        #expect(json?["release"]?["price"] == 100.0)
        #expect(json?["release"]?["price_ex_tax"] == 100.0)
        #expect(json?["registration"]?["total"] == 350.0)
        #expect(json?["registration"]?["total_less_tax"] == 350.0)
        // Other money fields stay strings, as the live service writes them.
        #expect(json?["price_less_tax"] == "100.0")
        #expect(json?["total_paid"] == "100.0")
        #expect(json?["release"]?["suggested_donation"] == "100.0")
        let registration = try server.tito("GET", Self.registration).json["registration"]
        #expect(registration?["total"] == 350.0)
        #expect(registration?["receipts"]?[0]?["total"] == 350.0)
        #expect(registration?["line_items"]?[1]?["price"] == 250.0)
        #expect(registration?["line_items"]?[1]?["total"] == 250.0)
        #expect(registration?["line_items"]?[1]?["release_price"] == "250.0")
        #expect(try server.tito("GET", "/biscuit-box/2018/tickets/3068931").json["ticket"]?["price"] == 0.0)
        #expect(try server.tito("GET", "/biscuit-box/2018/releases/my-ticket").json["release"]?["price"] == .null)
        #expect(try server.tito("GET", "/biscuit-box/2018/discount_codes/5319076").json["discount_code"]?["value"] == "10.0")
        let envelope = try server.tito("PATCH", Self.registration, json: ["registration": ["total": "12.5"]])
        #expect(envelope.json["total"] == 12.5)
        #expect(envelope.json["registration"]?["cached_total"] == "12.5")
    }

    @Test func anUnreadableSettingStopsTheServer() {
        #expect(throws: (any Error).self) { try TestServer(environment: ["TITO_MONEY_AS_NUMBERS": "maybe"]) }
    }
}
