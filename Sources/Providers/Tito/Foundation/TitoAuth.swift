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
        // Read as UTF-8 bytes, as Rails' patterns read it (every delimiter is ASCII): on
        // characters, each of these steps would break the header into graphemes again.
        guard var rest = header.map({ Substring($0).utf8 }) else { return nil }
        if rest.starts(with: "Token ".utf8) || rest.starts(with: "Token\t".utf8) {
            rest = rest.dropFirst(6)
        } else if rest.starts(with: "Bearer ".utf8) || rest.starts(with: "Bearer\t".utf8) {
            rest = rest.dropFirst(7)
        } else {
            return nil
        }
        rest = rest.trimmingWhitespace()
        var value = rest.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "\t") }.trimmingWhitespace()
        if value.starts(with: "token=".utf8) { value = value.dropFirst(6) }
        let quote = UInt8(ascii: "\"")
        if value.count >= 2 && value.first == quote && value.last == quote { value = value.dropFirst().dropLast() }
        value = value.trimmingWhitespace()
        return value.isEmpty ? nil : String(Substring(value))
    }
}
