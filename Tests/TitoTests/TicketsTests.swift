import Emulation
import TestSupport
import Testing

/// Tickets T1–T6 (spec §7.2, §11.15, §13.2).
@Suite struct TicketsTests {
    static let base = "/biscuit-box/2018/tickets"

    static let ticketKeys = [
        "_type", "id", "slug", "company_name", "email", "metadata", "first_name", "last_name", "name", "number", "phone_number",
        "price", "reference", "state", "test_mode", "registration_id", "release_id", "consented_at", "discount_code_used",
        "created_at", "updated_at", "responses", "assigned", "price_less_tax", "total_paid", "total_tax_paid",
        "total_paid_less_tax", "tags", "upgrade_ids", "registration_slug", "release_slug", "release_title", "registration",
        "release",
    ]

    @Test func theListHidesVoidTicketsAndDescribesItsFilters() throws {
        let server = try TestServer()
        let response = try server.tito("GET", Self.base)
        #expect(response.status == 200)
        #expect(keys(response.json) == ["tickets", "meta"])
        #expect(response.ids("tickets") == [3068942, 3068941, 3068931])
        let john = response.json["tickets"]?[2]
        #expect(keys(john) == Self.ticketKeys)
        #expect(john?["slug"] == "ti_dhlR2CSzh59ZLht5ELPkxjg")
        #expect(john?["name"] == "John Smith")
        #expect(john?["reference"] == "ZBRE-1")
        #expect(john?["price"] == "0.0")
        #expect(john?["number"] == .null)
        #expect(john?["responses"] == .null)
        #expect(john?["assigned"] == true)
        #expect(john?["registration_slug"] == "reg_test_ds7qNqJ4s4doDMeh1VogTrw")
        #expect(john?["release_title"] == "Coffee Brewing")
        #expect(john?["registration"]?["tickets"] == [])
        #expect(john?["release"]?["slug"] == "coffee-brewing")
        #expect(response.json["tickets"]?[1]?["responses"] == ["t-shirt-size": "Medium"])
        #expect(response.json["tickets"]?[0]?["assigned"] == false)
        #expect(response.json["tickets"]?[0]?["name"] == .null)
        let meta = response.meta
        #expect(meta["total_count"] == 3)
        #expect(meta["overall_total"] == 4)
        #expect(meta["resources_hidden_by_default_count"] == 1)
        #expect(meta["search_states_hidden_by_default"] == ["void"])
        #expect(meta["sort_options"]?["Ticket date, newest first"] == ["attr": "tickets.created_at", "direction": "desc", "default": true])
        #expect(meta["filter_options"]?["release_ids"]?[0] == ["label": "Coffee Brewing", "value": "coffee-brewing"])
        #expect(meta["filter_options"]?["release_ids"]?.arrayValue?.count == 5)
        #expect(meta["filter_options"]?["activity_ids"] == [["label": "Tea Making", "value": "1019150"]])
        #expect(meta["filter_options"]?["types"] == [["label": "Added manually", "value": "manual"], ["label": "Ordered by customer", "value": "standard"]])
        #expect(meta["filter_options"]?["selected_states"] == ["complete", "incomplete", "unassigned", "changes_locked", "changes_allowed"])
        #expect(keys(meta["filter_options"]?["sections"]) == ["states", "types", "release_ids", "activity_ids", "upgrade_ids"])
        #expect(try server.tito("GET", Self.base + "?view=extended").json["tickets"]?[0]?["view"] == "extended")
    }

