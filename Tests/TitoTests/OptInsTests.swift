import Emulation
import TestSupport
import Testing

/// Opt-ins O1–O5 (spec §11.8, §12.8).
@Suite struct OptInsTests {
    static let marketing: JSONValue = [
        "_type": "opt_in", "id": 166, "slug": "do-you-consent-to-receiving-marketing-em",
        "name": "Do you consent to receiving marketing emails?",
        "description": "We will send you marketing emails if you consent for us to do so.", "release_ids": [1234567],
        "acceptance_count": 1, "created_at": "2021-08-12T08:43:00.000+00:00", "updated_at": "2021-08-12T13:10:54.000+00:00",
    ]

    @Test func theListIsShortAndSortedByName() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/opt_ins")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/opt_ins")
        #expect(response.json == [
            "opt_ins": [Self.marketing],
            "meta": [
                "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 1, "per_page": 100,
                "overall_total": 1,
                "sort_options": [
                    "A-Z": ["attr": "name", "direction": "asc", "default": true], "Z-A": ["attr": "name", "direction": "desc"],
                ],
                "filter_options": emptyFilterOptions,
            ],
        ])
        _ = try server.event("POST", "/opt_ins", json: ["opt_in": ["name": "Accept the terms?"]])
        #expect(try server.event("GET", "/opt_ins").values("opt_ins", "id") == [167, 166])
        #expect(try server.event("GET", "/opt_ins?search[sort]=name&search[direction]=desc").values("opt_ins", "id") == [166, 167])
        let extended = try server.event("GET", "/opt_ins?view=extended&page[size]=1")
        #expect(extended.json["opt_ins"]?[0]?["view"] == "extended")
        #expect(extended.json["opt_ins"]?[0]?["releases"] == [])
        #expect(extended.pagination() == pageMeta(next: 2, pages: 2, count: 2, per: 1, overall: 2))
    }

    @Test func getIsExtendedUnderBothSpellingsOfThePath() throws {
        let server = try TestServer()
        let response = try server.event("GET", "/opt_ins/do-you-consent-to-receiving-marketing-em")
        response.expectRecord("opt_in", route: "GET /v3/{account_slug}/{event_slug}/opt_ins/{opt_in_slug}")
        let optIn = response.json["opt_in"]
        var short = optIn?.objectValue ?? JSONObject()
        #expect(short.keys.suffix(3) == ["view", "translations", "releases"])
        short["view"] = nil
        short["translations"] = nil
        short["releases"] = nil
        #expect(JSONValue.object(short) == Self.marketing)
        #expect(optIn?["translations"] == [
            "en": [
                "name": "Do you consent to receiving marketing emails?",
                "description": "We will send you marketing emails if you consent for us to do so.",
            ],
        ])
        // The nested release is a full, extended release object.
        #expect(optIn?["releases"]?[0]?["slug"] == "my-ticket")
        #expect(optIn?["releases"]?[0]?["view"] == "extended")
        #expect(optIn?["releases"]?[0]?["require_email"] == true)
        let singular = try server.event("GET", "/opt_in/do-you-consent-to-receiving-marketing-em")
        #expect(singular.status == 200)
        #expect(singular.header("X-Understudy-Route") == "GET /v3/{account_slug}/{event_slug}/opt_in/{opt_in_slug}")
        #expect(singular.json == response.json)
        #expect(try server.event("GET", "/opt_ins/166").json["opt_in"]?["id"] == 166)
        try server.event("GET", "/opt_ins/no-such-opt-in").expectNotFound()
    }

    @Test func createDerivesASlugOfAtMostFortyCharacters() throws {
        let server = try TestServer()
        try server.freezeClock(at: Subresource.now)
        let response = try server.event("POST", "/opt_ins", json: [
            "opt_in": ["name": "Do you consent to us storing your data?", "release_ids": [1234567]],
        ])
        response.expectRecord("opt_in", status: 201, route: "POST /v3/{account_slug}/{event_slug}/opt_ins")
        let optIn = response.json["opt_in"]
        #expect(optIn?["id"] == 167)
        #expect(optIn?["slug"] == "do-you-consent-to-us-storing-your-data")
        #expect(optIn?["description"] == .null)
        #expect(optIn?["acceptance_count"] == 0)
        #expect(optIn?["created_at"] == .string(Subresource.nowText))
        #expect(optIn?["translations"] == ["en": ["name": "Do you consent to us storing your data?", "description": nil]])
        #expect(optIn?["releases"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [1234567])

        let clash = try server.event("POST", "/opt_ins", json: [
            "opt_in": ["name": "Do you consent to receiving marketing emails weekly?", "description": "Weekly."],
        ])
        #expect(clash.json["opt_in"]?["slug"] == "do-you-consent-to-receiving-marketing-em-2")
        // A cut that ends in a dash drops it.
        let dashed = try server.event("POST", "/opt_ins", json: ["opt_in": ["name": "Would you like to hear from our partner, please?"]])
        #expect(dashed.json["opt_in"]?["slug"] == "would-you-like-to-hear-from-our-partner")
        let symbols = try server.event("POST", "/opt_ins", json: ["opt_in": ["name": "???"]])
        #expect(symbols.json["opt_in"]?["slug"]?.stringValue?.count == 11)
    }

    @Test func createAndUpdateReportEveryInvalidAttribute() throws {
        let server = try TestServer()
        try server.event("POST", "/opt_ins").expectErrors(["name": ["can't be blank"]])
        try server.event("POST", "/opt_ins", json: ["opt_in": ["name": "", "release_ids": [999]]])
            .expectErrors(["name": ["can't be blank"], "release_ids": ["is invalid"]])
        try server.event("PATCH", "/opt_ins/166", json: ["opt_in": ["name": " "]]).expectErrors(["name": ["can't be blank"]])
        #expect(try server.event("GET", "/opt_ins").meta["total_count"] == 1)
    }

    @Test func renamingMovesTheSlug() throws {
        let server = try TestServer()
        let response = try server.event("PATCH", "/opt_ins/do-you-consent-to-receiving-marketing-em", json: [
            "opt_in": ["name": "My new name"],
        ])
        response.expectRecord("opt_in", route: "PATCH /v3/{account_slug}/{event_slug}/opt_ins/{opt_in_slug}")
        #expect(response.json["opt_in"]?["slug"] == "my-new-name")
        #expect(response.json["opt_in"]?["translations"]?["en"]?["name"] == "My new name")
        try server.event("GET", "/opt_ins/do-you-consent-to-receiving-marketing-em").expectNotFound()
        let read = try server.event("GET", "/opt_ins/my-new-name").json["opt_in"]
        #expect(read?["id"] == 166)
        #expect(read?["description"] == "We will send you marketing emails if you consent for us to do so.")
        // Other attributes leave the slug alone.
        let releases = try server.event("PATCH", "/opt_ins/my-new-name", json: ["opt_in": ["release_ids": ["coffee-brewing"]]])
        #expect(releases.json["opt_in"]?["slug"] == "my-new-name")
        #expect(releases.json["opt_in"]?["release_ids"] == [1105525])
    }

    @Test func deleteRemovesTheOptIn() throws {
        let server = try TestServer()
        try server.event("DELETE", "/opt_ins/do-you-consent-to-receiving-marketing-em")
            .expectDeleted(route: "DELETE /v3/{account_slug}/{event_slug}/opt_ins/{opt_in_slug}")
        try server.event("GET", "/opt_ins/do-you-consent-to-receiving-marketing-em").expectNotFound()
        try server.event("DELETE", "/opt_ins/166").expectNotFound()
        #expect(try server.event("GET", "/opt_ins").json["opt_ins"] == [])
    }
}
