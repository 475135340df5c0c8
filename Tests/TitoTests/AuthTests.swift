import Emulation
import TestSupport
import Testing

/// Token authentication and account scoping (spec §2, §8 precedence).
@Suite struct AuthTests {
    @Test func helloDescribesTheTokenAsTheDocsShow() throws {
        let server = try TestServer()
        let response = try server.tito("GET", "/hello")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("X-Understudy-Route") == "GET /v3/hello")
        #expect(
            response.json
                == ["authenticated": true, "access_token": "*ab1C", "lookup_mode": "live", "accounts": ["biscuit-box", "demo"]])
        let test = try server.tito("GET", "/hello", token: TitoSeed.testToken)
        #expect(test.json["lookup_mode"] == "test")
        #expect(test.json["access_token"] == "*tE5t")
        #expect(test.json["accounts"] == ["biscuit-box", "demo", "ultimateconf"])
    }

    @Test func everyAuthorizationFormRailsReadsIsAccepted() throws {
        let server = try TestServer()
        let token = TitoSeed.liveToken
        for value in [
            "Token token=\(token)", "Token token=\"\(token)\"", "Token \(token)", "Bearer \(token)",
            "Token token=\(token), nonce=\"x\"", "Token  token=\(token);x=1",
        ] {
            let response = try server.tito("GET", "/hello", token: nil, headers: [("Authorization", value)])
            #expect(response.status == 200, "Authorization: \(value)")
        }
    }

    @Test func aMissingOrUnparseableTokenIsBlank() throws {
        let server = try TestServer()
        let missing = try server.tito("GET", "/hello", token: nil)
        #expect(missing.status == 401)
        #expect(missing.json == TitoBodies.blankToken)
        #expect(missing.header("WWW-Authenticate") == "Token realm=\"Application\"")
        for value in ["", "Token", "Token token=", "Token token=\"\"", "Basic dGl0bzp4", "token token=abc", "bearer abc",
            TitoSeed.liveToken]
        {
            let response = try server.tito("GET", "/hello", token: nil, headers: [("Authorization", value)])
            #expect(response.status == 401, "Authorization: \(value)")
            #expect(response.json == TitoBodies.blankToken, "Authorization: \(value)")
        }
    }

    @Test func anUnknownTokenIsInvalid() throws {
        let server = try TestServer()
        for token in ["bad_key", "TITO-MOCK-LIVE-TOKEN-AB1C", TitoSeed.liveToken + "x"] {
            let response = try server.tito("GET", "/biscuit-box/events", token: token)
            #expect(response.status == 401, "token \(token)")
            #expect(response.json == TitoBodies.invalidToken)
        }
    }

    @Test func anUnknownRouteIsNotFoundEvenWithoutAToken() throws {
        let server = try TestServer()
        let unknown = try server.tito("GET", "/biscuit-box/2018/nonsense/1/2", token: nil)
        #expect(unknown.status == 404)
        #expect(unknown.json == TitoBodies.notFound)
        #expect(unknown.header("X-Understudy-Route") == nil)
        let wrongMethod = try server.tito("PUT", "/hello", token: nil)
        #expect(wrongMethod.status == 404)
        #expect(wrongMethod.json == TitoBodies.notFound)
    }

    @Test func anotherAccountIsForbiddenAndAMissingOneNotFound() throws {
        let server = try TestServer()
        let other = try server.tito("GET", "/ultimateconf/events")
        #expect(other.status == 403)
        #expect(other.json == TitoBodies.forbidden("You are not authorized to access this account"))
        let otherEvent = try server.tito("GET", "/ultimateconf/2024")
        #expect(otherEvent.status == 403)
        let missing = try server.tito("GET", "/no-such-account/events")
        #expect(missing.status == 404)
        #expect(missing.json == TitoBodies.notFound)
        let ultimate = try server.tito("GET", "/ultimateconf/2024", token: TitoSeed.ultimateToken)
        #expect(ultimate.status == 200)
        #expect(try server.tito("GET", "/biscuit-box", token: TitoSeed.ultimateToken).status == 403)
    }

    @Test func authenticationComesBeforeTheBodyAndTheLookups() throws {
        let server = try TestServer()
        let malformed = try server.tito("POST", "/biscuit-box/events", token: "nope", body: "{not json")
        #expect(malformed.status == 401)
        let missingEvent = try server.tito("GET", "/biscuit-box/no-such-event", token: nil)
        #expect(missingEvent.status == 401)
        let badJSON = try server.tito("PATCH", "/biscuit-box/no-such-event", body: "{not json")
        #expect(badJSON.status == 404)
        let badBody = try server.tito("PATCH", "/biscuit-box/2018", headers: [("Content-Type", "application/json")], body: "{not json")
        #expect(badBody.status == 400)
        #expect(badBody.json == TitoBodies.badRequest)
    }

    @Test func credentialsListTheLiveAndTestTokens() throws {
        let server = try TestServer()
        let response = try server.request("GET", "/_understudy/credentials")
        let tito = response.json["providers"]?["tito"]
        #expect(tito?["headers"]?["Authorization"] == .string("Token token=\(TitoSeed.liveToken)"))
        let tokens = tito?["tokens"]?.arrayValue ?? []
        #expect(tokens.map { $0["token"] } == [
            .string(TitoSeed.liveToken), .string(TitoSeed.testToken), .string(TitoSeed.ultimateToken), .string(TitoSeed.limitedToken),
        ])
        #expect(tokens[1]["lookup_mode"] == "test")
        #expect(tokens[3]["denied"] == ["refunds"])
        #expect(tokens.allSatisfy { ($0["purpose"]?.stringValue ?? "").isEmpty == false })
    }

    @Test func tokensCanBeConfiguredAndAnyTokenAccepted() throws {
        let server = try TestServer(environment: [
            "TITO_TOKENS": #"[{"token":"my-token-wxyz","lookup_mode":"test","accounts":["demo"],"denied":["events"]}]"#,
            "TITO_ACCEPT_ANY_TOKEN": "true",
        ])
        let configured = try server.tito("GET", "/hello", token: "my-token-wxyz")
        #expect(configured.json == ["authenticated": true, "access_token": "*wxyz", "lookup_mode": "test", "accounts": ["demo"]])
        let denied = try server.tito("GET", "/demo/sample-event", token: "my-token-wxyz")
        #expect(denied.json == TitoBodies.forbidden("You are not authorized to access events"))
        // Every event list, the cross-account one included, is the `events` resource.
        for path in ["/events", "/demo/events", "/demo/events/past", "/demo/events/archived"] {
            let list = try server.tito("GET", path, token: "my-token-wxyz")
            #expect(list.status == 403, "\(path)")
            #expect(list.json == TitoBodies.forbidden("You are not authorized to access events"), "\(path)")
        }
        let anyToken = try server.tito("GET", "/hello", token: "whatever-1234")
        #expect(anyToken.json == ["authenticated": true, "access_token": "*1234", "lookup_mode": "live", "accounts": ["biscuit-box", "demo"]])
        #expect(try server.tito("GET", "/hello", token: nil).status == 401)
    }

    @Test func aBadTokenConfigurationStopsTheServer() {
        #expect(throws: (any Error).self) { try TestServer(environment: ["TITO_TOKENS": "[{\"token\": 5}]"]) }
        #expect(throws: (any Error).self) { try TestServer(environment: ["TITO_ACCEPT_ANY_TOKEN": "maybe"]) }
    }
}
