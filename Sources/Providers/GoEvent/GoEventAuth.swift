import Emulation

/// The user a request acts as: the one its bearer token belongs to.
public struct GoEventUser: Sendable {
    public let id: String
}

/// GoEvent's bearer-token authentication (spec §2) and the settings that shape it:
/// `GOEVENT_TOKENS` (a JSON object token → user id, on top of the seeded tokens),
/// `GOEVENT_AUTH_MODE` (`strict`, the default, or `permissive`) and `GOEVENT_DEFAULT_USER_ID`.
/// The tokens themselves live in the world's token store (`GoEventTokens`).
struct GoEventAuth: Sendable {
    enum Mode: String, Sendable, CaseIterable {
        /// Only known tokens are accepted.
        case strict
        /// Any non-empty token is accepted; unknown ones act as the default user.
        case permissive
    }

    let mode: Mode
    /// Tokens from `GOEVENT_TOKENS`, in the order written. Configuration, not data: a reset keeps them.
    let environmentTokens: [(token: String, userID: String)]
    /// `GOEVENT_DEFAULT_USER_ID`; nil means the first seeded user.
    let configuredDefaultUserID: String?

    static let noTokenMessage = "No token provided"
    static let invalidTokenMessage = "Invalid token"

    init(settings: inout SettingsReader) {
        mode = settings.choice("GOEVENT_AUTH_MODE", default: .strict)
        environmentTokens =
            settings.object(
                "GOEVENT_TOKENS",
                expecting: "a JSON object of token → 24-hex user id, e.g. {\"my-token\": \"6560a0000000000000000001\"}"
            ) { token, value in
                guard !token.isEmpty, token == token.trimmingWhitespace(), let userID = value.stringValue.flatMap(ObjectID.normalized)
                else { return nil }
                return (token: token, userID: userID)
            } ?? []
        configuredDefaultUserID = settings.value("GOEVENT_DEFAULT_USER_ID", expecting: "a 24-hex user id") {
            ObjectID.normalized($0.trimmingWhitespace())
        }
    }

    /// The user of the request's bearer token, or a 401 in GoEvent's dialect.
    func authenticate(_ request: ProviderRequest) throws -> GoEventUser {
        guard let token = Self.bearerToken(request.headers["Authorization"]) else {
            throw GoEventError.unauthorized(Self.noTokenMessage)
        }
        if let userID = GoEventTokens.userID(of: request.world.tokens.token(provider: GoEventProvider.providerName, value: token)) {
            return GoEventUser(id: userID)
        }
        guard mode == .permissive, let userID = try request.read({ try defaultUserID(in: $0) }) else {
            throw GoEventError.unauthorized(Self.invalidTokenMessage)
        }
        return GoEventUser(id: userID)
    }

    /// The token of an `Authorization: Bearer <token>` value: the scheme in any case, one or
    /// more spaces, then the rest trimmed. Nil for another scheme or an empty token.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let scheme = "bearer "
        guard header.prefix(scheme.count).lowercased() == scheme else { return nil }
        let token = header.dropFirst(scheme.count).trimmingWhitespace()
        return token.isEmpty ? nil : token
    }

    /// The user permissive mode falls back to, and whose token the credentials put first.
    func defaultUserID(in database: Database) throws -> String? {
        if let configuredDefaultUserID { return configuredDefaultUserID }
        return try database.queryOne("SELECT id FROM goevent_users ORDER BY seq LIMIT 1")?.string("id")
    }
}
