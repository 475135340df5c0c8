import Emulation
import TestSupport
import Testing

/// Spec §4: `page`, `continuation` and `page_size`, the envelope, and the paging errors. The bulk
/// organization holds 300 events (every tenth a draft), so its lists span several pages.
@Suite struct PaginationTests {
    let server: TestServer
    static let bulkEvents = "/organizations/\(Seed.bulkOrganization)/events/"

    init() throws { server = try TestServer() }

    @Test func aContinuationWalkSeesEveryRowOnceInOrder() throws {
        // The default status filter is live and started: 270 of the 300.
        let walk = try server.walkContinuations(Self.bulkEvents, key: "events")
        #expect(walk.pages == 6)
        let ids = walk.items.compactMap { $0["id"]?.stringValue }
        #expect(ids.count == 270)
        #expect(Set(ids).count == 270)
        let starts = walk.items.compactMap { $0["start"]?["utc"]?.stringValue }
        #expect(starts == starts.sorted())
        let all = try server.walkContinuations(Self.bulkEvents + "?status=all&page_size=200", key: "events")
        #expect(all.pages == 2)
        #expect(Set(all.items.compactMap { $0["id"]?.stringValue }).count == 300)
    }

    @Test func aPageWalkSeesEveryRowOnce() throws {
        var ids: [String] = []
        var number = 1
        while number <= 20 {
            let response = try server.eventbrite("GET", Self.bulkEvents + "?status=all&page_size=70&page=\(number)")
            #expect(response.status == 200)
            ids += response.ids("events")
            #expect(response.pagination["page_number"] == .int(number))
            if response.pagination["has_more_items"] != true { break }
            number += 1
        }
        #expect(number == 5)
        #expect(ids.count == 300)
        #expect(Set(ids).count == 300)
        // The page after the last is BAD_PAGE: "keep incrementing until you get BAD_PAGE".
        let past = try server.eventbrite("GET", Self.bulkEvents + "?status=all&page_size=70&page=6")
        #expect(past.status == 400)
        #expect(past.json == Bodies.badPage)
    }

    @Test func theEnvelopeFollowsTheCapturedOrderAndContinuationForm() throws {
        let response = try server.eventbrite("GET", Self.bulkEvents)
        #expect(keys(response.json) == ["pagination", "events"])
        #expect(keys(response.pagination) == [
            "object_count", "page_number", "page_size", "page_count", "continuation", "has_more_items",
        ])
        #expect(response.pagination["object_count"] == 270)
        #expect(response.pagination["page_size"] == 50)
        #expect(response.pagination["page_count"] == 6)
        // base64url of {"page": 2}, without padding.
        #expect(response.pagination["continuation"] == "eyJwYWdlIjogMn0")
        let last = try server.eventbrite("GET", Self.bulkEvents + "?page=6")
        #expect(last.ids("events").count == 20)
        #expect(last.pagination["has_more_items"] == false)
        #expect(last.pagination["continuation"] == nil)
    }

    @Test func pageSizeIsClampedTo200AndMustBeAPositiveInteger() throws {
        let clamped = try server.eventbrite("GET", Self.bulkEvents + "?page_size=500")
        #expect(clamped.pagination["page_size"] == 200)
        #expect(clamped.ids("events").count == 200)
        for size in ["0", "-1", "abc"] {
            let response = try server.eventbrite("GET", Self.bulkEvents + "?page_size=\(size)")
            #expect(response.json == Bodies.arguments(["page_size": "INVALID"]))
        }
    }

    @Test(arguments: ["0", "-1", "abc", "1.5", "7"])
    func aBadPageNumberIsBadPage(page: String) throws {
        let response = try server.eventbrite("GET", Self.bulkEvents + "?page=\(page)")
        #expect(response.status == 400)
        #expect(response.json == Bodies.badPage)
    }

    @Test(arguments: ["not-base64!", "e30", "eyJwYWdlIjogMH0", "eyJwYWdlIjogImEifQ", "bm90IGpzb24"])
    func aContinuationThatIsNotOursIsBadContinuationToken(token: String) throws {
        // e30 is {}, eyJwYWdlIjogMH0 {"page": 0}, eyJwYWdlIjogImEifQ {"page": "a"}, bm90IGpzb24 "not json".
        let response = try server.eventbrite("GET", Self.bulkEvents + "?continuation=\(token)")
        #expect(response.status == 400)
        #expect(response.json == Bodies.badContinuation)
    }

    @Test func aContinuationPastTheEndIsAnEmptyLastPage() throws {
        // {"page": 99}
        let response = try server.eventbrite("GET", Self.bulkEvents + "?continuation=eyJwYWdlIjogOTl9")
        #expect(response.status == 200)
        #expect(response.ids("events").isEmpty)
        #expect(response.pagination["has_more_items"] == false)
        #expect(response.pagination["page_number"] == 99)
    }

    @Test func theContinuationWinsOverPage() throws {
        let response = try server.eventbrite("GET", Self.bulkEvents + "?page=abc&continuation=eyJwYWdlIjogMn0")
        #expect(response.status == 200)
        #expect(response.pagination["page_number"] == 2)
    }

    @Test func anEmptyListHasNoPages() throws {
        let response = try server.eventbrite("GET", Self.bulkEvents + "?status=canceled")
        #expect(response.status == 200)
        #expect(response.pagination == [
            "object_count": 0, "page_number": 1, "page_size": 50, "page_count": 0, "has_more_items": false,
        ])
        #expect(response.json["events"] == [])
    }

    @Test func rolesAnswerTheContinuationOnlyEnvelope() throws {
        let response = try server.eventbrite("GET", "/organizations/12345/roles/")
        #expect(response.pagination == ["has_more_items": false])
        #expect(response.ids("roles") == ["12345", "12346"])
        let paged = try server.eventbrite("GET", "/organizations/12345/roles/?page_size=1")
        #expect(paged.pagination == ["continuation": "eyJwYWdlIjogMn0", "has_more_items": true])
        let next = try server.eventbrite("GET", "/organizations/12345/roles/?page_size=1&continuation=eyJwYWdlIjogMn0")
        #expect(next.ids("roles") == ["12346"])
    }

    @Test func pagingErrorsComeAfterTheResourceLookup() throws {
        #expect(try server.eventbrite("GET", "/organizations/999/events/?page=0").json == Bodies.notFound("organization_id"))
        #expect(try server.eventbrite("GET", "/organizations/\(Seed.otherOrganization)/events/?page=0").json == Bodies.notAuthorized)
        // …and before argument errors.
        #expect(try server.eventbrite("GET", Self.bulkEvents + "?page=0&status=nope").json == Bodies.badPage)
    }
}