    @Test func statesTypesAndReleasesFilter() throws {
        let server = try TestServer()
        func ids(_ query: String) throws -> [Int64] { try server.tito("GET", Self.base + "?" + query).ids("tickets") }
        #expect(try ids("search[states][]=void") == [3068943])
        #expect(try ids("search[states][]=complete") == [3068941, 3068931])
        #expect(try ids("search[states][]=incomplete") == [3068942])
        #expect(try ids("search[states][]=unassigned") == [3068942])
        #expect(try ids("search[states][]=complete&search[states][]=void") == [3068943, 3068941, 3068931])
        #expect(try ids("search[states][]=changes_locked") == [])
        #expect(try ids("search[states][]=changes_allowed") == [3068942, 3068941, 3068931])
        #expect(try ids("search[states][]=changes_allowed&search[states][]=changes_locked") == [3068942, 3068941, 3068931])
        #expect(try ids("search[types][]=manual") == [3068931])
        #expect(try ids("search[types][]=standard") == [3068942, 3068941])
        #expect(try ids("search[release_ids][]=vip-tasting") == [3068942])
        #expect(try ids("search[release_ids][]=1105526&search[release_ids][]=coffee-brewing") == [3068942, 3068941, 3068931])
        #expect(try ids("search[release_ids][]=nope") == [])
        #expect(try ids("search[activity_ids][]=1019150") == [])
        try server.world.database.write { try $0.run("UPDATE tito_activities SET release_ids = '[1105526]' WHERE id = 1019150") }
        #expect(try ids("search[activity_ids][]=1019150") == [3068942])
        // Tickets of archived releases show only when asked for.
        _ = try server.tito("POST", "/biscuit-box/2018/releases/vip-tasting/archival")
        #expect(try ids("") == [3068941, 3068931])
        #expect(try ids("search[states][]=archived") == [3068942, 3068941, 3068931])
        #expect(try server.tito("GET", Self.base).meta["resources_hidden_by_default_count"] == 2)
        // Locking changes on a release moves its tickets from changes_allowed to changes_locked.
        let locked = try server.tito("PATCH", "/biscuit-box/2018/releases/vip-tasting", json: ["release": ["lock_changes": true]])
        #expect(locked.json["release"]?["changes_locked"] == true)
        #expect(try ids("search[states][]=changes_locked&search[states][]=archived") == [3068942])
        #expect(try ids("search[states][]=changes_allowed&search[states][]=archived") == [3068941, 3068931])
        #expect(try ids("search[states][]=changes_locked") == [])
        #expect(try ids("search[types][]=standard&search[states][]=archived&search[states][]=changes_locked") == [3068942])
    }

    @Test func searchAndTimeFiltersNarrowTheList() throws {
        let server = try TestServer()
        func ids(_ query: String) throws -> [Int64] { try server.tito("GET", Self.base + "?" + query).ids("tickets") }
        #expect(try ids("q=alice") == [3068941])
        #expect(try ids("search[q]=KQ7T") == [3068942, 3068941])
        #expect(try ids("q=zzz&search[q]=john%40example") == [3068931])
        #expect(try ids("q=BEANSTER") == [3068941])
        #expect(try ids("q=ti_dhlR2") == [3068931])
        #expect(try ids("q=john%20smith") == [3068931])
        #expect(try ids("search[created_at][gte]=2018-11-13T00:00:00+UTC") == [3068942, 3068941])
        // The same documented value percent-encoded, as HTTP libraries send query parameters.
        #expect(try ids("search[created_at][gte]=2018-11-13T00:00:00%2BUTC") == [3068942, 3068941])
        #expect(try ids("search[created_at][lt]=2018-11-13%2000:00:00%20UTC") == [3068931])
        #expect(try ids("search[created_at][lt]=2018-11-13T10:00:00Z") == [3068931])
        #expect(try ids("search[created_at][gt]=2018-11-13T10:00:00Z&search[created_at][lte]=2018-11-14") == [3068942])
        #expect(try ids("search[updated_at][gt]=2030-01-01") == [])
        #expect(try ids("search[created_at][gt]=not-a-date") == [3068942, 3068941, 3068931])
    }

