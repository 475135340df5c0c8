import Emulation
import Foundation
import TestSupport
import Testing

/// Applications and participants (spec §6.1 to §6.6, §8.1, §8.4).
@Suite struct EntriesTests {
    /// Spec §9.8 verbatim.
    static let docsParticipant = """
        {"id":"6399c20015d60ae3ff28f24c","participantIndex":0,"bookingId":"6399c20015d60ae3ff28f24c","transactionId":"6399c20015d60ae3ff28f24e",\
        "eventOccurrenceId":"6399c11c58f29f001ca95935","eventId":"2365756","raceId":"3517846101","ticketTitle":"10k Standard Entry",\
        "ticketId":"6399c11c58f29f001ca95934","createdAt":"2026-05-08T11:30:00.000Z","updatedAt":"2026-05-08T11:30:00.000Z",\
        "waves":[{"id":"6399c11c58f29f001ca95940","name":"Wave A","startTime":"2026-06-14T08:30:00.000Z"}],\
        "fields":[{"id":"firstName","label":"First name","type":"TEXT","value":"Alex"},\
        {"id":"lastName","label":"Last name","type":"TEXT","value":"Morgan"},\
        {"id":"emailAddress","label":"Email address","type":"EMAIL","value":"alex.morgan@example.com"},\
        {"id":"dateOfBirth","label":"Date of birth","type":"DATE","value":"1990-04-12"},\
        {"id":"gender","label":"Gender","type":"SELECT","value":"FEMALE"},\
        {"id":"phoneNumber","label":"Phone number","type":"PHONE","value":"+447700900123"},\
        {"id":"emergencyContactName","label":"Emergency contact name","type":"TEXT","value":"Sam Morgan"},\
        {"id":"emergencyContactPhone","label":"Emergency contact phone","type":"PHONE","value":"+447700900456"},\
        {"id":"tshirtSize","label":"T-shirt size","type":"SELECT","value":"M"}],\
        "booker":{"id":"6399c0f558f29f001ca95930","firstName":"Priya","lastName":"Shah","emailAddress":"priya.shah@nationalcharity.org","phoneNumber":"+442079460000"},\
        "bookerType":"PARTNER","originalTicketPrice":{"amount":5000,"currencyCode":"GBP"},"incrementalStatus":"INCREMENTAL","bibNumber":"10234",\
        "bookingCodesUsed":{"discountCodes":[],"accessCodes":["CHARITY2026"]},\
        "reservedEntryUrl":"https://www.letsdothis.com/gb/e/city-sprint-challenge-2365756/reserved-entries/re_x-ga8ais3v4r",\
        "partnerMarketingOptIns":[{"partnerId":"p_v7k8jsvoj2o","partnerName":"National Charity","optedIn":true}],\
        "tags":["charity","first-timer"],"gdprRedacted":false,\
        "statusDetails":[{"status":"ACTIVE","reason":null,"updatedAt":"2026-05-08T11:30:00.000Z"}],\
        "tracking":{"utmSource":"nationalcharity","utmMedium":"referral","utmCampaign":"city-sprint-2026","utmTerm":null,"utmContent":null},\
        "applicationId":"6399c20015d60ae3ff28f24d",\
        "raceDayDetails":{"checkedIn":false,"checkedInAt":null,"chipId":"CS-10234","racePackCollected":false},\
        "resultSubmission":{"status":"NOT_SUBMITTED","finishTimeSeconds":null,"submittedAt":null,"evidenceUrl":null},\
        "team":{"id":"6399c11c58f29f001ca95950","name":"Hackney Harriers","role":"MEMBER"},\
        "eventName":"City Sprint Challenge","raceName":"City Sprint 10K","raceStartDate":"2026-06-14T08:30:00.000Z","sportId":"running",\
        "distanceId":"10k","distances":[{"value":10,"unit":"KILOMETERS"}],"disciplineLabel":"Running",\
        "course":{"id":"6399c11c58f29f001ca95960","name":"Victoria Park loop","terrain":"ROAD","elevationGainMeters":42},\
        "eventLocation":{"name":"Victoria Park","formattedAddress":"Victoria Park, Grove Rd, London E3 5TB, UK","city":"London",\
        "postcode":"E3 5TB","countryCode":"GB","latitude":51.5365,"longitude":-0.0405},"competitorSize":12293,\
        "reservedEntryGroupCode":"re_x-ga8ais3v4r","reservedEntryGroupName":"Charity Entries",\
        "reservedEntryPartnerExternalIds":{"enthuse":"67123","justGiving":"2050","londonMarathon":"LM-4471"},\
        "reservedEntryPartnerName":"National Charity"}
        """

