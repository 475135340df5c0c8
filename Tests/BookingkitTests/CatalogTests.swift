import Emulation
import Foundation
import TestSupport
import Testing

/// Products (spec §5.4), flex offers (§5.11), categories (§5.12) and the vendor-only users,
/// coupons and vouchers (§5.13–§5.15).
@Suite struct ProductsTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    private func ids(_ query: String, token: String = BK.marketplace) throws -> [String] {
        try server.bk("GET", "/products?\(query)", token: token).ids
    }

    @Test func listsProductsOfferedAtCheckout() throws {
        #expect(try server.bk("GET", "/products", token: BK.souvenirs).json == [[
            "id": .string(BK.p1), "vendor_id": .string(BK.v2), "name": "T-shirt", "description": "T-shirt branded with our famous logo.",
            "total": 100, "available": 50, "price": 19.99, "currency": "EUR", "shipping_address": 0,
            "dependencies": [[
                "events": [["id": "b4c9dd45265fca13aed91706f5abbb6d"], ["id": "77bb10be5a6eb65a79634e463875d9f2", "prices": [["id": 1743]]]],
                "vouchers": [["events": [["id": "b4c9dd45265fca13aed91706f5abbb6d"]]]],
            ]],
        ]])
        #expect(try ids("", token: BK.vendor) == [BK.p3])
        #expect(try ids("with_private_products=true", token: BK.vendor) == [BK.p3, BK.p4])
        #expect(try server.bk("GET", "/products/\(BK.p3)").json["total"] == "")
        #expect(try server.bk("GET", "/products/\(BK.p4)").json["available"] == 0)
    }

    @Test func filtersAndSortsProducts() throws {
        #expect(try ids("") == [BK.p1, BK.p2, BK.p3])
        #expect(try ids("available=1&with_private_products=1") == [BK.p1, BK.p2, BK.p3])
        #expect(try ids("requires_shipping=1") == [BK.p2])
        #expect(try ids("requires_shipping=2") == [BK.p1, BK.p2, BK.p3])
        #expect(try ids("min_price=10&max_price=50") == [BK.p1])
        #expect(try ids("order=-price") == [BK.p2, BK.p1, BK.p3])
        #expect(try ids("order=name,-price") == [BK.p3, BK.p2, BK.p1])
        #expect(try ids("accept_vendors=\(BK.v3)") == [BK.p2])
        #expect(try ids("exclude_vendors=\(BK.v3)") == [BK.p1, BK.p3])
    }

    @Test func vendorClientsWriteTheirOwnProducts() throws {
        #expect(try server.bk("POST", "/products", token: BK.vendor, json: SeedSamples.product).json == BKBodies.unauthorized)
        var missing = SeedSamples.product.objectValue!
        missing["currency"] = nil
        #expect(try server.bk("POST", "/products", token: BK.souvenirs, json: .object(missing)).json
            == BKBodies.property(#"The property "currency" is required"#))
        #expect(try server.bk("PATCH", "/products/\(BK.p1)", token: BK.souvenirs, json: ["name": "Shirt"]).json
            == BKBodies.property(#"The property "price" is required"#))
        let updated = try server.bk("PATCH", "/products/\(BK.p1)", token: BK.souvenirs, json: ["price": 24.5, "total": ""])
        #expect(updated.json["price"] == 24.5)
        #expect(updated.json["total"] == "")
        #expect(updated.json["name"] == "T-shirt")
        #expect(try server.bk("PATCH", "/products/\(BK.p1)", token: BK.souvenirs, json: ["price": 1, "vendor_id": .string(BK.v1)]).json
            == BKBodies.rule("The vendor of a product cannot be changed"))
        let deleted = try server.bk("DELETE", "/products/\(BK.p1)", token: BK.souvenirs)
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(try server.bk("GET", "/products/\(BK.p1)", token: BK.souvenirs).json == BKBodies.notFound)
        #expect(try server.bk("GET", "/products", token: BK.souvenirs).json == [])
        #expect(try server.bk("POST", "/products/\(BK.p3)?method=DELETE", token: BK.vendor).status == 204)
    }
}

