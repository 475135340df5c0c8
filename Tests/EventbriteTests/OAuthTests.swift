import Emulation
import TestSupport
import Testing

/// Spec §2: the authorization-code and client-side flows, the codes and tokens they mint, and
/// their RFC 6749 errors.
@Suite struct OAuthTests {
    let server: TestServer
    static let redirect = "http://localhost:8080/oauth/redirect"

    init() throws { server = try TestServer() }

    private func authorize(_ query: String) throws -> TestResponse {
        try server.request("GET", "/eventbrite/oauth/authorize?" + query)
    }

    private func token(_ form: String, headers: [(String, String)] = []) throws -> TestResponse {
        try server.request(
            "POST", "/eventbrite/oauth/token", headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: form)
    }

    /// The query parameters of a redirect's `Location`.
    private func parameters(_ response: TestResponse) -> QueryParameters {
        let location = response.header("Location") ?? ""
        return QueryParameters(String(location.split(separator: "?", maxSplits: 1).last ?? ""))
    }

    @Test func theServerSideFlowMintsATokenForTheUser() throws {
        let approval = try authorize("response_type=code&client_id=MOCK_API_KEY&redirect_uri=\(Self.redirect)&state=s1")
        #expect(approval.status == 302)
        #expect(approval.header("Location")?.hasPrefix(Self.redirect + "?code=") == true)
        let code = try #require(parameters(approval)["code"])
        #expect(code.count == 20)
        #expect(code.allSatisfy { $0.isUppercase || $0.isNumber })
        #expect(parameters(approval)["state"] == "s1")
        let exchange = try token(
            "grant_type=authorization_code&client_id=MOCK_API_KEY&client_secret=MOCK_CLIENT_SECRET&code=\(code)&redirect_uri=\(Self.redirect)")
        #expect(exchange.status == 200)
        #expect(keys(exchange.json) == ["access_token", "token_type"])
        #expect(exchange.json["token_type"] == "bearer")
        let accessToken = try #require(exchange.json["access_token"]?.stringValue)
        let me = try server.eventbrite("GET", "/users/me/", token: accessToken)
        #expect(me.json["id"] == "12345")
        // Codes are single use.
        let again = try token(
            "grant_type=authorization_code&client_id=MOCK_API_KEY&client_secret=MOCK_CLIENT_SECRET&code=\(code)&redirect_uri=\(Self.redirect)")
        #expect(again.status == 400)
        #expect(again.json == ["error": "invalid_grant", "error_description": "Invalid authorization code."])
    }

    @Test func theClientSideFlowPutsTheTokenInTheQuery() throws {
        let approval = try authorize("response_type=token&client_id=YOUR_API_KEY&redirect_uri=\(Self.redirect)")
        #expect(approval.status == 302)
        let accessToken = try #require(parameters(approval)["access_token"])
        #expect(parameters(approval)["token_type"] == "bearer")
        #expect(try server.eventbrite("GET", "/users/me/?token=\(accessToken)", token: nil).json["id"] == "12345")
    }

    @Test func aJSONBodyAndBasicClientCredentialsWorkToo() throws {
        let code = try #require(parameters(try authorize("response_type=code&client_id=API_KEY&redirect_uri=\(Self.redirect)"))["code"])
        let exchange = try server.request(
            "POST", "/eventbrite/oauth/token", headers: [("Authorization", "Basic QVBJX0tFWTpDTElFTlRfU0VDUkVU")],
            json: ["grant_type": "authorization_code", "code": .string(code), "redirect_uri": .string(Self.redirect)])
        #expect(exchange.status == 200)
        #expect(exchange.json["access_token"]?.stringValue?.count == 20)
    }

    @Test func tokenErrors() throws {
        let code = try #require(parameters(try authorize("response_type=code&client_id=MOCK_API_KEY&redirect_uri=\(Self.redirect)"))["code"])
        let wrongSecret = try token("grant_type=authorization_code&client_id=MOCK_API_KEY&client_secret=nope&code=\(code)")
        #expect(wrongSecret.status == 401)
        #expect(wrongSecret.json == ["error": "invalid_client", "error_description": "Invalid client credentials."])
        let otherRedirect = try token(
            "grant_type=authorization_code&client_id=MOCK_API_KEY&client_secret=MOCK_CLIENT_SECRET&code=\(code)&redirect_uri=http://evil/")
        #expect(otherRedirect.json["error"] == "invalid_grant")
        let otherGrant = try token("grant_type=password&client_id=MOCK_API_KEY&client_secret=MOCK_CLIENT_SECRET")
        #expect(otherGrant.json["error"] == "unsupported_grant_type")
        let noCode = try token("grant_type=authorization_code&client_id=MOCK_API_KEY&client_secret=MOCK_CLIENT_SECRET")
        #expect(noCode.status == 400)
        #expect(noCode.json == ["error": "invalid_request", "error_description": "code is required."])
        // A refused exchange leaves the code usable.
        let good = try token(
            "grant_type=authorization_code&client_id=MOCK_API_KEY&client_secret=MOCK_CLIENT_SECRET&code=\(code)&redirect_uri=\(Self.redirect)")
        #expect(good.status == 200)
    }

    @Test func codesExpireAfterTenMinutesOfEmulatedTime() throws {
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
        let code = try #require(parameters(try authorize("response_type=code&client_id=MOCK_API_KEY&redirect_uri=\(Self.redirect)"))["code"])
        try server.advanceClock(seconds: 601)
        let late = try token(
            "grant_type=authorization_code&client_id=MOCK_API_KEY&client_secret=MOCK_CLIENT_SECRET&code=\(code)&redirect_uri=\(Self.redirect)")
        #expect(late.json["error"] == "invalid_grant")
    }

    @Test func authorizeErrors() throws {
        let missing = try authorize("response_type=code&redirect_uri=\(Self.redirect)")
        #expect(missing.status == 400)
        #expect(missing.json == ["error": "invalid_request", "error_description": "client_id is required."])
        #expect(try authorize("response_type=code&client_id=NOPE&redirect_uri=\(Self.redirect)").json["error"] == "invalid_client")
        #expect(try authorize("response_type=id_token&client_id=MOCK_API_KEY&redirect_uri=\(Self.redirect)").json["error"]
            == "unsupported_response_type")
        #expect(try authorize("client_id=MOCK_API_KEY&redirect_uri=\(Self.redirect)").json["error"] == "invalid_request")
    }

    @Test func anArmedDenialRedirectsWithAccessDenied() throws {
        let armed = try server.request("POST", "/_understudy/eventbrite/oauth/deny")
        #expect(armed.status == 200)
        let denied = try authorize("response_type=code&client_id=MOCK_API_KEY&redirect_uri=\(Self.redirect)&state=abc")
        #expect(denied.status == 302)
        #expect(denied.header("Location") == Self.redirect + "?error=access_denied&state=abc")
        // Only the next one.
        #expect(parameters(try authorize("response_type=code&client_id=MOCK_API_KEY&redirect_uri=\(Self.redirect)"))["code"] != nil)
    }
}
