import HTTPServer

/// The bearer token a request presents (RFC 6750 §2.1 and §2.3): `Authorization: Bearer <token>`
/// (scheme in any case, then one token) and/or a query parameter. Which case it is decides the
/// provider's error; the bodies stay in the provider.
public enum BearerCredential: Sendable, Equatable {
    /// Neither an `Authorization` header nor a non-empty query parameter.
    case absent
    /// An `Authorization` header that is not `Bearer` followed by exactly one token.
    case malformedHeader
    /// Both a header and the query parameter, where only one method may be used.
    case headerAndQuery
    case token(String)

    /// What to do when a request carries both a header and the query parameter.
    public enum WhenBoth: Sendable {
        /// The header is used (and must be well-formed); the query parameter is ignored (Eventbrite).
        case headerWins
        /// `.headerAndQuery`, whatever the header holds (bookingkit, RFC 6750 §2: "MUST NOT use
        /// more than one method").
        case refuse
    }

    /// Reads a request's bearer credential. An empty or blank `Authorization` value and an empty
    /// query value count as absent (decided here; both specs call an empty `token=` absent).
    public static func read(
        headers: HTTPHeaders, query: QueryParameters, queryParameter: String?, whenBoth: WhenBoth
    ) -> BearerCredential {
        let header = headers["Authorization"].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        let queryToken = queryParameter.flatMap { query[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        switch (header, queryToken) {
        case (nil, nil): return .absent
        case (nil, let token?): return .token(token)
        case (_?, _?) where whenBoth == .refuse: return .headerAndQuery
        case (let header?, _): return token(inHeader: header).map(BearerCredential.token) ?? .malformedHeader
        }
    }

    /// The token of `Bearer <token>`: the scheme in any case, whitespace, then one token with no
    /// whitespace in it (the value is already trimmed).
    private static func token(inHeader value: String) -> String? {
        let scheme = value.prefix { $0 != " " && $0 != "\t" }
        guard scheme.lowercased() == "bearer" else { return nil }
        let token = value.dropFirst(scheme.count).trimmingWhitespace()
        guard !token.isEmpty, !token.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
        return token
    }
}

extension ProviderRequest {
    /// The request's bearer credential, from the header and the query parameter `queryParameter`.
    public func bearerCredential(queryParameter: String?, whenBoth: BearerCredential.WhenBoth) -> BearerCredential {
        BearerCredential.read(headers: headers, query: query, queryParameter: queryParameter, whenBoth: whenBoth)
    }
}
