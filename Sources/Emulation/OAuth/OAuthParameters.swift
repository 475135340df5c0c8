/// The parameters of an OAuth token request, from its body whatever the encoding (form,
/// multipart or JSON). JSON numbers and booleans read as their text, as a PHP or Django server
/// would see them; arrays, objects and null read as absent.
public struct OAuthParameters: Sendable {
    public let body: RequestBody

    public init(_ body: RequestBody) {
        self.body = body
    }

    public subscript(name: String) -> String? {
        switch body.value[name] {
        case .string(let text)?: return text
        case let scalar? where scalar.intValue != nil || scalar.doubleValue != nil || scalar.boolValue != nil:
            return JSONWriter.string(scalar)
        default: return nil
        }
    }

    /// The parameter, or nil when it is absent or empty (RFC 6749 §3.1: "parameters sent without
    /// a value MUST be treated as if they were omitted").
    public func nonEmpty(_ name: String) -> String? {
        self[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The grants a token endpoint may offer.
public enum OAuthGrantType: String, Sendable, CaseIterable {
    case clientCredentials = "client_credentials"
    case authorizationCode = "authorization_code"
}

/// The flows an authorize endpoint may offer (RFC 6749 §4.1 and §4.2).
public enum OAuthResponseType: String, Sendable, CaseIterable {
    /// An authorization code, exchanged at the token endpoint.
    case code
    /// An access token handed straight to the redirect (the implicit grant).
    case token
}
