import Foundation

/// A provider's OAuth 2 authorization server (RFC 6749): client authentication, the
/// `client_credentials` and `authorization_code` grants, and the authorize step (codes and the
/// implicit grant), minting tokens into the world's `TokenStore`. It reports `OAuthError`s and
/// never renders a body: the provider turns each case into its own status and text.
///
/// Wiring a token endpoint (clients live in the provider's schema, filled from its seed):
///
///     let oauth = OAuthServer(
///         provider: "bookingkit", grantTypes: [.clientCredentials],
///         tokenFormat: .lowercaseHex40, tokenLifetime: 3600)
///     // schema:   oauth.clients.schema
///     // loadSeed: try oauth.clients.insert(try seed.oauthClients("clients.json"), into: database)
///
///     Route(anonymous: "POST", "/oauth/token") { request in
///         do {
///             let token = try oauth.token(for: request)
///             return .json([
///                 "access_token": .string(token.value), "expires_in": 3600, "token_type": "Bearer",
///                 "scope": .string(OAuthScopes.text(token.scopes)),
///             ])
///         } catch let error as OAuthError {
///             return BookingkitOAuthError(error).response  // the provider's texts
///         }
///     }
///
/// and an authorize endpoint (`oauth.authorize(request, subject: ["user_id": "12345"])`, then a
/// 302 to `authorization.location(tokenType: "bearer", tokenPlacement: .query)`). The steps
/// `token(for:)` runs are public too, for a provider whose checks come in another order.
///
/// Values are deterministic: codes and tokens come from per-world counters (`OAuthState`), so
/// the same requests in a fresh world mint the same values. Times read the emulated clock.
public struct OAuthServer: Sendable {
    public let provider: String
    public let clients: OAuthClientTable
    /// The grants the token endpoint offers; others are `unsupportedGrantType`.
    public var grantTypes: [OAuthGrantType]
    /// The flows the authorize step offers; others are `unsupportedResponseType`.
    public var responseTypes: [OAuthResponseType]
    public var tokenFormat: CredentialFormat
    public var codeFormat: CredentialFormat
    /// Seconds a token stays valid on the emulated clock; nil for tokens that never expire.
    public var tokenLifetime: TimeInterval?
    /// Seconds an unused code stays valid.
    public var codeLifetime: TimeInterval
    /// Whether a client holding an unexpired minted token is refused another (bookingkit's
    /// optional 42901 rule); `OAuthState.setActiveTokenLimit` overrides it per world.
    public var limitsActiveTokens: Bool
    /// Whether the tokens it mints keep working after a reset of the provider
    /// (`IssuedToken.keptOnReset`); Eventbrite's spec has a reset take them back.
    public var mintedTokensOutliveResets: Bool

    public init(
        provider: String, grantTypes: [OAuthGrantType], responseTypes: [OAuthResponseType] = [],
        tokenFormat: CredentialFormat, tokenLifetime: TimeInterval?, codeFormat: CredentialFormat? = nil,
        codeLifetime: TimeInterval = 600, limitsActiveTokens: Bool = false,
        mintedTokensOutliveResets: Bool = true
    ) {
        self.provider = provider
        clients = OAuthClientTable(provider: provider)
        self.grantTypes = grantTypes
        self.responseTypes = responseTypes
        self.tokenFormat = tokenFormat
        self.codeFormat = codeFormat ?? tokenFormat
        self.tokenLifetime = tokenLifetime
        self.codeLifetime = codeLifetime
        self.limitsActiveTokens = limitsActiveTokens
        self.mintedTokensOutliveResets = mintedTokensOutliveResets
    }

    // MARK: - Token endpoint

    /// A whole token request, checked in RFC 6749's order: the body, `grant_type`, the client's
    /// credentials, then the grant's own parameters. Throws `OAuthError`, or a storage error.
    public func token(for request: ProviderRequest) throws -> IssuedToken {
        let parameters = try parameters(of: request)
        let grantType = try grantType(in: parameters)
        let client = try authenticateClient(request, parameters: parameters)
        switch grantType {
        case .clientCredentials:
            return try issueToken(to: client, scope: parameters["scope"], in: request.world)
        case .authorizationCode:
            return try exchangeCode(parameters, client: client, in: request.world)
        }
    }

    public func parameters(of request: ProviderRequest) throws(OAuthError) -> OAuthParameters {
        do {
            return OAuthParameters(try request.http.readBody(.oauthParameters))
        } catch {
            throw .malformedBody(error)
        }
    }

