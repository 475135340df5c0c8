import Emulation
import Foundation
import TestSupport
import Testing

/// Cursor pagination (spec §4): the worked example, full walks in every order, filters, errors.
@Suite struct PaginationTests {
    @Test func theWorkedExampleOfTheSpec() throws {
        let server = try TestServer()
        let prefix = "6399c20015d60ae3ff28f"
        func id(_ suffix: String) -> String { prefix + suffix }
        let rows: [(String, [String], JSONValue)] = [
            ("/participants?page[size]=2", ["261", "264"], page(total: 6, first: id("261"), last: id("264"), prev: nil, next: id("264"))),
            ("/participants?page[size]=2&page[after]=\(id("264"))", ["263", "260"],
             page(total: 6, first: id("263"), last: id("260"), prev: id("263"), next: id("260"))),
            ("/participants?page[size]=2&page[after]=\(id("260"))", ["262", "24c"],
             page(total: 6, first: id("262"), last: id("24c"), prev: id("262"), next: nil)),
            ("/participants?page[size]=2&page[before]=\(id("262"))", ["263", "260"],
             page(total: 6, first: id("263"), last: id("260"), prev: id("263"), next: id("260"))),
            ("/participants?page[size]=2&page[after]=\(id("24c"))", [], page(total: 6, first: nil, last: nil, prev: nil, next: nil)),
            ("/participants?sort[updatedAt]=-1&page[size]=3", ["260", "24c", "262"],
             page(total: 6, first: id("260"), last: id("262"), prev: nil, next: id("262"))),
            ("/participants?createdAt[after]=2026-04-01T10:00:00.000Z", ["262", "24c"],
             page(total: 2, first: id("262"), last: id("24c"), prev: nil, next: nil)),
        ]
        for (path, ids, expectedPage) in rows {
            let response = try server.ldt("GET", path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.ids == ids.map(id), "\(path)")
            #expect(response.page == expectedPage, "\(path)")
            #expect(response.json.objectValue?.keys == ["data", "page"])
        }
    }

    @Test func bracketKeysMayBePercentEncoded() throws {
        let server = try TestServer()
        let plain = try server.ldt("GET", "/participants?page[size]=2&sort[createdAt]=-1")
        let encoded = try server.ldt("GET", "/participants?page%5Bsize%5D=2&sort%5BcreatedAt%5D=-1")
        #expect(plain.ids == [Seed.p1, Seed.p4])
        #expect(encoded.body == plain.body)
        // The seed's own mis-encoded example decodes to the key `page?size[`, which is ignored.
        let misencoded = try server.ldt("GET", "/participants?page%3Fsize%5B=1")
        #expect(misencoded.status == 200)
        #expect(misencoded.ids.count == 6)
    }

    @Test func pageSizeDefaultsTruncationAndEmptyValues() throws {
        let server = try TestServer()
        let token = try server.bulkToken()
        #expect(try server.ldt("GET", "/participants", token: token).ids.count == 100)
        #expect(try server.ldt("GET", "/participants?page[size]=", token: token).ids.count == 100)
        #expect(try server.ldt("GET", "/participants?page[size]=1.9", token: token).ids.count == 1)
        #expect(try server.ldt("GET", "/participants?page[size]=500", token: token).ids.count == 500)
        #expect(try server.ldt("GET", "/participants?page[size]=%2025%20", token: token).ids.count == 25)
        #expect(try server.ldt("GET", "/participants?page[size]=0x10", token: token).ids.count == 16)
        #expect(try server.ldt("GET", "/participants?page[size]=.5e1", token: token).ids.count == 5)
        // Empty cursors count as absent.
        let empty = try server.ldt("GET", "/participants?page[size]=3&page[after]=&page[before]=", token: token)
        #expect(empty.status == 200)
        #expect(empty.ids == (try server.ldt("GET", "/participants?page[size]=3", token: token)).ids)
    }

