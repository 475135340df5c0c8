import Emulation
import TestSupport
import Testing

/// Releases L1–L12 (spec §11.12, §13.4).
@Suite struct ReleasesTests {
    static let base = "/biscuit-box/2018/releases"

    @Test func theListHidesArchivedReleasesAndDescribesItsFilters() throws {
        let server = try TestServer()
        let response = try server.tito("GET", Self.base)
        #expect(response.status == 200)
        #expect(response.slugs("releases") == ["coffee-brewing", "my-ticket", "5k-stretch", "vip-tasting"])
        let meta = response.meta
        #expect(meta["total_count"] == 4)
        #expect(meta["overall_total"] == 5)
        #expect(meta["resources_hidden_by_default_count"] == 1)
        #expect(meta["search_states_hidden_by_default"] == ["archived"])
        #expect(keys(meta["sort_options"]) == [
            "Position on event homepage", "On sale date, earliest first", "On sale date, latest first", "Title A-Z", "Title Z-A",
        ])
        #expect(meta["sort_options"]?["On sale date, earliest first"] == ["attr": "start_at", "direction": "desc"])
        #expect(meta["sort_options"]?["Position on event homepage"] == ["attr": "position", "direction": "asc", "default": true])
        #expect(meta["filter_options"]?["selected_states"] == [
            "on_sale", "off_sale", "not_sold_out", "sold_out", "public", "secret", "active", "changes_locked", "changes_allowed",
        ])
        #expect(meta["filter_options"]?["states"]?[7] == ["label": "Archived", "value": "archived"])
        let coffee = response.json["releases"]?[0]
        #expect(coffee?["_type"] == "release")
        #expect(coffee?["view"] == nil)
        #expect(coffee?["share_url"] == "https://ti.to/biscuit-box/2018/with/coffee-brewing")
        #expect(coffee?["price"] == "100.0")
        #expect(coffee?["created_at"] == "2018-11-08T22:40:45.000+00:00")
        #expect(coffee?["state_name"] == "on_sale")
        // Derived from the seeded tickets: Alice's paid ticket, John's free one, Bob's void one.
        #expect(coffee?["tickets_count"] == 2)
        #expect(coffee?["voided_tickets_count"] == 1)
        #expect(coffee?["free_tickets_count"] == 1)
        #expect(coffee?["full_price_tickets_count"] == 1)
        #expect(coffee?["discounted_tickets_count"] == 0)
        #expect(coffee?["gross_income"] == "100.0")
        #expect(coffee?["allocatable"] == true)
        #expect(response.json["releases"]?[2]?["gross_income"] == .null)
    }

    @Test func statesFilterWithinAndAcrossGroups() throws {
        let server = try TestServer()
        #expect(try server.tito("GET", Self.base + "?search[states][]=archived").slugs("releases") == ["volunteer"])
        #expect(try server.tito("GET", Self.base + "?search[states][]=secret").slugs("releases") == ["vip-tasting"])
        #expect(try server.tito("GET", Self.base + "?search[states][]=off_sale").slugs("releases") == ["volunteer"])
        #expect(try server.tito("GET", Self.base + "?search[states][]=changes_locked").slugs("releases") == ["my-ticket"])
        #expect(try server.tito("GET", Self.base + "?search[states][]=public&search[states][]=on_sale").slugs("releases")
            == ["coffee-brewing", "my-ticket", "5k-stretch"])
        #expect(try server.tito("GET", Self.base + "?search[states]=active,archived").meta["total_count"] == 5)
        let states = try server.tito("GET", Self.base + "?search[states][]=sold_out")
        #expect(states.slugs("releases") == [])
        #expect(states.meta["filter_options"]?["selected_states"] == ["sold_out"])
        #expect(states.meta["resources_hidden_by_default_count"] == 0)
        #expect(try server.tito("GET", Self.base + "?search[states][]=not_sold_out&search[states][]=active").meta["total_count"] == 4)
        // Selling out the quantity-limited release moves it between the sold-out states.
        #expect(try server.tito("PATCH", Self.base + "/vip-tasting", json: ["release": ["quantity": 1]]).status == 200)
        #expect(try server.tito("GET", Self.base + "?search[states][]=sold_out").slugs("releases") == ["vip-tasting"])
    }

    @Test func sortsFollowTheirOptions() throws {
        let server = try TestServer()
        #expect(try server.tito("GET", Self.base + "?search[sort]=title").slugs("releases")
            == ["5k-stretch", "coffee-brewing", "my-ticket", "vip-tasting"])
        #expect(try server.tito("GET", Self.base + "?search[sort]=title&search[direction]=desc").slugs("releases")
            == ["vip-tasting", "my-ticket", "coffee-brewing", "5k-stretch"])
        #expect(try server.tito("GET", Self.base + "?search[sort]=position&search[direction]=desc").slugs("releases")
            == ["vip-tasting", "5k-stretch", "my-ticket", "coffee-brewing"])
        #expect(try server.tito("GET", Self.base + "?search[sort]=nonsense&search[direction]=desc").slugs("releases")
            == ["coffee-brewing", "my-ticket", "5k-stretch", "vip-tasting"])
        _ = try server.tito("PATCH", Self.base + "/5k-stretch", json: ["release": ["start_at": "2018-01-01T00:00:00Z"]])
        _ = try server.tito("PATCH", Self.base + "/my-ticket", json: ["release": ["start_at": "2018-02-01T00:00:00Z"]])
        let byStart = try server.tito("GET", Self.base + "?search[sort]=start_at&search[direction]=asc&page[size]=2")
        #expect(byStart.slugs("releases") == ["coffee-brewing", "vip-tasting"])
        #expect(try server.tito("GET", Self.base + "?search[sort]=start_at&search[direction]=asc&page[number]=2&page[size]=2")
            .slugs("releases") == ["5k-stretch", "my-ticket"])
    }

    @Test func aReleaseIsShownExtendedBySlugOrID() throws {
        let server = try TestServer()
        let response = try server.tito("GET", Self.base + "/coffee-brewing")
        #expect(response.status == 200)
        #expect(keys(response.json) == ["release"])
        let release = response.json["release"]
        #expect(release?["view"] == "extended")
        #expect(release?["slug"] == "coffee-brewing")
        #expect(release?["event_id"] == 1058586)
        #expect(release?["request_vat_number"] == true)
        #expect(release?["show_vat_number"] == true)
        #expect(release?["suggested_donation"] == "100.0")
        #expect(release?["translations"] == ["en": ["description": "", "fail_message": nil, "success_message": "", "title": "Coffee Brewing"]])
        #expect(try server.tito("GET", Self.base + "/1105525").json["release"]?["slug"] == "coffee-brewing")
        #expect(try server.tito("GET", Self.base + "/123").json["release"]?["slug"] == "5k-stretch")
        #expect(try server.tito("GET", Self.base + "/nope").json == TitoBodies.notFound)
        #expect(try server.tito("GET", "/biscuit-box/caramel/releases/coffee-brewing").status == 404)
        #expect(try server.tito("GET", Self.base + "/coffee-brewing?view=short").json["release"]?["view"] == nil)
    }

    @Test func countersFollowTheTokensMode() throws {
        let server = try TestServer()
        let live = try server.tito("GET", "/ultimateconf/2024/releases/general-admission", token: TitoSeed.ultimateToken)
        #expect(live.json["release"]?["tickets_count"] == 1)
        #expect(live.json["release"]?["gross_income"] == "299.0")
        let test = try server.tito("GET", "/ultimateconf/2024/releases/general-admission", token: TitoSeed.testToken)
        #expect(test.json["release"]?["tickets_count"] == 1)
        #expect(test.json["release"]?["gross_income"] == "0.0")
        #expect(test.json["release"]?["free_tickets_count"] == 1)
    }

    @Test func creatingAReleaseFollowsTheDocsExample() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-01-02T03:04:05Z")
        let response = try server.tito("POST", Self.base, json: ["release": ["title": "Tea Brewing"]])
        #expect(response.status == 201)
        let release = response.json["release"]
        #expect(release?["id"] == 1105528)
        #expect(release?["slug"] == "tea-brewing")
        #expect(release?["position"] == 5)
        #expect(release?["off_sale"] == true)
        #expect(release?["state_name"] == "off_sale")
        #expect(release?["allocatable"] == false)
        #expect(release?["pricing_type"] == "free")
        #expect(release?["price"] == .null)
        #expect(release?["price_ex_tax"] == "0.0")
        #expect(release?["default_quantity"] == 0)
        #expect(release?["require_email"] == true)
        #expect(release?["show_price"] == true)
        #expect(release?["invoice"] == false)
        #expect(release?["quantity"] == .null)
        #expect(release?["lock_changes"] == .null)
        #expect(release?["metadata"] == [:])
        #expect(release?["translations"] == ["en": ["description": nil, "fail_message": nil, "success_message": nil, "title": "Tea Brewing"]])
        #expect(release?["created_at"] == "2025-01-02T03:04:05.000+00:00")
        #expect(try server.tito("POST", Self.base, json: ["release": ["title": "Tea Brewing"]]).json["release"]?["slug"] == "tea-brewing-2")
        let full = try server.tito(
            "POST", Self.base,
            json: [
                "release": [
                    "title": "Pro Pass", "price": "49.5", "quantity": "20", "state": 100, "secret": "true",
                    "question_ids": ["dietary", 1041929], "metadata": ["tier": 2], "start_at": "2019-01-01T00:00:00Z",
                ]
            ])
        #expect(full.status == 201)
        #expect(full.json["release"]?["price"] == "49.5")
        #expect(full.json["release"]?["pricing_type"] == "paid")
        #expect(full.json["release"]?["quantity"] == 20)
        #expect(full.json["release"]?["off_sale"] == false)
        #expect(full.json["release"]?["secret"] == true)
        #expect(full.json["release"]?["question_ids"] == [1041930, 1041929])
        #expect(full.json["release"]?["questions"]?[0]?["slug"] == "dietary")
        #expect(full.json["release"]?["start_at"] == "2019-01-01T00:00:00.000+00:00")
        #expect(full.json["release"]?["upcoming"] == false)
    }

    @Test func invalidReleasesAreRefused() throws {
        let server = try TestServer()
        #expect(try server.tito("POST", Self.base, json: ["release": [:]]).json == TitoBodies.errors(["title": ["can't be blank"]]))
        #expect(try server.tito("POST", Self.base).json == TitoBodies.errors(["title": ["can't be blank"]]))
        let many = try server.tito(
            "POST", Self.base,
            json: ["release": ["title": "", "quantity": -1, "price": "-5", "state": 7, "pricing_type": "barter", "question_ids": [999]]])
        #expect(
            many.json
                == TitoBodies.errors([
                    "title": ["can't be blank"], "quantity": ["must be greater than or equal to 0"],
                    "price": ["must be greater than or equal to 0"], "pricing_type": ["is not included in the list"],
                    "state": ["is not included in the list"], "question_ids": ["is invalid"],
                ]))
        #expect(try server.tito("POST", Self.base, json: ["release": ["title": "X", "price": "abc"]]).json
            == TitoBodies.errors(["price": ["is not a number"]]))
        #expect(try server.tito("PATCH", Self.base + "/coffee-brewing", json: ["release": ["title": " "]]).json
            == TitoBodies.errors(["title": ["can't be blank"]]))
        #expect(try server.tito("PATCH", Self.base + "/coffee-brewing", json: ["release": ["slug": "my-ticket"]]).json
            == TitoBodies.errors(["slug": ["has already been taken"]]))
        #expect(try server.tito("PATCH", Self.base + "/coffee-brewing", json: ["release": ["quantity": "many"]]).json
            == TitoBodies.errors(["quantity": ["is not a number"]]))
    }

    @Test func updatingAReleaseKeepsItsSlugUnlessToldOtherwise() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-01-02T03:04:05Z")
        let response = try server.tito("PATCH", Self.base + "/vip-tasting", json: ["release": ["quantity": 20, "title": "VIP Lounge"]])
        #expect(response.status == 200)
        #expect(response.json["release"]?["slug"] == "vip-tasting")
        #expect(response.json["release"]?["title"] == "VIP Lounge")
        #expect(response.json["release"]?["updated_at"] == "2025-01-02T03:04:05.000+00:00")
        let renamed = try server.tito("PATCH", Self.base + "/vip-tasting", json: ["release": ["slug": "vip-lounge"]])
        #expect(renamed.json["release"]?["share_url"] == "https://ti.to/biscuit-box/2018/with/vip-lounge")
        #expect(try server.tito("GET", Self.base + "/vip-tasting").status == 404)
        #expect(try server.tito("GET", Self.base + "/vip-lounge").json["release"]?["tickets_count"] == 1)
        let expired = try server.tito("PATCH", Self.base + "/5k-stretch", json: ["release": ["end_at": "2020-01-01T00:00:00Z"]])
        #expect(expired.json["release"]?["expired"] == true)
        #expect(expired.json["release"]?["allocatable"] == false)
        let free = try server.tito("PATCH", Self.base + "/coffee-brewing", json: ["release": ["price": 0]])
        #expect(free.json["release"]?["pricing_type"] == "free")
    }

    @Test func toggleActionsChangeTheFlagsAndAreIdempotent() throws {
        let server = try TestServer()
        let path = Self.base + "/coffee-brewing"
        for _ in 0..<2 {
            let archived = try server.tito("POST", path + "/archival")
            #expect(archived.status == 200)
            #expect(archived.json["release"]?["archived"] == true)
            #expect(archived.json["release"]?["allocatable"] == false)
        }
        #expect(try server.tito("GET", Self.base).slugs("releases") == ["my-ticket", "5k-stretch", "vip-tasting"])
        #expect(try server.tito("DELETE", path + "/archival").json["release"]?["archived"] == false)
        let paused = try server.tito("PATCH", path + "/deactivation", json: [:])
        #expect(paused.json["release"]?["off_sale"] == true)
        #expect(paused.json["release"]?["state_name"] == "off_sale")
        let onSale = try server.tito("PATCH", path + "/activation", json: [:])
        #expect(onSale.json["release"]?["off_sale"] == false)
        #expect(onSale.json["release"]?["state_name"] == "on_sale")
        #expect(try server.tito("DELETE", path + "/publication").json["release"]?["secret"] == true)
        #expect(try server.tito("GET", Self.base + "?search[states][]=secret").slugs("releases") == ["coffee-brewing", "vip-tasting"])
        #expect(try server.tito("POST", path + "/publication").json["release"]?["secret"] == false)
        #expect(try server.tito("POST", Self.base + "/nope/archival").status == 404)
    }

    @Test func duplicatingAReleaseAppendsACopyWithoutTickets() throws {
        let server = try TestServer()
        let copy = try server.tito("POST", Self.base + "/coffee-brewing/duplication")
        #expect(copy.status == 201)
        #expect(copy.json["release"]?["title"] == "Coffee Brewing Copy")
        #expect(copy.json["release"]?["slug"] == "coffee-brewing-copy")
        #expect(copy.json["release"]?["position"] == 5)
        #expect(copy.json["release"]?["tickets_count"] == 0)
        #expect(copy.json["release"]?["price"] == "100.0")
        let second = try server.tito("POST", Self.base + "/coffee-brewing/duplication")
        #expect(second.json["release"]?["slug"] == "coffee-brewing-copy-2")
        let archivedCopy = try server.tito("POST", Self.base + "/volunteer/duplication")
        #expect(archivedCopy.json["release"]?["archived"] == false)
    }

    @Test func deletingAReleaseIsRefusedWhileItHasTickets() throws {
        let server = try TestServer()
        let refused = try server.tito("DELETE", Self.base + "/coffee-brewing")
        #expect(refused.status == 422)
        #expect(refused.json == TitoBodies.errors(["base": ["Cannot delete a release that has tickets"]]))
        // A release without tickets goes, and its id leaves the lists that named it.
        try server.world.database.write { database in
            try database.run("UPDATE tito_activities SET release_ids = '[1234567,123]' WHERE id = 1019150")
        }
        let deleted = try server.tito("DELETE", Self.base + "/my-ticket")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(try server.tito("GET", Self.base + "/my-ticket").status == 404)
        let remaining = try server.world.database.read { try $0.query("SELECT release_ids FROM tito_activities WHERE id = 1019150").first?.string("release_ids") }
        #expect(remaining == "[123]")
        #expect(try server.tito("GET", Self.base).meta["overall_total"] == 4)
    }
}
