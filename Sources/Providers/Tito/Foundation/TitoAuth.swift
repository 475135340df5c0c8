import Emulation

/// A Tito setting in the environment that cannot be used; reported when the server starts.
struct TitoConfigurationError: Error, CustomStringConvertible {
    let description: String
}

/// A token the server accepts, from the seed (`tokens.json`) or from `TITO_TOKENS`.
struct TitoToken: Sendable {
    let token: String
    let lookupMode: LookupMode
    let accounts: [String]
    let denied: [String]
    let purpose: String

    var principal: TitoPrincipal {
        TitoPrincipal(token: token, lookupMode: lookupMode, accounts: accounts, denied: Set(denied))
    }
}

/// Token authentication (spec §2): the `Authorization` forms Rails' `authenticate_with_http_token`
/// reads, the seeded tokens, and two settings: `TITO_TOKENS` (a JSON array of
/// `{token, lookup_mode, accounts, denied}` added to the seeded tokens) and `TITO_ACCEPT_ANY_TOKEN`
/// (`true`: an unknown non-empty token acts as the first seeded token).
struct TitoAuth: Sendable {
    let environmentTokens: [TitoToken]
    let acceptAnyToken: Bool
    let configurationError: TitoConfigurationError?

    init(environment: [String: String]) {
        var problems: [String] = []
        var tokens: [TitoToken] = []
        if let text = environment["TITO_TOKENS"], !text.trimmingWhitespace().isEmpty {
            if let parsed = Self.parseTokens(text) {
                tokens = parsed
            } else {
                problems.append(
                    "TITO_TOKENS must be a JSON array of {\"token\": …, \"lookup_mode\": \"live\"|\"test\", \"accounts\": [slugs], \"denied\": [resources]}")
            }
        }
        environmentTokens = tokens
        switch environment["TITO_ACCEPT_ANY_TOKEN"]?.trimmingWhitespace().lowercased() {
        case nil, "", "false", "0", "no": acceptAnyToken = false
        case "true", "1", "yes": acceptAnyToken = true
        case let other?:
            acceptAnyToken = false
            problems.append("TITO_ACCEPT_ANY_TOKEN must be true or false, not \"\(other)\"")
        }
        configurationError = problems.isEmpty ? nil : TitoConfigurationError(description: problems.joined(separator: "; "))
    }

    func authenticate(_ request: ProviderRequest) throws -> TitoPrincipal {
        guard let token = Self.token(fromAuthorization: request.headers["Authorization"]) else {
            throw TitoError.missingToken
        }
        // One read for the token and the rate limit's settings; the limiter writes only when it is on.
        let (principal, rateLimit) = try request.read { database -> (TitoPrincipal, RateLimiter.Settings) in
            let settings = try RateLimiter.settings(in: database)
            if let known = try self.token(token, in: database) { return (known.principal, settings) }
            guard acceptAnyToken, let first = try allTokens(in: database).first else { throw TitoError.invalidToken }
            let principal = TitoPrincipal(
                token: token, lookupMode: first.lookupMode, accounts: first.accounts, denied: Set(first.denied))
            return (principal, settings)
        }
        try RateLimiter.count(principal.token, under: rateLimit, in: request)
        return principal
    }

    /// The token of an `Authorization` value: `Token token=abc`, `Token token="abc"`, `Token abc`
    /// or `Bearer abc` (scheme words case-sensitive; options after `,` or `;` ignored). Nil for
    /// another scheme, or when the token is empty.
    static func token(fromAuthorization header: String?) -> String? {
        guard let header else { return nil }
        var rest: Substring
        if header.hasPrefix("Token ") || header.hasPrefix("Token\t") {
            rest = header.dropFirst(6)
        } else if header.hasPrefix("Bearer ") || header.hasPrefix("Bearer\t") {
            rest = header.dropFirst(7)
        } else {
            return nil
        }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let first = rest.prefix { $0 != "," && $0 != ";" && $0 != "\t" }.trimmingWhitespace()
        var value = Substring(first)
        if value.hasPrefix("token=") { value = value.dropFirst(6) }
        if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
        let token = String(value).trimmingWhitespace()
        return token.isEmpty ? nil : token
    }

    /// A known token: `TITO_TOKENS` wins over a seeded token of the same text.
    func token(_ text: String, in database: Database) throws -> TitoToken? {
        if let configured = environmentTokens.first(where: { $0.token == text }) { return configured }
        return try database.queryOne(
            "SELECT token, lookup_mode, accounts, denied, purpose FROM tito_tokens WHERE token = ?", text
        ).map(Self.token(row:))
    }

    /// Every token, seeded ones first (in seed order), then `TITO_TOKENS`.
    func allTokens(in database: Database) throws -> [TitoToken] {
        var tokens = try database.query("SELECT token, lookup_mode, accounts, denied, purpose FROM tito_tokens ORDER BY position")
            .map(Self.token(row:))
        for configured in environmentTokens {
            tokens.removeAll { $0.token == configured.token }
            tokens.append(configured)
        }
        return tokens
    }

    private static func token(row: Row) -> TitoToken {
        TitoToken(
            token: row.string("token") ?? "",
            lookupMode: LookupMode(rawValue: row.string("lookup_mode") ?? "") ?? .live,
            accounts: JSONColumn.strings(row.string("accounts")),
            denied: JSONColumn.strings(row.string("denied")),
            purpose: row.string("purpose") ?? "")
    }

    private static func parseTokens(_ text: String) -> [TitoToken]? {
        guard let array = (try? JSONParser.parse(text))?.arrayValue else { return nil }
        var tokens: [TitoToken] = []
        for element in array {
            guard let token = element["token"]?.stringValue, !token.isEmpty,
                let mode = LookupMode(rawValue: element["lookup_mode"]?.stringValue ?? "live"),
                let accounts = element["accounts"]?.arrayValue?.compactMap(\.stringValue)
            else { return nil }
            let denied = element["denied"]?.arrayValue?.compactMap(\.stringValue) ?? []
            tokens.append(
                TitoToken(token: token, lookupMode: mode, accounts: accounts, denied: denied, purpose: "Configured by TITO_TOKENS"))
        }
        return tokens
    }
}
