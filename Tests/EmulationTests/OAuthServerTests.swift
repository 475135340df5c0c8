import Emulation
import Foundation
import Testing
import TestSupport

/// The OAuth toolkit over HTTP, through `KitTestProvider`: client authentication, each grant,
/// the authorize step and its switches, and the tokens it leaves in the world.
@Suite struct OAuthServerTests {
    static let token = "/kittest/api/oauth/token"
    static let vendor = "client_id=vendor-app&client_secret=vendor-secret"
    static let instant = Date(timeIntervalSince1970: 1_785_000_000)

    private func isHex40(_ value: String?) -> Bool {
        guard let value else { return false }
        return value.count == 40 && value.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private func isUpperAlphanumeric20(_ value: String?) -> Bool {
        guard let value else { return false }
        return value.count == 20 && value.allSatisfy { ($0.isUppercase && $0.isLetter && $0.isASCII) || ("0"..."9").contains($0) }
    }

    /// The parameters a redirect carries after `separator` (`?` or `#`).
    private func redirectParameters(_ location: String?, after separator: Character) -> QueryParameters {
        guard let location, let start = location.firstIndex(of: separator) else { return QueryParameters("") }
        let rest = location[location.index(after: start)...]
        return QueryParameters(String(separator == "?" ? rest.prefix { $0 != "#" } : rest))
    }

    private func me(_ server: KitTestServer, _ token: String) throws -> TestResponse {
        try server.request("GET", "/kittest/api/me", headers: [("Authorization", "Bearer \(token)")])
    }

    // MARK: client_credentials and client authentication

    @Test func clientCredentialsFromAFormBody() throws {
        let server = try KitTestServer()
        server.world.clock.freeze(at: Self.instant)
        let response = try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)")
        #expect(response.status == 200)
        let value = response.json["access_token"]?.stringValue
        #expect(isHex40(value))
        #expect(response.json["expires_in"] == 3600)
        #expect(response.json["scope"] == "calendar_read calendar_write orders_read_owned")

        let stored = try #require(server.world.tokens.token(provider: "kittest", value: value ?? ""))
        #expect(stored.origin == .minted)
        #expect(stored.clientID == "vendor-app")
        #expect(stored.subject == JSONObject([(key: "user_id", value: "7"), (key: "vendor_id", value: "v1")]))
        #expect(stored.scopes == ["calendar_read", "calendar_write", "orders_read_owned"])
        #expect(stored.expiresAt == Self.instant.addingTimeInterval(3600))
        #expect(stored.purpose == "Issued to client vendor-app by the client_credentials grant")

        let me = try me(server, value ?? "")
        #expect(me.status == 200)
        #expect(me.json == ["user_id": "7", "vendor_id": "v1", "scopes": ["calendar_read", "calendar_write", "orders_read_owned"], "client_id": "vendor-app"])
    }

