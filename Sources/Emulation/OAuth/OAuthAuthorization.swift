/// What the authorize step decided, and where to send the user agent with it.
public struct OAuthAuthorization: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// A single-use code for the token endpoint.
        case code(String)
        /// A token straight away (`response_type=token`).
        case token(IssuedToken)
        /// The deny switch was armed: the user "refused".
        case denied
    }

    /// Where the redirect carries its parameters: in the query (`?code=…`) or, as RFC 6749
    /// §4.2.2 has it for tokens, in the fragment (`#access_token=…`).
    public enum Placement: Sendable {
        case query
        case fragment
    }

    public let outcome: Outcome
    public let client: OAuthClient
    public let redirectURI: String
    /// The request's `state`, echoed in the redirect.
    public let state: String?
    /// Seconds the token stays valid, for `expires_in`; nil for tokens that never expire.
    public let expiresIn: Int?

    /// The `Location` of the redirect: `code` (and `state`), `access_token`, `token_type`,
    /// `expires_in` when the token expires (and `state`), or `error=access_denied` (and `state`).
    /// Codes and errors always go in the query (RFC 6749 §4.1.2); `tokenPlacement` is the provider's.
    public func location(tokenType: String, tokenPlacement: Placement) -> String {
        var parameters: [(String, String)]
        var placement = Placement.query
        switch outcome {
        case .code(let code):
            parameters = [("code", code)]
        case .token(let token):
            parameters = [("access_token", token.value), ("token_type", tokenType)]
            if let expiresIn { parameters.append(("expires_in", String(expiresIn))) }
            placement = tokenPlacement
        case .denied:
            parameters = [("error", "access_denied")]
        }
        if let state { parameters.append(("state", state)) }
        return Self.appending(parameters, to: redirectURI, in: placement)
    }

    /// `uri` with `parameters` form-encoded into its query (before any fragment) or its fragment.
    static func appending(_ parameters: [(String, String)], to uri: String, in placement: Placement) -> String {
        let encoded = parameters.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
        let fragmentStart = uri.firstIndex(of: "#")
        switch placement {
        case .fragment:
            guard let fragmentStart else { return uri + "#" + encoded }
            let hasFragment = uri.index(after: fragmentStart) != uri.endIndex
            return uri + (hasFragment ? "&" : "") + encoded
        case .query:
            let base = uri[..<(fragmentStart ?? uri.endIndex)]
            let fragment = uri[(fragmentStart ?? uri.endIndex)...]
            let separator = !base.contains("?") ? "?" : base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&"
            return String(base) + separator + encoded + String(fragment)
        }
    }
}
