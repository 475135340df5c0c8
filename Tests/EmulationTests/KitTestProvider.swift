import Emulation
import Foundation
import TestSupport

/// A provider that exists only in tests: it serves the kit's OAuth toolkit and body reader over
/// real HTTP, in a small dialect of its own (`{"error": "case"}`), so tests can assert each
/// outcome the kit reports.
struct KitTestProvider: Provider {
    let name: String
    let basePath = "/api"
    let hosts: [String] = []
    let oauth: OAuthServer

    /// The clients the seed gives it, written as seed files write them.
    static let seedClients: JSONValue = [
        "clients": [
            [
                "client_id": "vendor-app", "client_secret": "vendor-secret", "kind": "vendor",
                "scopes": "calendar_read calendar_write orders_read_owned", "subject": ["vendor_id": "v1", "user_id": 7],
                "purpose": "A vendor client",
            ],
            [
                "client_id": "web-app", "client_secret": "s3cr:t +%", "kind": "marketplace",
                "scopes": ["calendar_read", "orders_read_all"],
                "redirect_uris": ["https://app.example/callback", "https://app.example/other"],
                "purpose": "An app with registered redirects",
            ],
            [
                "client_id": "any-redirect", "client_secret": "any-secret",
                "purpose": "An app without registered redirects",
            ],
            [
                "client_id": "one-redirect", "client_secret": "one-secret",
                "redirect_uris": ["https://one.example/cb?app=1"], "purpose": "An app with exactly one redirect",
            ],
        ]
    ]

    init(
        name: String = "kittest", tokenFormat: CredentialFormat = .lowercaseHex40, tokenLifetime: TimeInterval? = 3600,
        limitsActiveTokens: Bool = false
    ) {
        self.name = name
        oauth = OAuthServer(
            provider: name, grantTypes: [.clientCredentials, .authorizationCode], responseTypes: [.code, .token],
            tokenFormat: tokenFormat, tokenLifetime: tokenLifetime, codeFormat: .uppercaseAlphanumeric20, codeLifetime: 600,
            limitsActiveTokens: limitsActiveTokens)
    }

    var schema: String { oauth.clients.schema }