    @Test func clientCredentialsFromJSONAndMultipartBodies() throws {
        let server = try KitTestServer()
        let json = try server.request(
            "POST", Self.token, headers: [("Content-Type", "application/json")],
            body: Array(#"{"grant_type": "client_credentials", "client_id": "vendor-app", "client_secret": "vendor-secret"}"#.utf8))
        #expect(json.status == 200)
        #expect(isHex40(json.json["access_token"]?.stringValue))

        // What curl -F (and bookingkit's PHP example) sends.
        let boundary = "------------------------d74496d66958873e"
        let fields = [("grant_type", "client_credentials"), ("client_id", "vendor-app"), ("client_secret", "vendor-secret")]
        let body = fields.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
            + "--\(boundary)--\r\n"
        let multipart = try server.request(
            "POST", Self.token, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: Array(body.utf8))
        #expect(multipart.status == 200)
        #expect(isHex40(multipart.json["access_token"]?.stringValue))
        #expect(multipart.json["access_token"] != json.json["access_token"])
    }

    @Test func basicCredentialsWinOverTheBody() throws {
        let server = try KitTestServer()
        let webApp = BasicCredentials(id: "web-app", secret: "s3cr:t +%")
        let basic = try server.post(
            Self.token, form: "grant_type=client_credentials&client_id=vendor-app&client_secret=wrong",
            headers: [("Authorization", webApp.headerValue)])
        #expect(basic.status == 200)
        let value = basic.json["access_token"]?.stringValue ?? ""
        #expect(server.world.tokens.token(provider: "kittest", value: value)?.clientID == "web-app")

        let wrongBasic = try server.post(
            Self.token, form: "grant_type=client_credentials&\(Self.vendor)",
            headers: [("Authorization", BasicCredentials(id: "web-app", secret: "nope").headerValue)])
        #expect(wrongBasic.status == 401)
        #expect(wrongBasic.json["error"] == "clientAuthentication.invalidCredentials")

        // An unreadable Basic header is no credential: the body's are used.
        let unreadable = try server.post(
            Self.token, form: "grant_type=client_credentials&\(Self.vendor)", headers: [("Authorization", "Basic !!!")])
        #expect(unreadable.status == 200)
    }

    @Test(arguments: [
        ("grant_type=client_credentials", [(String, String)](), "clientAuthentication.noCredentials"),
        ("grant_type=client_credentials&client_id=&client_secret=x", [], "clientAuthentication.noCredentials"),
        ("grant_type=client_credentials&client_id=vendor-app", [], "clientAuthentication.missingSecret"),
        ("grant_type=client_credentials&client_id=vendor-app&client_secret=", [], "clientAuthentication.missingSecret"),
        ("grant_type=client_credentials&client_id=vendor-app&client_secret=Vendor-secret", [], "clientAuthentication.invalidCredentials"),
        ("grant_type=client_credentials&client_id=nobody&client_secret=vendor-secret", [], "clientAuthentication.invalidCredentials"),
        ("grant_type=client_credentials", [("Authorization", "Basic dmVuZG9yLWFwcDo=")], "clientAuthentication.missingSecret"),
    ])
    func clientAuthenticationFailures(form: String, headers: [(String, String)], expected: String) throws {
        let server = try KitTestServer()
        let response = try server.post(Self.token, form: form, headers: headers)
        #expect(response.status == 401)
        #expect(response.json == ["error": .string(expected)])
    }

    @Test func grantTypeIsCheckedBeforeTheClient() throws {
        let server = try KitTestServer()
        #expect(try server.post(Self.token, form: "client_id=x").json["error"] == "missingGrantType")
        #expect(try server.post(Self.token, form: "grant_type=&\(Self.vendor)").json["error"] == "missingGrantType")
        let password = try server.post(Self.token, form: "grant_type=password&username=a&password=b")
        #expect(password.status == 400)
        #expect(password.json["error"] == "unsupportedGrantType.password")
    }

    @Test func unreadableBodiesAreReportedAsSuch() throws {
        let server = try KitTestServer()
        let broken = try server.request("POST", Self.token, headers: [("Content-Type", "application/json")], body: Array("{\"grant_type\":".utf8))
        #expect(broken.json["error"] == "malformedBody.malformedJSON")
        let array = try server.request("POST", Self.token, headers: [("Content-Type", "application/json")], body: Array("[1]".utf8))
        #expect(array.json["error"] == "malformedBody.notAnObject")
        let noBoundary = try server.request(
            "POST", Self.token, headers: [("Content-Type", "multipart/form-data")], body: Array("--x\r\n".utf8))
        #expect(noBoundary.json["error"] == "malformedBody.malformedMultipart.missingBoundary")
        // Without a Content-Type the body is read as a form.
        let bare = try server.request("POST", Self.token, body: Array("grant_type=client_credentials&\(Self.vendor)".utf8))
        #expect(bare.status == 200)
    }

    @Test func requestedScopesMustBeTheClients() throws {
        let server = try KitTestServer()
        let subset = try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)&scope=orders_read_owned+calendar_read+orders_read_owned")
        #expect(subset.status == 200)
        #expect(subset.json["scope"] == "orders_read_owned calendar_read")
        let value = subset.json["access_token"]?.stringValue ?? ""
        #expect(server.world.tokens.token(provider: "kittest", value: value)?.scopes == ["orders_read_owned", "calendar_read"])

        let wider = try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)&scope=calendar_read%20orders_write_all%20x")
        #expect(wider.status == 400)
        #expect(wider.json["error"] == "invalidScope.orders_write_all,x")
        // An empty scope asks for nothing in particular: every scope of the client.
        #expect(try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)&scope=").json["scope"]
            == "calendar_read calendar_write orders_read_owned")
    }

    @Test func oneActiveTokenPerClientWhenConfigured() throws {
        let server = try KitTestServer([KitTestProvider(limitsActiveTokens: true)])
        server.world.clock.freeze(at: Self.instant)
        let first = try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)")
        #expect(first.status == 200)
        let second = try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)")
        #expect(second.status == 429)
        #expect(second.json["error"] == "activeTokenLimit")
        // Other clients are not held back.
        #expect(try server.post(Self.token, form: "grant_type=client_credentials&client_id=any-redirect&client_secret=any-secret").status == 200)
        server.world.clock.advance(by: 3599)
        #expect(try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)").status == 429)
        server.world.clock.advance(by: 1)
        #expect(try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)").status == 200)
    }

    @Test func theActiveTokenRuleCanBeSwitchedPerWorld() throws {
        let server = try KitTestServer()
        #expect(try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)").status == 200)
        #expect(try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)").status == 200)
        #expect(try server.request("POST", "/_understudy/kittest/oauth/token-limit?enabled=true").status == 200)
        let refused = try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)")
        #expect(refused.status == 429)
        #expect(try server.request("POST", "/_understudy/kittest/oauth/token-limit").status == 200)
        #expect(try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)").status == 200)
    }

    // MARK: presenting tokens

    @Test func bearerTokensOnAPIRequests() throws {
        let server = try KitTestServer()
        server.world.clock.freeze(at: Self.instant)
        let value = try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)").json["access_token"]?.stringValue ?? ""
        #expect(try server.request("GET", "/kittest/api/me?access_token=\(value)").status == 200)
        let both = try server.request("GET", "/kittest/api/me?access_token=\(value)", headers: [("Authorization", "Bearer \(value)")])
        #expect(both.status == 400)
        #expect(both.json["error"] == "headerAndQuery")
        #expect(try server.request("GET", "/kittest/api/me").json["error"] == "absent")
        #expect(try server.request("GET", "/kittest/api/me", headers: [("Authorization", "Token \(value)")]).json["error"] == "malformedHeader")
        #expect(try me(server, "x" + value.dropFirst()).json["error"] == "unknownToken")
        server.world.clock.advance(by: 3600)
        #expect(try me(server, value).json["error"] == "expiredToken")
    }

    // MARK: authorization_code

    private func authorize(_ server: KitTestServer, _ query: String) throws -> TestResponse {
        try server.request("GET", "/kittest/api/oauth/authorize?\(query)")
    }

    private func exchange(
        _ server: KitTestServer, code: String, redirect: String?, client: String = "client_id=any-redirect&client_secret=any-secret"
    ) throws -> TestResponse {
        let redirectPart = redirect.map { "&redirect_uri=\(PercentEncoding.encode($0))" } ?? ""
        return try server.post(Self.token, form: "grant_type=authorization_code&code=\(code)\(redirectPart)&\(client)")
    }

    static let callback = "https://client.example/cb?x=1"
    static let authorizeQuery = "response_type=code&client_id=any-redirect&redirect_uri=\(PercentEncoding.encode(callback))&state=s%20t"

    @Test func authorizationCodeFlow() throws {
        let server = try KitTestServer()
        server.world.clock.freeze(at: Self.instant)
        let approved = try authorize(server, Self.authorizeQuery)
        #expect(approved.status == 302)
        let location = try #require(approved.header("Location"))
        let parameters = redirectParameters(location, after: "?")
        let code = try #require(parameters["code"])
        #expect(location == "https://client.example/cb?x=1&code=\(code)&state=s%20t")
        #expect(isUpperAlphanumeric20(code))
        #expect(parameters["state"] == "s t")

        let issued = try #require(server.world.oauth.code(provider: "kittest", value: code))
        #expect(issued.clientID == "any-redirect")
        #expect(issued.redirectURI == Self.callback)
        #expect(issued.subject == KitTestProvider.user)
        #expect(issued.expiresAt == Self.instant.addingTimeInterval(600))
        #expect(!issued.isUsed)

        let exchanged = try exchange(server, code: code, redirect: Self.callback)
        #expect(exchanged.status == 200)
        let value = exchanged.json["access_token"]?.stringValue ?? ""
        #expect(isHex40(value))
        #expect(try me(server, value).json["user_id"] == "12345")
        #expect(server.world.tokens.token(provider: "kittest", value: value)?.purpose == "Issued to client any-redirect by the authorization_code grant")
        #expect(server.world.oauth.code(provider: "kittest", value: code)?.isUsed == true)

        let reused = try exchange(server, code: code, redirect: Self.callback)
        #expect(reused.status == 400)
        #expect(reused.json["error"] == "invalidGrant.codeAlreadyUsed")
        #expect(try exchange(server, code: "NOSUCHCODE", redirect: Self.callback).json["error"] == "invalidGrant.unknownCode")
        #expect(try exchange(server, code: "", redirect: Self.callback).json["error"] == "missingParameter.code")
    }

    @Test func codesExpireOnTheEmulatedClock() throws {
        let server = try KitTestServer()
        server.world.clock.freeze(at: Self.instant)
        let early = redirectParameters(try authorize(server, Self.authorizeQuery).header("Location"), after: "?")["code"] ?? ""
        let late = redirectParameters(try authorize(server, Self.authorizeQuery).header("Location"), after: "?")["code"] ?? ""
        #expect(early != late)
        server.world.clock.advance(by: 599)
        #expect(try exchange(server, code: early, redirect: Self.callback).status == 200)
        server.world.clock.advance(by: 1)
        let expired = try exchange(server, code: late, redirect: Self.callback)
        #expect(expired.status == 400)
        #expect(expired.json["error"] == "invalidGrant.codeExpired")
    }

    @Test func theExchangeMustRepeatTheRedirectAndTheClient() throws {
        let server = try KitTestServer()
        let code = redirectParameters(try authorize(server, Self.authorizeQuery).header("Location"), after: "?")["code"] ?? ""
        #expect(try exchange(server, code: code, redirect: "https://client.example/cb?x=2").json["error"] == "invalidGrant.redirectURIMismatch")
        #expect(try exchange(server, code: code, redirect: nil).json["error"] == "missingParameter.redirect_uri")
        #expect(try exchange(server, code: code, redirect: Self.callback, client: Self.vendor).json["error"] == "invalidGrant.clientMismatch")
        // Client authentication comes first: a wrong secret never reaches the code.
        #expect(try exchange(server, code: code, redirect: Self.callback, client: "client_id=any-redirect&client_secret=x").status == 401)
        // Refused exchanges leave the code usable.
        #expect(try exchange(server, code: code, redirect: Self.callback).status == 200)
    }

    @Test func registeredRedirectsAreEnforced() throws {
        let server = try KitTestServer()
        let other = try authorize(server, "response_type=code&client_id=web-app&redirect_uri=https%3A%2F%2Fevil.example%2F")
        #expect(other.status == 400)
        #expect(other.json["error"] == "invalidRedirectURI")
        let registered = try authorize(server, "response_type=code&client_id=web-app&redirect_uri=https%3A%2F%2Fapp.example%2Fother")
        #expect(registered.header("Location")?.hasPrefix("https://app.example/other?code=") == true)
        // Several registered and none named: which one is unknown.
        #expect(try authorize(server, "response_type=code&client_id=web-app").json["error"] == "missingParameter.redirect_uri")
        // Nothing registered: any absolute URI, but not a relative one.
        #expect(try authorize(server, "response_type=code&client_id=any-redirect&redirect_uri=%2Fcb").json["error"] == "invalidRedirectURI")
    }

    @Test func theOnlyRegisteredRedirectIsTheDefault() throws {
        let server = try KitTestServer()
        let approved = try authorize(server, "response_type=code&client_id=one-redirect")
        let location = try #require(approved.header("Location"))
        let code = redirectParameters(location, after: "?")["code"] ?? ""
        #expect(location == "https://one.example/cb?app=1&code=\(code)")
        // The authorize request named no redirect, so the exchange need not either.
        #expect(try exchange(server, code: code, redirect: nil, client: "client_id=one-redirect&client_secret=one-secret").status == 200)
    }

    @Test(arguments: [
        ("response_type=code&redirect_uri=https%3A%2F%2Fa.example%2F", "missingParameter.client_id"),
        ("response_type=code&client_id=nobody&redirect_uri=https%3A%2F%2Fa.example%2F", "unknownClient"),
        ("client_id=any-redirect&redirect_uri=https%3A%2F%2Fa.example%2F", "missingParameter.response_type"),
        ("response_type=id_token&client_id=any-redirect&redirect_uri=https%3A%2F%2Fa.example%2F", "unsupportedResponseType"),
        ("response_type=code&client_id=any-redirect&redirect_uri=https%3A%2F%2Fa.example%2F&scope=admin", "invalidScope.admin"),
        ("response_type=code&client_id=any-redirect", "missingParameter.redirect_uri"),
    ])
    func authorizeFailures(query: String, expected: String) throws {
        let server = try KitTestServer()
        let response = try authorize(server, query)
        #expect(response.status == 400)
        #expect(response.json == ["error": .string(expected)])
    }

    @Test func scopesRequestedAtAuthorizeGoToTheToken() throws {
        let server = try KitTestServer()
        let query = "response_type=code&client_id=web-app&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&scope=orders_read_all"
        let code = redirectParameters(try authorize(server, query).header("Location"), after: "?")["code"] ?? ""
        let exchanged = try exchange(
            server, code: code, redirect: "https://app.example/callback",
            client: "client_id=web-app&client_secret=\(PercentEncoding.encode("s3cr:t +%"))")
        #expect(exchanged.status == 200)
        #expect(exchanged.json["scope"] == "orders_read_all")
    }

    // MARK: implicit grant and the deny switch

    @Test func implicitGrantRedirectsWithAToken() throws {
        let server = try KitTestServer()
        let query = "response_type=token&client_id=any-redirect&redirect_uri=https%3A%2F%2Fspa.example%2F&state=abc"
        let fragment = try authorize(server, query)
        #expect(fragment.status == 302)
        let location = try #require(fragment.header("Location"))
        let value = redirectParameters(location, after: "#")["access_token"] ?? ""
        #expect(location == "https://spa.example/#access_token=\(value)&token_type=bearer&expires_in=3600&state=abc")
        #expect(isHex40(value))
        #expect(try me(server, value).json["user_id"] == "12345")
        #expect(server.world.tokens.token(provider: "kittest", value: value)?.purpose == "Issued to client any-redirect by the implicit grant")

        // Eventbrite puts the token in the query.
        let inQuery = try authorize(server, query + "&placement=query").header("Location")
        #expect(inQuery?.hasPrefix("https://spa.example/?access_token=") == true)
        #expect(inQuery?.hasSuffix("&token_type=bearer&expires_in=3600&state=abc") == true)
    }

    @Test func tokensThatNeverExpireCarryNoExpiresIn() throws {
        let server = try KitTestServer([KitTestProvider(tokenFormat: .uppercaseAlphanumeric20, tokenLifetime: nil)])
        let location = try authorize(server, "response_type=token&client_id=any-redirect&redirect_uri=https%3A%2F%2Fspa.example%2F")
            .header("Location") ?? ""
        let value = redirectParameters(location, after: "#")["access_token"] ?? ""
        #expect(location == "https://spa.example/#access_token=\(value)&token_type=bearer")
        #expect(isUpperAlphanumeric20(value))
        #expect(server.world.tokens.token(provider: "kittest", value: value)?.expiresAt == nil)
        let response = try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)")
        #expect(response.json["expires_in"] == nil)
        #expect(isUpperAlphanumeric20(response.json["access_token"]?.stringValue))
    }

    @Test func anArmedDenialAnswersTheNextValidAuthorize() throws {
        let server = try KitTestServer()
        let armed = try server.request("POST", "/_understudy/kittest/oauth/deny")
        #expect(armed.json == ["armed": 1])
        // An invalid request does not consume it.
        #expect(try authorize(server, "response_type=code&client_id=nobody&redirect_uri=https%3A%2F%2Fa.example%2F").status == 400)
        let denied = try authorize(server, Self.authorizeQuery)
        #expect(denied.status == 302)
        #expect(denied.header("Location") == "https://client.example/cb?x=1&error=access_denied&state=s%20t")
        #expect(server.world.oauth.armedDenials(provider: "kittest") == 0)
        let approved = try authorize(server, Self.authorizeQuery)
        #expect(redirectParameters(approved.header("Location"), after: "?")["code"] != nil)

        #expect(try server.request("POST", "/_understudy/kittest/oauth/deny?count=2").json == ["armed": 2])
        server.world.oauth.disarmDenials(provider: "kittest")
        #expect(redirectParameters(try authorize(server, Self.authorizeQuery).header("Location"), after: "?")["code"] != nil)
    }

    // MARK: determinism, resets, listing

    /// Tokens and codes from one sequence of requests.
    private func run(_ server: KitTestServer) throws -> [String] {
        var values: [String] = []
        for _ in 0..<2 {
            values.append(try server.post(Self.token, form: "grant_type=client_credentials&\(Self.vendor)").json["access_token"]?.stringValue ?? "")
        }
        let code = redirectParameters(try authorize(server, Self.authorizeQuery).header("Location"), after: "?")["code"] ?? ""
        values.append(code)
        values.append(try exchange(server, code: code, redirect: Self.callback).json["access_token"]?.stringValue ?? "")
        return values
    }

    @Test func theSameRequestsMintTheSameValuesInAFreshWorld() throws {
        let first = try run(KitTestServer())
        let second = try run(KitTestServer())
        #expect(first == second)
        #expect(Set(first).count == 4)
    }

    @Test func aResetKeepsTokensAndNeverRepeatsAValue() throws {
        let server = try KitTestServer()
        let before = try run(server)
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        let after = try run(server)
        #expect(Set(before + after).count == 8)
        #expect(try me(server, before[0]).status == 200)
    }

    @Test func credentialsListTheSeededClients() throws {
        let server = try KitTestServer()
        let clients = try server.request("GET", "/_understudy/credentials").json["providers"]?["kittest"]?["clients"]
        #expect(clients?.arrayValue?.count == 4)
        #expect(clients?.arrayValue?.first == [
            "client_id": "vendor-app", "client_secret": "vendor-secret", "kind": "vendor", "purpose": "A vendor client",
            "user_id": "7", "vendor_id": "v1", "scopes": ["calendar_read", "calendar_write", "orders_read_owned"],
        ])
        #expect(clients?.arrayValue?[1]["redirect_uris"] == ["https://app.example/callback", "https://app.example/other"])
        let ready = OAuthClient(id: "a", secret: "b", purpose: "p").listing(readyToken: "t0k3n")
        #expect(ready == ["client_id": "a", "client_secret": "b", "purpose": "p", "access_token": "t0k3n"])
    }

    @Test func seededClientsAreChecked() throws {
        func client(_ fields: JSONValue) throws -> OAuthClient {
            try OAuthClient(seed: SeedRecord(value: fields, file: "clients.json"))
        }
        #expect(throws: SeedError.self) { try client(["client_id": "a", "purpose": "p"]) }
        #expect(throws: SeedError.self) { try client(["client_id": "a", "client_secret": "b", "purpose": "p", "scopes": 3]) }
        #expect(throws: SeedError.self) { try client(["client_id": "a", "client_secret": "b", "purpose": "p", "redirect_uris": ["/relative"]]) }
        #expect(throws: SeedError.self) { try client(["client_id": "a", "client_secret": "b", "purpose": "p", "subject": ["x": [1]]]) }
        let full = try client(["client_id": "a", "client_secret": "b", "purpose": "p", "scopes": "x y x", "subject": ["n": 5]])
        #expect(full == OAuthClient(id: "a", secret: "b", scopes: ["x", "y"], subject: ["n": "5"], purpose: "p"))
    }
}