    /// Every item exactly once, in the spec's order (§4.3), forwards with `next` and backwards
    /// with `prev`, at several page sizes, under each sort and date filter.
    @Test(arguments: [
        ("/participants", 1_500), ("/applications", 1_100), ("/line-items", 1_500),
    ])
    func fullWalksSeeEveryItemOnceInOrder(collection: String, count: Int) throws {
        let server = try TestServer()
        let token = try server.bulkToken()
        let items = try allItems(server, collection, token: token)
        #expect(items.count == count)
        #expect(Set(items.map(\.id)).count == count)

        let orders: [(query: String, sort: [(DateKey, Bool)])] = [
            ("", []),
            ("sort[createdAt]=1", [(.created, false)]),
            ("sort[createdAt]=-1", [(.created, true)]),
            ("sort[updatedAt]=1", [(.updated, false)]),
            ("sort[updatedAt]=-1", [(.updated, true)]),
            ("sort[updatedAt]=-1&sort[createdAt]=1", [(.updated, true), (.created, false)]),
            ("sort[createdAt]=1&sort[updatedAt]=-1", [(.created, false), (.updated, true)]),
        ]
        // Every order on participants; the same code serves the others, so three orders there.
        let thorough = collection == "/participants"
        for (index, order) in orders.enumerated() where thorough || [0, 4, 5].contains(index) {
            let expected = sorted(items, order.sort).map(\.id)
            let path = collection + (order.query.isEmpty ? "" : "?" + order.query)
            // Small pages only in the default order of one collection: they cost many requests.
            let sizes = index == 0 && collection == "/participants" ? [7, 100, 500] : [100, 500]
            for size in sizes {
                let forward = try server.walkForward(path, token: token, size: size)
                #expect(forward.ids == expected, "\(path) size \(size) forwards")
                #expect(forward.pages == (count + size - 1) / size, "\(path) size \(size)")
                #expect(forward.total == count)
                if size == 500 { continue }
                let backward = try server.walkBackward(path, token: token, size: size, from: expected.last!)
                #expect(backward == expected, "\(path) size \(size) backwards")
            }
        }

        // Date filters: bounds are exclusive, and totalResults counts the filtered set.
        let created = items.map(\.createdAt).sorted()
        let updated = items.map(\.updatedAt).sorted()
        let filters: [(query: String, keep: (Item) -> Bool)] = [
            ("createdAt[after]=\(created[count / 3])", { $0.createdAt > created[count / 3] }),
            ("createdAt[before]=\(created[count / 2])", { $0.createdAt < created[count / 2] }),
            ("updatedAt[after]=\(updated[count / 4])", { $0.updatedAt > updated[count / 4] }),
            ("updatedAt[before]=\(updated[count / 2])", { $0.updatedAt < updated[count / 2] }),
            ("createdAt[after]=\(created[count / 5])&updatedAt[before]=\(updated[count * 4 / 5])",
             { $0.createdAt > created[count / 5] && $0.updatedAt < updated[count * 4 / 5] }),
        ]
        for (index, filter) in filters.enumerated() where thorough || [2, 4].contains(index) {
            for (sortQuery, sort) in [("", [(DateKey, Bool)]()), ("&sort[updatedAt]=-1", [(.updated, true)])] {
                let expected = sorted(items.filter(filter.keep), sort).map(\.id)
                let path = collection + "?" + filter.query + sortQuery
                let forward = try server.walkForward(path, token: token, size: 100)
                #expect(forward.ids == expected, "\(path)")
                #expect(forward.total == expected.count, "\(path)")
                if let last = expected.last {
                    #expect(try server.walkBackward(path, token: token, size: 100, from: last) == expected, "\(path) backwards")
                }
            }
        }
    }

    @Test func pageSizeOneOnASmallFilteredSet() throws {
        let server = try TestServer()
        let path = "/races/\(Seed.race10K)/participants?eventOccurrenceId=\(Seed.occurrence2026)"
        let forward = try server.walkForward(path, token: Seed.tokenA, size: 1)
        #expect(forward.ids == [Seed.p2, Seed.p1])  // 2026-04-01, then 2026-05-08
        #expect(forward.pages == 2)
        #expect(forward.total == 2)
        #expect(try server.walkBackward(path, token: Seed.tokenA, size: 1, from: Seed.p1) == [Seed.p2, Seed.p1])

        let all = try server.walkForward("/participants?sort[createdAt]=-1", token: Seed.tokenA, size: 1)
        #expect(all.ids == [Seed.p1, Seed.p4, Seed.p2, Seed.p5, Seed.p6, Seed.p3])
        #expect(all.pages == 6)
    }

