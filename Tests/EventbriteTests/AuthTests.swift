import Emulation
import TestSupport
import Testing

/// Spec §3: credentials in the header or the query, the exact bodies of every refusal, the
/// permission model, and the evaluation order of §3.4.
@Suite struct AuthTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func theBearerHeaderAndTheTokenParameterBothAuthenticate() throws {
        let byHeader = try server.eventbrite("GET", "/users/me/")
        #expect(byHeader.status == 200)
        #expect(byHeader.json["id"] == "12345")
        let byQuery = try server.eventbrite("GET", "/users/me/?token=MYTOKEN", token: nil)
        #expect(byQuery.status == 200)
        #expect(byQuery.json["id"] == "12345")
        // The scheme is read in any case.
        let lowerCase = try server.eventbrite("GET", "/users/me/", token: nil, headers: [("Authorization", "bearer MYTOKEN")])
        #expect(lowerCase.status == 200)
    }

    @Test func noCredentialIsNoAuth() throws {
        let response = try server.eventbrite("GET", "/users/me/", token: nil)
        #expect(response.status == 401)
        #expect(response.json == Bodies.noAuth)
        #expect(response.header("Content-Type") == "application/json")
        // An empty token parameter counts as absent.
        #expect(try server.eventbrite("GET", "/users/me/?token=", token: nil).json == Bodies.noAuth)
    }

    @Test(arguments: ["Token abc", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer one two"])
    func aMalformedHeaderIsInvalidAuthHeader(header: String) throws {
        let response = try server.eventbrite("GET", "/users/me/", token: nil, headers: [("Authorization", header)])
        #expect(response.status == 400)
        #expect(response.json == Bodies.invalidAuthHeader)
    }

    @Test func theHeaderWinsOverTheQueryAndMustBeWellFormed() throws {
        let response = try server.eventbrite(
            "GET", "/users/me/?token=MYTOKEN", token: nil, headers: [("Authorization", "Token abc")])
        #expect(response.json == Bodies.invalidAuthHeader)
        let unknownHeader = try server.eventbrite("GET", "/users/me/?token=MYTOKEN", token: "nope")
        #expect(unknownHeader.json == Bodies.invalidAuth)
    }

    @Test func anUnknownTokenIsInvalidAuthAndTokensAreCaseSensitive() throws {
        for token in ["nope", "personal_oauth_token"] {
            let response = try server.eventbrite("GET", "/users/me/", token: token)
            #expect(response.status == 401)
            #expect(response.json == Bodies.invalidAuth)
        }
    }

    @Test func aDisabledTokenIsAccessDenied() throws {
        let response = try server.eventbrite("GET", "/users/me/", token: Seed.disabledToken)
        #expect(response.status == 401)
        #expect(response.json == Bodies.accessDenied)
    }

    @Test func theServiceTokenIsInvalidAuthOutsideTheBalanceEndpoint() throws {
        let response = try server.eventbrite("GET", "/users/me/", token: Seed.serviceToken)
        #expect(response.status == 401)
        #expect(response.json == Bodies.invalidAuth)
    }

    @Test func theInvalidAuthStatusCanBeTheSeedTables400() throws {
        let strict = try TestServer(environment: ["EVENTBRITE_INVALID_AUTH_STATUS": "400"])
        let response = try strict.eventbrite("GET", "/users/me/", token: "nope")
        #expect(response.status == 400)
        #expect(response.json["error"] == "INVALID_AUTH")
        #expect(response.json["status_code"] == 400)
    }

    @Test func anotherUsersResourcesAreNotAuthorized() throws {
        #expect(try server.eventbrite("GET", "/users/\(Seed.otherUserID)/").json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/users/\(Seed.otherUserID)/organizations/").json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/organizations/\(Seed.otherOrganization)/members/").json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/organizations/\(Seed.otherOrganization)/events/").json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/events/\(Seed.janesDraft)/").json == Bodies.notAuthorized)
        #expect(try server.eventbrite("POST", "/events/\(Seed.publicEvent)/publish/").json == Bodies.notAuthorized)
        // The owner reads them.
        #expect(try server.eventbrite("GET", "/events/\(Seed.janesDraft)/", token: Seed.otherUserToken).status == 200)
    }

    @Test func aResourceIsLookedUpBeforeItsPermissionIsChecked() throws {
        #expect(try server.eventbrite("GET", "/users/999999/").json == Bodies.notFound("user_id"))
        #expect(try server.eventbrite("GET", "/organizations/999999/members/").json == Bodies.notFound("organization_id"))
        #expect(try server.eventbrite("GET", "/events/999999/").json == Bodies.notFound("event"))
        // Ids that are not numbers are unknown ids.
        #expect(try server.eventbrite("GET", "/events/abc/").json == Bodies.notFound("event"))
    }

    @Test func anUnknownPathIsNotFoundBeforeAuthentication() throws {
        for token in [nil, "nope", Seed.token] {
            let response = try server.eventbrite("GET", "/no/such/path/", token: token)
            #expect(response.status == 404)
            #expect(response.json == Bodies.pathNotFound)
            #expect(response.header("X-Understudy-Route") == nil)
        }
    }

    @Test func aKnownPathWithAnotherMethodIsAuthenticatedBeforeMethodNotAllowed() throws {
        #expect(try server.eventbrite("PUT", "/users/me/", token: nil).json == Bodies.noAuth)
        #expect(try server.eventbrite("PATCH", "/events/12345/", token: "nope").json == Bodies.invalidAuth)
        let response = try server.eventbrite("PUT", "/users/me/")
        #expect(response.status == 405)
        #expect(response.json == Bodies.methodNotAllowed)
    }

    @Test func switchesAreCheckedBeforeTheCredential() throws {
        let unknown = try server.eventbrite("GET", "/users/me/", token: nil, headers: [("Eb-Api-Switches-Enabled", "NO_SUCH_SWITCH")])
        #expect(unknown.status == 400)
        #expect(unknown.json == Bodies.error(400, "BAD_REQUEST", "Unknown or deprecated switch: NO_SUCH_SWITCH"))
        let conflict = try server.eventbrite(
            "GET", "/users/me/",
            headers: [("Eb-Api-Switches-Enabled", "event_format_oct_2016"), ("Eb-Api-Switches-Disabled", "EVENT_FORMAT_OCT_2016")])
        #expect(conflict.status == 409)
        #expect(conflict.json == Bodies.error(409, "REQUEST_CONFLICT", "Requested operation resulted in conflict."))
        let known = try server.eventbrite("GET", "/users/me/", headers: [("Eb-Api-Switches-Enabled", "EVENT_FORMAT_OCT_2016")])
        #expect(known.status == 200)
    }

    @Test func theOmitDescriptionSwitchNullsEventDescriptions() throws {
        let plain = try server.eventbrite("GET", "/events/12345/")
        #expect(plain.json["description"]?["text"] == "Monthly talks about classical music.")
        let omitted = try server.eventbrite(
            "GET", "/events/12345/", headers: [("Eb-Api-Switches-Enabled", "OMIT_DESCRIPTION_FROM_EVENT_CONTAINER")])
        #expect(omitted.json["description"] == .null)
    }
}
