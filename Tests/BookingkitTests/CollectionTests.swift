import Crypto
import Emulation
import Foundation
import TestSupport
import Testing

/// The common collection parameters (spec §3): bare arrays, limit and offset, counts, Link
/// headers, accept, exclude, fields, order, match, delta_since, and their validation — on the
/// bulk vendor's 2,000 dates and 5,000 orders and on the docs' fixture.
@Suite struct CollectionTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    private func dates(_ query: String) throws -> TestResponse {
        try server.bk("GET", "/dates?\(query)", token: BK.bulk)
    }

    @Test func pagesWithLimitAndOffsetInDateOrder() throws {
        let all = try dates("")
        #expect(all.status == 200)
        #expect(all.count == 2000)
        let first = try dates("limit=100")
        let second = try dates("limit=100&offset=100")
        #expect(first.ids == Array(all.ids[0..<100]))
        #expect(second.ids == Array(all.ids[100..<200]))
        let starts = all.json.arrayValue?.compactMap { $0["date"]?.stringValue } ?? []
        #expect(starts == starts.sorted())
        #expect(try dates("offset=1999").count == 1)
        #expect(try dates("offset=2000").json == [])
        #expect(try dates("limit=0").json == [])
        #expect(all.header("X-Total_Count") == nil)
        #expect(all.header("Link") == nil)
    }

    @Test func countsTheFilteredCollectionInBothHeaderSpellings() throws {
        let response = try dates("limit=10&offset=20&with_count=true")
        #expect(response.count == 10)
        #expect(response.header("X-Total_Count") == "2000")
        #expect(response.header("X-Total-Count") == "2000")
        #expect(try dates("with_count=1&accept_events=\(BulkIDs.event(0))").header("X-Total_Count") == "500")
        #expect(try server.bk("GET", "/orders?with_count=true", token: BK.bulk).header("X-Total_Count") == "4550")
        #expect(try server.bk("GET", "/orders?with_count=true&status=ALL&limit=1", token: BK.bulk).header("X-Total_Count") == "5000")
    }

    @Test func linksFirstPreviousNextAndLastPages() throws {
        let base = "http://127.0.0.1:\(server.port)/bookingkit/v3/dates"
        let middle = try dates("limit=100&offset=250&with_count=true")
        #expect(middle.header("Link") == [
            "<\(base)?limit=100&with_count=true&offset=0>; rel=\"first\"",
            "<\(base)?limit=100&with_count=true&offset=150>; rel=\"prev\"",
            "<\(base)?limit=100&with_count=true&offset=350>; rel=\"next\"",
            "<\(base)?limit=100&with_count=true&offset=1900>; rel=\"last\"",
        ].joined(separator: ", "))
        let last = try dates("limit=100&offset=1900&with_count=true")
        #expect(last.header("Link")?.contains("rel=\"next\"") == false)
        let withoutCount = try dates("limit=100")
        #expect(withoutCount.header("Link") == "<\(base)?limit=100&offset=0>; rel=\"first\", <\(base)?limit=100&offset=100>; rel=\"next\"")
        #expect(try dates("limit=100&offset=1950").header("Link") == "<\(base)?limit=100&offset=0>; rel=\"first\", <\(base)?limit=100&offset=1850>; rel=\"prev\"")
    }

    @Test func acceptsAndExcludesByIdentifier() throws {
        let response = try server.bk("GET", "/dates?accept=\(BK.d3),\(BK.d4),\(BK.d5)&exclude=\(BK.d4)")
        #expect(response.ids == [BK.d3, BK.d5])
        #expect(try server.bk("GET", "/coupons?accept=c1aa3a67eb1f3aa2a8f712ba8bb6649d").json == [
            ["ident": "c1aa3a67eb1f3aa2a8f712ba8bb6649d", "title": "Summer Sale 20% Off", "code": "SUMMER20"],
        ])
        #expect(try server.bk("GET", "/vouchers?exclude=v1aa3a67eb1f3aa2a8f712ba8bb6649e").json.arrayValue?.compactMap { $0["ident"] }
            == ["de8dd18ca8f38574488d21f02bcc11c8"])
    }

    @Test func keepsTheRequestedFieldsInSchemaOrder() throws {
        let response = try server.bk("GET", "/vendors?fields=name,id,nothing")
        #expect(response.json == [["id": .string(BK.v1), "name": "Sample Vendor"]])
        #expect(try keys(server.bk("GET", "/vendors?fields=all").json[0]).count == 12)
        #expect(try server.bk("GET", "/events/\(BK.e2)?fields=title,commission").json == ["title": "Berlin Tour", "commission": 0])
    }

    @Test func ordersByAttributesWithDirections() throws {
        let byName = try server.bk("GET", "/vendors?order=name", token: BK.marketplace)
        #expect(byName.json.arrayValue?.compactMap { $0["name"]?.stringValue }
            == ["Berlin Souvenirs", "City Museum Pass", "Havel Kayak School", "Sample Vendor", "Spree Adventures"])
        #expect(try server.bk("GET", "/vendors?order=-name", token: BK.marketplace).ids.first == BK.v3)
        // A literal + arrives as a space.
        #expect(try server.bk("GET", "/vendors?order=+name", token: BK.marketplace).ids.first == BK.v2)
        #expect(try server.bk("GET", "/vendors?order=%2Bname", token: BK.marketplace).ids.first == BK.v2)
        let events = try server.bk("GET", "/events?order=-duration,title&fields=title,duration&accept_vendors=\(BK.v1)")
        #expect(events.json == [
            ["title": "Berlin Tour (2 hours)", "duration": 120], ["title": "Sunset Harbour Cruise", "duration": 90],
            ["title": "Berlin Tour", "duration": 60], ["title": "Berlin Tour", "duration": 60],
            ["title": "Example Event", "duration": 60], ["title": "Harbour Boat Trip", "duration": 60],
        ])
        let slots = try server.bk("GET", "/dates?order=-available_slots,date&fields=available_slots&limit=3")
        #expect(slots.json == [["available_slots": 30], ["available_slots": 25], ["available_slots": 25]])
    }

    @Test func matchesSubstringsCaseInsensitively() throws {
        #expect(try server.bk("GET", "/vendors?match=MUSEUM", token: BK.marketplace).ids == [BK.v4])
        #expect(try server.bk("GET", "/events?match=harbour&fields=id").ids == [BK.e4, BK.e5])
        #expect(try server.bk("GET", "/events?match=spree%20adv&fields=id", token: BK.marketplace).ids.count == 3)
        #expect(try server.bk("GET", "/categories?match=tour").json.arrayValue?.compactMap { $0["id"] } == [400, 401, 402])
        #expect(try server.bk("GET", "/orders?match=erika&status=ALL").ids == [BK.od])
        #expect(try server.bk("GET", "/vendors?match=%25", token: BK.marketplace).json == [])
    }

    @Test func deltaSinceKeepsWhatChangedFromThenOn() throws {
        #expect(try server.bk("GET", "/vendors?delta_since=2025-01-24T14:35:41Z", token: BK.marketplace).ids == [BK.v1])
        #expect(try server.bk("GET", "/events?delta_since=2025-01-24T14:35:41Z&fields=id&type=ALL", token: BK.marketplace).ids
            == [BK.e2, BK.e4])
        let bulkOrders = try server.bk("GET", "/orders?status=ALL&delta_since=2025-07-01T00:00:00Z&with_count=true&limit=1", token: BK.bulk)
        #expect(bulkOrders.header("X-Total_Count") == "665")
        try server.freezeClock(at: "2029-01-01T00:00:00Z")
        _ = try server.bk("PATCH", "/dates/\(BK.d4)", json: ["total_slots": 12])
        #expect(try server.bk("GET", "/dates?delta_since=2029-01-01T00:00:00Z").ids == [BK.d4])
    }

    @Test func refusesInvalidParametersWithTheSeedsBody() throws {
        let cases: [(String, String)] = [
            ("/vendors?limit=abc", #"The parameter "limit" must be of type "integer""#),
            ("/vendors?limit=-1", #"The parameter "limit" must be of type "integer""#),
            ("/vendors?limit=1.5", #"The parameter "limit" must be of type "integer""#),
            ("/vendors?offset=x", #"The parameter "offset" must be of type "integer""#),
            ("/vendors?with_count=yes", #"The parameter "with_count" must be of type "boolean""#),
            ("/vendors?order=title", #"The parameter "order" must be one of "name""#),
            ("/vendors?delta_since=2025-01-24", #"The parameter "delta_since" must match the pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$""#),
            ("/events?type=ANY", #"The parameter "type" must be one of "BOOKING", "REQUEST", "ALL""#),
            ("/events?category=x", #"The parameter "category" must be of type "integer""#),
            ("/events?geolocation=-52.0,13.0,53.0,14.0", #"The parameter "geolocation" must match the pattern "^([0-9\.]+),([0-9\.]+),([0-9\.]+),([0-9\.]+)$""#),
            ("/dates?available=maybe", #"The parameter "available" must be of type "boolean""#),
            ("/dates?start_date=2030-06-01T09:00:00+02:00", #"The parameter "start_date" must match the pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$""#),
            ("/orders?status=GONE", #"The parameter "status" must be one of "ACCEPTED", "CANCELED", "PENDING", "DECLINED", "OPEN", "ALL""#),
            ("/products?available=5", #"The parameter "available" must be one of 0, 1, 2"#),
            ("/flex_offers?active=2", #"The parameter "active" must be one of 0, 1"#),
        ]
        for (path, message) in cases {
            let response = try server.bk("GET", path)
            #expect(response.status == 400, "\(path)")
            #expect(response.json == BKBodies.parameter(message), "\(path)")
        }
        // The first problem wins, in the documented order.
        #expect(try server.bk("GET", "/vendors?offset=x&limit=y").json["message"] == #"The parameter "limit" must be of type "integer""#)
    }

    @Test func combinesFiltersPagingOrderAndFields() throws {
        let response = try server.bk(
            "GET", "/dates?accept_events=\(BulkIDs.event(1)),\(BulkIDs.event(2))&order=-date&limit=5&offset=10&with_count=true&fields=id,event_id,date",
            token: BK.bulk)
        #expect(response.header("X-Total_Count") == "1000")
        let items = response.json.arrayValue ?? []
        #expect(items.count == 5)
        #expect(items.allSatisfy { keys($0) == ["id", "event_id", "date"] })
        let starts = items.compactMap { $0["date"]?.stringValue }
        #expect(starts == starts.sorted(by: >))
        #expect(items.allSatisfy { [BulkIDs.event(1), BulkIDs.event(2)].contains($0["event_id"]?.stringValue ?? "") })
    }

    @Test func listsWithoutPagingParametersTakeThemLeniently() throws {
        #expect(try server.bk("GET", "/participant_tickets?limit=1", token: BK.bulk).count == 1)
        #expect(try server.bk("GET", "/participant_tickets", token: BK.bulk).count == 6250)
        #expect(try server.bk("GET", "/flex_offers?limit=1&offset=1", token: BK.museum).ids == ["42c80a8a2dee2217fcfb61fd397884b0"])
    }
}

/// Ids of the generated bulk data (`seed/bookingkit/bulk.json`).
enum BulkIDs {
    static func event(_ index: Int) -> String { md5("bookingkit-mock-bulk-event-\(index)") }

    static func md5(_ text: String) -> String {
        Insecure.MD5.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