@Suite struct FlexOffersTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    private func ids(_ query: String, token: String = BK.marketplace) throws -> [String] {
        try server.bk("GET", "/flex_offers?\(query)", token: token).ids
    }

    @Test func listsAndFiltersFlexOffers() throws {
        let museum = ["2005cef0597aac12c83162c9a48104f8", "42c80a8a2dee2217fcfb61fd397884b0"]
        #expect(try ids("", token: BK.museum) == museum)
        #expect(try ids("active=1", token: BK.museum) == [museum[0]])
        #expect(try ids("vendor_id=\(BK.v4)") == museum)
        // The vendor_id filter is for marketplace clients only.
        #expect(try ids("vendor_id=\(BK.v3)", token: BK.museum) == museum)
        #expect(try ids("event_id=\(BK.e9)&available_until=2029-01-01T00:00:00Z") == [museum[1]])
        #expect(try ids("available_from=2025-01-01T00:00:00Z&order=-title") == [
            "ae5b33894f557c5cf1b38f3b4885a57f", "eba1b1ee6c128832ee7f3a7b1e122348", "2005cef0597aac12c83162c9a48104f8",
        ])
        #expect(try ids("delta_since=2026-01-01T00:00:00Z") == [])
    }

    @Test func answersTheOtherPlausibleSpellingsOfItsPath() throws {
        let camel = try server.bk("GET", "/flexOffers", token: BK.museum)
        #expect(camel.count == 2)
        #expect(camel.header("X-Understudy-Route") == "GET /v3/flex_offers")
        #expect(try server.bk("GET", "/flex-offers/2005cef0597aac12c83162c9a48104f8", token: BK.museum).json["stock"] == 10)
    }

    @Test func readsAFlexOfferAsTheDocsSampleShowsIt() throws {
        let offer = try server.bk("GET", "/flex_offers/2005cef0597aac12c83162c9a48104f8", token: BK.museum).json
        #expect(keys(offer) == [
            "id", "active", "title", "vendor_id", "event_id", "start_date", "end_date", "redemption_start_date", "redemption_end_date", "stock",
            "redemptions", "unlimited_redemptions", "type", "flex_offer_prices",
        ])
        #expect(offer["title"] == "10 Ticket offer! ")
        #expect(offer["flex_offer_prices"]?[1] == [
            "id": 7, "title": "Student", "value": 1, "currency": "EUR", "public": 1, "category": "Other", "vat": 0, "entry_units": [["type": "ADULT"]],
        ])
        #expect(try server.bk("GET", "/flex_offers/2005cef0597aac12c83162c9a48104f8").json == BKBodies.notFound)
    }
}

@Suite struct DirectoryTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func categoriesAreGlobalAndFlat() throws {
        let all = try server.bk("GET", "/categories", token: BK.demo)
        #expect(all.json.arrayValue?.count == 7)
        #expect(all.json[0] == ["id": 1, "title": "Workshops & Courses"])
        #expect(try server.bk("GET", "/categories?order=-title&limit=2").json == [
            ["id": 1, "title": "Workshops & Courses"], ["id": 371, "title": "Water parks"],
        ])
        #expect(try server.bk("GET", "/categories/371").json == ["id": 371, "title": "Water parks"])
        #expect(try server.bk("GET", "/categories/999").json == BKBodies.notFound)
        #expect(try server.bk("GET", "/categories/abc").json == BKBodies.notFound)
    }

    @Test func usersCouponsAndVouchersAreTheVendorsOwn() throws {
        #expect(try server.bk("GET", "/users").json == [
            ["id": "c1aa3a67eb1f3aa2a8f712ba8bb6649d", "name": "Bat man", "email": "batman@bookingkit.de", "language": "de"],
            ["id": "6b45988a0c68abaac8740f9d63f30fa7", "name": "Jane Operator", "email": "jane.operator@example.com", "language": "en"],
        ])
        #expect(try server.bk("GET", "/users/e823a9fda316814062d196bc74cb7f50").json == BKBodies.notFound)
        #expect(try server.bk("GET", "/users/e823a9fda316814062d196bc74cb7f50", token: BK.spree).json["name"] == "Max Müller")
        #expect(try server.bk("GET", "/coupons/c1aa3a67eb1f3aa2a8f712ba8bb6649d").json
            == ["ident": "c1aa3a67eb1f3aa2a8f712ba8bb6649d", "title": "Summer Sale 20% Off", "code": "SUMMER20"])
        #expect(try server.bk("GET", "/coupons", token: BK.spree).json == [["ident": "e750f4750fbc41fc8882203d72887295", "title": "Welcome Discount 10 EUR", "code": "WELCOME10"]])
        #expect(try server.bk("GET", "/vouchers/v1aa3a67eb1f3aa2a8f712ba8bb6649e").json
            == ["ident": "v1aa3a67eb1f3aa2a8f712ba8bb6649e", "title": "Gift Card €50", "code": "GIFT50EUR"])
        #expect(try server.bk("GET", "/vouchers/abcb45aba049ff4e77a0382c5c931b75").json == BKBodies.notFound)
        #expect(try server.bk("GET", "/users?limit=1&offset=1&with_count=true").header("X-Total_Count") == "2")
        // These lists take the common parameters only: `order` is not one of them, so it is ignored.
        #expect(try server.bk("GET", "/users?order=-name").ids.first == "c1aa3a67eb1f3aa2a8f712ba8bb6649d")
    }
}
