import Emulation

/// Token authentication (spec §2): the `Authorization` forms Rails' `authenticate_with_http_token`
/// reads, the tokens of the world's token store (`TitoToken`: the seeded ones, then those of
/// `TITO_TOKENS`, a JSON array of `{token, lookup_mode, accounts, denied}`), `TITO_ACCEPT_ANY_TOKEN`
/// (`true`: an unknown non-empty token acts as the first token) and the optional rate limit. The
/// principal it makes also carries `TITO_MONEY_AS_NUMBERS`.
struct TitoAuth: Sendable {
    let environmentTokens: [TitoToken]
    let acceptAnyToken: Bool
    /// `TITO_MONEY_AS_NUMBERS`: money fields as JSON numbers, as the live service writes them
    /// (API 3.1); the v3 docs print strings, the default.
    let moneyAsNumbers: Bool

    init(settings: inout SettingsReader) {
        environmentTokens =
            settings.array(
                "TITO_TOKENS",
                expecting:
                    "a JSON array of {\"token\": …, \"lookup_mode\": \"live\"|\"test\", \"accounts\": [slugs], \"denied\": [resources]}",
                TitoToken.init(configured:)
            ) ?? []
        acceptAnyToken = settings.flag("TITO_ACCEPT_ANY_TOKEN", default: false)
        moneyAsNumbers = settings.flag("TITO_MONEY_AS_NUMBERS", default: false)
    }

    func authenticate(_ request: ProviderRequest) throws -> TitoPrincipal {
        guard let token = Self.token(fromAuthorization: request.headers["Authorization"]) else {
            throw TitoError.missingToken
        }
        let store = request.world.tokens
        guard let issued = store.token(provider: TitoProvider.providerName, value: token)
            ?? (acceptAnyToken ? store.tokens(provider: TitoProvider.providerName).first : nil)
        else { throw TitoError.invalidToken }
        var principal = TitoToken(issued: issued).principal(presented: token)
        try TitoRateLimit.count(principal.token, in: request)
        principal.moneyAsNumbers = moneyAsNumbers
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
}
