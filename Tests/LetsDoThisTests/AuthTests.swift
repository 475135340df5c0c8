import Emulation
import TestSupport
import Testing

/// Bearer JWT authentication (spec §2): every check of §2.2 in order, with the bodies of §2.3.
@Suite struct AuthTests {
    /// One request per endpoint (aliases included); each answers 401 before it looks at anything else.
    static let endpoints: [(method: String, path: String)] = [
        ("GET", "/applications"), ("GET", "/applications/x"), ("GET", "/events/x/applications"),
        ("GET", "/participants"), ("GET", "/participants/x"), ("GET", "/races/x/participants"),
        ("GET", "/partners/x"), ("PATCH", "/partners/x"), ("PUT", "/partners/x"), ("GET", "/partners"), ("POST", "/partners"),
        ("POST", "/partners/x/claim-link"), ("GET", "/reserved-entries/x"), ("PATCH", "/reserved-entries/x"),
        ("DELETE", "/reserved-entries/x"), ("GET", "/events/x/reserved-entries"), ("POST", "/events/x/reserved-entries"),
        ("GET", "/events/x/tickets"), ("GET", "/line-items/x"), ("GET", "/line-items"), ("GET", "/lineItems"),
    ]

    @Test func everyEndpointRefusesARequestWithoutAuthorization() throws {
        let server = try TestServer()
        for (method, path) in Self.endpoints {
            // A body that would fail validation: authentication comes first.
            let response = try server.ldt(method, path + "?page[size]=0", token: nil, json: method == "GET" ? nil : ["name": 1])
            #expect(response.status == 401, "\(method) \(path)")
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.json == Expected.noAuth, "\(method) \(path)")
            #expect(response.json.objectValue?.keys == ["statusCode", "code", "error", "message"])
        }
    }

    @Test func theHeaderMustBeBearerThenOneToken() throws {
        let server = try TestServer()
        for value in ["Basic bGR0OnRlc3Q=", "Token \(Seed.tokenA)", Seed.tokenA, "Bearer", "Bearer\(Seed.tokenA)"] {
            let response = try server.ldt("GET", "/applications", token: nil, headers: [("Authorization", value)])
            #expect(response.status == 401, "\(value)")
            #expect(response.json == Expected.noAuth, "\(value)")
        }
        for value in ["Bearer \(Seed.tokenA) extra", "Bearer  \(Seed.tokenA)", "Bearer\t\(Seed.tokenA)"] {
            let response = try server.ldt("GET", "/applications", token: nil, headers: [("Authorization", value)])
            #expect(response.status == 400, "\(value)")
            #expect(response.json == Expected.badFormat, "\(value)")
        }
        let lowerCase = try server.ldt("GET", "/applications", token: nil, headers: [("Authorization", "bearer \(Seed.tokenA)")])
        #expect(lowerCase.status == 200)
    }

    @Test func theReadyMadeTokensOfTheSpec() throws {
        let server = try TestServer()
        #expect(try server.ldt("GET", "/applications", token: Seed.tokenA).status == 200)
        #expect(try server.ldt("GET", "/applications", token: Seed.tokenB).status == 200)
        #expect(try server.ldt("GET", "/applications", token: Seed.expiredToken).json == Expected.expired)
        #expect(try server.ldt("GET", "/applications", token: Seed.wrongSecretToken).json
            == Expected.invalid("The token signature is invalid."))
        #expect(try server.ldt("GET", "/applications", token: Seed.revokedToken).json == Expected.untrusted)
        #expect(try server.ldt("GET", "/applications", token: Seed.noOrganiserToken).json == Expected.untrusted)
    }

    @Test func malformedUnsignedAndOtherAlgorithms() throws {
        let server = try TestServer()
        let payload = "eyJvcmdhbmlzZXJJZCI6IjYzYTFiMmMzZDRlNWY2MDcxODI5M2E0YiIsImlhdCI6MTcwMDAwMDAwMH0"
        let signature = String(Seed.tokenA.split(separator: ".")[2])
        let none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0"  // {"alg":"none","typ":"JWT"}
        let rs256 = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"  // {"alg":"RS256","typ":"JWT"}
        let cases: [(String, JSONValue)] = [
            ("not-a-jwt", Expected.invalid("The token is malformed.")),
            ("a.b.c", Expected.invalid("The token is malformed.")),
            ("\(none).\(payload).", Expected.unsigned),
            ("\(none).\(payload).\(signature)", Expected.unsigned),
            ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\(payload).", Expected.unsigned),
            ("\(rs256).\(payload).\(signature)", Expected.invalid("The token algorithm is invalid.")),
            ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\(payload).\(signature)x", Expected.invalid("The token signature is invalid.")),
        ]
        for (token, expected) in cases {
            let response = try server.ldt("GET", "/participants", token: token)
            #expect(response.status == 401, "\(token)")
            #expect(response.json == expected, "\(token)")
        }
    }

    @Test func expiryAndNotBeforeFollowTheEmulatedClock() throws {
        let server = try TestServer()
        try server.freezeClock(at: "2026-01-01T00:00:00Z")
        let token = try server.mintToken(["organiserId": .string(Seed.organiserA), "expiresInSeconds": 60])
        #expect(try server.ldt("GET", "/participants", token: token).status == 200)
        let advanced = try server.request("POST", "/_understudy/clock/advance", json: ["seconds": 59])
        #expect(advanced.status == 200)
        #expect(try server.ldt("GET", "/participants", token: token).status == 200)
        try server.advanceClock(seconds: 1)
        // exp <= now: expired at the very second.
        #expect(try server.ldt("GET", "/participants", token: token).json == Expected.expired)

        // The seed's expired token (exp 1700003600) is valid before that instant.
        try server.freezeClock(at: "2023-11-14T23:00:00Z")
        #expect(try server.ldt("GET", "/participants", token: Seed.expiredToken).status == 200)
        // nbf in the future: not active yet.
        let notYet = signed(#"{"organiserId":"63a1b2c3d4e5f60718293a4b","nbf":1800000000}"#)
        #expect(try server.ldt("GET", "/participants", token: notYet).json == Expected.invalid("The token is not active yet."))
    }

    @Test func organiserClaimsAndUnknownOrganisers() throws {
        let server = try TestServer()
        for payload in [#"{"organizerId":"63a1b2c3d4e5f60718293a4c"}"#, #"{"sub":"63a1b2c3d4e5f60718293a4c"}"#,
                        #"{"organiserId":"","sub":"63a1b2c3d4e5f60718293a4c"}"#] {
            let response = try server.ldt("GET", "/applications", token: signed(payload))
            #expect(response.status == 200, "\(payload)")
            #expect(response.ids == [Seed.orgBApplication], "\(payload)")
        }
        let unknown = try server.ldt("GET", "/applications", token: signed(#"{"organiserId":"000000000000000000000000"}"#))
        #expect(unknown.json == Expected.untrusted)
    }

    @Test func revocationsByTokenAndByJTI() throws {
        let server = try TestServer()
        let token = try server.mintToken(["organiserId": .string(Seed.organiserA), "jti": "key-2"])
        #expect(try server.ldt("GET", "/participants", token: token).status == 200)
        let byJTI = try server.request("POST", "/_understudy/letsdothis/revocations", json: ["jti": "key-2"])
        #expect(byJTI.status == 200)
        #expect(try server.ldt("GET", "/participants", token: token).json == Expected.untrusted)

        #expect(try server.ldt("GET", "/participants", token: Seed.tokenB).status == 200)
        _ = try server.request("POST", "/_understudy/letsdothis/revocations", json: ["token": .string(Seed.tokenB)])
        #expect(try server.ldt("GET", "/participants", token: Seed.tokenB).json == Expected.untrusted)
        // A reset restores the seed's revocations only.
        #expect(try server.request("POST", "/_understudy/reset?provider=letsdothis").status == 200)
        #expect(try server.ldt("GET", "/participants", token: Seed.tokenB).status == 200)
        #expect(try server.ldt("GET", "/participants", token: Seed.revokedToken).json == Expected.untrusted)
    }

    @Test func anotherOrganisersResourcesAreNotFound() throws {
        let server = try TestServer()
        let cases: [(String, String, String)] = [
            ("GET", "/applications/\(Seed.orgBApplication)", "Application"),
            ("GET", "/participants/\(Seed.orgBParticipant)", "Participant"),
            ("GET", "/events/\(Seed.ultra)/applications", "Event"),
            ("GET", "/races/9100001001/participants", "Race"),
            ("GET", "/partners/\(Seed.mountainRescue)", "Partner"),
            ("GET", "/partners/31337?externalId=justGiving", "Partner"),
            ("PATCH", "/partners/\(Seed.mountainRescue)", "Partner"),
            ("POST", "/partners/\(Seed.mountainRescue)/claim-link", "Partner"),
            ("GET", "/reserved-entries/\(Seed.rescueGroup)", "Reserved entry group"),
            ("PATCH", "/reserved-entries/\(Seed.rescueGroup)", "Reserved entry group"),
            ("DELETE", "/reserved-entries/\(Seed.rescueGroup)", "Reserved entry group"),
            ("GET", "/events/\(Seed.ultra)/reserved-entries", "Event"),
            ("POST", "/events/\(Seed.ultra)/reserved-entries", "Event"),
            ("GET", "/events/\(Seed.ultra)/tickets", "Event"),
            ("GET", "/line-items/6650b0000000000000000e01", "LineItem"),
        ]
        for (method, path, resource) in cases {
            let body: JSONValue? = switch (method, path.hasSuffix("reserved-entries")) {
            case ("POST", true): ["name": "Places", "maxCapacity": 1, "tickets": [["ticketId": .string(Seed.ticketUltra)]], "type": "MULTI_USE"]
            case ("GET", _), ("DELETE", _): nil
            default: [:]
            }
            let response = try server.ldt(method, path, json: body)
            #expect(response.status == 404, "\(method) \(path)")
            #expect(response.json == Expected.notFound(resource), "\(method) \(path)")
            // The owner sees it.
            if method == "GET" { #expect(try server.ldt(method, path, token: Seed.tokenB).status == 200, "\(path)") }
        }
        // Lists leave other organisers' items out.
        #expect(try server.ldt("GET", "/line-items", token: Seed.tokenB).ids == ["6650b0000000000000000e01"])
        #expect(try server.ldt("GET", "/partners", token: Seed.tokenB).ids == [Seed.mountainRescue])
        #expect(!(try server.ldt("GET", "/partners").ids.contains(Seed.mountainRescue)))
    }

    @Test func staticTokensAndPermissiveMode() throws {
        let server = try TestServer(environment: [
            "LDT_STATIC_TOKENS": #"{"my-fake-key": "63a1b2c3d4e5f60718293a4c"}"#, "LDT_REVOKED_TOKENS": #"["revoked-key-1", "burnt"]"#,
        ])
        #expect(try server.ldt("GET", "/applications", token: "my-fake-key").ids == [Seed.orgBApplication])
        #expect(try server.ldt("GET", "/applications", token: "burnt").json == Expected.untrusted)
        #expect(try server.ldt("GET", "/applications", token: "other").json == Expected.invalid("The token is malformed."))

        let permissive = try TestServer(environment: ["LDT_AUTH_MODE": "permissive"])
        #expect(try permissive.ldt("GET", "/applications", token: "anything").ids.count == 6)
        #expect(try permissive.ldt("GET", "/applications", token: Seed.wrongSecretToken).ids.count == 6)
        #expect(try permissive.ldt("GET", "/applications", token: Seed.tokenB).ids == [Seed.orgBApplication])
        #expect(try permissive.ldt("GET", "/applications", token: nil).json == Expected.noAuth)
    }

    /// Permissive mode skips steps 5 to 10 only: the header format, revoked token strings and
    /// static tokens still count; expiry and revoked `jti`s do not.
    @Test func permissiveModeKeepsTheFirstFourSteps() throws {
        let permissive = try TestServer(environment: [
            "LDT_AUTH_MODE": "permissive", "LDT_REVOKED_TOKENS": #"["revoked-key-1", "burnt"]"#,
            "LDT_STATIC_TOKENS": #"{"northern-key": "63a1b2c3d4e5f60718293a4c"}"#,
        ])
        for value in ["Bearer a b", "Bearer  a", "Bearer\ta"] {
            let response = try permissive.ldt("GET", "/applications", token: nil, headers: [("Authorization", value)])
            #expect(response.status == 400, "\(value)")
            #expect(response.json == Expected.badFormat, "\(value)")
        }
        for value in ["Basic bGR0OnRlc3Q=", "Bearer"] {
            #expect(try permissive.ldt("GET", "/applications", token: nil, headers: [("Authorization", value)]).json == Expected.noAuth)
        }
        #expect(try permissive.ldt("GET", "/applications", token: "burnt").json == Expected.untrusted)
        #expect(try permissive.ldt("GET", "/applications", token: "northern-key").ids == [Seed.orgBApplication])
        #expect(try permissive.ldt("GET", "/applications", token: Seed.expiredToken).ids.count == 6)
        #expect(try permissive.ldt("GET", "/applications", token: Seed.revokedToken).ids.count == 6)
        // A token that decodes without an organiser claim falls back to the default organiser.
        #expect(try permissive.ldt("GET", "/applications", token: Seed.noOrganiserToken).ids.count == 6)

        let defaulted = try TestServer(environment: ["LDT_AUTH_MODE": "permissive", "LDT_DEFAULT_ORGANISER_ID": Seed.organiserB])
        #expect(try defaulted.ldt("GET", "/applications", token: "any-key").ids == [Seed.orgBApplication])
        #expect(try defaulted.ldt("GET", "/applications", token: Seed.tokenA).ids.count == 6)
    }

    @Test func aSecretFromTheEnvironmentSignsAndVerifies() throws {
        let server = try TestServer(environment: ["LDT_JWT_SECRET": "another-secret"])
        #expect(try server.ldt("GET", "/participants", token: Seed.tokenA).json == Expected.invalid("The token signature is invalid."))
        let credentials = try server.request("GET", "/_understudy/credentials").json["providers"]?["letsdothis"]
        #expect(credentials?["jwt"]?["secret"] == "another-secret")
        let header = try #require(credentials?["headers"]?["Authorization"]?.stringValue)
        #expect(try server.ldt("GET", "/participants", token: nil, headers: [("Authorization", header)]).status == 200)
    }

    /// An HS256 token for `payload`, signed here with the default secret.
    private func signed(_ payload: String) -> String {
        JWTTestSigner.sign(payload: payload, secret: "ldt-mock-secret")
    }
}
