import Emulation
import TestSupport
import Testing

/// Authentication and scoping on the event sub-resources (spec §2, §8): one request per group,
/// each refused in the documented order before anything else is looked at.
@Suite struct SubresourceAuthTests {
    /// A representative endpoint of each group with the resource name a token may be denied.
    static let endpoints: [(method: String, path: String, resource: String)] = [
        ("GET", "/activities", "activities"),
        ("POST", "/activities/1019150/duplication", "activities"),
        ("GET", "/questions/t-shirt-size/answers", "answers"),
        ("PATCH", "/checkin_lists/chk_d90KqwJIp9rfgkVzOCCTdMQ", "checkin_lists"),
        ("DELETE", "/discount_codes/5319076", "discount_codes"),
        ("POST", "/interested_users", "interested_users"),
        ("GET", "/opt_in/do-you-consent-to-receiving-marketing-em", "opt_ins"),
        ("DELETE", "/questions/dietary", "questions"),
        ("GET", "/rsvp_lists", "rsvp_lists"),
        ("POST", "/rsvp_lists/rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg/release_invitations", "release_invitations"),
        ("GET", "/webhook_endpoints/1", "webhook_endpoints"),
    ]

    static let deniedTokens = """
        [{"token": "denied-everything-here", "lookup_mode": "live", "accounts": ["biscuit-box"],
          "denied": ["activities", "answers", "checkin_lists", "discount_codes", "interested_users", "opt_ins",
                     "questions", "rsvp_lists", "release_invitations", "webhook_endpoints"]}]
        """

    @Test func everyGroupRefusesAMissingOrUnknownToken() throws {
        let server = try TestServer()
        for (method, path, _) in Self.endpoints {
            let missing = try server.event(method, path, token: nil, body: "{not json")
            #expect(missing.status == 401, "\(method) \(path)")
            #expect(missing.json == TitoBodies.blankToken, "\(method) \(path)")
            #expect(missing.header("WWW-Authenticate") == "Token realm=\"Application\"")
            let unknown = try server.event(method, path, token: "bad_key")
            #expect(unknown.status == 401, "\(method) \(path)")
            #expect(unknown.json == TitoBodies.invalidToken, "\(method) \(path)")
        }
        // Nothing was changed on the way.
        #expect(try server.event("GET", "/discount_codes/5319076").status == 200)
    }

    @Test func anotherAccountIsForbiddenAndAnUnknownOneNotFound() throws {
        let server = try TestServer()
        for (method, path, _) in Self.endpoints {
            let other = try server.event(method, path, token: TitoSeed.ultimateToken)
            #expect(other.status == 403, "\(method) \(path)")
            #expect(other.json == TitoBodies.forbidden("You are not authorized to access this account"), "\(method) \(path)")
            try server.tito(method, "/no-such-account/2018" + path).expectNotFound()
            try server.tito(method, "/biscuit-box/no-such-event" + path).expectNotFound()
        }
    }

    @Test func aTokenDeniedAResourceIsForbiddenIt() throws {
        let server = try TestServer(environment: ["TITO_TOKENS": Self.deniedTokens])
        for (method, path, resource) in Self.endpoints {
            let response = try server.event(method, path, token: "denied-everything-here")
            #expect(response.status == 403, "\(method) \(path)")
            #expect(response.json == TitoBodies.forbidden("You are not authorized to access \(resource)"), "\(method) \(path)")
        }
        // Denied access comes after account scoping: an unknown account is still 404.
        try server.tito("GET", "/no-such-account/2018/activities", token: "denied-everything-here").expectNotFound()
        // The token denied refunds only may use all of these.
        #expect(try server.event("GET", "/webhook_endpoints", token: TitoSeed.limitedToken).status == 200)
        #expect(try server.event("GET", "/activities/1019150", token: TitoSeed.testToken).status == 200)
    }

    @Test func lookupsComeBeforeTheBody() throws {
        let server = try TestServer()
        let malformed = "{\"oops\""
        try server.event("PATCH", "/activities/999", body: malformed).expectNotFound()
        try server.event("PATCH", "/rsvp_lists/rsvp_list_nope/release_invitations/rsvp_nope", body: malformed).expectNotFound()
        try server.tito("POST", "/biscuit-box/nope/webhook_endpoints", body: malformed).expectNotFound()
        for (method, path) in [("PATCH", "/activities/1019150"), ("POST", "/discount_codes"), ("PATCH", "/opt_ins/166"),
                               ("POST", "/rsvp_lists/123/release_invitations"), ("PATCH", "/webhook_endpoints/1")] {
            let response = try server.event(method, path, body: malformed)
            #expect(response.status == 400, "\(method) \(path)")
            #expect(response.json == TitoBodies.badRequest, "\(method) \(path)")
        }
    }

    @Test func anUnsupportedMethodIsARoutingError() throws {
        let server = try TestServer()
        for (method, path) in [("PUT", "/activities/1019150"), ("DELETE", "/webhook_endpoints"), ("PATCH", "/opt_in/166"),
                               ("POST", "/questions/dietary/answers")] {
            let response = try server.event(method, path, token: nil)
            #expect(response.status == 404, "\(method) \(path)")
            #expect(response.json == TitoBodies.notFound)
            #expect(response.header("X-Understudy-Route") == nil)
        }
    }
}
