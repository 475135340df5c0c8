import Emulation

/// Authentication of API requests (spec §3), in the evaluation order of §3.4: API switches, then
/// the credential, then the rate limit. Tokens live in the world's token store: the seeded ones
/// (`seed/eventbrite/tokens.json`), and those `/oauth/token` and the control API mint.
struct EventbriteAuth: Sendable {
    static let provider = "eventbrite"

    let settings: EventbriteSettings

    func authenticate(_ request: ProviderRequest) throws -> Caller {
        let switches = try APISwitches(headers: request.headers)
        let value = try Self.credential(of: request)
        guard let token = request.world.tokens.token(provider: Self.provider, value: value), !token.isExpired(at: request.now)
        else { throw EventbriteError.invalidAuth(status: settings.invalidAuthStatus) }
        if token.subject["disabled"]?.boolValue == true { throw EventbriteError.accessDenied }
        let caller: Caller
        if token.subject["kind"]?.stringValue == "service" {
            caller = Caller(token: value, kind: .service, switches: switches)
        } else {
            guard let userID = EventbriteID.parse(token.subject["user_id"]) else {
                throw EventbriteError.invalidAuth(status: settings.invalidAuthStatus)
            }
            let organizations = try request.read { database -> Set<Int64>? in
                guard try database.queryOne("SELECT 1 FROM eventbrite_users WHERE id = ?", userID) != nil else { return nil }
                let rows = try database.query("SELECT organization_id FROM eventbrite_members WHERE user_id = ?", userID)
                return Set(rows.compactMap { $0.int("organization_id").map(Int64.init) })
            }
            // A token whose user no longer exists is as good as revoked.
            guard let organizations else { throw EventbriteError.invalidAuth(status: settings.invalidAuthStatus) }
            caller = Caller(token: value, kind: .user(UserCaller(userID: userID, organizationIDs: organizations)), switches: switches)
        }
        try EventbriteRateLimit.count(caller.token, in: request)
        return caller
    }

    /// The token of a request (§3.1): the `Authorization` header when there is one, which must
    /// be `Bearer <token>` (scheme in any case, one token); otherwise a non-empty `token` query
    /// parameter; otherwise `NO_AUTH`.
    static func credential(of request: ProviderRequest) throws(EventbriteError) -> String {
        switch request.bearerCredential(queryParameter: "token", whenBoth: .headerWins) {
        case .token(let token): return token
        case .malformedHeader, .headerAndQuery: throw EventbriteError.invalidAuthHeader
        case .absent: throw EventbriteError.noAuth
        }
    }
}