    static let metadataKeys = [
        "eventName", "raceName", "raceStartDate", "sportId", "distanceId", "distances", "disciplineLabel", "course",
        "eventLocation", "competitorSize",
    ]
    static let reservedKeys = [
        "reservedEntryGroupCode", "reservedEntryGroupName", "reservedEntryPartnerExternalIds", "reservedEntryPartnerName",
    ]

    @Test func theDocsParticipantWithMetadataIsTheSpecsJSON() throws {
        let server = try TestServer()
        let response = try server.ldt("GET", "/participants/\(Seed.p1)?extendMetadata=true")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /v0/participants/{id}")
        #expect(response.text == Self.docsParticipant)
        // Without extendMetadata the same object ends after "team".
        let plain = try server.ldt("GET", "/participants/\(Seed.p1)")
        #expect(plain.json.objectValue?.keys.last == "team")
        #expect(plain.json.objectValue?.keys == Array(response.json.objectValue!.keys.prefix(29)))
        #expect(try server.ldt("GET", "/participants/\(Seed.p1)?extendMetadata=false").body == plain.body)
        #expect(try server.ldt("GET", "/participants/\(Seed.p1)?extendMetadata=").body == plain.body)
        let bad = try server.ldt("GET", "/participants/\(Seed.p1)?extendMetadata=1")
        #expect(bad.json == Expected.validation("querystring/extendMetadata must be boolean,null"))
    }

