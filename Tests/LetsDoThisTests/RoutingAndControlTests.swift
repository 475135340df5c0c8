import Emulation
import Foundation
import TestSupport
import Testing

/// Routes, the 404 of unknown routes, the control API and the seed's size (spec §1, §5.4, §11).
@Suite struct RoutingAndControlTests {
    @Test func unknownRoutesAndMethodsGetFastifysNotFound() throws {
        let server = try TestServer()
        let cases: [(String, String)] = [
            ("DELETE", "/applications"), ("GET", "/applications/"), ("GET", "/Applications"), ("GET", "/nothing"),
            ("POST", "/line-items"), ("PUT", "/line-items/x"), ("GET", "/nothing?page%5Bsize%5D=1&x=%20y"),
        ]
        for (method, path) in cases {
            let response = try server.ldt(method, path, token: nil)
            #expect(response.status == 404, "\(method) \(path)")
            #expect(response.text == #"{"message":"Route \#(method):/v0\#(path) not found","error":"Not Found","statusCode":404}"#)
            #expect(response.header("X-Understudy-Route") == nil)
        }
        // The real host name routes without Understudy's prefix.
        let byHost = try server.request("GET", "/v0/participants?page[size]=1", headers: [
            ("Host", "api.letsdothis.com"), ("Authorization", "Bearer \(Seed.tokenA)"),
        ])
        #expect(byHost.status == 200)
        #expect(byHost.ids == [Seed.p3])
        #expect(byHost.header("X-Understudy-Route") == "GET /v0/participants")
    }

