import Emulation
import TestSupport
import Testing

/// RSVP lists V1–V5 and their release invitations W1–W5 (spec §11.13, §11.14, §12.13, §12.14).
@Suite struct RsvpTests {
    static let list = "/rsvp_lists/rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg"
    static let invitation = list + "/release_invitations/rsvp_dsC6YWbMou0lABn4sZegEOA"

    static let introduction: JSONValue = [
        "_type": "rsvp_list", "id": 123, "slug": "rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg",
        "created_at": "2019-01-01T09:00:00.000+00:00", "updated_at": "2019-01-01T09:00:00.000+00:00", "title": "Introduction",
    ]

    static let singleKeys = [
        "_type", "id", "first_name", "last_name", "email", "release_id", "registration_id", "slug", "created_at", "updated_at",
        "event_id", "importer_id", "expires_at", "rsvp_list_id", "redirect", "discount_code", "auto", "guest", "status",
        "message_delivery_id", "name", "unique_url", "redeemed", "registration_slug", "registration_url", "releases",
        "release_ids", "view",
    ]

    @Test func listsAreNewestFirst() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/rsvp_lists")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/rsvp_lists")
        #expect(response.json == [
            "rsvp_lists": [Self.introduction],
            "meta": [
                "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 1, "per_page": 100,
                "overall_total": 1,
                "sort_options": [
                    "Created time, earliest first": ["attr": "created_at", "direction": "asc"],
                    "Created time, latest first": ["attr": "created_at", "direction": "desc", "default": true],
                    "Title A-Z": ["attr": "title", "direction": "asc"],
                    "Title Z-A": ["attr": "title", "direction": "desc"],
                ],
                "filter_options": emptyFilterOptions,
            ],
        ])
        try server.freezeClock(at: Subresource.now)
        _ = try server.event("POST", "/rsvp_lists", json: ["rsvp_list": ["title": "Alumni"]])
        try server.freezeClock(at: "2025-06-02T12:00:00Z")
        _ = try server.event("POST", "/rsvp_lists", json: ["rsvp_list": ["title": "Speakers"]])
        let titles = { (query: String) in
            try server.event("GET", "/rsvp_lists\(query)").values("rsvp_lists", "title").compactMap(\.stringValue)
        }
        #expect(try titles("") == ["Speakers", "Alumni", "Introduction"])
        #expect(try titles("?search[sort]=created_at&search[direction]=asc") == ["Introduction", "Alumni", "Speakers"])
        #expect(try titles("?search[sort]=title") == ["Alumni", "Introduction", "Speakers"])
        #expect(try titles("?search[sort]=title&search[direction]=desc&page[size]=2&page[number]=2") == ["Alumni"])
    }

    @Test func listCreateUpdateDelete() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let shown = try server.event("GET", Self.list)
        shown.expectRecord("rsvp_list", route: "GET /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}")
        var expected = Self.introduction.objectValue!
        expected.append("view", "extended")
        #expect(shown.json["rsvp_list"] == .object(expected))
        #expect(try server.event("GET", "/rsvp_lists/123").json["rsvp_list"]?["title"] == "Introduction")
        try server.event("GET", "/rsvp_lists/rsvp_list_nope").expectNotFound()

        let created = try server.event("POST", "/rsvp_lists", json: ["rsvp_list": ["title": "Introduction"]])
        created.expectRecord("rsvp_list", status: 201, route: "POST /v3/{account_slug}/{event_slug}/rsvp_lists")
        let slug = created.json["rsvp_list"]?["slug"]?.stringValue
        #expect(isRandomSlug(slug, prefix: "rsvp_list_"))
        #expect(created.json["rsvp_list"] == [
            "_type": "rsvp_list", "id": 124, "slug": .string(slug), "created_at": .string(Subresource.nowText),
            "updated_at": .string(Subresource.nowText), "title": "Introduction", "view": "extended",
        ])
        try server.event("POST", "/rsvp_lists", json: ["rsvp_list": ["title": ""]]).expectErrors(["title": ["can't be blank"]])
        try server.event("POST", "/rsvp_lists").expectErrors(["title": ["can't be blank"]])

        let updated = try server.event("PATCH", "/rsvp_lists/\(slug ?? "")", json: ["rsvp_list": ["title": "New Introduction"]])
        updated.expectRecord("rsvp_list", route: "PATCH /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}")
        #expect(updated.json["rsvp_list"]?["title"] == "New Introduction")
        #expect(updated.json["rsvp_list"]?["slug"] == .string(slug))
        try server.event("PATCH", "/rsvp_lists/124", json: ["rsvp_list": ["title": nil]]).expectErrors(["title": ["can't be blank"]])
        #expect(try server.event("GET", "/rsvp_lists/124").json["rsvp_list"]?["title"] == "New Introduction")

        try server.event("DELETE", "/rsvp_lists/124")
            .expectDeleted(route: "DELETE /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}")
        try server.event("GET", "/rsvp_lists/124").expectNotFound()
        #expect(try server.event("GET", "/rsvp_lists").ids("rsvp_lists") == [123])
    }

    /// Only a sent title is a change: a body with other keys leaves the list, and its
    /// `updated_at`, as they were.
    @Test func anUpdateWithoutATitleChangesNothing() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let updated = try server.event("PATCH", Self.list, json: ["rsvp_list": ["colour": "blue"]])
        updated.expectRecord("rsvp_list", route: "PATCH /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}")
        #expect(updated.json["rsvp_list"]?["updated_at"] == "2019-01-01T09:00:00.000+00:00")
        #expect(try server.event("GET", Self.list).json["rsvp_list"]?["updated_at"] == "2019-01-01T09:00:00.000+00:00")
        let retitled = try server.event("PATCH", Self.list, json: ["rsvp_list": ["title": "Introduction"]])
        #expect(retitled.json["rsvp_list"]?["updated_at"] == .string(Subresource.nowText))
    }

    @Test func deletingAListDeletesItsInvitations() throws {
        let server = try TestServer()
        try server.event("DELETE", Self.list).expectDeleted(
            route: "DELETE /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}")
        try server.event("GET", Self.invitation).expectNotFound()
        try server.event("GET", Self.list + "/release_invitations").expectNotFound()
        #expect(try server.count("SELECT COUNT(*) AS n FROM tito_release_invitations") == 0)
    }

    @Test func invitationListUsesTheShortShape() throws {
        let server = try TestServer()
        let response = try server.event("GET", Self.list + "/release_invitations")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route")
            == "GET /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations")
        let filterOptions: JSONValue = [
            "sections": ["states": ["label": "Status", "open": false]], "collection": false,
            "states": [["label": "Redeemed", "value": "redeemed"]], "selected_states": [],
        ]
        #expect(response.json == [
            "release_invitations": [[
                "_type": "release_invitation", "id": 123, "slug": "rsvp_dsC6YWbMou0lABn4sZegEOA", "first_name": "Tony",
                "last_name": "Tiger", "email": "grr@tito.io", "name": "Tony Tiger",
                "unique_url": "https://ti.to/biscuit-box/2018/rsvp/rsvp_dsC6YWbMou0lABn4sZegEOA", "status": nil,
                "redeemed": false, "registration_id": nil, "created_at": "2019-01-01T09:00:00.000+00:00", "registration_slug": nil,
                "registration_url": nil, "registration_reference": nil,
                "releases": [["id": 1105525, "title": "Coffee Brewing", "slug": "coffee-brewing"]],
            ]],
            "meta": [
                "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 1, "per_page": 100,
                "overall_total": 1, "filter_options": filterOptions,
            ],
        ])
        let redeemed = try server.event("GET", Self.list + "/release_invitations?search[states][]=redeemed")
        #expect(redeemed.json["release_invitations"] == [])
        #expect(redeemed.pagination() == pageMeta(pages: 0, count: 0, overall: 1))
        #expect(redeemed.meta["filter_options"]?["selected_states"] == ["redeemed"])
        try server.execute("UPDATE tito_release_invitations SET redeemed = 1 WHERE id = 123")
        #expect(try server.event("GET", Self.list + "/release_invitations?search[states][]=redeemed").ids("release_invitations") == [123])
        try server.event("GET", "/rsvp_lists/rsvp_list_nope/release_invitations").expectNotFound()
    }

    @Test func getUsesTheSingleShapeWithFullReleases() throws {
        let server = try TestServer()
        let response = try server.event("GET", Self.invitation)
        response.expectRecord(
            "release_invitation",
            route: "GET /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations/{release_invitation_slug}")
        let invitation = response.json["release_invitation"]
        #expect(keys(invitation) == Self.singleKeys)
        #expect(invitation?["event_id"] == 1058586)
        #expect(invitation?["rsvp_list_id"] == 123)
        #expect(invitation?["discount_code"] == "")
        #expect(invitation?["redirect"] == .null)
        #expect(invitation?["created_at"] == "2019-01-01T09:00:00.000+00:00")
        #expect(invitation?["unique_url"] == "https://ti.to/biscuit-box/2018/rsvp/rsvp_dsC6YWbMou0lABn4sZegEOA")
        #expect(invitation?["releases"]?[0]?["_type"] == "release")
        #expect(invitation?["releases"]?[0]?["share_url"] == "https://ti.to/biscuit-box/2018/with/coffee-brewing")
        #expect(try server.event("GET", Self.list + "/release_invitations/123").json["release_invitation"]?["id"] == 123)
        // An invitation answers only under its own list.
        let other = try server.event("POST", "/rsvp_lists", json: ["rsvp_list": ["title": "Other"]])
        let otherSlug = other.json["rsvp_list"]?["slug"]?.stringValue ?? ""
        try server.event("GET", "/rsvp_lists/\(otherSlug)/release_invitations/rsvp_dsC6YWbMou0lABn4sZegEOA").expectNotFound()
        try server.event("GET", Self.list + "/release_invitations/rsvp_nope").expectNotFound()
    }

    @Test func createKeepsUnknownReleaseIds() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let response = try server.event("POST", Self.list + "/release_invitations", json: [
            "release_invitation": ["email": "grr@tito.io", "first_name": "Tony", "last_name": "Tiger", "release_ids": [1, 2, 3]],
        ])
        response.expectRecord(
            "release_invitation", status: 201,
            route: "POST /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations")
        let invitation = response.json["release_invitation"]
        let slug = invitation?["slug"]?.stringValue
        #expect(isRandomSlug(slug, prefix: "rsvp_"))
        #expect(invitation?["id"] == 124)
        #expect(invitation?["name"] == "Tony Tiger")
        #expect(invitation?["redirect"] == false)
        #expect(invitation?["discount_code"] == .null)
        #expect(invitation?["redeemed"] == false)
        #expect(invitation?["status"] == .null)
        #expect(invitation?["created_at"] == .string(Subresource.nowText))
        #expect(invitation?["unique_url"] == .string("https://ti.to/biscuit-box/2018/rsvp/\(slug ?? "")"))
        #expect(invitation?["release_ids"] == [1, 2, 3])
        #expect(invitation?["releases"] == [])

        let known = try server.event("POST", Self.list + "/release_invitations", json: [
            "release_invitation": [
                "email": "pooh@tito.io", "release_ids": ["vip-tasting", 123], "discount_code": "SAVE10",
                "expires_at": "2030-01-01T00:00:00Z", "redirect": "true",
            ],
        ])
        #expect(known.status == 201)
        #expect(known.json["release_invitation"]?["release_ids"] == [1105526, 123])
        #expect(known.json["release_invitation"]?["releases"]?.arrayValue?.compactMap { $0["slug"]?.stringValue } == [
            "vip-tasting", "5k-stretch",
        ])
        #expect(known.json["release_invitation"]?["name"] == .null)
        #expect(known.json["release_invitation"]?["expires_at"] == "2030-01-01T00:00:00.000+00:00")
        #expect(known.json["release_invitation"]?["redirect"] == true)
        let listed = try server.event("GET", Self.list + "/release_invitations")
        #expect(listed.ids("release_invitations") == [123, 124, 125])
        #expect(listed.json["release_invitations"]?[2]?["releases"] == [
            ["id": 1105526, "title": "VIP Tasting", "slug": "vip-tasting"], ["id": 123, "title": "5K Stretch", "slug": "5k-stretch"],
        ])
    }

    @Test func createAndUpdateReportEveryInvalidAttribute() throws {
        let server = try TestServer()
        let path = Self.list + "/release_invitations"
        try server.event("POST", path).expectErrors(["email": ["can't be blank"], "release_ids": ["can't be blank"]])
        try server.event("POST", path, json: ["release_invitation": ["email": "nobody", "release_ids": []]])
            .expectErrors(["email": ["is invalid"], "release_ids": ["can't be blank"]])
        try server.event("POST", path, json: [
            "release_invitation": ["email": "a@b.c", "release_ids": ["no-such-release"], "expires_at": "soon", "redirect": "eh"],
        ]).expectErrors(["expires_at": ["is invalid"], "redirect": ["is not included in the list"], "release_ids": ["is invalid"]])
        try server.event("PATCH", Self.invitation, json: ["release_invitation": ["email": "", "release_ids": []]])
            .expectErrors(["email": ["can't be blank"], "release_ids": ["can't be blank"]])
        #expect(try server.event("GET", path).meta["total_count"] == 1)
    }

    @Test func updateAppliesTheChangeAndDeleteRemoves() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let response = try server.event("PATCH", Self.invitation, json: ["release_invitation": ["first_name": "Anthony"]])
        response.expectRecord(
            "release_invitation",
            route: "PATCH /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations/{release_invitation_slug}")
        #expect(response.json["release_invitation"]?["first_name"] == "Anthony")
        #expect(response.json["release_invitation"]?["name"] == "Anthony Tiger")
        #expect(response.json["release_invitation"]?["updated_at"] == .string(Subresource.nowText))
        #expect(response.json["release_invitation"]?["release_ids"] == [1105525])
        #expect(try server.event("GET", Self.list + "/release_invitations").values("release_invitations", "name") == ["Anthony Tiger"])

        try server.event("DELETE", Self.invitation).expectDeleted(
            route: "DELETE /v3/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations/{release_invitation_slug}")
        try server.event("GET", Self.invitation).expectNotFound()
        try server.event("DELETE", Self.invitation).expectNotFound()
        #expect(try server.event("GET", Self.list + "/release_invitations").json["release_invitations"] == [])
        // The list itself stays.
        #expect(try server.event("GET", Self.list).status == 200)
    }
}
