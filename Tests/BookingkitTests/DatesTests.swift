import Emulation
import Foundation
import TestSupport
import Testing

/// Dates, merged dates, their prices and the eventDates lists (spec §5.2 E06/E13, §5.3, §5.6).
@Suite struct DatesTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    private func ids(_ path: String, token: String = BK.vendor) throws -> [String] {
        try server.bk("GET", path, token: token).ids
    }

    @Test func listsBookableDatesWithFreeSlotsByDate() throws {
        #expect(try ids("/dates") == [BK.d3, BK.d4, BK.d14, BK.d7, BK.d5, BK.d8, BK.d9])
        #expect(try ids("/dates?available=false").contains(BK.d6))
        #expect(try ids("/dates?ignore_latest_booking_time=true").prefix(2) == [BK.d1, BK.d2])
        #expect(try ids("/dates?start_date=2030-06-01T11:00:00Z&end_date=2030-06-02T09:00:00Z") == [BK.d4, BK.d14, BK.d7, BK.d5])
        #expect(try ids("/dates?accept_events=\(BK.e5),\(BK.e13)") == [BK.d14, BK.d7])
        #expect(try ids("/dates?exclude_events=\(BK.e4)&category=401") == [BK.d7])
        #expect(try ids("/dates?geolocation=52.0,13.0,53.0,14.0", token: BK.marketplace).contains(BK.d10))
        let date = try server.bk("GET", "/dates?accept=\(BK.d3)").json[0]
        #expect(date == [
            "id": .string(BK.d3), "active": 1, "event_id": .string(BK.e4), "date": "2030-06-01T09:00:00Z", "available_slots": 19,
            "total_slots": 20, "checkout_url": .string("https://web.admin-sandbox.bookingkit.com/checkout/index/?date=\(BK.d3)"),
        ])
    }

    @Test func theLatestBookingTimeFollowsTheEmulatedClock() throws {
        // The Harbour Boat Trip takes bookings until 30 minutes before it starts.
        try server.freezeClock(at: "2025-08-06T10:30:00Z")
        #expect(try ids("/dates?accept_events=\(BK.e4)").prefix(2) == [BK.d1, BK.d2])
        try server.advanceClock(seconds: 1)
        #expect(try ids("/dates?accept_events=\(BK.e4)").first == BK.d2)
        // A single date is never filtered.
        #expect(try server.bk("GET", "/dates/\(BK.d1)").json["available_slots"] == 10)
    }

    @Test func listsTheDatesOfAnEventOrOfAVendor() throws {
        #expect(try ids("/events/\(BK.e4)/dates") == [BK.d3, BK.d4, BK.d5])
        #expect(try server.bk("GET", "/events/\(BK.e2)/dates").json == [])
        #expect(try server.bk("GET", "/events/\(BK.e12)/dates").json == BKBodies.notFound)
        #expect(try server.bk("GET", "/events/\(BK.e6)/dates").json == BKBodies.notFound)
        #expect(try ids("/vendors/\(BK.v1)/dates?order=title,date") == [BK.d8, BK.d9, BK.d14, BK.d3, BK.d4, BK.d5, BK.d7])
        #expect(try ids("/vendors/\(BK.v1)/dates?match=sunset") == [BK.d7])
        #expect(try ids("/vendors/\(BK.v5)/dates", token: BK.kayak) == [BK.d13])
        #expect(try server.bk("GET", "/vendors/\(BK.v5)/dates?type=BOOKING", token: BK.kayak).json == [])
        #expect(try server.bk("GET", "/vendors/\(BK.v3)/dates").json == BKBodies.notFound)
    }

    @Test func createsDatesFromTheDocsSampleThreeWays() throws {
        for path in ["/dates", "/events/\(BK.e4)/dates", "/vendors/\(BK.v1)/dates"] {
            let response = try server.bk("POST", path, json: SeedSamples.date)
            #expect(response.status == 201, "\(path)")
            let id = try #require(response.json["id"]?.stringValue)
            #expect(response.json == [
                "id": .string(id), "active": 1, "event_id": .string(BK.e4), "date": "2025-08-06T11:34:00Z", "available_slots": 10,
                "total_slots": 10, "checkout_url": .string("https://web.admin-sandbox.bookingkit.com/checkout/index/?date=\(id)"),
            ])
            #expect(try server.bk("GET", "/dates/\(id)").status == 200)
        }
    }

    @Test func refusesInvalidDates() throws {
        let date = SeedSamples.date.objectValue!
        func with(_ key: String, _ value: JSONValue?) -> JSONValue {
            var changed = date
            changed[key] = value
            return .object(changed)
        }
        #expect(try server.bk("POST", "/dates", json: with("event_id", nil)).json == BKBodies.property(#"The property "event_id" is required"#))
        #expect(try server.bk("POST", "/dates", json: with("available_slots", 11)).json
            == BKBodies.property(#"The property "available_slots" must be less than or equal to "total_slots""#))
        #expect(try server.bk("POST", "/dates", json: with("total_slots", -1)).json
            == BKBodies.property(#"The property "total_slots" must be greater than or equal to 0"#))
        #expect(try server.bk("POST", "/dates", json: with("date", "next week")).json
            == BKBodies.property(#"The property "date" must be a date-time in the format "YYYY-MM-DDThh:mm:ssZ""#))
        #expect(try server.bk("POST", "/dates", json: with("event_id", .string(BK.e6))).json == BKBodies.rule("Event \"\(BK.e6)\" not found"))
        #expect(try server.bk("POST", "/events/\(BK.e5)/dates", json: .object(date)).json
            == BKBodies.rule("The path id and the body event_id do not match"))
        #expect(try server.bk("POST", "/events/nope/dates", json: .object(date)).json == BKBodies.notFound)
        #expect(try server.bk("POST", "/vendors/\(BK.v1)/dates", token: BK.marketplace, json: with("event_id", .string(BK.e6))).json
            == BKBodies.rule("Event \"\(BK.e6)\" not found"))
        #expect(try server.bk("POST", "/vendors/unknown/dates", json: .object(date)).json == BKBodies.notFound)
    }

    @Test func updatesADateKeepingItsBookedSeats() throws {
        let replayed = try server.bk("PATCH", "/dates/\(BK.d1)", json: SeedSamples.dateUpdate)
        #expect(replayed.status == 200)
        #expect(replayed.json["date"] == "2025-08-06T11:36:00Z")
        #expect(replayed.json["total_slots"] == 9)
        #expect(replayed.json["available_slots"] == 9)
        let shrunk = try server.bk("PATCH", "/dates/\(BK.d3)", json: ["total_slots": 10, "available_slots": 10])
        #expect(shrunk.json["available_slots"] == 9)
        let moved = try server.bk("PATCH", "/dates/\(BK.d3)", json: ["event_id": .string(BK.e5)])
        #expect(moved.json["event_id"] == .string(BK.e5))
        #expect(try server.bk("PATCH", "/dates/\(BK.d3)", json: ["event_id": .string(BK.e6)]).json == BKBodies.rule("Event \"\(BK.e6)\" not found"))
        #expect(try server.bk("PATCH", "/dates/\(BK.d10)", token: BK.spree, json: ["total_slots": 30]).json
            == BKBodies.rule("The Extended Availability Management module is not activated for this vendor"))
        #expect(try server.bk("PATCH", "/dates/unknown", json: ["total_slots": 30]).json == BKBodies.notFound)
    }

    @Test func batchesCreateAndUpdateAllOrNothing() throws {
        let created = try server.bk("POST", "/datesBatch", json: SeedSamples.datesBatchCreate)
        #expect(created.status == 201)
        #expect(created.json == ["status": "SUCCESS", "processed_items": 1])
        let updated = try server.bk("PATCH", "/datesBatch", json: SeedSamples.datesBatchUpdate)
        #expect(updated.status == 200)
        #expect(updated.json == ["status": "SUCCESS", "processed_items": 1])
        #expect(try server.bk("GET", "/dates/\(BK.d4)").json["total_slots"] == 9)

        let before = try server.bk("GET", "/dates?ignore_latest_booking_time=1&with_count=1").header("X-Total_Count")
        let sample = SeedSamples.datesBatchCreate[0]!
        let bad = try server.bk("POST", "/datesBatch", json: [sample, sample.adding("date", "soon")])
        #expect(bad.json == BKBodies.property(#"The property "[1].date" must be a date-time in the format "YYYY-MM-DDThh:mm:ssZ""#))
        #expect(try server.bk("POST", "/datesBatch", json: [sample, sample.adding("event_id", .string(BK.e6))]).json
            == BKBodies.rule("Event \"\(BK.e6)\" not found"))
        #expect(try server.bk("GET", "/dates?ignore_latest_booking_time=1&with_count=1").header("X-Total_Count") == before)
        #expect(try server.bk("POST", "/datesBatch", json: [:]).json == BKBodies.error("40000", "The request body must be a valid JSON array"))
        #expect(try server.bk("POST", "/datesBatch", json: []).json == ["status": "SUCCESS", "processed_items": 0])
        #expect(try server.bk("PATCH", "/datesBatch", json: [["date_id": "unknown", "total_slots": 3]]).json
            == BKBodies.rule("Date \"unknown\" not found"))
    }

    @Test func mergedDatesAreTheDatesOfMainAndDurationEvents() throws {
        #expect(try ids("/merged_dates") == [BK.d3, BK.d4, BK.d14, BK.d7, BK.d5, BK.d8, BK.d9])
        #expect(try server.bk("GET", "/merged_dates/\(BK.d2)").json["id"] == .string(BK.d2))
        #expect(try server.bk("GET", "/merged_dates/unknown").json == BKBodies.notFound)
    }

    @Test func listsWhatCanBeBookedOnAMergedDate() throws {
        let prices = try server.bk("GET", "/merged_dates/\(BK.d2)/prices")
        #expect(prices.json == [
            ["id": 478, "title": "Adult price", "value": "100.00", "category": "Adult", "currency": "EUR", "public": 1, "vat": "0.00",
             "entry_units": [["type": "ADULT"]]],
            ["id": 479, "title": "Child price", "value": "50.00", "category": "Child", "currency": "EUR", "public": 1, "vat": "0.00",
             "entry_units": [["type": "CHILD"]]],
        ])
        #expect(try server.bk("GET", "/merged_dates/\(BK.d2)/prices?with_private_prices=true").count == 3)
        let withPricelist = try server.bk("GET", "/merged_dates/\(BK.d8)/prices").json.arrayValue?.compactMap { $0["id"] }
        #expect(withPricelist == [381, 382, 378, 379, 380])
        #expect(try server.bk("GET", "/merged_dates/unknown/prices").json == BKBodies.notFound)
    }

    @Test func eventDatesPairDatesWithTheirEvents() throws {
        let minimal = try server.bk("GET", "/eventDates?accept=\(BK.d3),\(BK.d7)")
        #expect(minimal.json == [[
            "dates": [["id": .string(BK.d3), "event_id": .string(BK.e4)], ["id": .string(BK.d7), "event_id": .string(BK.e5)]],
            "events": [["id": .string(BK.e4)], ["id": .string(BK.e5)]],
        ]])
        let full = try server.bk("GET", "/vendors/\(BK.v1)/eventDates?accept=\(BK.d3)&fields=all").json[0]
        #expect(keys(full?["dates"]?[0]).count == 7)
        #expect(full?["events"]?[0]?["title"] == "Harbour Boat Trip")
        let chosen = try server.bk("GET", "/eventDates?accept=\(BK.d3)&fields=id,title,date").json[0]
        #expect(chosen == ["dates": [["id": .string(BK.d3), "date": "2030-06-01T09:00:00Z"]], "events": [["id": .string(BK.e4), "title": "Harbour Boat Trip"]]])
        let paged = try server.bk("GET", "/eventDates?limit=2&offset=1&with_count=true")
        #expect(paged.header("X-Total_Count") == "7")
        #expect(paged.json[0]?["dates"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [BK.d4, BK.d14])
        #expect(paged.json[0]?["events"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [BK.e4, BK.e13])
        #expect(try server.bk("GET", "/eventDates?start_date=2040-01-01T00:00:00Z").json == [["dates": [], "events": []]])
        #expect(try server.bk("GET", "/vendors/\(BK.v3)/eventDates").json == BKBodies.notFound)
    }
}