    @Test func cursorsResolveAcrossTheOrganisersWholeCollection() throws {
        let server = try TestServer()
        // A cursor taken from /applications works on /events/{id}/applications, even for an
        // item the event filter excludes (the Riverside application sits between the others).
        let response = try server.ldt(
            "GET", "/events/\(Seed.citySprint)/applications?page[after]=6399c20015d60ae3ff28f252")
        #expect(response.status == 200)
        #expect(response.ids == ["6399c20015d60ae3ff28f24d", "6399c20015d60ae3ff28f250", "6399c20015d60ae3ff28f251",
                                 "6399c20015d60ae3ff28f24c"])
        #expect(response.page == page(total: 5, first: "6399c20015d60ae3ff28f24d", last: "6399c20015d60ae3ff28f24c",
                                       prev: "6399c20015d60ae3ff28f24d", next: nil))
        // Another organiser's item is no cursor at all.
        let foreign = try server.ldt("GET", "/participants?page[after]=\(Seed.orgBParticipant)")
        #expect(foreign.status == 400)
        #expect(foreign.json == Expected.badRequest("Invalid page cursor"))
        // Nor is an id of another collection.
        let otherCollection = try server.ldt("GET", "/participants?page[before]=64a0c0de0000000000000001")
        #expect(otherCollection.json == Expected.badRequest("Invalid page cursor"))
    }

    /// Two sort keys on the fixture's applications, whose updatedAt ties (24d and 251, both
    /// 2026-04-15T09:00) fall on a page boundary: the secondary key, then the id, break them.
    @Test func twoSortKeysBreakTiesAcrossPages() throws {
        let server = try TestServer()
        func id(_ suffix: String) -> String { "6399c20015d60ae3ff28f" + suffix }
        let path = "/applications?sort[updatedAt]=-1&sort[createdAt]=1&page[size]=2"
        let rows: [(String, [String], JSONValue)] = [
            (path, ["24c", "24d"], page(total: 6, first: id("24c"), last: id("24d"), prev: nil, next: id("24d"))),
            (path + "&page[after]=\(id("24d"))", ["251", "250"],
             page(total: 6, first: id("251"), last: id("250"), prev: id("251"), next: id("250"))),
            (path + "&page[after]=\(id("250"))", ["252", "253"], page(total: 6, first: id("252"), last: id("253"), prev: id("252"), next: nil)),
            (path + "&page[before]=\(id("251"))", ["24c", "24d"], page(total: 6, first: id("24c"), last: id("24d"), prev: nil, next: id("24d"))),
            // The secondary key descending swaps the tied pair; the id alone (descending, as the primary) too.
            ("/applications?sort[updatedAt]=-1&sort[createdAt]=-1&page[size]=3", ["24c", "251", "24d"],
             page(total: 6, first: id("24c"), last: id("24d"), prev: nil, next: id("24d"))),
            ("/applications?sort[updatedAt]=-1&page[size]=3", ["24c", "251", "24d"],
             page(total: 6, first: id("24c"), last: id("24d"), prev: nil, next: id("24d"))),
            ("/applications?sort[updatedAt]=1&page[size]=2&page[after]=\(id("250"))", ["24d", "251"],
             page(total: 6, first: id("24d"), last: id("251"), prev: id("24d"), next: id("251"))),
            // Written first, createdAt is the primary key: no ties left for updatedAt to break.
            ("/applications?sort[createdAt]=-1&sort[updatedAt]=1&page[size]=3", ["24c", "251", "250"],
             page(total: 6, first: id("24c"), last: id("250"), prev: nil, next: id("250"))),
        ]
        for (target, ids, expectedPage) in rows {
            let response = try server.ldt("GET", target)
            #expect(response.status == 200, "\(target)")
            #expect(response.ids == ids.map(id), "\(target)")
            #expect(response.page == expectedPage, "\(target)")
        }
    }

    /// A cursor outside the filtered set still positions the page (spec §4.4); `prev` and `next`
    /// only look at items the filters keep.
    @Test func aCursorItemOutsideTheFiltersStillPositions() throws {
        let server = try TestServer()
        // P3 was created in 2025, before the bound: the page after it is the whole filtered set.
        let after = try server.ldt("GET", "/participants?createdAt[after]=2026-04-01T10:00:00.000Z&page[after]=\(Seed.p3)")
        #expect(after.ids == [Seed.p4, Seed.p1])
        #expect(after.page == page(total: 2, first: Seed.p4, last: Seed.p1, prev: nil, next: nil))
        // Application 252 (Riverside) sits between City Sprint's applications in createdAt order.
        let riverside = "6399c20015d60ae3ff28f252"
        let before = try server.ldt("GET", "/events/\(Seed.citySprint)/applications?page[before]=\(riverside)")
        #expect(before.ids == ["6399c20015d60ae3ff28f253"])
        #expect(before.page == page(total: 5, first: "6399c20015d60ae3ff28f253", last: "6399c20015d60ae3ff28f253", prev: nil,
                                     next: "6399c20015d60ae3ff28f253"))
        // A partner outside the search positions the partners' page the same way.
        let partners = try server.ldt("GET", "/partners?search=AR&page[after]=\(Seed.riversideHospice)")
        #expect(partners.ids == [Seed.heartResearch])
        #expect(partners.page == page(total: 2, first: Seed.heartResearch, last: Seed.heartResearch, prev: Seed.heartResearch, next: nil))
    }

    @Test func emptyListsHaveNullCursors() throws {
        let server = try TestServer()
        let response = try server.ldt("GET", "/events/\(Seed.funRun)/applications")
        #expect(response.status == 200)
        #expect(response.json == ["data": [], "page": page(total: 0, first: nil, last: nil, prev: nil, next: nil)])
        let filtered = try server.ldt("GET", "/participants?createdAt[after]=2030-01-01T00:00:00Z")
        #expect(filtered.json == ["data": [], "page": page(total: 0, first: nil, last: nil, prev: nil, next: nil)])
    }

    @Test func dateTimesNeedAZoneAndAnyOffsetWorks() throws {
        let server = try TestServer()
        // 2026-04-01T11:00:00+01:00 is P2's createdAt exactly: exclusive bound.
        let offset = try server.ldt("GET", "/participants?createdAt[after]=2026-04-01T11:00:00%2B01:00")
        #expect(offset.ids == [Seed.p4, Seed.p1])
        let compact = try server.ldt("GET", "/participants?createdAt[after]=2026-04-01t10:00:00.0001z")
        #expect(compact.ids == [Seed.p4, Seed.p1])
        let space = try server.ldt("GET", "/participants?createdAt[before]=2025-06-01%2012:00:00-0100")
        #expect(space.ids == [Seed.p3])
        for value in ["2024-01-01T12:00:00", "2024-01-01", "2024-02-30T00:00:00Z", "2024-01-01T12:00:00%2001:00", "yesterday"] {
            let response = try server.ldt("GET", "/participants?updatedAt[after]=\(value)")
            #expect(response.status == 400, "\(value)")
            #expect(response.json == Expected.validation("querystring/updatedAt[after] must match format \"date-time\""), "\(value)")
        }
        let lenient = try TestServer(environment: ["LDT_LENIENT_DATETIME": "true"])
        let naive = try lenient.ldt("GET", "/participants?createdAt[after]=2026-04-01T10:00:00")
        #expect(naive.ids == [Seed.p4, Seed.p1])
    }

    @Test func queryValidationMessagesInSpecOrder() throws {
        let server = try TestServer()
        let cases: [(String, String)] = [
            ("page[size]=0", "querystring/page[size] must be >= 1"),
            ("page[size]=501", "querystring/page[size] must be <= 500"),
            ("page[size]=abc", "querystring/page[size] must be number,null"),
            // Ajv coerces with JavaScript's Number(): blanks are 0, Infinity and hex are numbers.
            ("page[size]=%20%20", "querystring/page[size] must be >= 1"),
            ("page[size]=Infinity", "querystring/page[size] must be <= 500"),
            ("page[size]=-Infinity", "querystring/page[size] must be >= 1"),
            ("page[size]=1e3", "querystring/page[size] must be <= 500"),
            ("page[size]=-0x10", "querystring/page[size] must be number,null"),
            ("page[size]=1_0", "querystring/page[size] must be number,null"),
            ("page[size]=10&page[size]=20", "querystring/page[size] must be number,null"),
            ("page[after]=a&page[after]=b", "querystring/page[after] must be string,null"),
            ("sort[createdAt]=asc", "querystring/sort[createdAt] must be equal to one of the allowed values"),
            ("sort[updatedAt]=2", "querystring/sort[updatedAt] must be equal to one of the allowed values"),
            ("createdAt[before]=soon", "querystring/createdAt[before] must match format \"date-time\""),
            ("updatedAt[after]=yesterday", "querystring/updatedAt[after] must match format \"date-time\""),
            ("extendMetadata=yes", "querystring/extendMetadata must be boolean,null"),
            // The first failing parameter in the spec's order answers.
            ("extendMetadata=yes&page[size]=0", "querystring/page[size] must be >= 1"),
            ("updatedAt[after]=x&sort[createdAt]=x", "querystring/sort[createdAt] must be equal to one of the allowed values"),
        ]
        for (query, message) in cases {
            let response = try server.ldt("GET", "/participants?\(query)")
            #expect(response.status == 400, "\(query)")
            #expect(response.json == Expected.validation(message), "\(query)")
        }
        let both = try server.ldt("GET", "/applications?page[after]=\(Seed.p1)&page[before]=\(Seed.p1)")
        #expect(both.json == Expected.badRequest("page[after] and page[before] cannot be used together"))
        let unknown = try server.ldt("GET", "/line-items?page[after]=67123")
        #expect(unknown.json == Expected.badRequest("Invalid page cursor"))
        // extendMetadata is not a parameter of line items or partners: ignored there.
        #expect(try server.ldt("GET", "/line-items?extendMetadata=yes").status == 200)
        #expect(try server.ldt("GET", "/partners?extendMetadata=yes").status == 200)
        // The endpoint's own leading parameters come first.
        let race = try server.ldt("GET", "/races/\(Seed.race10K)/participants?eventOccurrenceId=a&eventOccurrenceId=b&page[size]=0")
        #expect(race.json == Expected.validation("querystring/eventOccurrenceId must be string,null"))
        let search = try server.ldt("GET", "/partners?search=a&search=b&page[size]=0")
        #expect(search.json == Expected.validation("querystring/search must be string,null"))
        // Validation precedes the 404 of an unknown parent.
        let unknownEvent = try server.ldt("GET", "/events/404/applications?page[size]=0")
        #expect(unknownEvent.json == Expected.validation("querystring/page[size] must be >= 1"))
    }

    // MARK: Expected orders, computed independently from the items' own dates

    struct Item {
        let id: String
        let createdAt: String
        let updatedAt: String
    }

    enum DateKey { case created, updated }

    private func allItems(_ server: TestServer, _ collection: String, token: String) throws -> [Item] {
        var items: [Item] = []
        var cursor: String?
        var pages = 0
        repeat {
            let response = try server.ldt("GET", collection + "?page[size]=500" + (cursor.map { "&page[after]=\($0)" } ?? ""), token: token)
            let listed = response.listPage
            for element in listed.items {
                items.append(Item(id: element["id"] as? String ?? "", createdAt: element["createdAt"] as? String ?? "",
                                  updatedAt: element["updatedAt"] as? String ?? ""))
            }
            cursor = listed.next
            pages += 1
        } while cursor != nil && pages < 100
        return items
    }

    /// The order of spec §4.3: the sort keys (default createdAt ascending), then the id in the
    /// primary key's direction. ISO timestamps with milliseconds and `Z` sort as text.
    private func sorted(_ items: [Item], _ sort: [(DateKey, Bool)]) -> [Item] {
        let keys = sort.isEmpty ? [(DateKey.created, false)] : sort
        return items.sorted { lhs, rhs in
            for (key, descending) in keys {
                let (a, b) = key == .created ? (lhs.createdAt, rhs.createdAt) : (lhs.updatedAt, rhs.updatedAt)
                if a != b { return descending ? a > b : a < b }
            }
            return keys[0].1 ? lhs.id > rhs.id : lhs.id < rhs.id
        }
    }
}
