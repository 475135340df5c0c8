import Emulation
import TestSupport
import Testing

/// Bearer-token authentication (spec §2): who may call, and as whom.
@Suite struct AuthTests {
    /// One request per endpoint; each answers 401 before it looks at anything else.
    static let endpoints: [(method: String, path: String)] = [
        ("GET", "/events"),
        ("GET", "/event/not-an-id"),
        ("GET", "/tickets"),
        ("POST", "/tickets/create"),
        ("GET", "/participants"),
    ]

    @Test func everyEndpointRefusesARequestWithoutAuthorization() throws {
        let server = try TestServer()
        for (method, path) in Self.endpoints {
            let response = try server.goEvent(method, path, token: nil, json: method == "POST" ? ["eventId": "x"] : nil)
            #expect(response.status == 401, "\(method) \(path)")
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.json == goEventError("No token provided"), "\(method) \(path)")
        }
    }

    @Test func anotherSchemeOrAnEmptyTokenCountsAsNoToken() throws {
        let server = try TestServer()
        for value in ["Basic Z29ldmVudDp0ZXN0", "Token goevent-test-token", "Bearergoevent-test-token", "Bearer", "Bearer    ", "goevent-test-token"] {
            let response = try server.goEvent("GET", "/events", token: nil, headers: [("Authorization", value)])
            #expect(response.status == 401, "Authorization: \(value)")
            #expect(response.json == goEventError("No token provided"), "Authorization: \(value)")
        }
    }

    @Test func anUnknownTokenIsInvalid() throws {
        let server = try TestServer()
        for token in ["wrong-token", "GOEVENT-TEST-TOKEN", "goevent-test-token-2"] {
            let response = try server.goEvent("GET", "/events", token: token)
            #expect(response.status == 401, "token \(token)")
            #expect(response.json == goEventError("Invalid token"), "token \(token)")
        }
    }

    @Test func theSchemeIsCaseInsensitiveAndSpacesAroundTheTokenAreIgnored() throws {
        let server = try TestServer()
        for value in ["bearer goevent-test-token", "BEARER    goevent-test-token", "Bearer goevent-test-token  "] {
            let response = try server.goEvent("GET", "/events", token: nil, headers: [("Authorization", value)])
            #expect(response.status == 200, "Authorization: \(value)")
        }
    }

    @Test func authenticationComesBeforeValidation() throws {
        let server = try TestServer()
        let invalidID = try server.goEvent("GET", "/event/not-an-id", token: "wrong-token")
        #expect(invalidID.status == 401)
        #expect(invalidID.json == goEventError("Invalid token"))
        let malformed = try server.goEvent(
            "POST", "/tickets/create", token: nil, headers: [("Content-Type", "application/json")], body: "{not json")
        #expect(malformed.status == 401)
        #expect(malformed.json == goEventError("No token provided"))
    }

    @Test func eachTokenSeesOnlyItsUsersEvents() throws {
        let server = try TestServer()
        let other = try server.goEvent("GET", "/events", token: Seed.otherToken)
        #expect(other.status == 200)
        #expect(other.ids("events") == [Seed.privateEventID])
        #expect(other.json["paginate"] == ["hasNextPage": false, "nextPage": nil])

        for path in ["/event/\(Seed.festivalEventID)", "/tickets?eventId=\(Seed.festivalEventID)",
                     "/participants?eventId=\(Seed.festivalEventID)"] {
            let response = try server.goEvent("GET", path, token: Seed.otherToken)
            #expect(response.status == 404, "\(path)")
            #expect(response.json == goEventError("Event not found"), "\(path)")
        }
        let mine = try server.goEvent("GET", "/event/\(Seed.privateEventID)", token: Seed.otherToken)
        #expect(mine.status == 200)
        #expect(mine.json["event"]?["name"] == "Concert Privé Nantes")
    }

    @Test func permissiveModeAcceptsAnyTokenAsTheDefaultUser() throws {
        let server = try TestServer(environment: ["GOEVENT_AUTH_MODE": "permissive"])
        let response = try server.goEvent("GET", "/events?limit=100", token: "whatever-my-app-is-configured-with")
        #expect(response.status == 200)
        #expect(response.ids("events") == Seed.organiserEventIDs)

        // Known tokens keep their own user; a missing token is still refused.
        let other = try server.goEvent("GET", "/events", token: Seed.otherToken)
        #expect(other.ids("events") == [Seed.privateEventID])
        let missing = try server.goEvent("GET", "/events", token: nil)
        #expect(missing.status == 401)
        #expect(missing.json == goEventError("No token provided"))
    }

    @Test func permissiveModeUsesTheConfiguredDefaultUser() throws {
        let server = try TestServer(environment: [
            "GOEVENT_AUTH_MODE": "permissive", "GOEVENT_DEFAULT_USER_ID": Seed.otherOrganiserID,
        ])
        let response = try server.goEvent("GET", "/events", token: "any-token")
        #expect(response.status == 200)
        #expect(response.ids("events") == [Seed.privateEventID])
    }

    @Test func strictModeIgnoresTheDefaultUser() throws {
        let server = try TestServer(environment: ["GOEVENT_DEFAULT_USER_ID": Seed.otherOrganiserID])
        let response = try server.goEvent("GET", "/events", token: "any-token")
        #expect(response.status == 401)
        #expect(response.json == goEventError("Invalid token"))
    }

    @Test func tokensFromTheEnvironmentAddToTheSeededOnes() throws {
        let server = try TestServer(environment: [
            "GOEVENT_TOKENS": #"{"ci-token": "6560a0000000000000000002", "ci-admin": "6560A0000000000000000001"}"#,
        ])
        let ciToken = try server.goEvent("GET", "/events", token: "ci-token")
        #expect(ciToken.status == 200)
        #expect(ciToken.ids("events") == [Seed.privateEventID])
        let ciAdmin = try server.goEvent("GET", "/event/\(Seed.festivalEventID)", token: "ci-admin")
        #expect(ciAdmin.status == 200)
        let seeded = try server.goEvent("GET", "/event/\(Seed.festivalEventID)", token: Seed.token)
        #expect(seeded.status == 200)

        // A reset restores data, not configuration: the tokens still work.
        #expect(try server.request("POST", "/_understudy/reset?provider=goevent").status == 200)
        #expect(try server.goEvent("GET", "/events", token: "ci-token").status == 200)
    }

    @Test func unusableSettingsStopTheServerFromStarting() {
        for environment in [
            ["GOEVENT_TOKENS": "not json"],
            ["GOEVENT_TOKENS": #"{"ci-token": "not-a-user-id"}"#],
            ["GOEVENT_TOKENS": #"["ci-token"]"#],
            ["GOEVENT_AUTH_MODE": "lenient"],
            ["GOEVENT_DEFAULT_USER_ID": "user-1"],
        ] {
            #expect(throws: (any Error).self, "\(environment)") { _ = try TestServer(environment: environment) }
        }
    }
}
