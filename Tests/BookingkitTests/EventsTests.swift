import Emulation
import Foundation
import TestSupport
import Testing

/// Events and merged events (spec §5.2, §6.3, §6.4, §7.2).
@Suite struct EventsTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    private func ids(_ query: String, token: String = BK.marketplace) throws -> [String] {
        try server.bk("GET", "/events?fields=id&\(query)", token: token).ids
    }

    @Test func theDocsEventRendersAsTheirSample() throws {
        let event = try server.bk("GET", "/events/\(BK.e2)").json
        #expect(keys(event) == [
            "id", "active", "root_event_id", "title", "description", "type", "duration", "pre_time", "max_participants", "timezone",
            "location", "location_place_id", "location_lng", "location_lat", "meeting_location", "meeting_location_lng",
            "meeting_location_lat", "meeting_location_place_id", "vendor_id", "bring", "advice", "hint", "participant_hint", "vendor_name",
            "youtubeVideoId", "voucher_checkout_url", "images", "highlights", "categories", "prices", "tags", "min_participants",
            "latest_booking_time", "commission",
        ])
        #expect(event["active"] == "1")
        #expect(event["location_lng"] == "12.7135121")
        #expect(event["vendor_name"] == "Sample Vendor")
        #expect(event["voucher_checkout_url"] == "https://web.admin-sandbox.bookingkit.com/voucherOrder/index/?id=dc458a4c9fcff0d0eb962c0654ee90f4")
        #expect(event["categories"] == [["id": 351, "title": "Tickets & Entry tickets"], ["id": 371, "title": "Water parks"]])
        #expect(event["prices"]?[2] == [
            "id": 380, "title": "Family ticket", "value": 120, "currency": "EUR", "public": 1, "category": "Group", "vat": 23,
            "entry_units": [["type": "ADULT"], ["type": "CHILD"]],
        ])
        #expect(event["min_participants"] == 10)
    }

    @Test func listsActiveBookingEventsByDefault() throws {
        #expect(try ids("") == [BK.e1, BK.e2, BK.e3, BK.e4, BK.e5, BK.e6, BK.e7, "8716f0b02e9889757064c64b7ce08552", BK.e9, BK.e10, BK.e13])
        #expect(try ids("type=REQUEST") == [BK.e11])
        #expect(try ids("type=ALL").contains(BK.e11))
        #expect(try !ids("type=ALL").contains(BK.e12))
        #expect(try server.bk("GET", "/events/\(BK.e12)").json == BKBodies.notFound)
        #expect(try server.bk("GET", "/vendors/\(BK.v1)/events?fields=id").ids == [BK.e1, BK.e2, BK.e3, BK.e4, BK.e5, BK.e13])
        #expect(try server.bk("GET", "/vendors/\(BK.v3)/events").json == BKBodies.notFound)
    }

    @Test func filtersByStructureCategoryVendorAndPlace() throws {
        #expect(try !ids("only_root_events=1").contains(BK.e2))
        #expect(try !ids("only_main_duration=true").contains(BK.e3))
        #expect(try ids("category=351") == [BK.e1, BK.e2, BK.e3, "8716f0b02e9889757064c64b7ce08552", BK.e9, BK.e10])
        #expect(try ids("categories=12,402") == [BK.e6, BK.e13])
        #expect(try ids("accept_vendors=\(BK.v4),\(BK.v5)&type=ALL") == [BK.e9, BK.e10, BK.e11])
        #expect(try ids("exclude_vendors=\(BK.v1),\(BK.v3)") == [BK.e9, BK.e10])
        #expect(try ids("geolocation=52.069896815019,12.665231159637,52.970116384981,14.144676840363")
            == [BK.e4, BK.e5, BK.e6, BK.e7, "8716f0b02e9889757064c64b7ce08552", BK.e9, BK.e10])
        #expect(try ids("preferred_categories=402,12&accept_vendors=\(BK.v1),\(BK.v3)").prefix(2) == [BK.e6, BK.e13])
        #expect(try ids("min_price=40&max_price=60&accept_vendors=\(BK.v1)") == [BK.e1, BK.e2, BK.e4])
    }

    @Test func availableFromKeepsEventsWithALaterFreeDateAndShowsIt() throws {
        let response = try server.bk("GET", "/events?available_from=2030-06-04T00:00:00Z&fields=id,first_date", token: BK.marketplace)
        #expect(response.json == [
            ["id": .string(BK.e1), "first_date": "2030-06-05T10:00:00Z"], ["id": .string(BK.e2), "first_date": "2030-06-05T10:00:00Z"],
            ["id": .string(BK.e3), "first_date": "2030-06-05T14:00:00Z"], ["id": .string(BK.e6), "first_date": "2030-06-15T10:00:00Z"],
            ["id": .string(BK.e7), "first_date": "2030-06-20T10:00:00Z"], ["id": .string(BK.e10), "first_date": "2030-07-01T10:00:00Z"],
        ])
        #expect(try server.bk("GET", "/events/\(BK.e2)").json["first_date"] == nil)
    }

    @Test func sortsByPriceCategoryFirstDateAndVendorName() throws {
        let v1 = "accept_vendors=\(BK.v1)"
        #expect(try ids("order=price&\(v1)") == [BK.e13, BK.e5, BK.e1, BK.e2, BK.e4, BK.e3])
        #expect(try ids("order=-price&\(v1)") == [BK.e3, BK.e2, BK.e4, BK.e1, BK.e5, BK.e13])
        #expect(try ids("order=category_id&\(v1)") == [BK.e13, BK.e1, BK.e2, BK.e3, BK.e4, BK.e5])
        #expect(try ids("order=first_date&\(v1)") == [BK.e4, BK.e13, BK.e5, BK.e1, BK.e2, BK.e3])
        #expect(try ids("order=vendor_name,-title&accept_vendors=\(BK.v3),\(BK.v4)")
            == [BK.e10, BK.e9, BK.e7, "8716f0b02e9889757064c64b7ce08552", BK.e6])
        #expect(try ids("order=max_participants&\(v1)").first == BK.e13)
    }

    @Test func showsPrivatePricesOnlyWhenAsked() throws {
        let prices = { (query: String) throws -> [JSONValue] in
            try server.bk("GET", "/events/\(BK.e4)\(query)").json["prices"]?.arrayValue?.compactMap { $0["id"] } ?? []
        }
        #expect(try prices("") == [478, 479])
        #expect(try prices("?with_private_prices=true") == [478, 479, 480])
        let listed = try server.bk("GET", "/events?accept=\(BK.e4)&with_private_prices=1").json[0]?["prices"]?.arrayValue?.count
        #expect(listed == 3)
    }

    @Test func mergedEventsCarryTheirPricelistsAsGroups() throws {
        let listed = try server.bk("GET", "/merged_events?fields=id", token: BK.marketplace).ids
        #expect(listed == [BK.e1, BK.e3, BK.e4, BK.e5, BK.e6, BK.e7, "8716f0b02e9889757064c64b7ce08552", BK.e9, BK.e10, BK.e13])
        let main = try server.bk("GET", "/merged_events/\(BK.e1)").json
        #expect(main["root_event_id"] == nil)
        #expect(main["prices"] == nil)
        let groups = main["price_groups"]?.arrayValue ?? []
        #expect(groups.map { $0["id"] } == ["26fc46c2c90d380b94cf46804c0a0da8", "b4c9dd45265fca13aed91706f5abbb6d"])
        #expect(groups.map { $0["name"] } == ["Standard prices", "High season prices"])
        #expect(groups[0]["prices"]?.arrayValue?.compactMap { $0["id"] } == [381, 382])
        #expect(groups[1]["prices"]?.arrayValue?.compactMap { $0["id"] } == [378, 379, 380])
        let child = try server.bk("GET", "/merged_events/\(BK.e2)?with_private_prices=true").json
        #expect(child["price_groups"]?.arrayValue?.map { $0["name"] } == ["High season prices"])
        #expect(try server.bk("GET", "/merged_events/\(BK.e1)?with_private_prices=true").json["price_groups"]?[0]?["prices"]?
            .arrayValue?.count == 3)
    }

    /// A page of events is read with their prices (and a merged page with its pricelist groups)
    /// rendered for all of them at once: each event still carries its own, as its single answer does.
    @Test func aPageCarriesEachEventsOwnPricesAndGroups() throws {
        let lists = [("/events", ""), ("/events", "?with_private_prices=1"), ("/merged_events", ""), ("/merged_events", "?with_private_prices=1")]
        for (path, query) in lists {
            let items = try server.bk("GET", path + query, token: BK.marketplace).json.arrayValue ?? []
            #expect(items.count > 3)
            let pricesPerEvent = items.map { $0["prices"]?.arrayValue?.count ?? $0["price_groups"]?.arrayValue?.count ?? 0 }
            #expect(Set(pricesPerEvent).count > 1)
            for item in items {
                let id = try #require(item["id"]?.stringValue)
                #expect(try server.bk("GET", "\(path)/\(id)\(query)", token: BK.marketplace).json == item)
            }
        }
        let merged = try server.bk("GET", "/merged_events?accept=\(BK.e3),\(BK.e1)", token: BK.marketplace).json.arrayValue ?? []
        let e1 = try #require(merged.first { $0["id"] == .string(BK.e1) })
        #expect(e1["price_groups"]?.arrayValue?.map { $0["prices"]?.arrayValue?.compactMap { $0["id"] } ?? [] } == [[381, 382], [378, 379, 380]])
    }

    @Test func createsAPricelistEventFromTheDocsSample() throws {
        let response = try server.bk("POST", "/vendors/\(BK.v1)/events", json: .object(SeedSamples.event))
        #expect(response.status == 201)
        let event = response.json
        let id = try #require(event["id"]?.stringValue)
        #expect(id.count == 32 && id != BK.e2)
        #expect(event["root_event_id"] == .string(BK.e1))
        #expect(event["vendor_name"] == "Sample Vendor")
        #expect(event["location_lat"] == "41.9214534")
        let image = event["images"]?[0]?.stringValue ?? ""
        #expect(image.hasPrefix("https://app.bookingkit.de/images/vendors/\(BK.v1)/detail/") && image.hasSuffix(".jpg"))
        #expect(event["categories"] == [["id": 351, "title": "Tickets & Entry tickets"], ["id": 371, "title": "Water parks"]])
        let prices = event["prices"]?.arrayValue ?? []
        #expect(prices.compactMap { $0["title"]?.stringValue } == ["Standard", "Kids", "Family ticket"])
        #expect(prices.allSatisfy { ($0["id"]?.intValue ?? 0) >= 10000 })
        #expect(prices.allSatisfy { $0["public"] == 1 })
        #expect(event["first_date"] == nil)
        #expect(event["voucher_checkout_url"] != "https://web.admin-sandbox.bookingkit.com/voucherOrder/index/?id=dc458a4c9fcff0d0eb962c0654ee90f4")
        #expect(try server.bk("GET", "/events/\(id)").json == event)
        #expect(try server.bk("GET", "/merged_events/\(BK.e1)").json["price_groups"]?.arrayValue?.count == 3)
        #expect(try server.bk("POST", "/events", token: BK.marketplace, json: .object(SeedSamples.event)).status == 201)
    }

    @Test func updatesAnEventPartially() throws {
        let replayed = try server.bk("PATCH", "/events/\(BK.e2)", json: .object(SeedSamples.event))
        #expect(replayed.status == 200)
        #expect(replayed.json["prices"]?.arrayValue?.allSatisfy { ($0["id"]?.intValue ?? 0) >= 10000 } == true)
        let renamed = try server.bk("PATCH", "/events/\(BK.e4)", json: ["title": "Harbour Trip", "prices": [["id": 478, "title": "Adult", "value": 110, "currency": "EUR"]]])
        #expect(renamed.json["title"] == "Harbour Trip")
        #expect(renamed.json["duration"] == 60)
        #expect(renamed.json["prices"] == [
            ["id": 478, "title": "Adult", "value": 110, "currency": "EUR", "public": 1, "category": "Adult", "vat": 0, "entry_units": [["type": "ADULT"]]],
        ])
        // The override and the PUT alias reach the same update.
        #expect(try server.bk("POST", "/events/\(BK.e4)?method=PATCH", json: ["duration": 75]).json["duration"] == 75)
        #expect(try server.bk("PUT", "/events/\(BK.e4)/", json: ["duration": 80]).json["duration"] == 80)
        #expect(try server.bk("PATCH", "/events/\(BK.e4)", json: ["active": "0"]).json["active"] == "0")
        #expect(try server.bk("GET", "/events/\(BK.e4)").status == 404)
        #expect(try server.bk("PATCH", "/events/\(BK.e6)", json: ["title": "x"]).status == 404)
    }

    @Test func refusesInvalidEventBodies() throws {
        func post(_ change: (inout JSONObject) -> Void, path: String = "/events") throws -> JSONValue {
            var body = SeedSamples.event
            change(&body)
            return try server.bk("POST", path, json: .object(body)).json
        }
        #expect(try post { $0["title"] = nil } == BKBodies.property(#"The property "title" is required"#))
        #expect(try post { $0["duration"] = "long" } == BKBodies.property(#"The property "duration" must be of type "integer""#))
        #expect(try post { $0["type"] = "TOUR" } == BKBodies.property(#"The property "type" must be one of "BOOKING", "REQUEST""#))
        #expect(try post { $0["images"] = [] } == BKBodies.property(#"The property "images" must contain at least 1 item"#))
        #expect(try post { $0["categories"] = [["id": 999]] } == BKBodies.rule(#"Category "999" not found"#))
        #expect(try post { $0["root_event_id"] = "nope" } == BKBodies.rule(#"Event "nope" not found"#))
        #expect(try post({ _ in }, path: "/vendors/\(BK.v3)/events") == BKBodies.notFound)
        #expect(try server.bk("POST", "/vendors/\(BK.v1)/events", token: BK.marketplace, json: .object({
            var body = SeedSamples.event
            body["vendor_id"] = .string(BK.v4)
            return body
        }())).json == BKBodies.rule("The path vendor id and the body vendor_id do not match"))
        #expect(try server.bk("POST", "/events", body: "{not json").json == BKBodies.error("40000", "The request body must be a valid JSON object"))
        #expect(try server.bk("POST", "/events", json: [1, 2]).json == BKBodies.error("40000", "The request body must be a valid JSON object"))
    }
}
