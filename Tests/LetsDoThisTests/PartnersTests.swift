import Emulation
import TestSupport
import Testing

/// Partners (spec §6.7 to §6.10) and claim links (§6.11).
@Suite struct PartnersTests {
    static let newPartner: JSONValue = [
        "name": "Trail Kids Trust", "type": "SPONSOR", "description": "Running clubs for kids",
        "externalIds": ["enthuse": "90001"],
        "contacts": [["firstName": "Kim", "lastName": "Lo", "emailAddress": "kim@trailkids.example", "phoneNumber": nil]],
        "unknownKey": "ignored",
    ]

    @Test func aPartnerByIdAndByExternalId() throws {
        let server = try TestServer()
        let byID = try server.ldt("GET", "/partners/\(Seed.nationalCharity)")
        #expect(byID.status == 200)
        #expect(byID.json.objectValue?.keys == [
            "id", "name", "description", "type", "externalIds", "contacts", "defaultMarketing", "specificMarketings",
            "canCreateSubPartners", "createdAt", "updatedAt",
        ])
        #expect(byID.json["name"] == "National Charity")
        #expect(byID.json["createdAt"] == "2023-10-14T11:30:00.000Z")
        #expect(byID.json["updatedAt"] == "2024-09-14T11:30:00.000Z")
        #expect(byID.json["externalIds"] == ["enthuse": "67123", "justGiving": "2050", "londonMarathon": "LM-4471"])
        // The seed's own example: /v0/partners/:id?externalId=enthuse.
        #expect(try server.ldt("GET", "/partners/67123?externalId=enthuse").body == byID.body)
        #expect(try server.ldt("GET", "/partners/2050?externalId=justGiving").body == byID.body)
        #expect(try server.ldt("GET", "/partners/LM-4471?externalId=londonMarathon").body == byID.body)
        #expect(try server.ldt("GET", "/partners/98765?externalId=justGiving").json["id"] == .string(Seed.riversideHospice))
        // Without externalId the path is a partner id; with it, never one.
        #expect(try server.ldt("GET", "/partners/67123").json == Expected.notFound("Partner"))
        #expect(try server.ldt("GET", "/partners/\(Seed.nationalCharity)?externalId=enthuse").json == Expected.notFound("Partner"))
        let badEnum = try server.ldt("GET", "/partners/67123?externalId=foo")
        #expect(badEnum.json == Expected.validation("querystring/externalId must be equal to one of the allowed values"))
    }

    @Test func searchIsACaseInsensitiveSubstring() throws {
        let server = try TestServer()
        let research = try server.ldt("GET", "/partners?search=research")
        #expect(research.ids == [Seed.heartResearch])
        #expect(research.page == page(total: 1, first: Seed.heartResearch, last: Seed.heartResearch, prev: nil, next: nil))
        #expect(try server.ldt("GET", "/partners?search=CHARITY").ids == [Seed.nationalCharity])
        #expect(try server.ldt("GET", "/partners?search=%20%26%20").ids == ["p_famfriend01"])
        let all = try server.ldt("GET", "/partners?search=")
        #expect(all.ids == [Seed.nationalCharity, Seed.riversideHospice, Seed.heartResearch, "p_k2m9x7c1q0z", "p_sp0ns0r0001",
                            "p_merch000001", "p_famfriend01"])
        #expect(all.page?["totalResults"] == 7)
        let byUpdate = try server.ldt("GET", "/partners?sort[updatedAt]=-1&page[size]=2")
        #expect(byUpdate.ids == ["p_k2m9x7c1q0z", "p_famfriend01"])
        #expect(byUpdate.page?["next"] == "p_famfriend01")
    }

    @Test func createThenReadListAndFind() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2026-02-01T12:00:00.000Z")
        let created = try server.ldt("POST", "/partners", json: Self.newPartner)
        #expect(created.status == 200)
        let json = created.json
        let id = try #require(json["id"]?.stringValue)
        #expect(id.wholeMatch(of: /p_[0-9a-z]{11}/) != nil)
        #expect(json == [
            "id": .string(id), "name": "Trail Kids Trust", "description": "Running clubs for kids", "type": "SPONSOR",
            "externalIds": ["enthuse": "90001"],
            "contacts": [["firstName": "Kim", "lastName": "Lo", "emailAddress": "kim@trailkids.example", "phoneNumber": nil]],
            "defaultMarketing": [:], "specificMarketings": [], "canCreateSubPartners": false,
            "createdAt": "2026-02-01T12:00:00.000Z", "updatedAt": "2026-02-01T12:00:00.000Z",
        ])
        #expect(try server.ldt("GET", "/partners/\(id)").body == created.body)
        #expect(try server.ldt("GET", "/partners/90001?externalId=enthuse").body == created.body)
        let listed = try server.ldt("GET", "/partners")
        #expect(listed.ids.last == id)
        #expect(listed.page?["totalResults"] == 8)
        #expect(try server.ldt("GET", "/partners?search=trail").ids == [id])
        #expect(try server.ldt("GET", "/partners", token: Seed.tokenB).page?["totalResults"] == 1)

        // Defaults: type CHARITY, empty description and objects; coerced scalars.
        let minimal = try server.ldt("POST", "/partners", json: ["name": 12345, "contacts": [[:]], "canCreateSubPartners": "true"])
        #expect(minimal.status == 200)
        #expect(minimal.json["name"] == "12345")
        #expect(minimal.json["type"] == "CHARITY")
        #expect(minimal.json["description"] == "")
        #expect(minimal.json["externalIds"] == [:])
        #expect(minimal.json["canCreateSubPartners"] == true)
        #expect(minimal.json["id"] != json["id"])

        // The oldest partner wins when several share an external id.
        _ = try server.ldt("POST", "/partners", json: ["name": "Copycat", "contacts": [[:]], "externalIds": ["enthuse": "67123"]])
        #expect(try server.ldt("GET", "/partners/67123?externalId=enthuse").json["id"] == .string(Seed.nationalCharity))

        // Ids are deterministic: the same requests after a reset give the same ids.
        _ = try server.request("POST", "/_understudy/reset?provider=letsdothis")
        #expect(try server.ldt("GET", "/partners/\(id)").status == 404)
        #expect(try server.ldt("POST", "/partners", json: Self.newPartner).json["id"] == .string(id))
    }

    @Test func updateReplacesGivenKeysAndIgnoresTypeAndContacts() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2026-03-03T03:03:03.333Z")
        let before = try server.ldt("GET", "/partners/\(Seed.nationalCharity)").json
        let response = try server.ldt("PATCH", "/partners/\(Seed.nationalCharity)", json: [
            "name": "National Charity UK", "externalIds": ["justGiving": "2051"], "type": "SPONSOR",
            "contacts": [["firstName": "X"]], "canCreateSubPartners": true,
        ])
        #expect(response.status == 200)
        let after = response.json
        #expect(after["name"] == "National Charity UK")
        #expect(after["externalIds"] == ["justGiving": "2051"])  // replaced wholesale, not merged
        #expect(after["type"] == "CHARITY")
        #expect(after["contacts"] == before["contacts"])
        #expect(after["canCreateSubPartners"] == true)
        #expect(after["description"] == before["description"])
        #expect(after["createdAt"] == before["createdAt"])
        #expect(after["updatedAt"] == "2026-03-03T03:03:03.333Z")
        #expect(try server.ldt("GET", "/partners/\(Seed.nationalCharity)").body == response.body)
        // The old external id no longer finds it; the new one does, through PATCH too.
        #expect(try server.ldt("GET", "/partners/2050?externalId=justGiving").status == 404)
        try server.freezeClock(at: "2026-03-04T00:00:00.000Z")
        let byExternal = try server.ldt("PUT", "/partners/2051?externalId=justGiving", json: [:])
        #expect(byExternal.status == 200)
        #expect(byExternal.json["updatedAt"] == "2026-03-04T00:00:00.000Z")
        #expect(byExternal.header("X-Understudy-Route") == "PATCH /v0/partners/{id}")
        // Entries' derived partner metadata follows at once (spec §8.3).
        let participant = try server.ldt("GET", "/participants/\(Seed.p1)?extendMetadata=true").json
        #expect(participant["reservedEntryPartnerName"] == "National Charity UK")
        #expect(participant["reservedEntryPartnerExternalIds"] == ["justGiving": "2051"])
        // Only the updated partner is newer than the first update's time.
        let recent = try server.ldt("GET", "/partners?updatedAt[after]=2026-03-03T03:03:03.333Z")
        #expect(recent.ids == [Seed.nationalCharity])
        #expect(recent.page == page(total: 1, first: Seed.nationalCharity, last: Seed.nationalCharity, prev: nil, next: nil))
        #expect(try server.ldt("GET", "/partners?updatedAt[before]=2026-03-03T03:03:03.333Z").page?["totalResults"] == 6)
        // The partner now sorts last by updatedAt.
        #expect(try server.ldt("GET", "/partners?sort[updatedAt]=-1&page[size]=1").ids == [Seed.nationalCharity])
        #expect(try server.ldt("PATCH", "/partners/nope", json: [:]).json == Expected.notFound("Partner"))
    }

    @Test func claimLinksAreRecordedNotReturned() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2026-04-01T09:00:00.000Z")
        let plain = try server.ldt("POST", "/partners/\(Seed.nationalCharity)/claim-link", json: ["emailAddress": "partner@letsdothis.com"])
        #expect(plain.status == 200)
        #expect(plain.body.isEmpty)
        let withGroup = try server.ldt("POST", "/partners/\(Seed.nationalCharity)/claim-links", json: ["reservedEntryId": .string(Seed.charityGroup)])
        #expect(withGroup.status == 200)
        #expect(withGroup.header("X-Understudy-Route") == "POST /v0/partners/{id}/claim-link")

        let links = try server.request("GET", "/_understudy/letsdothis/claim-links")
        #expect(links.status == 200)
        let data = try #require(links.json["data"]?.arrayValue)
        #expect(data.count == 2)
        #expect(data[0].objectValue?.keys == ["id", "partnerId", "reservedEntryId", "emailAddress", "url", "createdAt"])
        #expect(data[0]["partnerId"] == .string(Seed.nationalCharity))
        #expect(data[0]["reservedEntryId"] == .null)
        #expect(data[0]["emailAddress"] == "partner@letsdothis.com")
        #expect(data[0]["createdAt"] == "2026-04-01T09:00:00.000Z")
        #expect(data[0]["url"]?.stringValue?.wholeMatch(of: /https:\/\/www\.letsdothis\.com\/partners\/claim\/[0-9a-f]{32}/) != nil)
        #expect(data[1]["reservedEntryId"] == .string(Seed.charityGroup))
        // No address: the partner's first contact with one.
        #expect(data[1]["emailAddress"] == "priya.shah@nationalcharity.org")
        #expect(data[0]["url"] != data[1]["url"])
        // Nothing else changed.
        #expect(try server.ldt("GET", "/reserved-entries/\(Seed.charityGroup)").json["usedCapacity"] == 3)
    }

    @Test func claimLinkChecks() throws {
        let server = try TestServer()
        let cases: [(String, JSONValue, Int, JSONValue)] = [
            ("/partners/nope/claim-link", [:], 404, Expected.notFound("Partner")),
            ("/partners/\(Seed.nationalCharity)/claim-link", ["reservedEntryId": "re_nope"], 404, Expected.notFound("Reserved entry group")),
            ("/partners/\(Seed.nationalCharity)/claim-link", ["reservedEntryId": .string(Seed.rescueGroup)], 404,
             Expected.notFound("Reserved entry group")),
            ("/partners/\(Seed.nationalCharity)/claim-link", ["reservedEntryId": .string(Seed.loremGroup)], 400,
             Expected.badRequest("Reserved entry group is not assigned to this partner")),
            ("/partners/\(Seed.nationalCharity)/claim-link", ["emailAddress": "not-an-email"], 400,
             Expected.validation("body/emailAddress must match format \"email\"")),
        ]
        for (path, body, status, expected) in cases {
            let response = try server.ldt("POST", path, json: body)
            #expect(response.status == status, "\(path) \(body)")
            #expect(response.json == expected, "\(path) \(body)")
        }
        let noBody = try server.ldt("POST", "/partners/\(Seed.nationalCharity)/claim-link")
        #expect(noBody.json == Expected.validation("body must be object"))
        // A partner whose contacts have no address needs one in the body.
        let created = try server.ldt("POST", "/partners", json: ["name": "No Mail Ltd", "contacts": [["firstName": "A"]]]).json
        let id = try #require(created["id"]?.stringValue)
        #expect(try server.ldt("POST", "/partners/\(id)/claimLink", json: [:]).json == Expected.badRequest("emailAddress is required"))
        #expect(try server.ldt("POST", "/partners/\(id)/claimLink", json: ["emailAddress": "a@b.co"]).status == 200)
        #expect(try server.request("GET", "/_understudy/letsdothis/claim-links").json["data"]?.arrayValue?.count == 1)
    }
}