    func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        let clients = try SeedRecord.array("clients", in: Self.seedClients, file: "clients.json").map(OAuthClient.init(seed:))
        try oauth.clients.insert(clients, into: database)
    }

    /// The user who "approves" authorize requests.
    static let user = ["user_id": "12345"]

    static let forms = RequestBodyTests.forms

    /// How the echo routes read bodies, by the last path segment.
    static let readings: [String: BodyReading] = ["json": .alwaysJSON, "forms": forms, "oauth": .oauthParameters]

    var routes: [Route<IssuedToken>] {
        [
            Route(anonymous: "POST", "/oauth/token") { request in
                do {
                    let token = try oauth.token(for: request)
                    var body = JSONObject()
                    body.append("access_token", .string(token.value))
                    body.append("token_type", "Bearer")
                    if let expiresAt = token.expiresAt {
                        body.append("expires_in", .int(Int(expiresAt.timeIntervalSince(request.now).rounded())))
                    }
                    body.append("scope", .string(OAuthScopes.text(token.scopes)))
                    return .json(.object(body))
                } catch let error as OAuthError {
                    return Self.response(for: error)
                }
            },
            Route(anonymous: "GET", "/oauth/authorize") { request in
                do {
                    let authorization = try oauth.authorize(request, subject: Self.user)
                    let location = authorization.location(
                        tokenType: "bearer", tokenPlacement: request.query["placement"] == "query" ? .query : .fragment)
                    return .empty(status: 302, headers: [("Location", location)])
                } catch let error as OAuthError {
                    return Self.response(for: error)
                }
            },
            Route("GET", "/me") { _, token in
                var body = JSONObject()
                for (key, value) in token.subject { body[key] = value }
                body["scopes"] = .array(token.scopes.map(JSONValue.string))
                body["client_id"] = .string(token.clientID)
                return .json(.object(body))
            },
            Route(anonymous: "POST", "/echo/{reading}") { request in
                guard let reading = Self.readings[request.parameter("reading")] else { return .empty(status: 404) }
                let body = try request.http.readBody(reading)
                let files: [JSONValue] = body.files.map { file in
                    [
                        "field": .string(file.fieldName), "filename": .string(file.filename),
                        "content_type": .string(file.contentType), "size": .int(file.bytes.count),
                    ]
                }
                return .json([
                    "encoding": .string(body.encoding.map { "\($0)" }), "empty": .bool(body.isEmpty), "value": body.value,
                    "fields": .array(body.fields.map { [.string($0.name), .string($0.value)] }), "files": .array(files),
                    "list": .array(body.list(request.query["list"] ?? "").map(JSONValue.string)),
                ])
            },
            // Serves an uploaded file back, bytes and type as received.
            Route(anonymous: "POST", "/upload") { request in
                let body = try request.http.readBody(Self.forms)
                guard let file = body.file("file") else { return .empty(status: 422) }
                return HTTPResponse(
                    status: 200,
                    headers: HTTPHeaders([("Content-Type", file.contentType), ("X-Filename", file.filename)]),
                    body: file.bytes)
            },
        ]
    }

    var controlRoutes: [ControlRoute] {
        [
            ControlRoute("POST", "/oauth/deny") { request in
                request.world.oauth.armDenials(provider: name, count: Int(request.query["count"] ?? "1") ?? 1)
                return .json(["armed": .int(request.world.oauth.armedDenials(provider: name))])
            },
            ControlRoute("POST", "/oauth/token-limit") { request in
                let enabled = request.query["enabled"].map { $0 == "true" }
                request.world.oauth.setActiveTokenLimit(provider: name, enabled: enabled)
                return .json([:])
            },
        ]
    }

    /// Bearer tokens from the header or `access_token`, never both (bookingkit's rule).
    func authenticate(_ request: ProviderRequest) throws -> IssuedToken {
        switch request.bearerCredential(queryParameter: "access_token", whenBoth: .refuse) {
        case .absent: throw KitTestError(status: 401, error: "absent")
        case .malformedHeader: throw KitTestError(status: 400, error: "malformedHeader")
        case .headerAndQuery: throw KitTestError(status: 400, error: "headerAndQuery")
        case .token(let value):
            guard let token = request.world.tokens.token(provider: name, value: value) else {
                throw KitTestError(status: 401, error: "unknownToken")
            }
            guard !token.isExpired(at: request.now) else { throw KitTestError(status: 401, error: "expiredToken") }
            return token
        }
    }

    func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse {
        .json(["error": "notFound"], status: 404)
    }

    func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        guard let error = error as? RequestBodyError else { return .json(["error": .string("\(error)")], status: status) }
        return .json(["error": .string(Self.name(of: error))], status: status)
    }

    func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue {
        ["headers": [:], "clients": .array(try oauth.clients.all(in: database).map { $0.listing() })]
    }

    /// The test dialect's name for each outcome, e.g. `clientAuthentication.missingSecret`.
    static func name(of error: OAuthError) -> String {
        switch error {
        case .malformedBody(let body): return "malformedBody.\(name(of: body))"
        case .missingGrantType: return "missingGrantType"
        case .unsupportedGrantType(let grant): return "unsupportedGrantType.\(grant)"
        case .missingParameter(let parameter): return "missingParameter.\(parameter)"
        case .clientAuthentication(let failure): return "clientAuthentication.\(failure)"
        case .unknownClient: return "unknownClient"
        case .invalidRedirectURI: return "invalidRedirectURI"
        case .unsupportedResponseType: return "unsupportedResponseType"
        case .invalidScope(let scopes): return "invalidScope.\(scopes.joined(separator: ","))"
        case .invalidGrant(let reason): return "invalidGrant.\(reason)"
        case .activeTokenLimit: return "activeTokenLimit"
        }
    }

    static func name(of error: RequestBodyError) -> String {
        switch error {
        case .malformedJSON: return "malformedJSON"
        case .notAnObject: return "notAnObject"
        case .malformedMultipart(let reason): return "malformedMultipart.\(reason)"
        case .unsupportedMediaType: return "unsupportedMediaType"
        }
    }

    static func response(for error: OAuthError) -> HTTPResponse {
        let status = if case .activeTokenLimit = error { 429 } else if case .clientAuthentication = error { 401 } else { 400 }
        return .json(["error": .string(name(of: error))], status: status)
    }
}

struct KitTestError: ResponseError {
    let status: Int
    let error: String
    var response: HTTPResponse { .json(["error": .string(error)], status: status) }
}

/// A server with only test providers, on 127.0.0.1 and a free port, with its own world.
final class KitTestServer: Sendable {
    let world: World
    let port: Int
    private let server: HTTPServer

    init(_ providers: [any Provider] = [KitTestProvider()], memoizesResponses: Bool = true) throws {
        let seed = try SeedSnapshot(providers: providers, seedRoot: TestServer.seedDirectory)
        world = try World(seed: seed, location: .memory, memoizesResponses: memoizesResponses)
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        server = HTTPServer(
            configuration: configuration, responder: Emulator(providers: providers, world: world, version: "test"))
        port = try server.start()
    }

    deinit { server.shutdown(gracePeriod: 1) }

    func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8]? = nil) throws -> TestResponse {
        try TestHTTPClient.send(port: port, method: method, target: target, headers: headers, body: body)
    }

    /// A form-encoded POST.
    func post(_ target: String, form: String, headers: [(String, String)] = []) throws -> TestResponse {
        try request(
            "POST", target, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: Array(form.utf8))
    }
}
