import Emulation
import Foundation
import TestSupport
import Testing

/// The token endpoint (spec §2.1) and bearer tokens on `/v3` (§2.2–§2.5).
@Suite struct TokenEndpointTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    private func token(body: String, contentType: String = "application/x-www-form-urlencoded", headers: [(String, String)] = [])
        throws -> TestResponse
    {
        try server.request("POST", "/bookingkit/oauth/token", headers: [("Content-Type", contentType)] + headers, body: body)
    }

    @Test func issuesATokenForFormCredentials() throws {
        let response = try token(body: "grant_type=client_credentials&client_id=mock-vendor-sample&client_secret=mock-secret-sample")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("Pragma") == "no-cache")
        #expect(keys(response.json) == ["access_token", "expires_in", "token_type", "scope"])
        let value = try #require(response.json["access_token"]?.stringValue)
        #expect(value.count == 40 && value.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(response.json["expires_in"] == 3600)
        #expect(response.json["token_type"] == "Bearer")
        #expect(response.json["scope"] == """
            calendar_read calendar_write orders_read_owned orders_read_all orders_write_owned orders_write_all orders_custom_prices inventory_write
            """)
        #expect(try server.bk("GET", "/vendors", token: value).status == 200)
    }

    @Test func acceptsJSONMultipartAndBasicCredentials() throws {
        let json = try token(
            body: #"{"grant_type":"client_credentials","client_id":"demo","client_secret":"demo"}"#, contentType: "application/json")
        #expect(json.status == 200)
        #expect(json.json["scope"] == "calendar_read")
        let boundary = "XyZ"
        let multipart = ["grant_type": "client_credentials", "client_id": "demo", "client_secret": "demo"].map { name, value in
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }.joined() + "--\(boundary)--\r\n"
        #expect(try token(body: multipart, contentType: "multipart/form-data; boundary=\(boundary)").status == 200)
        let basic = Data("mock-reseller:mock-secret-reseller".utf8).base64EncodedString()
        let viaBasic = try token(
            body: "grant_type=client_credentials&client_id=demo&client_secret=wrong", headers: [("Authorization", "Basic \(basic)")])
        #expect(viaBasic.status == 200)
        #expect(viaBasic.json["scope"] == "calendar_read orders_read_owned orders_write_owned orders_custom_prices")
    }

    @Test func grantsARequestedSubsetOfScopes() throws {
        let response = try token(
            body: "grant_type=client_credentials&client_id=mock-marketplace&client_secret=mock-secret-marketplace&scope=calendar_read+orders_read_all")
        #expect(response.json["scope"] == "calendar_read orders_read_all")
        let refused = try token(body: "grant_type=client_credentials&client_id=demo&client_secret=demo&scope=calendar_write")
        #expect(refused.status == 400)
        #expect(refused.json == ["error": "invalid_scope", "error_description": "The scope requested is invalid for this request"])
    }

    @Test func refusesBadRequestsWithTheLibrarysBodies() throws {
        let cases: [(String, JSONValue)] = [
            ("client_id=demo&client_secret=demo", ["error": "invalid_request", "error_description": "The grant type was not specified in the request"]),
            ("grant_type=password&client_id=demo&client_secret=demo",
             ["error": "unsupported_grant_type", "error_description": "Grant type \"password\" not supported"]),
            ("grant_type=client_credentials",
             ["error": "invalid_client", "error_description": "Client credentials were not found in the headers or body"]),
            ("grant_type=client_credentials&client_id=demo", ["error": "invalid_client", "error_description": "client credentials are required"]),
            ("grant_type=client_credentials&client_id=demo&client_secret=nope",
             ["error": "invalid_client", "error_description": "The client credentials are invalid"]),
            ("grant_type=client_credentials&client_id=nobody&client_secret=demo",
             ["error": "invalid_client", "error_description": "The client credentials are invalid"]),
        ]
        for (body, expected) in cases {
            let response = try token(body: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == expected, "\(body)")
            #expect(response.header("Cache-Control") == "no-store")
        }
    }

    @Test func answersOtherMethodsWith405() throws {
        let response = try server.request("GET", "/bookingkit/oauth/token")
        #expect(response.status == 405)
        #expect(response.header("Allow") == "POST")
        #expect(response.json == [
            "error": "invalid_request", "error_description": "The request method must be POST when requesting an access token",
            "error_uri": "http://tools.ietf.org/html/rfc6749#section-3.2",
        ])
    }

    @Test func isServedAtTheHostRootByHostName() throws {
        let response = try server.request(
            "POST", "/oauth/token", headers: [("Host", "api.bookingkit.de"), ("Content-Type", "application/x-www-form-urlencoded")],
            body: "grant_type=client_credentials&client_id=demo&client_secret=demo")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "POST /oauth/token")
        #expect(try server.request("POST", "/bookingkit/v3/oauth/token", body: "").status == 404)
    }

    @Test func tokensExpireAfterAnHourOfEmulatedTime() throws {
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
        let value = try server.issueToken(client: "demo", secret: "demo")
        try server.advanceClock(seconds: 3599)
        #expect(try server.bk("GET", "/vendors", token: value).status == 200)
        try server.advanceClock(seconds: 1)
        let expired = try server.bk("GET", "/vendors", token: value)
        #expect(expired.status == 401)
        #expect(expired.json == ["error": "invalid_token", "error_description": "The access token provided has expired"])
        #expect(expired.header("WWW-Authenticate")
            == #"Bearer realm="Service", error="invalid_token", error_description="The access token provided has expired""#)
    }

    @Test func tokensOutliveAReset() throws {
        let value = try server.issueToken(client: "demo", secret: "demo")
        #expect(try server.request("POST", "/_understudy/bookingkit/reset").status == 204)
        #expect(try server.bk("GET", "/vendors", token: value).status == 200)
    }

    @Test func everyValidRequestGetsAFreshTokenByDefault() throws {
        let first = try server.issueToken(client: "demo", secret: "demo")
        let second = try server.issueToken(client: "demo", secret: "demo")
        #expect(first != second)
        #expect(try server.bk("GET", "/vendors", token: first).status == 200)
    }

    @Test func theOneTokenPerHourRuleIsASwitch() throws {
        let strict = try TestServer(environment: ["BOOKINGKIT_TOKEN_REUSE_LIMIT": "true"])
        try strict.freezeClock(at: "2030-01-01T00:00:00Z")
        _ = try strict.issueToken(client: "demo", secret: "demo")
        let refused = try strict.request(
            "POST", "/bookingkit/oauth/token", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: "grant_type=client_credentials&client_id=demo&client_secret=demo")
        #expect(refused.status == 429)
        #expect(refused.json == ["error_code": 42901, "error": "Too many requests", "error_description": "please reuse your oauth tokens"])
        // Another client is not held back, and the first may have a new one once its token expired.
        _ = try strict.issueToken(client: "mock-vendor-sample", secret: "mock-secret-sample")
        try strict.advanceClock(seconds: 3600)
        _ = try strict.issueToken(client: "demo", secret: "demo")

        // The control endpoint turns it on and off at run time.
        #expect(try server.request("PUT", "/_understudy/bookingkit/token-reuse-limit", json: ["enabled": true]).status == 204)
        _ = try server.issueToken(client: "demo", secret: "demo")
        #expect(throws: TokenRefused.self) { try server.issueToken(client: "demo", secret: "demo") }
        #expect(try server.request("PUT", "/_understudy/bookingkit/token-reuse-limit", json: ["enabled": false]).status == 204)
        _ = try server.issueToken(client: "demo", secret: "demo")
    }
}

@Suite struct BearerTokenTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func aMissingTokenIsAnEmpty401WithTheChallenge() throws {
        let response = try server.bk("GET", "/vendors", token: nil)
        #expect(response.status == 401)
        #expect(response.body.isEmpty)
        #expect(response.header("WWW-Authenticate") == #"Bearer realm="Service""#)
    }

    @Test func anUnknownTokenIs401Invalid() throws {
        let response = try server.bk("GET", "/vendors", token: "0000000000000000000000000000000000000000")
        #expect(response.status == 401)
        #expect(response.json == ["error": "invalid_token", "error_description": "The access token provided is invalid"])
        #expect(response.header("WWW-Authenticate")
            == #"Bearer realm="Service", error="invalid_token", error_description="The access token provided is invalid""#)
    }

    @Test func aMalformedHeaderIs400() throws {
        for header in ["Basic ZGVtbzpkZW1v", "Bearer", "Bearer a b", "Token abc"] {
            let response = try server.bk("GET", "/vendors", token: nil, headers: [("Authorization", header)])
            #expect(response.status == 400, "\(header)")
            #expect(response.json == ["error": "invalid_request", "error_description": "Malformed auth header"])
            #expect(response.header("WWW-Authenticate")
                == #"Bearer realm="Service", error="invalid_request", error_description="Malformed auth header""#)
        }
    }

    @Test func theQueryFormWorksButNotTogetherWithTheHeader() throws {
        #expect(try server.bk("GET", "/vendors?access_token=\(BK.vendor)", token: nil).status == 200)
        let both = try server.bk("GET", "/vendors?access_token=\(BK.vendor)")
        #expect(both.status == 400)
        #expect(both.json == [
            "error": "invalid_request",
            "error_description": "Only one method may be used to authenticate at a time (Auth header, GET or POST)",
        ])
    }

    @Test func theSchemeIsCaseInsensitive() throws {
        #expect(try server.bk("GET", "/vendors", token: nil, headers: [("Authorization", "bearer \(BK.vendor)")]).status == 200)
    }

    @Test func theDocsExampleTokenWorks() throws {
        let response = try server.bk("GET", "/vendors?order=name", token: BK.docsToken)
        #expect(response.status == 200)
        #expect(response.count == 5)
    }

    @Test func theControlEndpointExpiresTokens() throws {
        let issued = try server.issueToken(client: "demo", secret: "demo")
        #expect(try server.request("POST", "/_understudy/bookingkit/tokens/expire").status == 204)
        #expect(try server.bk("GET", "/vendors", token: issued).json["error_description"] == "The access token provided has expired")
        #expect(try server.bk("GET", "/vendors").status == 200)
        #expect(try server.request("POST", "/_understudy/bookingkit/tokens/expire", json: ["token": .string(BK.demo)]).status == 204)
        #expect(try server.bk("GET", "/vendors", token: BK.demo).status == 401)
    }

    @Test func aTokenWithoutTheScopeIs403() throws {
        let readOnly = try server.issueToken(client: "mock-marketplace", secret: "mock-secret-marketplace", scope: "calendar_read")
        let response = try server.bk("GET", "/orders", token: readOnly)
        #expect(response.status == 403)
        #expect(response.json == [
            "error": "insufficient_scope", "error_description": "The request requires higher privileges than provided by the access token",
        ])
        #expect(response.header("WWW-Authenticate") == #"""
            Bearer realm="Service", scope="orders_read_owned orders_read_all", error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token"
            """#)
        #expect(try server.bk("POST", "/events", token: BK.demo, json: [:]).status == 403)
        #expect(try server.bk("GET", "/events", token: BK.demo).status == 200)
    }

    @Test func scopesAreNotCheckedWhenTheSwitchIsOff() throws {
        let lenient = try TestServer(environment: ["BOOKINGKIT_ENFORCE_SCOPES": "false"])
        #expect(try lenient.bk("GET", "/orders", token: BK.demo).status == 200)
    }
}

/// Vendor and marketplace clients (spec §2.4).
@Suite struct ClientTypeTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func aVendorClientSeesOnlyItsVendor() throws {
        #expect(try server.bk("GET", "/vendors").ids == [BK.v1])
        #expect(try server.bk("GET", "/vendors/\(BK.v3)").json == BKBodies.notFound)
        #expect(try server.bk("GET", "/orders/\(BK.oa)").status == 404)
        #expect(try server.bk("GET", "/vendors", token: BK.marketplace).ids == [BK.v1, BK.v2, BK.v3, BK.v4, BK.v5])
        #expect(try server.bk("GET", "/vendors", token: BK.reseller).ids == [BK.v1, BK.v3, BK.v4])
    }

    @Test func vendorOnlyEndpointsRefuseMarketplaceClients() throws {
        for path in ["/users", "/users/c1aa3a67eb1f3aa2a8f712ba8bb6649d", "/coupons", "/coupons/c1aa3a67eb1f3aa2a8f712ba8bb6649d",
                     "/vouchers", "/vouchers/v1aa3a67eb1f3aa2a8f712ba8bb6649e", "/open_date_tickets/2005cef0597aac12c83162c9a48104f8"]
        {
            let response = try server.bk("GET", path, token: BK.marketplace)
            #expect(response.status == 401, "\(path)")
            #expect(response.json == BKBodies.unauthorized, "\(path)")
        }
        #expect(try server.bk("POST", "/products", token: BK.marketplace, json: [:]).json == BKBodies.unauthorized)
        #expect(try server.bk("PATCH", "/products/\(BK.p1)", token: BK.marketplace, json: [:]).json == BKBodies.unauthorized)
        #expect(try server.bk("DELETE", "/products/\(BK.p1)", token: BK.marketplace).json == BKBodies.unauthorized)
        #expect(try server.bk("POST", "/open_date_tickets/x/redeem", token: BK.marketplace, json: [:]).json == BKBodies.unauthorized)
    }

    @Test func commissionIsTheResellersForMarketplaceClientsOnly() throws {
        #expect(try server.bk("GET", "/events/\(BK.e2)").json["commission"] == 0)
        #expect(try server.bk("GET", "/events/\(BK.e2)", token: BK.reseller).json["commission"] == 15)
        #expect(try server.bk("GET", "/events/\(BK.e2)", token: BK.marketplace).json["commission"] == 0)
    }

    @Test func aResellerWithOnlyOwnedScopesSeesTheOrdersItCreated() throws {
        let orders = try server.bk("GET", "/orders?status=ALL", token: BK.reseller)
        #expect(orders.ids == [BK.od])
        #expect(try server.bk("GET", "/orders/\(BK.oa)", token: BK.reseller).status == 404)
        #expect(try server.bk("GET", "/orders?status=ALL", token: BK.marketplace).ids == [BK.oa, BK.ob, BK.oc, BK.od, BK.oe, BK.of])
    }

    @Test func writingForAnotherVendorIs401() throws {
        var event = SeedSamples.event
        event["vendor_id"] = .string(BK.v3)
        #expect(try server.bk("POST", "/events", json: .object(event)).json == BKBodies.unauthorized)
        event["vendor_id"] = "unknown-vendor"
        #expect(try server.bk("POST", "/events", json: .object(event)).json == BKBodies.rule("Vendor \"unknown-vendor\" not found"))
    }
}
