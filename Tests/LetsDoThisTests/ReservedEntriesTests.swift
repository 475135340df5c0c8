import Emulation
import TestSupport
import Testing

/// Reserved entry groups (spec §6.12 to §6.16) and their capacity rules.
@Suite struct ReservedEntriesTests {
    static let newGroup: JSONValue = [
        "name": "Club Places", "maxCapacity": 5, "type": "SINGLE_USE", "partnerId": .string(Seed.heartResearch),
        "tickets": [["ticketId": .string(Seed.ticket10K), "maxCapacity": nil, "price": nil]], "settings": ["hideTicketPrice": true],
    ]

    @Test func theDocsGroups() throws {
        let server = try TestServer()
        let lorem = try server.ldt("GET", "/reserved-entries/\(Seed.loremGroup)")
        #expect(lorem.status == 200)
        #expect(lorem.json == [
            "id": "re_abcd6ss01x8", "name": "Lorem ipsum", "description": "Nulla sed mi egestas, condimentum orci quis, pulvinar odio.",
            "eventId": "11120888", "partnerId": "p_abcdiqh2oa4", "maxCapacity": 35, "usedCapacity": 15,
            "tickets": [["ticketId": "64b7f0a1c2d3e4f5a6b7c8db", "maxCapacity": nil, "price": nil]], "type": "MULTI_USE",
            "settings": ["expiresAt": "2026-04-01T23:59:59.000Z", "hideTicketPrice": false, "notifyPartnerOnClaim": true],
        ])
        #expect(try server.ldt("GET", "/reserved-entries/\(Seed.charityGroup)").json["name"] == "Charity Entries")
        for alias in ["/reserved-entry-groups/\(Seed.loremGroup)", "/reservedEntries/\(Seed.loremGroup)"] {
            let response = try server.ldt("GET", alias)
            #expect(response.body == lorem.body, "\(alias)")
            #expect(response.header("X-Understudy-Route") == "GET /v0/reserved-entries/{id}")
        }
        let list = try server.ldt("GET", "/events/\(Seed.citySprint)/reserved-entries")
        #expect(list.status == 200)
        #expect(list.json.objectValue?.keys == ["data"])
        #expect(list.ids == [Seed.charityGroup, Seed.vipGroup])
        #expect(try server.ldt("GET", "/events/\(Seed.citySprint)/reservedEntries").body == list.body)
        #expect(try server.ldt("GET", "/events/\(Seed.funRun)/reserved-entry-groups").json == ["data": []])
        #expect(try server.ldt("GET", "/events/404/reserved-entries").json == Expected.notFound("Event"))
        #expect(try server.ldt("GET", "/reserved-entries/67123").json == Expected.notFound("Reserved entry group"))
    }

    @Test func createListUpdateDelete() throws {
        let server = try TestServer()
        let created = try server.ldt("POST", "/events/\(Seed.citySprint)/reserved-entries", json: Self.newGroup)
        #expect(created.status == 200)
        let id = try #require(created.json["id"]?.stringValue)
        #expect(id.wholeMatch(of: /re_[0-9a-z]{11}/) != nil)
        #expect(created.json == [
            "id": .string(id), "name": "Club Places", "description": "", "eventId": "2365756", "partnerId": .string(Seed.heartResearch),
            "maxCapacity": 5, "usedCapacity": 0, "tickets": [["ticketId": .string(Seed.ticket10K), "maxCapacity": nil, "price": nil]],
            "type": "SINGLE_USE", "settings": ["hideTicketPrice": true],
        ])
        #expect(try server.ldt("GET", "/reserved-entries/\(id)").body == created.body)
        #expect(try server.ldt("GET", "/events/\(Seed.citySprint)/reserved-entries").ids == [Seed.charityGroup, Seed.vipGroup, id])

        // Organiser-managed when partnerId is omitted; aliases create too.
        let managed = try server.ldt("POST", "/events/\(Seed.citySprint)/reserved-entry-groups", json: [
            "name": "Staff", "maxCapacity": 0, "tickets": [[:]], "type": "UNKNOWN",
        ])
        #expect(managed.json["partnerId"] == .null)
        #expect(managed.json["settings"] == [:])

        let updated = try server.ldt("PATCH", "/reserved-entries/\(id)", json: [
            "name": "Club Places 2026", "maxCapacity": 8, "description": "More places", "usedCapacity": 99, "type": "MULTI_USE",
            "partnerId": "p_other", "settings": [:],
        ])
        #expect(updated.status == 200)
        #expect(updated.json["name"] == "Club Places 2026")
        #expect(updated.json["maxCapacity"] == 8)
        #expect(updated.json["description"] == "More places")
        #expect(updated.json["usedCapacity"] == 0)
        #expect(updated.json["type"] == "SINGLE_USE")
        #expect(updated.json["partnerId"] == .string(Seed.heartResearch))
        #expect(updated.json["settings"] == [:])
        #expect(try server.ldt("GET", "/reserved-entries/\(id)").body == updated.body)
        let put = try server.ldt("PUT", "/reservedEntries/\(id)", json: ["tickets": [["ticketId": "6399c11c58f29f001ca95937"]]])
        #expect(put.json["tickets"] == [["ticketId": "6399c11c58f29f001ca95937"]])

        let deleted = try server.ldt("DELETE", "/reserved-entries/\(id)")
        #expect(deleted.status == 200)
        #expect(deleted.text == "{}")
        #expect(try server.ldt("GET", "/reserved-entries/\(id)").json == Expected.notFound("Reserved entry group"))
        #expect(try server.ldt("DELETE", "/reserved-entries/\(id)").json == Expected.notFound("Reserved entry group"))
        #expect(try server.ldt("PATCH", "/reserved-entries/\(id)", json: [:]).status == 404)
        #expect(!(try server.ldt("GET", "/events/\(Seed.citySprint)/reserved-entries").ids.contains(id)))
    }

    @Test func capacityRules() throws {
        let server = try TestServer()
        // usedCapacity is 15 on the docs group: maxCapacity may not go below it.
        let below = try server.ldt("PATCH", "/reserved-entries/\(Seed.loremGroup)", json: ["maxCapacity": 14])
        #expect(below.status == 400)
        #expect(below.json == Expected.badRequest("maxCapacity cannot be lower than usedCapacity"))
        #expect(try server.ldt("PATCH", "/reserved-entries/\(Seed.loremGroup)", json: ["maxCapacity": 15]).json["maxCapacity"] == 15)
        // Claims through the control API use places; they may not exceed maxCapacity.
        let claim = try server.request("POST", "/_understudy/letsdothis/reserved-entries/\(Seed.vipGroup)/claims", json: ["count": 10])
        #expect(claim.status == 200)
        #expect(claim.json["usedCapacity"] == 10)
        let tooMany = try server.request("POST", "/_understudy/letsdothis/reserved-entries/\(Seed.vipGroup)/claims", json: ["count": 1])
        #expect(tooMany.status == 400)
        #expect(try server.ldt("GET", "/reserved-entries/\(Seed.vipGroup)").json["usedCapacity"] == 10)
        #expect(try server.ldt("PATCH", "/reserved-entries/\(Seed.vipGroup)", json: ["maxCapacity": 9]).status == 400)
        #expect(try server.request("POST", "/_understudy/letsdothis/reserved-entries/re_nope/claims", json: [:]).status == 404)
        // Deleting a group with used places is allowed; entries keep their code, derived names go.
        #expect(try server.ldt("DELETE", "/reserved-entries/\(Seed.charityGroup)").status == 200)
        let participant = try server.ldt("GET", "/participants/\(Seed.p1)?extendMetadata=true").json
        #expect(participant["reservedEntryGroupCode"] == .string(Seed.charityGroup))
        #expect(participant["reservedEntryGroupName"] == nil)
        #expect(participant["reservedEntryPartnerName"] == nil)
        #expect(participant.objectValue?.keys.last == "reservedEntryGroupCode")
        // A renamed group shows at once on entries.
        _ = try server.ldt("PATCH", "/reserved-entries/\(Seed.loremGroup)", json: ["name": "Hospice Runners"])
        #expect(try server.ldt("GET", "/participants/\(Seed.p5)?extendMetadata=true").json["reservedEntryGroupName"] == "Hospice Runners")
    }

    /// A new group is at once one a claim link can name; once deleted, it no longer is.
    @Test func claimLinksFollowTheGroupsLifecycle() throws {
        let server = try TestServer()
        let created = try server.ldt("POST", "/events/\(Seed.citySprint)/reserved-entries", json: Self.newGroup)
        let id = try #require(created.json["id"]?.stringValue)
        let path = "/partners/\(Seed.heartResearch)/claim-link"
        let link = try server.ldt("POST", path, json: ["reservedEntryId": .string(id)])
        #expect(link.status == 200)
        #expect(link.body.isEmpty)
        let links = try server.request("GET", "/_understudy/letsdothis/claim-links").json["data"]?.arrayValue ?? []
        #expect(links.count == 1)
        #expect(links.first?["reservedEntryId"] == .string(id))
        #expect(links.first?["emailAddress"] == "events@heartresearch.example")
        // Another partner's group is refused; so is the group once deleted.
        #expect(try server.ldt("POST", "/partners/\(Seed.nationalCharity)/claim-link", json: ["reservedEntryId": .string(id)]).json
            == Expected.badRequest("Reserved entry group is not assigned to this partner"))
        #expect(try server.ldt("DELETE", "/reserved-entries/\(id)").status == 200)
        #expect(try server.ldt("POST", path, json: ["reservedEntryId": .string(id)]).json == Expected.notFound("Reserved entry group"))
        #expect(try server.request("GET", "/_understudy/letsdothis/claim-links").json["data"]?.arrayValue?.count == 1)
    }

    @Test func businessRulesOnCreateAndUpdate() throws {
        let server = try TestServer()
        let foreignPartner = try server.ldt("POST", "/events/\(Seed.citySprint)/reserved-entries", json: [
            "name": "Places", "maxCapacity": 1, "tickets": [[:]], "type": "MULTI_USE", "partnerId": .string(Seed.mountainRescue),
        ])
        #expect(foreignPartner.json == Expected.badRequest("Partner not found"))
        let wrongTicket = try server.ldt("POST", "/events/\(Seed.citySprint)/reserved-entries", json: [
            "name": "Places", "maxCapacity": 1, "tickets": [["ticketId": .string(Seed.ticketHalfCharity)]], "type": "MULTI_USE",
        ])
        #expect(wrongTicket.json == Expected.badRequest("Ticket \(Seed.ticketHalfCharity) does not belong to event 2365756"))
        let patchTicket = try server.ldt("PATCH", "/reserved-entries/\(Seed.loremGroup)", json: ["tickets": [["ticketId": "nope"]]])
        #expect(patchTicket.json == Expected.badRequest("Ticket nope does not belong to event 11120888"))
        #expect(try server.ldt("POST", "/events/404/reserved-entries", json: Self.newGroup).json == Expected.notFound("Event"))
        // None of these stored anything.
        #expect(try server.ldt("GET", "/events/\(Seed.citySprint)/reserved-entries").ids == [Seed.charityGroup, Seed.vipGroup])
    }
}
