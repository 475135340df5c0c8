import Emulation
import TestSupport
import Testing

/// Events E1–E9 and X2 (spec §11.2, §13.8).
@Suite struct EventsTests {
    static let eventKeys = [
        "_type", "id", "created_at", "updated_at", "title", "description", "banner", "banner_url", "currency",
        "default_locale", "live", "test_mode", "locales", "location", "logo", "private", "slug", "account_id", "start_date",
        "end_date", "date_or_range", "security_token", "metadata", "url", "setup", "show_discount_code_field",
        "discount_codes_count", "account_slug", "users_count", "releases", "start_time", "end_time", "start_at", "end_at",
        "timezone", "archived", "email_address",
    ]

    @Test func upcomingEventsListTheDocsExample() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-06-01T12:00:00Z")
        let response = try server.tito("GET", "/biscuit-box/events")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/{account_slug}/events")
        #expect(response.slugs("events") == ["2018", "caramel"])
        let event = response.json["events"]?[0]
        #expect(keys(event) == Self.eventKeys)
        #expect(event?["_type"] == "event")
        #expect(event?["id"] == 1058586)
        #expect(event?["created_at"] == "2018-11-01T11:55:45.000+00:00")
        #expect(event?["banner"] == ["url": nil, "thumb": ["url": nil]])
        #expect(event?["logo"] == ["url": nil, "thumb": ["url": nil], "display": ["url": nil]])
        #expect(event?["url"] == "https://ti.to/biscuit-box/2018")
        #expect(event?["account_slug"] == "biscuit-box")
        #expect(event?["date_or_range"] == "")
        #expect(event?["metadata"] == [:])
        #expect(event?["start_at"] == .null)
        #expect(event?["discount_codes_count"] == 2)
        #expect(event?["view"] == nil)
        // Non-archived releases are embedded in position order, with their association arrays empty.
        #expect(event?["releases"]?.arrayValue?.compactMap { $0["slug"]?.stringValue } == [
            "coffee-brewing", "my-ticket", "5k-stretch", "vip-tasting",
        ])
        #expect(event?["releases"]?[0]?["questions"] == [])
        #expect(
            response.meta == [
                "current_page": 1, "next_page": nil, "prev_page": nil, "total_pages": 1, "total_count": 2, "per_page": 100,
                "filter_options": [
                    "sections": ["states": ["label": "Status", "open": false]], "collection": false,
                    "states": [["label": "Past", "value": "past"], ["label": "Upcoming", "value": "upcoming"]],
                    "selected_states": ["upcoming"],
                ],
            ])
        let extended = try server.tito("GET", "/biscuit-box/events?view=extended")
        #expect(extended.json["events"]?[0]?["view"] == "extended")
    }

    @Test func pastAndArchivedEventsHaveTheirOwnLists() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-06-01T12:00:00Z")
        let past = try server.tito("GET", "/biscuit-box/events/past")
        #expect(past.header("X-Understudy-Route") == "GET /v3/{account_slug}/events/past")
        #expect(past.slugs("events") == ["2017"])
        #expect(past.meta["filter_options"]?["selected_states"] == ["past"])
        #expect(past.json["events"]?[0]?["date_or_range"] == "10–11 Nov 2017")
        #expect(past.json["events"]?[0]?["start_at"] == "2017-11-10T00:00:00.000+00:00")
        let archived = try server.tito("GET", "/biscuit-box/events/archived")
        #expect(archived.slugs("events") == ["2016"])
        #expect(archived.meta["filter_options"]?["selected_states"] == [])
        #expect(archived.meta["overall_total"] == nil)
        // The emulated date moves events between the lists.
        try server.freezeClock(at: "2017-11-11T23:00:00Z")
        #expect(try server.tito("GET", "/biscuit-box/events").slugs("events") == ["2017", "2018", "caramel"])
        #expect(try server.tito("GET", "/biscuit-box/events/past").slugs("events") == [])
    }

    @Test func eventListsPageLikeKaminari() throws {
        let server = try TestServer()
        let first = try server.tito("GET", "/biscuit-box/events?page[size]=1")
        #expect(first.slugs("events") == ["2018"])
        #expect(first.meta["current_page"] == 1)
        #expect(first.meta["next_page"] == 2)
        #expect(first.meta["prev_page"] == .null)
        #expect(first.meta["total_pages"] == 2)
        #expect(first.meta["per_page"] == 1)
        let last = try server.tito("GET", "/biscuit-box/events?page%5Bnumber%5D=2&page%5Bsize%5D=1")
        #expect(last.slugs("events") == ["caramel"])
        #expect(last.meta["next_page"] == .null)
        #expect(last.meta["prev_page"] == 1)
        let alias = try server.tito("GET", "/biscuit-box/events?page=2&page[size]=1")
        #expect(alias.slugs("events") == ["caramel"])
        let beyond = try server.tito("GET", "/biscuit-box/events?page[number]=5&page[size]=1")
        #expect(beyond.status == 200)
        #expect(beyond.slugs("events") == [])
        #expect(beyond.meta["current_page"] == 5)
        #expect(beyond.meta["prev_page"] == .null)
        #expect(beyond.meta["total_count"] == 2)
        let invalid = try server.tito("GET", "/biscuit-box/events?page[number]=x&page[size]=-3")
        #expect(invalid.meta["current_page"] == 1)
        #expect(invalid.meta["per_page"] == 100)
        #expect(try server.tito("GET", "/biscuit-box/events?page[size]=5000").meta["per_page"] == 1000)
        let empty = try server.tito("GET", "/demo/events/archived")
        #expect(empty.meta["total_pages"] == 0)
        #expect(empty.meta["current_page"] == 1)
        #expect(empty.meta["next_page"] == .null)
    }

    @Test func eventsAcrossAccountsFollowTheTokensAccountOrder() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-06-01T12:00:00Z")
        let response = try server.tito("GET", "/events?page[number]=1")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v3/events")
        #expect(response.slugs("events") == ["2018", "caramel", "big-conf", "sample-event", "sample-event-copy"])
        let test = try server.tito("GET", "/events", token: TitoSeed.testToken)
        #expect(test.slugs("events") == ["2018", "caramel", "big-conf", "sample-event", "sample-event-copy", "2030"])
        #expect(test.meta["total_count"] == 6)
    }

    @Test func anEventIsShownExtendedBySlugOrID() throws {
        let server = try TestServer()
        let response = try server.tito("GET", "/biscuit-box/2018")
        #expect(response.status == 200)
        #expect(keys(response.json) == ["event"])
        #expect(keys(response.json["event"]) == Self.eventKeys + ["view"])
        #expect(response.json["event"]?["view"] == "extended")
        #expect(try server.tito("GET", "/biscuit-box/1058586").json["event"]?["slug"] == "2018")
        #expect(try server.tito("GET", "/biscuit-box/2018?view=short").json["event"]?["view"] == nil)
        #expect(try server.tito("GET", "/biscuit-box/2018/").status == 200)
        #expect(try server.tito("GET", "/biscuit-box/no-such-event").json == TitoBodies.notFound)
        #expect(try server.tito("GET", "/demo/2018").status == 404)
        #expect(try server.tito("GET", "/ultimateconf/2024", token: TitoSeed.ultimateToken).json["event"]?["currency"] == "EUR")
    }

    @Test func creatingAnEventFollowsTheDocsExample() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-03-04T10:20:30Z")
        let response = try server.tito("POST", "/biscuit-box/events", json: ["event": ["title": "Awesome Conf"]])
        #expect(response.status == 201)
        let event = response.json["event"]
        #expect(event?["id"] == 1058592)
        #expect(event?["slug"] == "awesome-conf")
        #expect(event?["url"] == "https://ti.to/biscuit-box/awesome-conf")
        #expect(event?["created_at"] == "2025-03-04T10:20:30.000+00:00")
        #expect(event?["currency"] == "USD")
        #expect(event?["live"] == false)
        #expect(event?["test_mode"] == true)
        #expect(event?["metadata"] == .null)
        #expect(event?["banner_url"] == "https://www.example.com/")
        #expect(event?["releases"] == [])
        #expect(event?["discount_codes_count"] == 0)
        #expect(event?["view"] == "extended")
        let again = try server.tito("POST", "/biscuit-box/events", json: ["event": ["title": "Awesome Conf"]])
        #expect(again.json["event"]?["slug"] == "awesome-conf-2")
        #expect(try server.tito("GET", "/biscuit-box/awesome-conf-2").status == 200)
        let full = try server.tito(
            "POST", "/demo/events",
            json: [
                "event": [
                    "title": "Big Day", "slug": "big-day", "currency": "eur", "start_date": "2030-01-30", "end_date": "2030-02-02",
                    "start_time": "09:30", "live": "true", "test_mode": "0", "location": "Cork", "metadata": ["k": "v"],
                    "locales": ["en", "de"], "email_address": "hi@example.com", "unknown": 1,
                ]
            ])
        #expect(full.status == 201)
        let created = full.json["event"]
        #expect(created?["currency"] == "EUR")
        #expect(created?["live"] == true)
        #expect(created?["test_mode"] == false)
        #expect(created?["date_or_range"] == "30 Jan – 2 Feb 2030")
        #expect(created?["start_at"] == "2030-01-30T09:30:00.000+00:00")
        #expect(created?["end_at"] == "2030-02-02T00:00:00.000+00:00")
        #expect(created?["metadata"] == ["k": "v"])
        #expect(created?["locales"] == ["en", "de"])
        #expect(created?["email_address"] == "hi@example.com")
    }

    @Test func invalidEventsAreRefusedWithEveryProblem() throws {
        let server = try TestServer()
        let blank = try server.tito("POST", "/biscuit-box/events", json: ["event": ["title": "  "]])
        #expect(blank.status == 422)
        #expect(blank.json == TitoBodies.errors(["title": ["can't be blank"]]))
        #expect(try server.tito("POST", "/biscuit-box/events").json == TitoBodies.errors(["title": ["can't be blank"]]))
        let several = try server.tito(
            "POST", "/biscuit-box/events",
            json: ["event": ["slug": "2018", "currency": "EURO", "start_date": "2030-02-02", "end_date": "2030-01-01", "live": "maybe"]])
        #expect(
            several.json
                == TitoBodies.errors([
                    "currency": ["is invalid"], "live": ["is not included in the list"],
                    "end_date": ["must be on or after the start date"], "title": ["can't be blank"],
                    "slug": ["has already been taken"],
                ]))
        for reserved in ["events", "hello", "duplication"] {
            let response = try server.tito("POST", "/biscuit-box/events", json: ["event": ["title": "X", "slug": .string(reserved)]])
            #expect(response.json == TitoBodies.errors(["slug": ["has already been taken"]]), "slug \(reserved)")
        }
        let badDate = try server.tito("POST", "/biscuit-box/events", json: ["event": ["title": "X", "start_date": "2030-02-30"]])
        #expect(badDate.json == TitoBodies.errors(["start_date": ["is invalid"]]))
        let malformed = try server.tito("POST", "/biscuit-box/events", headers: [("Content-Type", "application/json")], body: "{\"event\":")
        #expect(malformed.status == 400)
        #expect(malformed.json == TitoBodies.badRequest)
        #expect(try server.tito("GET", "/biscuit-box/events").meta["total_count"] == 2)
    }

    @Test func updatingAnEventChangesOnlyWhatIsSent() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-03-04T10:20:30Z")
        let response = try server.tito("PATCH", "/biscuit-box/2018", json: ["event": ["location": "Dublin, Ireland"]])
        #expect(response.status == 200)
        #expect(response.json["event"]?["location"] == "Dublin, Ireland")
        #expect(response.json["event"]?["title"] == "2018")
        #expect(response.json["event"]?["updated_at"] == "2025-03-04T10:20:30.000+00:00")
        #expect(response.json["event"]?["created_at"] == "2018-11-01T11:55:45.000+00:00")
        #expect(try server.tito("GET", "/biscuit-box/2018").json["event"]?["location"] == "Dublin, Ireland")
        // A start date alone gives the same end date; clearing it clears the rest.
        let dated = try server.tito("PATCH", "/biscuit-box/2018", json: ["event": ["start_date": "2031-05-01", "end_time": "18:00"]])
        #expect(dated.json["event"]?["end_date"] == "2031-05-01")
        #expect(dated.json["event"]?["date_or_range"] == "1 May 2031")
        #expect(dated.json["event"]?["end_at"] == "2031-05-01T18:00:00.000+00:00")
        let cleared = try server.tito("PATCH", "/biscuit-box/2018", json: ["event": ["start_date": nil]])
        #expect(cleared.json["event"]?["end_date"] == .null)
        #expect(cleared.json["event"]?["end_time"] == .null)
        #expect(try server.tito("PATCH", "/biscuit-box/2018", json: ["event": ["title": ""]]).json
            == TitoBodies.errors(["title": ["can't be blank"]]))
        #expect(try server.tito("PATCH", "/biscuit-box/2018", json: ["nothing": 1]).status == 200)
    }

    @Test func aSlugChangeMovesTheEventAndArchivingMovesItBetweenLists() throws {
        let server = try TestServer()
        let moved = try server.tito("PATCH", "/biscuit-box/2018", json: ["event": ["slug": "twenty-eighteen"]])
        #expect(moved.json["event"]?["url"] == "https://ti.to/biscuit-box/twenty-eighteen")
        #expect(try server.tito("GET", "/biscuit-box/2018").status == 404)
        #expect(try server.tito("GET", "/biscuit-box/twenty-eighteen/releases/coffee-brewing").status == 200)
        #expect(try server.tito("PATCH", "/biscuit-box/twenty-eighteen", json: ["event": ["slug": "caramel"]]).json
            == TitoBodies.errors(["slug": ["has already been taken"]]))
        #expect(try server.tito("PATCH", "/biscuit-box/caramel", json: ["event": ["archived": true]]).status == 200)
        #expect(try server.tito("GET", "/biscuit-box/events").slugs("events") == ["twenty-eighteen"])
        #expect(try server.tito("GET", "/biscuit-box/events/archived").slugs("events") == ["2016", "caramel"])
    }

    @Test func deletingAnEventRemovesEverythingUnderIt() throws {
        let server = try TestServer()
        let response = try server.tito("DELETE", "/biscuit-box/2018")
        #expect(response.status == 204)
        #expect(response.body.isEmpty)
        #expect(try server.tito("GET", "/biscuit-box/2018").status == 404)
        #expect(try server.tito("GET", "/biscuit-box/events").slugs("events") == ["caramel"])
        let counts = try server.world.database.read { database in
            try ["tito_releases", "tito_tickets", "tito_registrations", "tito_answers", "tito_questions", "tito_refunds",
                "tito_activities", "tito_discount_codes"].map { table in
                try database.query("SELECT COUNT(*) AS n FROM \(table) WHERE event_id = 1058586").first?.int("n")
            }
        }
        #expect(counts.allSatisfy { $0 == 0 })
        #expect(try server.tito("DELETE", "/biscuit-box/2018").status == 404)
        // The rest of the world is untouched, and a reset brings the event back.
        #expect(try server.tito("GET", "/biscuit-box/caramel").status == 200)
        #expect(try server.request("POST", "/_understudy/reset?provider=tito").status == 200)
        #expect(try server.tito("GET", "/biscuit-box/2018").status == 200)
    }

    @Test func duplicatingAnEventCopiesItsSetUpButNotItsOrders() throws {
        let server = try TestServer()
        #expect(try server.tito("GET", "/biscuit-box/2018/duplication").json == TitoBodies.notFound)
        let started = try server.tito("POST", "/biscuit-box/2018/duplication")
        #expect(started.status == 201)
        #expect(started.json == ["duplication": ["_type": "_duplication", "status": "processing", "title": nil, "slug": nil]])
        let status = try server.tito("GET", "/biscuit-box/2018/duplication")
        #expect(status.status == 200)
        #expect(status.json == ["duplication": ["_type": "_duplication", "status": "complete", "title": "2018 Copy", "slug": "2018-copy"]])
        let copy = try server.tito("GET", "/biscuit-box/2018-copy").json["event"]
        #expect(copy?["title"] == "2018 Copy")
        #expect(copy?["live"] == false)
        #expect(copy?["test_mode"] == true)
        #expect(copy?["discount_codes_count"] == 2)
        let releases = copy?["releases"]?.arrayValue ?? []
        #expect(releases.compactMap { $0["slug"]?.stringValue } == ["coffee-brewing", "my-ticket", "5k-stretch", "vip-tasting"])
        #expect(releases.allSatisfy { $0["tickets_count"] == 0 && $0["id"] != 1105525 })
        let copyID = copy?["id"]?.intValue ?? 0
        let orders = try server.world.database.read { database in
            try database.query("SELECT COUNT(*) AS n FROM tito_registrations WHERE event_id = ?", copyID).first?.int("n")
        }
        #expect(orders == 0)
        #expect(try server.tito("POST", "/biscuit-box/2018/duplication").status == 201)
        #expect(try server.tito("GET", "/biscuit-box/2018/duplication").json["duplication"]?["slug"] == "2018-copy-2")
        #expect(try server.tito("GET", "/demo/sample-event/duplication").json["duplication"]?["status"] == "complete")
    }
}
