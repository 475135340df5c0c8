import Emulation
import TestSupport
import Testing

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
}