    @Test func sortsAndPagesFollowTheirOptions() throws {
        let server = try TestServer()
        func ids(_ query: String) throws -> [Int64] { try server.tito("GET", Self.base + "?" + query).ids("tickets") }
        #expect(try ids("search[sort]=created_at&search[direction]=asc") == [3068931, 3068941, 3068942])
        #expect(try ids("search[sort]=tickets.created_at&search[direction]=asc") == [3068931, 3068941, 3068942])
        #expect(try ids("search[sort]=price&search[direction]=desc") == [3068942, 3068941, 3068931])
        #expect(try ids("search[sort]=price") == [3068931, 3068941, 3068942])
        #expect(try ids("search[sort]=first_name") == [3068942, 3068941, 3068931])
        #expect(try ids("search[sort]=last_name&search[direction]=desc") == [3068931, 3068941, 3068942])
        #expect(try ids("search[sort]=reference") == [3068941, 3068942, 3068931])
        #expect(try ids("search[sort]=number&search[direction]=desc") == [3068942, 3068941, 3068931])
        #expect(try ids("search[sort]=bogus&search[direction]=up") == [3068942, 3068941, 3068931])
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
        _ = try server.tito("PATCH", Self.base + "/3068941", json: ["ticket": ["tags": "touched"]])
        #expect(try ids("search[sort]=updated_at") == [3068941, 3068942, 3068931])
        #expect(try ids("search[sort]=updated_at&search[direction]=asc") == [3068931, 3068942, 3068941])
        let second = try server.tito("GET", Self.base + "?page[size]=2&page[number]=2")
        #expect(second.ids("tickets") == [3068931])
        #expect(second.meta["prev_page"] == 1)
        #expect(second.meta["next_page"] == .null)
        #expect(second.meta["total_pages"] == 2)
    }

    @Test func tokensSeeOnlyTheirModesTickets() throws {
        let server = try TestServer()
        let path = "/ultimateconf/2024/tickets"
        #expect(try server.tito("GET", path, token: TitoSeed.ultimateToken).ids("tickets") == [5000001])
        #expect(try server.tito("GET", path, token: TitoSeed.ultimateToken).meta["overall_total"] == 1)
        #expect(try server.tito("GET", path, token: TitoSeed.testToken).ids("tickets") == [5000002])
        #expect(try server.tito("GET", path + "/ti_dKp3Lm8NqR2sT6vW9xY1zAb", token: TitoSeed.testToken).status == 404)
        #expect(try server.tito("GET", path + "/5000002", token: TitoSeed.ultimateToken).status == 404)
        #expect(try server.tito("GET", path + "/5000002", token: TitoSeed.testToken).status == 200)
        // Both tokens see the test-mode event's tickets.
        #expect(try server.tito("GET", Self.base, token: TitoSeed.testToken).meta["total_count"] == 3)
    }