    public func grantType(in parameters: OAuthParameters) throws(OAuthError) -> OAuthGrantType {
        guard let text = parameters.nonEmpty("grant_type") else { throw .missingGrantType }
        guard let grantType = OAuthGrantType(rawValue: text), grantTypes.contains(grantType) else {
            throw .unsupportedGrantType(text)
        }
        return grantType
    }

    /// The client a token request authenticates as: HTTP Basic credentials when the request
    /// carries readable ones (they win over the body), else `client_id` and `client_secret`
    /// from the body (RFC 6749 §2.3.1).
    public func authenticateClient(_ request: ProviderRequest, parameters: OAuthParameters) throws -> OAuthClient {
        let id: String?
        let secret: String?
        if case .credentials(let basic) = BasicCredentials.read(request.headers) {
            (id, secret) = (basic.id, basic.secret)
        } else {
            (id, secret) = (parameters["client_id"], parameters["client_secret"])
        }
        guard let id, !id.isEmpty else { throw OAuthError.clientAuthentication(.noCredentials) }
        guard let secret, !secret.isEmpty else { throw OAuthError.clientAuthentication(.missingSecret) }
        guard let client = try request.read({ try clients.client(id: id, in: $0) }), client.secret == secret else {
            throw OAuthError.clientAuthentication(.invalidCredentials)
        }
        return client
    }

    /// The `client_credentials` grant: a token for the client's own subject, with the requested
    /// scopes (space-separated, all among the client's) or, when none are requested, all of its own.
    public func issueToken(to client: OAuthClient, scope: String?, in world: World) throws(OAuthError) -> IssuedToken {
        let scopes = try grantedScopes(requested: scope, client: client)
        let now = world.clock.now
        return try world.oauth.contents.withLock { contents throws(OAuthError) -> IssuedToken in
            try mint(
                client: client, subject: client.subject, scopes: scopes, grant: .clientCredentials, now: now, world: world,
                contents: &contents)
        }
    }

    /// The `authorization_code` grant: the code must exist, be unused and unexpired, belong to
    /// `client`, and come with the `redirect_uri` it was issued for when the authorize request
    /// named one (RFC 6749 §4.1.3). The token stands for the user who approved the code. A
    /// refused exchange leaves the code as it was.
    public func exchangeCode(_ parameters: OAuthParameters, client: OAuthClient, in world: World) throws(OAuthError) -> IssuedToken {
        guard let value = parameters.nonEmpty("code") else { throw .missingParameter("code") }
        let redirectURI = parameters.nonEmpty("redirect_uri")
        let now = world.clock.now
        let key = OAuthState.Key(provider: provider, value: value)
        return try world.oauth.contents.withLock { contents throws(OAuthError) -> IssuedToken in
            guard var code = contents.codes[key] else { throw .invalidGrant(.unknownCode) }
            guard !code.isUsed else { throw .invalidGrant(.codeAlreadyUsed) }
            guard now < code.expiresAt else { throw .invalidGrant(.codeExpired) }
            guard code.clientID == client.id else { throw .invalidGrant(.clientMismatch) }
            if code.redirectURIWasGiven, redirectURI == nil { throw .missingParameter("redirect_uri") }
            if let redirectURI, redirectURI != code.redirectURI { throw .invalidGrant(.redirectURIMismatch) }
            let token = try mint(
                client: client, subject: code.subject, scopes: code.scopes, grant: .authorizationCode, now: now,
                world: world, contents: &contents)
            code.isUsed = true
            contents.codes[key] = code
            return token
        }
    }

    // MARK: - Authorize endpoint