    @Test func theDocsApplication() throws {
        let server = try TestServer()
        let response = try server.ldt("GET", "/applications/\(Seed.p1)")
        #expect(response.status == 200)
        let json = response.json
        #expect(json.objectValue?.keys == [
            "id", "participantIndex", "bookingId", "transactionId", "eventOccurrenceId", "eventId", "raceId", "ticketTitle",
            "ticketId", "createdAt", "updatedAt", "waves", "fields", "booker", "bookerType", "originalTicketPrice",
            "incrementalStatus", "bibNumber", "bookingCodesUsed", "reservedEntryUrl", "partnerMarketingOptIns", "tags",
            "gdprRedacted", "statusDetails", "tracking", "approvalStatus", "applicationResolutionType", "ballotDraw",
        ])
        #expect(json["approvalStatus"] == "APPROVED")
        #expect(json["applicationResolutionType"] == "BALLOT")
        #expect(json["ballotDraw"] == "International Ballot Draw")
        #expect(json["bibNumber"] == .null)
        #expect(json["waves"] == [])
        #expect(json["bookerType"] == "PARTNER")
        let extended = try server.ldt("GET", "/applications/\(Seed.p1)?extendMetadata=true").json
        #expect(Array(extended.objectValue!.keys.suffix(14)) == Self.metadataKeys + Self.reservedKeys)
        #expect(extended["reservedEntryGroupName"] == "Charity Entries")
    }

    @Test func metadataWithoutAReservedEntryAndAlwaysExtended() throws {
        let server = try TestServer()
        let p3 = try server.ldt("GET", "/participants/\(Seed.p3)?extendMetadata=true").json
        #expect(Array(p3.objectValue!.keys.suffix(10)) == Self.metadataKeys)
        #expect(p3["raceStartDate"] == "2025-06-15T08:30:00.000Z")  // the 2025 occurrence's start
        let listed = try server.ldt("GET", "/participants?extendMetadata=true").json["data"]?.arrayValue ?? []
        #expect(listed.count == 6)
        #expect(listed.allSatisfy { $0["eventName"] != nil && $0["competitorSize"] != nil })
        #expect(listed.filter { $0["reservedEntryGroupCode"] != nil }.compactMap { $0["id"]?.stringValue } == [Seed.p5, Seed.p1])

        let always = try TestServer(environment: ["LDT_ALWAYS_EXTEND_METADATA": "true"])
        #expect(try always.ldt("GET", "/participants/\(Seed.p1)").text == Self.docsParticipant)
    }

    @Test func gdprRedactedEntriesCarryNoPersonalValues() throws {
        let server = try TestServer()
        let json = try server.ldt("GET", "/applications/\(Seed.redactedApplication)").json
        #expect(json["gdprRedacted"] == true)
        #expect(json["fields"]?.arrayValue?.count == 9)
        #expect(json["fields"]?.arrayValue?.allSatisfy { $0["value"] == .null && $0["label"] != nil } == true)
        #expect(json["booker"] == ["id": nil, "firstName": nil, "lastName": nil, "emailAddress": nil, "phoneNumber": nil])
        #expect(json["tracking"] == ["utmSource": nil, "utmMedium": nil, "utmCampaign": nil, "utmTerm": nil, "utmContent": nil])
        #expect(json["approvalStatus"] == "WITHDRAWN")
        // Line items of redacted bulk participants carry no booker data either.
        let token = try server.bulkToken()
        let participant = try server.ldt("GET", "/participants?page[size]=500", token: token).json["data"]?.arrayValue?
            .first { $0["gdprRedacted"] == true }
        let participantID = try #require(participant?["id"]?.stringValue)
        #expect(participant?["booker"]?["emailAddress"] == .null)
        let lineItems = try server.ldt("GET", "/line-items?page[size]=500", token: token).json["data"]?.arrayValue ?? []
        let item = try #require(lineItems.first { $0["participantId"]?.stringValue == participantID })
        #expect(item["bookerName"] == .null)
        #expect(item["bookerEmailAddress"] == .null)
    }

    @Test func listsByEventAndByRace() throws {
        let server = try TestServer()
        let event = try server.ldt("GET", "/events/\(Seed.citySprint)/applications")
        #expect(event.status == 200)
        #expect(event.ids == ["6399c20015d60ae3ff28f253", "6399c20015d60ae3ff28f24d", "6399c20015d60ae3ff28f250",
                              "6399c20015d60ae3ff28f251", Seed.p1])
        #expect(event.page?["totalResults"] == 5)
        #expect(try server.ldt("GET", "/events/\(Seed.riverside)/applications").ids == ["6399c20015d60ae3ff28f252"])
        #expect(try server.ldt("GET", "/applications").ids.count == 6)

        let race = try server.ldt("GET", "/races/\(Seed.race10K)/participants")
        #expect(race.ids == [Seed.p3, Seed.p2, Seed.p1])
        #expect(race.page?["totalResults"] == 3)
        let occurrence = try server.ldt("GET", "/races/\(Seed.race10K)/participants?eventOccurrenceId=\(Seed.occurrence2025)")
        #expect(occurrence.ids == [Seed.p3])
        #expect(occurrence.page == page(total: 1, first: Seed.p3, last: Seed.p3, prev: nil, next: nil))
        let none = try server.ldt("GET", "/races/\(Seed.race10K)/participants?eventOccurrenceId=nope")
        #expect(none.json == ["data": [], "page": page(total: 0, first: nil, last: nil, prev: nil, next: nil)])
        #expect(try server.ldt("GET", "/races/67123/participants").ids == [Seed.p6])
        // Cancelled participants are still listed.
        #expect(try server.ldt("GET", "/races/\(Seed.race5K)/participants").ids == [Seed.p4])
    }

    @Test func unknownIdsAndParents() throws {
        let server = try TestServer()
        let cases: [(String, String)] = [
            ("/applications/67123", "Application"), ("/participants/67123", "Participant"),
            ("/applications/6399C20015D60AE3FF28F24C", "Application"),
            ("/events/404/applications", "Event"), ("/races/67124/participants", "Race"),
            ("/participants/64a0c0de0000000000000001", "Participant"),
        ]
        for (path, resource) in cases {
            let response = try server.ldt("GET", path)
            #expect(response.status == 404, "\(path)")
            #expect(response.json == Expected.notFound(resource), "\(path)")
            #expect(response.json.objectValue?.keys == ["statusCode", "error", "message"])
        }
    }
}
