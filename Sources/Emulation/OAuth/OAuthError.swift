/// Why an OAuth request failed, in RFC 6749's terms. The toolkit reports; each provider renders
/// the status and body its spec gives for the case.
public enum OAuthError: Error, Sendable, Equatable {
    /// The token request's body could not be read.
    case malformedBody(RequestBodyError)
    /// No `grant_type`, or an empty one.
    case missingGrantType
    /// A `grant_type` the provider does not offer.
    case unsupportedGrantType(String)
    /// A required parameter is absent or empty (`code`, `client_id`, `redirect_uri`, `response_type`).
    case missingParameter(String)
    /// Client authentication at the token endpoint failed.
    case clientAuthentication(ClientAuthenticationFailure)
    /// The authorize step names a client that does not exist.
    case unknownClient(String)
    /// The authorize step's `redirect_uri` is not absolute or not one the client registered.
    case invalidRedirectURI(String)
    /// A `response_type` the provider does not offer.
    case unsupportedResponseType(String)
    /// The requested scopes are not all among the client's; `notAllowed` lists those that are not.
    case invalidScope(notAllowed: [String])
    /// The code cannot be exchanged (RFC 6749 §5.2 `invalid_grant`); the reason says why.
    case invalidGrant(InvalidGrantReason)
    /// The client already holds an unexpired token and the one-active-token rule is on
    /// (bookingkit's 42901); `existing` is that token.
    case activeTokenLimit(existing: IssuedToken)

    public enum ClientAuthenticationFailure: Sendable, Equatable {
        /// No `client_id` in the body and no HTTP Basic credentials.
        case noCredentials
        /// A client id without a secret (or with an empty one).
        case missingSecret
        /// The client does not exist or the secret is wrong.
        case invalidCredentials
    }

    public enum InvalidGrantReason: Sendable, Equatable {
        case unknownCode
        case codeAlreadyUsed
        case codeExpired
        /// The code was issued to another client.
        case clientMismatch
        /// The `redirect_uri` differs from the one the code was issued for.
        case redirectURIMismatch
    }
}