    /// The authorize step, approved at once on behalf of `subject` (the emulated user): checks
    /// `client_id`, `redirect_uri` (optional when the client registered exactly one),
    /// `response_type` and `scope` from the query, in that order, then answers with a code, a
    /// token, or, when a denial is armed, `denied`. Throws `OAuthError`, or a storage error.
    public func authorize(_ request: ProviderRequest, subject: [String: String]) throws -> OAuthAuthorization {
        let query = request.query
        func parameter(_ name: String) -> String? { query[name].flatMap { $0.isEmpty ? nil : $0 } }

        guard let clientID = parameter("client_id") else { throw OAuthError.missingParameter("client_id") }
        guard let client = try request.read({ try clients.client(id: clientID, in: $0) }) else {
            throw OAuthError.unknownClient(clientID)
        }
        let redirectURI: String
        let redirectURIWasGiven = parameter("redirect_uri") != nil
        if let given = parameter("redirect_uri") {
            guard client.allowsRedirect(to: given) else { throw OAuthError.invalidRedirectURI(given) }
            redirectURI = given
        } else if client.redirectURIs.count == 1 {
            redirectURI = client.redirectURIs[0]
        } else {
            throw OAuthError.missingParameter("redirect_uri")
        }
        guard let responseTypeText = parameter("response_type") else { throw OAuthError.missingParameter("response_type") }
        guard let responseType = OAuthResponseType(rawValue: responseTypeText), responseTypes.contains(responseType) else {
            throw OAuthError.unsupportedResponseType(responseTypeText)
        }
        let scopes = try grantedScopes(requested: query["scope"], client: client)
        let state = parameter("state")
        let world = request.world

        func authorization(_ outcome: OAuthAuthorization.Outcome) -> OAuthAuthorization {
            let expiresIn = tokenLifetime.map { Int($0.rounded()) }
            return OAuthAuthorization(
                outcome: outcome, client: client, redirectURI: redirectURI, state: state,
                expiresIn: responseType == .token ? expiresIn : nil)
        }
        if world.oauth.takeDenial(provider: provider) { return authorization(.denied) }
        let now = world.clock.now
        switch responseType {
        case .token:
            let token = try world.oauth.contents.withLock { contents throws(OAuthError) -> IssuedToken in
                try mint(client: client, subject: subject, scopes: scopes, grant: nil, now: now, world: world, contents: &contents)
            }
            return authorization(.token(token))
        case .code:
            let value = world.oauth.contents.withLock { contents -> String in
                var value: String
                repeat {
                    value = codeFormat.value(sequence: "\(provider).code", counter: contents.nextCounter("\(provider).code"))
                } while contents.codes[OAuthState.Key(provider: provider, value: value)] != nil
                contents.codes[OAuthState.Key(provider: provider, value: value)] = OAuthAuthorizationCode(
                    provider: provider, value: value, clientID: client.id, redirectURI: redirectURI,
                    redirectURIWasGiven: redirectURIWasGiven, subject: subject, scopes: scopes,
                    expiresAt: now.addingTimeInterval(codeLifetime))
                return value
            }
            return authorization(.code(value))
        }
    }

    // MARK: - Shared steps

    /// The scopes a request is granted: the requested ones when all are the client's, the
    /// client's own when none are requested.
    public func grantedScopes(requested: String?, client: OAuthClient) throws(OAuthError) -> [String] {
        let scopes = OAuthScopes.parse(requested ?? "")
        guard !scopes.isEmpty else { return client.scopes }
        let notAllowed = scopes.filter { !client.scopes.contains($0) }
        guard notAllowed.isEmpty else { throw .invalidScope(notAllowed: notAllowed) }
        return scopes
    }

    /// Mints a token into the world's store, under the state's lock so the one-active-token
    /// rule cannot be raced. `grant` nil is the implicit grant.
    private func mint(
        client: OAuthClient, subject: [String: String], scopes: [String], grant: OAuthGrantType?, now: Date, world: World,
        contents: inout OAuthState.Contents
    ) throws(OAuthError) -> IssuedToken {
        let clientKey = OAuthState.Key(provider: provider, value: client.id)
        if contents.activeTokenLimit[provider] ?? limitsActiveTokens, let latest = contents.latestTokens[clientKey],
            let existing = world.tokens.token(provider: provider, value: latest), !existing.isExpired(at: now)
        {
            throw .activeTokenLimit(existing: existing)
        }
        let sequence = "\(provider).access_token"
        var value: String
        // Values never repeat within the sequence; this only steps over a seeded token's value.
        repeat {
            value = tokenFormat.value(sequence: sequence, counter: contents.nextCounter(sequence))
        } while world.tokens.token(provider: provider, value: value) != nil
        let token = IssuedToken(
            provider: provider, value: value,
            subject: JSONObject(subject.keys.sorted().map { (key: $0, value: .string(subject[$0])) }), scopes: scopes,
            expiresAt: tokenLifetime.map { now.addingTimeInterval($0) }, clientID: client.id,
            purpose: "Issued to client \(client.id) by the \(grant?.rawValue ?? "implicit") grant", origin: .minted,
            keptOnReset: mintedTokensOutliveResets)
        world.tokens.add(token)
        contents.latestTokens[clientKey] = value
        return token
    }
}
