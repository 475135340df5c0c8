import Emulation
import TestSupport
import Testing

@testable import Tito

/// How the event sub-resources follow their event (spec §11.2 E7, E8; §13.11).
@Suite struct SubresourceCascadeTests {
    static let tables = [
        "tito_checkin_lists", "tito_interested_users", "tito_opt_ins", "tito_rsvp_lists", "tito_release_invitations",
        "tito_webhook_endpoints", "tito_activities", "tito_discount_codes", "tito_questions",
    ]

    @Test func deletingTheEventDeletesItsSubresources() throws {
        let server = try TestServer()
        for table in Self.tables {
            #expect(try server.count("SELECT COUNT(*) AS n FROM \(table) WHERE event_id = 1058586") > 0, "\(table)")
        }
        #expect(try server.tito("DELETE", Subresource.event).status == 204)
        for table in Self.tables {
            #expect(try server.count("SELECT COUNT(*) AS n FROM \(table) WHERE event_id = 1058586") == 0, "\(table)")
        }
        try server.event("GET", "/webhook_endpoints").expectNotFound()
    }

    @Test func duplicatingTheEventCopiesItsSettings() throws {
        let server = try TestServer()
        let started = try server.tito("POST", Subresource.event + "/duplication")
        #expect(started.status == 201)
        let copy = "/biscuit-box/2018-copy"
        let lists = try server.tito("GET", copy + "/checkin_lists")
        #expect(lists.values("checkin_lists", "title") == ["Bowling Attendee List", "Brew Master Check-In List"])
        #expect(lists.slugs("checkin_lists").allSatisfy { isRandomSlug($0, prefix: "chk_") })
        #expect(!lists.slugs("checkin_lists").contains("chk_el1ClfZxL8We2DHKtUzzoeg"))
        // The copied list points at the copied release, not the original.
        let copiedRelease = lists.json["checkin_lists"]?[1]?["release_ids"]?[0]?.intValue
        #expect(copiedRelease != nil && copiedRelease != 1105525)
        #expect(lists.json["checkin_lists"]?[1]?["releases"]?[0]?["slug"] == "coffee-brewing")
        let optIns = try server.tito("GET", copy + "/opt_ins")
        #expect(optIns.slugs("opt_ins") == ["do-you-consent-to-receiving-marketing-em"])
        #expect(optIns.json["opt_ins"]?[0]?["acceptance_count"] == 0)
        #expect(optIns.json["opt_ins"]?[0]?["release_ids"]?[0]?.intValue != 1234567)
        #expect(try server.tito("GET", copy + "/activities").values("activities", "name") == ["Tea Making"])
        // People and integrations are not copied.
        #expect(try server.tito("GET", copy + "/interested_users").json["interested_users"] == [])
        #expect(try server.tito("GET", copy + "/rsvp_lists").json["rsvp_lists"] == [])
        #expect(try server.tito("GET", copy + "/webhook_endpoints").json["webhook_endpoints"] == [])
        // The original is untouched.
        #expect(try server.event("GET", "/checkin_lists/chk_el1ClfZxL8We2DHKtUzzoeg").json["checkin_list"]?["release_ids"] == [1105525])
    }

    /// What the release deletion endpoint (L5) asks of every group: drop the release's id from
    /// every `release_ids` list of the event, whatever record holds it.
    @Test func aDeletedReleaseLeavesEveryReleaseList() throws {
        let server = try TestServer()
        _ = try server.event("PATCH", "/activities/1019150", json: ["activity": ["release_ids": [123, 1105525]]])
        _ = try server.event("PATCH", "/discount_codes/5319076", json: ["discount_code": ["release_ids": [123]]])
        _ = try server.event("PATCH", "/checkin_lists/1", json: ["checkin_list": ["release_ids": ["5k-stretch", "coffee-brewing"]]])
        _ = try server.event("PATCH", "/opt_ins/166", json: ["opt_in": ["release_ids": [1234567, 123]]])
        let invitation = "/rsvp_lists/123/release_invitations/123"
        _ = try server.event("PATCH", invitation, json: ["release_invitation": ["release_ids": [123, 1105525]]])

        try server.world.database.write { database in
            try database.run("DELETE FROM tito_releases WHERE id = 123")
            for group in TitoProvider.groups { try group.releaseDeleted(123, event: 1_058_586, in: database) }
        }
        #expect(try server.event("GET", "/activities/1019150").json["activity"]?["release_ids"] == [1105525])
        #expect(try server.event("GET", "/discount_codes/5319076").json["discount_code"]?["release_ids"] == [])
        #expect(try server.event("GET", "/checkin_lists/1").json["checkin_list"]?["release_ids"] == [1105525])
        #expect(try server.event("GET", "/opt_ins/166").json["opt_in"]?["release_ids"] == [1234567])
        #expect(try server.event("GET", invitation).json["release_invitation"]?["release_ids"] == [1105525])
    }
}