    @Test func routesListTheTemplatesOfTheEndpointTable() throws {
        let server = try TestServer()
        let routes = try server.request("GET", "/_understudy/routes?provider=letsdothis").json["routes"]?.arrayValue ?? []
        let listed = routes.map { "\($0["method"]?.stringValue ?? "") \($0["template"]?.stringValue ?? "")" }
        #expect(listed == [
            "GET /v0/applications", "GET /v0/applications/{id}", "GET /v0/events/{id}/applications", "GET /v0/participants",
            "GET /v0/participants/{id}", "GET /v0/races/{id}/participants", "GET /v0/partners/{id}", "PATCH /v0/partners/{id}",
            "GET /v0/partners", "POST /v0/partners", "POST /v0/partners/{id}/claim-link", "GET /v0/reserved-entries/{id}",
            "PATCH /v0/reserved-entries/{id}", "DELETE /v0/reserved-entries/{id}", "GET /v0/events/{id}/reserved-entries",
            "POST /v0/events/{id}/reserved-entries", "GET /v0/events/{id}/tickets", "GET /v0/line-items/{id}", "GET /v0/line-items",
        ])
        for route in routes where route["method"] == "GET" {
            let example = try #require(route["example"]?.stringValue)
            let response = try server.request("GET", example, headers: [("Authorization", "Bearer \(Seed.tokenA)")])
            #expect(response.status == 200, "\(example)")
        }
        // With LDT_PATH_ALIASES off, the alternative spellings are unknown routes.
        let strict = try TestServer(environment: ["LDT_PATH_ALIASES": "false"])
        #expect(try strict.ldt("GET", "/lineItems").status == 404)
        #expect(try strict.ldt("PUT", "/partners/\(Seed.nationalCharity)", json: [:]).status == 404)
        #expect(try server.ldt("GET", "/lineItems").status == 200)
    }

    @Test func credentialsListTheTokensAndTheSecret() throws {
        let server = try TestServer()
        let credentials = try #require(try server.request("GET", "/_understudy/credentials").json["providers"]?["letsdothis"])
        #expect(credentials["headers"] == ["Authorization": .string("Bearer \(Seed.tokenA)")])
        #expect(credentials["jwt"]?["secret"] == "ldt-mock-secret")
        #expect(credentials["jwt"]?["algorithm"] == "HS256")
        let tokens = try #require(credentials["tokens"]?.arrayValue)
        #expect(tokens.compactMap { $0["token"]?.stringValue } == [
            Seed.tokenA, Seed.tokenB, try server.bulkToken(), Seed.expiredToken, Seed.wrongSecretToken, Seed.revokedToken,
            Seed.noOrganiserToken,
        ])
        // Each token does what its entry says.
        for token in tokens {
            let value = try #require(token["token"]?.stringValue)
            let status = try server.ldt("GET", "/participants?page[size]=1", token: value).status
            #expect(Int64(status) == token["expectedStatus"]?.intValue, "\(token["purpose"] ?? nil)")
        }
        #expect(credentials["mint"]?["path"] == "/_understudy/letsdothis/tokens")
        // Each token names its organiser; a token without one names none.
        #expect(tokens.first?["organiserName"] == "Let's Do This Demo Events Ltd")
        #expect(tokens.last?["organiserId"] == .null)
        #expect(tokens.last?["organiserName"] == .null)
    }

    @Test func mintedTokensAndNewOrganisers() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2026-01-01T00:00:00Z")
        let token = try server.mintToken(["organiserId": .string(Seed.organiserB), "expiresInSeconds": 3600])
        let payload = try #require(token.split(separator: ".").dropFirst().first)
        #expect(String(payload) == JWTTestSigner.base64URL(Data(#"{"organiserId":"63a1b2c3d4e5f60718293a4c","iat":1767225600,"exp":1767229200}"#.utf8)))
        #expect(try server.ldt("GET", "/applications", token: token).ids == [Seed.orgBApplication])
        // Minting is deterministic under a frozen clock.
        #expect(try server.mintToken(["organiserId": .string(Seed.organiserB), "expiresInSeconds": 3600]) == token)
        // The default organiser is A; an unknown id becomes a new, empty organiser.
        #expect(try server.ldt("GET", "/applications", token: try server.mintToken([:])).ids.count == 6)
        let fresh = try server.mintToken(["organiserId": "org-fresh", "name": "Fresh Events"])
        let empty = try server.ldt("GET", "/participants", token: fresh)
        #expect(empty.json == ["data": [], "page": page(total: 0, first: nil, last: nil, prev: nil, next: nil)])
        #expect(try server.ldt("POST", "/partners", token: fresh, json: ["name": "Own Partner", "contacts": [[:]]]).status == 200)
        #expect(try server.ldt("GET", "/partners", token: fresh).page?["totalResults"] == 1)
        for body: JSONValue in [["organiserId": 5], ["expiresInSeconds": 0], ["expiresInSeconds": "soon"], ["jti": ""]] {
            #expect(try server.request("POST", "/_understudy/letsdothis/tokens", json: body).status == 400, "\(body)")
        }
    }

    @Test func credentialsListStaticKeysAndMintedTokensWhichOutlastAReset() throws {
        let server = try TestServer(environment: ["LDT_STATIC_TOKENS": #"{"northern-key": "63a1b2c3d4e5f60718293a4c"}"#])
        try server.freezeClock(at: "2026-01-01T00:00:00Z")
        let token = try server.mintToken(["organiserId": .string(Seed.organiserB), "expiresInSeconds": 3600, "jti": "ci-1"])
        func listed() throws -> JSONValue? {
            try server.request("GET", "/_understudy/credentials").json["providers"]?["letsdothis"]
        }
        #expect(try listed()?["staticTokens"] == [["token": "northern-key", "organiserId": .string(Seed.organiserB)]])
        #expect(try listed()?["minted"] == [[
            "token": .string(token), "purpose": "Minted through POST /_understudy/letsdothis/tokens",
            "organiserId": .string(Seed.organiserB), "jti": "ci-1", "expiresAt": "2026-01-01T01:00:00.000Z",
        ]])
        #expect(try server.request("POST", "/_understudy/reset?provider=letsdothis").status == 200)
        #expect(try listed()?["minted"]?.arrayValue?.first?["token"] == .string(token))
        #expect(try server.ldt("GET", "/applications", token: token).ids == [Seed.orgBApplication])
        #expect(try server.ldt("GET", "/applications", token: "northern-key").ids == [Seed.orgBApplication])
        // Without minted tokens or static keys, neither list is there.
        let fresh = try TestServer()
        let plain = try fresh.request("GET", "/_understudy/credentials").json["providers"]?["letsdothis"]
        #expect(plain?["minted"] == nil)
        #expect(plain?["staticTokens"] == nil)
    }

    @Test func faultsUseTheFastifyErrorBody() throws {
        let server = try TestServer()
        let armed = try server.request("POST", "/_understudy/letsdothis/faults", json: ["method": "GET", "path": "/v0/applications", "status": 500])
        #expect(armed.status < 300)
        let response = try server.ldt("GET", "/applications")
        #expect(response.status == 500)
        #expect(response.json == ["statusCode": 500, "error": "Internal Server Error", "message": "Internal Server Error"])
        #expect(try server.ldt("GET", "/applications").status == 200)
    }

    @Test func bulkSizesComeFromTheEnvironment() throws {
        let server = try TestServer(environment: ["LDT_BULK_PARTICIPANTS": "250", "LDT_BULK_APPLICATIONS": "0"])
        let token = try server.bulkToken()
        #expect(try server.ldt("GET", "/participants?page[size]=1", token: token).page?["totalResults"] == 250)
        #expect(try server.ldt("GET", "/line-items?page[size]=1", token: token).page?["totalResults"] == 250)
        #expect(try server.ldt("GET", "/applications", token: token).page?["totalResults"] == 0)
        // The bulk group's used places count the generated entries that carry its id (spec §8.2).
        let entries = try server.ldt("GET", "/participants?page[size]=500&extendMetadata=true", token: token).listPage.items
        let carrying = entries.filter { $0["reservedEntryGroupCode"] as? String == "re_metro00001" }.count
        #expect(carrying > 0)
        let group = try server.ldt("GET", "/reserved-entries/re_metro00001", token: token).json
        #expect(group["usedCapacity"] == .int(Int64(carrying)))
        #expect((group["maxCapacity"]?.intValue ?? 0) >= Int64(carrying))
        // Organiser A's fixture never changes with the bulk size.
        #expect(try server.ldt("GET", "/participants").page?["totalResults"] == 6)
        #expect(throws: (any Error).self) { try TestServer(environment: ["LDT_BULK_PARTICIPANTS": "lots"]) }
    }
}
