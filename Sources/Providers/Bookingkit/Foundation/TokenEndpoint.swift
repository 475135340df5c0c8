import Emulation

/// `POST /oauth/token` at the host root (spec §2.1): client credentials as a form, multipart,
/// JSON or HTTP Basic (which wins), answered with the token response and `Cache-Control:
/// no-store`, or the OAuth library's error bodies (texts of the library the token format
/// identifies, §0 [BSHAFFER]).
enum TokenEndpoint {
    static func route(_ oauth: OAuthServer) -> Route<BookingkitClient> {
        Route(anonymous: "POST", "/oauth/token") { request in
            do {
                let token = try oauth.token(for: request)
                return .json(
                    [
                        "access_token": .string(token.value), "expires_in": .int(Int64(BookingkitOAuth.tokenLifetime)),
                        "token_type": "Bearer", "scope": .string(OAuthScopes.text(token.scopes)),
                    ], contentType: "application/json", headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
            } catch let error as OAuthError {
                throw failure(error)
            }
        }.outsideBasePath()
    }

    static func failure(_ error: OAuthError) -> OAuthFailure {
        switch error {
        case .missingGrantType, .malformedBody:
            return .token("invalid_request", "The grant type was not specified in the request")
        case .unsupportedGrantType(let grant):
            return .token("unsupported_grant_type", "Grant type \"\(grant)\" not supported")
        case .clientAuthentication(.noCredentials):
            return .token("invalid_client", "Client credentials were not found in the headers or body")
        case .clientAuthentication(.missingSecret):
            return .token("invalid_client", "client credentials are required")
        case .clientAuthentication(.invalidCredentials), .unknownClient:
            return .token("invalid_client", "The client credentials are invalid")
        case .invalidScope:
            return .token("invalid_scope", "The scope requested is invalid for this request")
        case .activeTokenLimit:
            return .token(status: 429, "Too many requests", "please reuse your oauth tokens", errorCode: 42901)
        case .missingParameter, .invalidRedirectURI, .unsupportedResponseType, .invalidGrant:
            return .token("invalid_request", "The request is invalid")
        }
    }
}
