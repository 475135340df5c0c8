import Emulation

/// The user a request acts as: the one its bearer token belongs to.
public struct GoEventUser: Sendable {
    public let id: String
}

/// A GoEvent setting in the environment that cannot be used; reported when the server starts.
struct GoEventConfigurationError: Error, CustomStringConvertible {
    let description: String
}

/// GoEvent's bearer-token authentication (spec §2) and the settings that shape it:
/// `GOEVENT_TOKENS` (a JSON object token → user id, on top of the seeded tokens),
/// `GOEVENT_AUTH_MODE` (`strict`, the default, or `permissive`) and `GOEVENT_DEFAULT_USER_ID`.
struct GoEventAuth: Sendable {
    enum Mode: Sendable {
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
    /// Why the environment could not be read, thrown when the seed loads so the server refuses to start.
    let configurationError: GoEventConfigurationError?

    static let noTokenMessage = "No token provided"
    static let invalidTokenMessage = "Invalid token"

    init(environment: [String: String]) {
        var problems: [String] = []

        switch environment["GOEVENT_AUTH_MODE"]?.trimmingWhitespace().lowercased() {
        case nil, "", "strict": mode = .strict
        case "permissive": mode = .permissive
        case let other?:
            mode = .strict
            problems.append("GOEVENT_AUTH_MODE must be \"strict\" or \"permissive\", not \"\(other)\"")
        }

        var tokens: [(token: String, userID: String)] = []
        if let text = environment["GOEVENT_TOKENS"], !text.trimmingWhitespace().isEmpty {
            switch Self.parseTokens(text) {
            case .success(let parsed): tokens = parsed
            case .failure(let problem): problems.append(problem.description)
            }
        }
        environmentTokens = tokens

        var defaultUser: String?
        if let text = environment["GOEVENT_DEFAULT_USER_ID"], !text.trimmingWhitespace().isEmpty {
            defaultUser = ObjectID.normalized(text.trimmingWhitespace())
            if defaultUser == nil {
                problems.append("GOEVENT_DEFAULT_USER_ID must be a 24-hex user id, not \"\(text)\"")
            }
        }
        configuredDefaultUserID = defaultUser

        configurationError = problems.isEmpty ? nil : GoEventConfigurationError(description: problems.joined(separator: "; "))
    }

    /// The user of the request's bearer token, or a 401 in GoEvent's dialect.
    func authenticate(_ request: ProviderRequest) throws -> GoEventUser {
        guard let token = Self.bearerToken(request.headers["Authorization"]) else {
            throw GoEventError.unauthorized(Self.noTokenMessage)
        }
        return try request.read { database in
            if let userID = try userID(of: token, in: database) { return GoEventUser(id: userID) }
            guard mode == .permissive, let userID = try defaultUserID(in: database) else {
                throw GoEventError.unauthorized(Self.invalidTokenMessage)
            }
            return GoEventUser(id: userID)
        }
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

    /// The user a known token belongs to; `GOEVENT_TOKENS` wins over a stored token of the same text.
    func userID(of token: String, in database: Database) throws -> String? {
        if let configured = environmentTokens.first(where: { $0.token == token }) { return configured.userID }
        return try database.queryOne("SELECT user_id FROM goevent_tokens WHERE token = ?", token)?.string("user_id")
    }

    /// The user permissive mode falls back to, and whose token the credentials put first.
    func defaultUserID(in database: Database) throws -> String? {
        if let configuredDefaultUserID { return configuredDefaultUserID }
        return try database.queryOne("SELECT id FROM goevent_users ORDER BY seq LIMIT 1")?.string("id")
    }

    private static func parseTokens(_ text: String) -> Result<[(token: String, userID: String)], GoEventConfigurationError> {
        let invalid = GoEventConfigurationError(
            description: "GOEVENT_TOKENS must be a JSON object of token → 24-hex user id, e.g. {\"my-token\": \"6560a0000000000000000001\"}")
        guard let object = (try? JSONParser.parse(text))?.objectValue else { return .failure(invalid) }
        var tokens: [(token: String, userID: String)] = []
        for (token, value) in object {
            guard !token.isEmpty, token == token.trimmingWhitespace(),
                let userID = value.stringValue.flatMap(ObjectID.normalized)
            else { return .failure(invalid) }
            tokens.append((token, userID))
        }
        return .success(tokens)
    }
}
