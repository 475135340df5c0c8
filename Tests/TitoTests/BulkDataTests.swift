import Emulation
import TestSupport
import Testing

/// The generated event `demo/big-conf` (2,500 registrations, 4,000 tickets) paged end to end.
@Suite struct BulkDataTests {
    @Test func ticketsPageFromFirstToPastTheEnd() throws {
        let server = try TestServer()
        let path = "/demo/big-conf/tickets"
        let first = try server.tito("GET", path).json
        #expect(first.meta["total_count"] == 3920)
        #expect(first.meta["overall_total"] == 4000)
        #expect(first.meta["resources_hidden_by_default_count"] == 80)
        #expect(first.meta["total_pages"] == 40)
        #expect(first.meta["next_page"] == 2)
        #expect(first.ids("tickets").count == 100)
        // Newest first: the last registration is cancelled, so the one before leads.
        #expect(first.ids("tickets").first == 1_503_999)
        let middle = try server.tito("GET", path + "?page[number]=20&page[size]=100").json
        #expect(middle.meta["prev_page"] == 19)
        #expect(middle.meta["next_page"] == 21)
        #expect(Set(middle.ids("tickets")).isDisjoint(with: first.ids("tickets")))
        let last = try server.tito("GET", path + "?page[size]=1001&page[number]=4").json
        #expect(last.ids("tickets").count == 920)
        #expect(last.meta["per_page"] == 1000)
        #expect(last.meta["total_pages"] == 4)
        #expect(last.meta["next_page"] == .null)
        #expect(last.meta["prev_page"] == 3)
        let beyond = try server.tito("GET", path + "?page[size]=1000&page[number]=5").json
        #expect(beyond.ids("tickets") == [])
        #expect(beyond.meta["prev_page"] == .null)
        // Pages follow each other without gaps or repeats.
        let byNumber = path + "?search[sort]=number&page[size]=100&page[number]="
        let page1 = try server.tito("GET", byNumber + "1").json.ids("tickets")
        let page2 = try server.tito("GET", byNumber + "2").json.ids("tickets")
        let page40 = try server.tito("GET", byNumber + "40").json.ids("tickets")
        #expect(page1.first == 1_500_001)
        #expect(Set(page1 + page2).count == 200)
        #expect(page1 + page2 == (page1 + page2).sorted())
        #expect((page2.first ?? 0) > (page1.last ?? 0))
        #expect(page40.count == 20)
        #expect(page40.last == 1_503_999)
    }

    @Test func registrationsPageAndFilterOverTheGeneratedData() throws {
        let server = try TestServer()
        let path = "/demo/big-conf/registrations"
        let first = try server.tito("GET", path + "?page[size]=100").json
        #expect(first.meta["total_count"] == 2450)
        #expect(first.meta["overall_total"] == 2500)
        #expect(first.meta["total_pages"] == 25)
        #expect(first.ids("registrations").first == 1_402_499)
        let last = try server.tito("GET", path + "?page[size]=100&page[number]=25").json
        #expect(last.ids("registrations").count == 50)
        #expect(last.ids("registrations").last == 1_400_001)
        #expect(last.meta["next_page"] == .null)
        #expect(last.meta["prev_page"] == 24)
        // Scripts page with `?page=N` until `next_page` is null: the pages join without gaps.
        var seen: [Int64] = []
        var number: Int64? = 1
        while let current = number, current <= 5 {
            let page = try server.tito("GET", path + "?page=\(current)&page[size]=1000").json
            #expect(page.meta["current_page"] == .int(current))
            #expect(page.meta["per_page"] == 1000)
            seen += page.ids("registrations")
            number = page.meta["next_page"]?.intValue
        }
        #expect(number == nil)
        #expect(seen.count == 2450)
        #expect(Set(seen).count == 2450)
        #expect(seen == seen.sorted(by: >))
        let middle = try server.tito("GET", path + "?page[number]=2&page[size]=1000").json
        #expect(middle.ids("registrations") == Array(seen[1000..<2000]))
        #expect(middle.meta["prev_page"] == 1)
        #expect(middle.meta["next_page"] == 3)
        let beyond = try server.tito("GET", path + "?page[number]=4&page[size]=5000").json
        #expect(beyond.ids("registrations") == [])
        #expect(beyond.meta["current_page"] == 4)
        #expect(beyond.meta["per_page"] == 1000)
        #expect(beyond.meta["total_pages"] == 3)
        #expect(beyond.meta["next_page"] == .null)
        #expect(beyond.meta["prev_page"] == .null)
        #expect(beyond.meta["total_count"] == 2450)
        #expect(try server.tito("GET", path + "?search[states][]=cancelled").meta["total_count"] == 50)
        #expect(try server.tito("GET", path + "?search[states][]=unpaid").meta["total_count"] == 100)
        #expect(try server.tito("GET", "/demo/big-conf/releases/regular").json["release"]?["tickets_count"] == 960)
        // The test token sees none of this live data.
        #expect(try server.tito("GET", path, token: TitoSeed.testToken).meta["total_count"] == 0)
    }
}
