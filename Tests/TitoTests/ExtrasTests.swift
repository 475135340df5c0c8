import Emulation
import TestSupport
import Testing

/// The extra lists X3 and X4 (spec §11.17).
@Suite struct ExtrasTests {
    @Test func venuesAreListedWithPagination() throws {
        let server = try TestServer()
        let response = try server.tito("GET", "/biscuit-box/2018/venues")
        #expect(response.status == 200)
        #expect(
            response.json["venues"] == [[
                "_type": "venue", "id": 1065408, "name": "Conference Center", "address": "123 Main St, Anytown USA", "show": true,
                "created_at": "2018-11-05T10:00:00.000+00:00", "updated_at": "2018-11-05T10:00:00.000+00:00", "zoomlevel": nil,
                "latitude": nil, "longitude": nil, "link": nil, "position": 0, "url": nil,
            ]])
        #expect(response.meta["overall_total"] == 1)
        #expect(try server.tito("GET", "/biscuit-box/caramel/venues").meta["total_pages"] == 0)
        #expect(try server.tito("GET", "/biscuit-box/nope/venues").status == 404)
        #expect(try server.tito("GET", "/biscuit-box/2018/venues", token: nil).status == 401)
    }

    @Test func waitlistedPeopleShowTheRecordedMetaAndFilterByState() throws {
        let server = try TestServer()
        let empty = try server.tito("GET", "/biscuit-box/2018/waitlisted_people")
        #expect(empty.status == 200)
        #expect(empty.json["waitlisted_people"] == [])
        let meta = empty.meta
        #expect(meta["total_pages"] == 0)
        #expect(meta["overall_total"] == 0)
        #expect(meta["search_states_hidden_by_default"] == ["redeemed", "rejected", "expired"])
        #expect(meta["sort_options"]?["Join date, newest first"] == ["attr": "created_at", "direction": "desc", "default": true])
        #expect(meta["filter_options"]?["selected_states"] == ["joined", "offered"])
        #expect(meta["filter_options"]?["release_slugs"]?[0] == ["label": "Coffee Brewing", "value": "coffee-brewing"])
        try server.world.database.write { database in
            for (id, name, state, release) in [(1, "Zed", "joined", 1105526), (2, "Amy", "redeemed", 1105526), (3, "Bea", "offered", 1105525)] {
                try database.run(
                    """
                    INSERT INTO tito_waitlisted_people (id, event_id, release_id, name, email, state, joined_at, created_at, updated_at)
                    VALUES (?, 1058586, ?, ?, ?, ?, ?, ?, ?)
                    """, id, release, name, "\(name.lowercased())@example.com", state, Int64(1_600_000_000_000 + id),
                    Int64(1_600_000_000_000 + id), Int64(1_600_000_000_000 + id))
            }
        }
        let shown = try server.tito("GET", "/biscuit-box/2018/waitlisted_people")
        #expect(shown.ids("waitlisted_people") == [3, 1])
        #expect(shown.meta["resources_hidden_by_default_count"] == 1)
        #expect(shown.json["waitlisted_people"]?[1]?["joined"] == true)
        #expect(shown.json["waitlisted_people"]?[1]?["_type"] == "waitlisted_person")
        #expect(try server.tito("GET", "/biscuit-box/2018/waitlisted_people?search[states][]=redeemed").ids("waitlisted_people") == [2])
        #expect(try server.tito("GET", "/biscuit-box/2018/waitlisted_people?search[sort]=name").ids("waitlisted_people") == [3, 1])
        #expect(try server.tito("GET", "/biscuit-box/2018/waitlisted_people?search[release_slugs][]=vip-tasting").ids("waitlisted_people") == [1])
    }
}