    @Test func aTicketIsShownExtendedWithItsAnswers() throws {
        let server = try TestServer()
        let response = try server.tito("GET", Self.base + "/ti_dW3nXk9LqP2sRt7VbY4cZmA")
        #expect(response.status == 200)
        #expect(keys(response.json) == ["ticket"])
        let ticket = response.json["ticket"]
        #expect(keys(ticket) == Self.ticketKeys + ["answers", "view"])
        #expect(ticket?["view"] == "extended")
        #expect(
            ticket?["answers"] == [
                [
                    "_type": "answer", "id": 1001, "alternate_response": "A small t-shirt is ok too.", "download_url": nil,
                    "primary_response": "Medium", "question_id": 1041929, "response": "Medium, A small t-shirt is ok too.",
                    "ticket_id": 3068941,
                ]
            ])
        #expect(ticket?["registration"]?["reference"] == "KQ7T")
        #expect(ticket?["registration"]?["line_items"] == [])
        #expect(ticket?["release"]?["questions"] == [])
        #expect(try server.tito("GET", Self.base + "/3068941").json["ticket"]?["slug"] == "ti_dW3nXk9LqP2sRt7VbY4cZmA")
        #expect(try server.tito("GET", Self.base + "/3068941?view=short").json["ticket"]?["view"] == nil)
        #expect(try server.tito("GET", Self.base + "/ti_nope").json == TitoBodies.notFound)
        #expect(try server.tito("GET", "/biscuit-box/caramel/tickets/3068941").status == 404)
    }

    @Test func creatingATicketFollowsTheDocsExample() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-02-03T04:05:06Z")
        let response = try server.tito(
            "POST", Self.base, json: ["ticket": ["release_id": "coffee-brewing", "first_name": "Jane", "last_name": "Doe"]])
        #expect(response.status == 201)
        let ticket = response.json["ticket"]
        #expect(ticket?["id"] == 3068932)
        #expect(ticket?["name"] == "Jane Doe")
        #expect(ticket?["price"] == "0.0")
        #expect(ticket?["state"] == "complete")
        #expect(ticket?["assigned"] == false)
        #expect(ticket?["number"] == 3)
        #expect(ticket?["test_mode"] == true)
        #expect(ticket?["release_id"] == 1105525)
        #expect(ticket?["created_at"] == "2025-02-03T04:05:06.000+00:00")
        #expect(ticket?["slug"]?.stringValue?.hasPrefix("ti_d") == true)
        #expect(ticket?["slug"]?.stringValue?.count == 26)
        let registration = ticket?["registration"]
        #expect(registration?["id"] == 3509398)
        #expect(registration?["registration_type"] == "manual")
        #expect(registration?["name"] == "Jane Doe")
        #expect(registration?["slug"]?.stringValue?.hasPrefix("reg_test_d") == true)
        let reference = registration?["reference"]?.stringValue ?? ""
        #expect(reference.count == 4)
        #expect(ticket?["reference"] == .string(reference + "-1"))
        #expect(try server.tito("GET", Self.base).meta["total_count"] == 4)
        #expect(try server.tito("GET", "/biscuit-box/2018/releases/coffee-brewing").json["release"]?["tickets_count"] == 3)
        // The same requests after a reset give the same ids and slugs.
        _ = try server.request("POST", "/_understudy/reset?provider=tito")
        let again = try server.tito(
            "POST", Self.base, json: ["ticket": ["release_id": "coffee-brewing", "first_name": "Jane", "last_name": "Doe"]])
        #expect(again.json["ticket"]?["slug"] == ticket?["slug"])
        #expect(again.json["ticket"]?["reference"] == ticket?["reference"])
    }

    @Test func aTicketsStateFollowsItsReleaseAndQuestions() throws {
        let server = try TestServer()
        // my-ticket requires an e-mail.
        let noEmail = try server.tito("POST", Self.base, json: ["ticket": ["release_id": 1234567, "first_name": "Al"]])
        #expect(noEmail.json["ticket"]?["state"] == "incomplete")
        let empty = try server.tito("POST", Self.base, json: ["ticket": ["release_id": "my-ticket"]])
        #expect(empty.json["ticket"]?["state"] == "new")
        // A required question of the release must be answered.
        _ = try server.world.database.write { database in
            try database.run("UPDATE tito_questions SET required = 1 WHERE id = 1041930")
            try database.run("UPDATE tito_releases SET question_ids = '[1041930]' WHERE id = 123")
        }
        let unanswered = try server.tito("POST", Self.base, json: ["ticket": ["release_id": "5k-stretch", "email": "a@b.co"]])
        #expect(unanswered.json["ticket"]?["state"] == "incomplete")
        let slug = unanswered.json["ticket"]?["slug"]?.stringValue ?? ""
        let answered = try server.tito(
            "PATCH", Self.base + "/" + slug, json: ["ticket": ["answers": [["question_id": "dietary", "response": "None"]]]])
        #expect(answered.json["ticket"]?["state"] == "complete")
        #expect(answered.json["ticket"]?["responses"] == ["dietary": "None"])
        #expect(answered.json["ticket"]?["answers"]?[0]?["primary_response"] == "None")
        let updated = try server.tito(
            "PATCH", Self.base + "/" + slug,
            json: ["ticket": ["answers": [["question_id": 1041930, "primary_response": ["Vegan", "Halal"]]]]])
        #expect(updated.json["ticket"]?["responses"] == ["dietary": "Vegan, Halal"])
        #expect(updated.json["ticket"]?["answers"]?.arrayValue?.count == 1)
    }

    @Test func invalidTicketsAreRefused() throws {
        let server = try TestServer()
        #expect(try server.tito("POST", Self.base, json: ["ticket": ["first_name": "X"]]).json
            == TitoBodies.errors(["release_id": ["can't be blank"]]))
        #expect(try server.tito("POST", Self.base).json == TitoBodies.errors(["release_id": ["can't be blank"]]))
        #expect(try server.tito("POST", Self.base, json: ["ticket": ["release_id": "early-bird", "email": "nope", "price": "-1"]]).json
            == TitoBodies.errors(["release_id": ["is invalid"], "email": ["is invalid"], "price": ["must be greater than or equal to 0"]]))
        #expect(try server.tito("POST", Self.base, json: ["ticket": ["release_id": 123, "answers": [["question_id": 5]]]]).json
            == TitoBodies.errors(["answers": ["is invalid"]]))
        _ = try server.tito("PATCH", "/biscuit-box/2018/releases/vip-tasting", json: ["release": ["quantity": 1]])
        let soldOut = try server.tito("POST", Self.base, json: ["ticket": ["release_id": "vip-tasting"]])
        #expect(soldOut.status == 422)
        #expect(soldOut.json == TitoBodies.errors(["base": ["VIP Tasting is sold out"]]))
        #expect(try server.tito("PATCH", Self.base + "/3068931", json: ["ticket": ["release_id": "nope"]]).json
            == TitoBodies.errors(["release_id": ["is invalid"]]))
        #expect(try server.tito("PATCH", Self.base + "/3068931", json: ["ticket": ["release_id": "vip-tasting"]]).json
            == TitoBodies.errors(["base": ["VIP Tasting is sold out"]]))
    }

    @Test func updatingATicketRecomputesItsHolderAndCounters() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2025-02-03T04:05:06Z")
        let renamed = try server.tito("PATCH", Self.base + "/ti_dhlR2CSzh59ZLht5ELPkxjg", json: ["ticket": ["last_name": "Smithers"]])
        #expect(renamed.status == 200)
        #expect(renamed.json["ticket"]?["name"] == "John Smithers")
        #expect(renamed.json["ticket"]?["updated_at"] == "2025-02-03T04:05:06.000+00:00")
        let assigned = try server.tito(
            "PATCH", Self.base + "/3068942",
            json: ["ticket": ["email": "zoe@example.com", "first_name": "Zoe", "tags": "vip,press", "metadata": ["seat": "A1"]]])
        #expect(assigned.json["ticket"]?["assigned"] == true)
        #expect(assigned.json["ticket"]?["state"] == "complete")
        #expect(assigned.json["ticket"]?["tags"] == "vip,press")
        #expect(assigned.json["ticket"]?["metadata"] == ["seat": "A1"])
        let moved = try server.tito("PATCH", Self.base + "/3068942", json: ["ticket": ["release_id": "5k-stretch"]])
        #expect(moved.json["ticket"]?["release_slug"] == "5k-stretch")
        #expect(try server.tito("GET", "/biscuit-box/2018/releases/vip-tasting").json["release"]?["tickets_count"] == 0)
        #expect(try server.tito("GET", "/biscuit-box/2018/releases/5k-stretch").json["release"]?["tickets_count"] == 1)
        #expect(try server.tito("GET", Self.base + "?q=zoe").ids("tickets") == [3068942])
    }

    @Test func reassigningATicketGivesItToSomeoneElse() throws {
        let server = try TestServer()
        let path = Self.base + "/ti_dW3nXk9LqP2sRt7VbY4cZmA/reassignments"
        let kept = try server.tito("POST", path, json: ["reassignment": ["email": "jane@example.com", "first_name": "Jane"]])
        #expect(kept.status == 200)
        #expect(kept.json["ticket"]?["email"] == "jane@example.com")
        #expect(kept.json["ticket"]?["name"] == "Jane Murphy")
        #expect(kept.json["ticket"]?["responses"] == ["t-shirt-size": "Medium"])
        let cleared = try server.tito(
            "POST", path, json: ["reassignment": ["email": "jane@example.com", "first_name": "Jane", "last_name": "Smith", "delete_answers": true]])
        #expect(cleared.json["ticket"]?["name"] == "Jane Smith")
        #expect(cleared.json["ticket"]?["responses"] == .null)
        #expect(cleared.json["ticket"]?["answers"] == [])
        #expect(try server.tito("POST", path, json: ["reassignment": ["first_name": "X"]]).json
            == TitoBodies.errors(["email": ["can't be blank"]]))
        let void = try server.tito("POST", Self.base + "/3068943/reassignments", json: ["reassignment": ["email": "x@y.z"]])
        #expect(void.json == TitoBodies.errors(["base": ["Ticket can't be reassigned"]]))
        let unassigned = try server.tito("POST", Self.base + "/3068942/reassignments", json: ["reassignment": ["email": "new@example.com"]])
        #expect(unassigned.json["ticket"]?["assigned"] == true)
        #expect(unassigned.json["ticket"]?["state"] == "complete")
    }

    @Test func voidingATicketFollowsTheResellRule() throws {
        let server = try TestServer()
        // An unlimited release needs no `resell`.
        let coffee = try server.tito("POST", Self.base + "/3068941/void")
        #expect(coffee.status == 200)
        #expect(keys(coffee.json) == ["void"])
        #expect(coffee.json["void"]?["_type"] == "void")
        #expect(coffee.json["void"]?["resell"] == false)
        #expect(coffee.json["void"]?["ticket"]?["state"] == "void")
        #expect(coffee.json["void"]?["ticket"]?["view"] == "extended")
        #expect(try server.tito("POST", Self.base + "/3068941/void", json: ["void": ["resell": true]]).json
            == TitoBodies.errors(["base": ["Ticket has already been voided"]]))
        let counts = try server.tito("GET", "/biscuit-box/2018/releases/coffee-brewing").json["release"]
        #expect(counts?["tickets_count"] == 1)
        #expect(counts?["voided_tickets_count"] == 2)
        #expect(counts?["gross_income"] == "0.0")
        #expect(try server.tito("GET", Self.base).ids("tickets") == [3068942, 3068931])
        // A quantity-limited release needs it; without resale the quantity goes down.
        #expect(try server.tito("POST", Self.base + "/3068942/void", json: [:]).json
            == TitoBodies.errors(["resell": ["is not included in the list"]]))
        let vip = try server.tito("POST", Self.base + "/3068942/void", json: ["void": ["resell": "false"]])
        #expect(vip.json["void"]?["resell"] == false)
        #expect(try server.tito("GET", "/biscuit-box/2018/releases/vip-tasting").json["release"]?["quantity"] == 19)
        let resold = try server.tito("POST", Self.base, json: ["ticket": ["release_id": "vip-tasting"]])
        let slug = resold.json["ticket"]?["slug"]?.stringValue ?? ""
        let resell = try server.tito("POST", Self.base + "/\(slug)/void", json: ["resell": true])
        #expect(resell.json["void"]?["resell"] == true)
        #expect(try server.tito("GET", "/biscuit-box/2018/releases/vip-tasting").json["release"]?["quantity"] == 19)
    }
}