/// Bodies over HTTP through the test provider: reading choices, errors in the provider's
/// dialect, and uploaded files served back byte for byte.
@Suite struct RequestBodyHTTPTests {
    @Test func uploadedFilesComeBackByteForByte() throws {
        let server = try KitTestServer()
        let bytes: [UInt8] = (0...255).map(UInt8.init) + [13, 10, 45, 45, 13, 10]
        let boundary = "XyZ"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuploads/1\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pic.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        let response = try server.request(
            "POST", "/kittest/api/upload", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
        #expect(response.status == 200)
        #expect(response.body == bytes)
        #expect(response.header("Content-Type") == "image/jpeg")
        #expect(response.header("X-Filename") == "pic.jpg")
    }

    @Test func bodyErrorsReachTheProvidersDialect() throws {
        let server = try KitTestServer()
        let unknown = try server.request("POST", "/kittest/api/echo/forms", headers: [("Content-Type", "text/csv")], body: Array("a,b".utf8))
        #expect(unknown.status == 415)
        #expect(unknown.json == ["error": "unsupportedMediaType"])
        let truncated = try server.request(
            "POST", "/kittest/api/echo/forms", headers: [("Content-Type", "multipart/form-data; boundary=b")],
            body: Array("--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1".utf8))
        #expect(truncated.status == 400)
        #expect(truncated.json == ["error": "malformedMultipart.missingClosingDelimiter"])
        let malformed = try server.request("POST", "/kittest/api/echo/json", body: Array("{".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.json == ["error": "malformedJSON"])
    }

    @Test func echoesWhatEachReadingMakesOfABody() throws {
        let server = try KitTestServer()
        let form = try server.post("/kittest/api/echo/forms?list=ids", form: "event.name.html=x&ids=1,2&ids=3")
        #expect(form.json == [
            "encoding": "form", "empty": false, "value": ["event": ["name": ["html": "x"]], "ids": "3"],
            "fields": [["event.name.html", "x"], ["ids", "1,2"], ["ids", "3"]], "files": [], "list": ["1", "2", "3"],
        ])
        let blank = try server.request("POST", "/kittest/api/echo/json", headers: [("Content-Type", "application/json")], body: [])
        #expect(blank.json["empty"] == true)
        #expect(blank.json["encoding"] == .some(.null))
        #expect(blank.json["value"] == [:])
    }
}
