import Emulation

/// Eventbrite's OAuth endpoints on www.eventbrite.com (spec §2), on the kit's OAuth server:
/// `GET /oauth/authorize` approves at once for the configured user (`EVENTBRITE_OAUTH_USER_ID`,
/// default 12345) and redirects with a code (`response_type=code`) or a token in the query
/// (`response_type=token`, as the seed says); `POST /oauth/token` exchanges a code. Codes are
/// single-use and live ten minutes; tokens never expire and work at once like private tokens.
/// The apps are `oauth_clients` in `seed/eventbrite/tokens.json`.
struct EventbriteOAuth: Sendable {
    let server = OAuthServer(
        provider: EventbriteAuth.provider, grantTypes: [.authorizationCode], responseTypes: [.code, .token],
        tokenFormat: .uppercaseAlphanumeric20, tokenLifetime: nil, codeLifetime: 600,
        // A reset takes back the tokens minted since (spec §12).
        mintedTokensOutliveResets: false)
    let userID: Int64

    var schema: String { server.clients.schema }

    func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try server.clients.insert(try seed.oauthClients("tokens.json", key: "oauth_clients"), into: database)
    }

    var routes: [Route<Caller>] {
        let server = server
        let subject = ["user_id": String(userID)]
        return [
            Route(
                anonymous: "GET", "/oauth/authorize",
                example: "/oauth/authorize?response_type=code&client_id=MOCK_API_KEY&redirect_uri=http://localhost:8080/oauth/redirect"
            ) { request in
                do {
                    let authorization = try server.authorize(request, subject: subject)
                    let location = authorization.location(tokenType: "bearer", tokenPlacement: .query)
                    return .empty(status: 302, headers: [("Location", location), ("Content-Type", "application/json")])
                } catch let error as OAuthError {
                    return Self.response(for: error)
                }
            }.outsideBasePath(),
            Route(anonymous: "POST", "/oauth/token") { request in
                do {
                    let token = try server.token(for: request)
                    return EventbriteResponse.json(["access_token": .string(token.value), "token_type": "bearer"])
                } catch let error as OAuthError {
                    return Self.response(for: error)
                }
            }.outsideBasePath(),
        ]
    }

    /// `POST /_understudy/eventbrite/oauth/deny`: the next authorize request redirects with
    /// `error=access_denied` (spec §12).
    var controlRoutes: [ControlRoute] {
        [
            ControlRoute("POST", "/oauth/deny") { request in
                request.world.oauth.armDenials(provider: EventbriteAuth.provider)
                return .json(["armed": .int(request.world.oauth.armedDenials(provider: EventbriteAuth.provider))])
            }
        ]
    }

    /// `/_understudy/credentials`: the demo token's header, every token with what it stands for,
    /// and the OAuth apps.
    func credentials(tokens: [IssuedToken], in database: Database) throws -> JSONValue {
        [
            "headers": ["Authorization": .string("Bearer \(EventbriteTokens.demoToken)")],
            "query": ["token": .string(EventbriteTokens.demoToken)],
            "tokens": .array(tokens.map(\.listing)),
            "oauth_clients": .array(try server.clients.all(in: database).map { $0.listing() }),
            "oauth_user_id": .string(String(userID)),
        ]
    }

    /// RFC 6749's error bodies (§2.2: the spec gives no Eventbrite-specific ones): a client that
    /// fails authentication at the token endpoint is 401, everything else 400.
    static func response(for error: OAuthError) -> HTTPResponse {
        let (status, code, description): (Int, String, String)
        switch error {
        case .malformedBody: (status, code, description) = (400, "invalid_request", "The request body could not be read.")
        case .missingGrantType: (status, code, description) = (400, "invalid_request", "grant_type is required.")
        case .unsupportedGrantType(let type):
            (status, code, description) = (400, "unsupported_grant_type", "Unsupported grant_type: \(type).")
        case .missingParameter(let name): (status, code, description) = (400, "invalid_request", "\(name) is required.")
        case .clientAuthentication: (status, code, description) = (401, "invalid_client", "Invalid client credentials.")
        case .unknownClient: (status, code, description) = (400, "invalid_client", "Invalid client_id.")
        case .invalidRedirectURI: (status, code, description) = (400, "invalid_request", "Invalid redirect_uri.")
        case .unsupportedResponseType(let type):
            (status, code, description) = (400, "unsupported_response_type", "Unsupported response_type: \(type).")
        case .invalidScope: (status, code, description) = (400, "invalid_scope", "Invalid scope.")
        case .invalidGrant: (status, code, description) = (400, "invalid_grant", "Invalid authorization code.")
        case .activeTokenLimit: (status, code, description) = (400, "invalid_request", "Too many active tokens.")
        }
        return EventbriteResponse.json(["error": .string(code), "error_description": .string(description)], status: status)
    }
}
